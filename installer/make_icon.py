"""Make resources/icons/app.ico (the Windows exe, shortcut, installer and uninstall-entry icon) from app.svg.

    python installer/make_icon.py [--check]

Qt renders the SVG at each size; the .ico container is written here: 32-bit BGRA DIBs (with the 1-bit AND mask
old readers expect) for 16-128 px and a PNG for 256 px, the layout Windows' own icons use and the one NSIS and
PyInstaller embed as is. --check rebuilds in memory and exits 1 when the committed file differs (stale icon).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "app.svg"
ICO = ROOT / "resources" / "icons" / "app.ico"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render(svg: Path, size: int):  # noqa: ANN201 - QImage
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)  # not premultiplied: what a DIB icon holds
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def dib(image) -> bytes:  # noqa: ANN001
    """BITMAPINFOHEADER + bottom-up BGRA rows + AND mask (all zero: the alpha channel decides)."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in range(size - 1, -1, -1):
        line = image.constScanLine(y)  # Format_ARGB32 is 0xAARRGGBB per pixel: B, G, R, A in little-endian
        rows.append(bytes(line)[: size * 4])
    mask_stride = ((size + 31) // 32) * 4
    return header + b"".join(rows) + bytes(mask_stride * size)


def png(image) -> bytes:  # noqa: ANN001
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("Qt could not encode PNG")
    buffer.close()
    return bytes(data)


def build_ico(svg: Path = SVG, sizes: tuple[int, ...] = SIZES) -> bytes:
    images = []
    for size in sizes:
        image = render(svg, size)
        images.append((size, png(image) if size >= 256 else dib(image)))
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for size, data in images:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _size, data in images)


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["make_icon"])  # noqa: F841 - fonts, image plugins
    data = build_ico()
    if "--check" in argv:
        if not ICO.is_file() or ICO.read_bytes() != data:
            print(f"{ICO} is missing or stale: run python installer/make_icon.py", file=sys.stderr)
            return 1
        print(f"{ICO} is up to date")
        return 0
    ICO.write_bytes(data)
    print(f"wrote {ICO} ({len(data)} bytes, sizes {', '.join(map(str, SIZES))})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
