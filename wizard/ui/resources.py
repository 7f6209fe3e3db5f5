"""Where the app's icons and translations live (source tree, installed package or PyInstaller bundle)."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    candidates = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "resources")
    here = Path(__file__).resolve()
    candidates += [here.parents[2] / "resources", here.parents[1] / "resources", Path(sys.prefix) / "share" /
                   "dps-wizard" / "resources"]
    for c in candidates:
        if (c / "icons").is_dir():
            return c
    return candidates[0] if frozen else here.parents[2] / "resources"


def icon_path(name: str) -> Path:
    return resources_dir() / "icons" / name


def translations_dir() -> Path:
    return resources_dir() / "translations"
