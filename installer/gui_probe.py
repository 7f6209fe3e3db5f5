"""Start the (frozen) GUI under Xvfb, time it to its first page on screen and take a screenshot, from outside
the app: Xvfb keeps its screen in a file (-fbdir, XWD format) that is read while the app starts.

    python installer/gui_probe.py dist/dps-wizard/dps-wizard [--runs 5] [--drop-caches] [--screenshot out.png]

"first paint" is the time from spawning the process to the first change of the screen (Qt maps the window with
its page already painted into the backing store); "settled" is the last change before the screen stayed still
for --quiet seconds. --drop-caches writes 3 to /proc/sys/vm/drop_caches (root) before each run, for a cold start.
Used by tests/packaging/test_frozen_app.py; needs Xvfb (the xvfb package) and PySide6 for the PNG.
"""

from __future__ import annotations

import argparse
import mmap
import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

WIDTH, HEIGHT = 1920, 1200  # the pointer rests at the centre: outside the window, so nothing shows hovered


@dataclass
class Frame:
    width: int
    height: int
    bytes_per_line: int
    offset: int  # of the pixels in the file


@dataclass
class Result:
    first_paint: float | None
    settled: float | None
    screenshot: Path | None
    exit_code: int | None  # None: still running when the probe ended it (the normal case)


class Xvfb:
    """An Xvfb server on a free display number, with its screen in a file."""

    def __init__(self, width: int = WIDTH, height: int = HEIGHT) -> None:
        if not shutil.which("Xvfb"):
            raise RuntimeError("Xvfb is not installed (Debian package xvfb)")
        self.dir = tempfile.TemporaryDirectory(prefix="dps-wizard-xvfb-")
        read, write = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24", "-fbdir", self.dir.name,
             "-nocursor", "-nolisten", "tcp", "-noreset"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.close()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        self.path = Path(self.dir.name) / "Xvfb_screen0"
        self.file = open(self.path, "rb")  # noqa: SIM115 - closed in close()
        self.map = mmap.mmap(self.file.fileno(), 0, access=mmap.ACCESS_READ)
        self.frame = self._header()

    def _header(self) -> Frame:
        fields = struct.unpack(">25I", self.map[:100])
        header_size, version, _fmt, depth, width, height = fields[:6]
        bits_per_pixel, bytes_per_line, ncolors = fields[11], fields[12], fields[19]
        if version != 7 or depth != 24 or bits_per_pixel != 32:
            raise RuntimeError(f"unexpected Xvfb screen format: version {version}, depth {depth}, {bits_per_pixel} bpp")
        return Frame(width, height, bytes_per_line, header_size + 12 * ncolors)

    def pixels(self) -> bytes:
        f = self.frame
        return self.map[f.offset: f.offset + f.bytes_per_line * f.height]

    def checksum(self) -> int:
        return zlib.crc32(self.pixels())

    def save_png(self, path: Path, baseline: bytes | None = None, margin: int = 8) -> Path:
        """The screen as PNG, cropped to what differs from `baseline` (the empty screen), plus a margin."""
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QImage

        f, data = self.frame, self.pixels()
        image = QImage(data, f.width, f.height, f.bytes_per_line, QImage.Format.Format_RGB32).copy()
        if baseline is not None:
            rows = [y for y in range(f.height)
                    if data[y * f.bytes_per_line:(y + 1) * f.bytes_per_line]
                    != baseline[y * f.bytes_per_line:(y + 1) * f.bytes_per_line]]
            if rows:
                top, bottom = rows[0], rows[-1]
                cols = [x for x in range(0, f.width) if any(
                    data[y * f.bytes_per_line + 4 * x: y * f.bytes_per_line + 4 * x + 3]
                    != baseline[y * f.bytes_per_line + 4 * x: y * f.bytes_per_line + 4 * x + 3]
                    for y in range(top, bottom + 1, 4))]
                if cols:
                    left, right = cols[0], cols[-1]
                    image = image.copy(max(0, left - margin), max(0, top - margin),
                                       min(f.width, right + margin) - max(0, left - margin),
                                       min(f.height, bottom + margin) - max(0, top - margin))
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path), "PNG"):
            raise RuntimeError(f"could not write {path}")
        return path

    def close(self) -> None:
        for closer in (getattr(self, "map", None), getattr(self, "file", None)):
            if closer is not None:
                closer.close()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.dir.cleanup()

    def __enter__(self) -> Xvfb:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def drop_caches() -> None:
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def probe(command: list[str], *, env: dict[str, str] | None = None, timeout: float = 30, quiet: float = 1.0,
          screenshot: Path | None = None, cold: bool = False) -> Result:
    """One start: spawn `command` on a fresh Xvfb, time the first paint and the settled screen, screenshot it,
    end the app."""
    with Xvfb() as x:
        baseline = x.pixels()
        empty = zlib.crc32(baseline)
        child_env = dict(os.environ if env is None else env)
        child_env.update(DISPLAY=x.display, QT_QPA_PLATFORM="xcb")
        child_env.pop("WAYLAND_DISPLAY", None)
        if cold:
            drop_caches()
        start = time.perf_counter()
        proc = subprocess.Popen(command, env=child_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        first = last_change = None
        previous = empty
        try:
            while True:
                now = time.perf_counter() - start
                current = x.checksum()
                if current != previous:
                    if first is None:
                        first = now
                    last_change, previous = now, current
                if last_change is not None and now - last_change >= quiet:
                    break
                if now > timeout or proc.poll() is not None:
                    break
                time.sleep(0.005)
            shot = x.save_png(screenshot, baseline) if screenshot and first is not None else None
        finally:
            code = proc.poll()
            if code is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            errors = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            if proc.stderr:
                proc.stderr.close()
        if first is None:
            raise RuntimeError(f"nothing appeared on the screen within {timeout} s (exit code {code}): "
                               f"{errors[-2000:]}")
        return Result(first, last_change, shot, code)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="+", help="the GUI to start, with its arguments")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--drop-caches", action="store_true", help="cold start: drop the page cache before each run")
    parser.add_argument("--screenshot", type=Path, help="PNG of the first page (from the last run)")
    parser.add_argument("--quiet", type=float, default=1.0, help="seconds without change that count as settled")
    args = parser.parse_args(argv)
    results = []
    for i in range(args.runs):
        shot = args.screenshot if i == args.runs - 1 else None
        r = probe(args.command, screenshot=shot, cold=args.drop_caches, quiet=args.quiet)
        results.append(r)
        print(f"run {i + 1}: first paint {r.first_paint:.3f} s, settled {r.settled:.3f} s"
              + (f", screenshot {r.screenshot}" if r.screenshot else ""), flush=True)
    firsts = [r.first_paint for r in results]
    settled = [r.settled for r in results]
    kind = "cold (page cache dropped before each run)" if args.drop_caches else "warm"
    print(f"{kind}: first paint median {statistics.median(firsts):.3f} s (min {min(firsts):.3f}, max "
          f"{max(firsts):.3f}); settled median {statistics.median(settled):.3f} s over {len(results)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
