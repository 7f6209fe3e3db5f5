"""take_screenshots.py walks a demo run under Xvfb and writes one PNG per page."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui.conftest import next_bind

SCRIPT = Path(__file__).with_name("take_screenshots.py")
NAMES = ["01-start", "02-service", "03-device", "04-telemetry", "05-review", "06-run", "07-result", "08-fleet",
         "09-connection-check", "10-diagnostics"]


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (CI has Xvfb)")
def test_screenshot_script_writes_every_page(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    env.pop("DISPLAY", None)
    proc = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x900x24", sys.executable, str(SCRIPT), str(tmp_path / "shots"),
         "--bind", next_bind()],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    for name in NAMES:
        png = tmp_path / "shots" / f"{name}.png"
        assert png.exists(), f"{png} missing: {proc.stdout[-1000:]}"
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000, f"{png} looks empty ({len(data)} bytes)"
