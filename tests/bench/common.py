"""Shared by the benchmark's orchestrator and its worker scripts: statistics, addresses, result hand-over."""

from __future__ import annotations

import itertools
import json
import os
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # workers are started as scripts: make the checkout importable without install
    sys.path.insert(0, str(ROOT))

RESULT_MARK = "BENCH-RESULT "

# Our own corner of 127/8: integration tests use 127.100-249.x.x, GUI tests 127.0.x.150+.
_PREFIX = f"127.251.{os.getpid() % 250}"
_counter = itertools.count(2)


def next_loopback_address() -> str:
    return f"{_PREFIX}.{next(_counter)}"


def summary(values: list[float], digits: int = 4) -> dict[str, Any]:
    """Median, min and max of the repetitions (and the repetitions themselves)."""
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "n": len(values),
        "values": [round(v, digits) for v in values],
    }


def ratio_summary(app: list[float], base: list[float], digits: int = 3) -> dict[str, Any]:
    """Per-repetition ratios of paired runs (app[i] / base[i], measured back to back)."""
    return summary([a / b for a, b in zip(app, base, strict=True)], digits)


def peak_rss_kb() -> int:
    """This process's peak resident set since exec (VmHWM). Not ru_maxrss: on Linux that also counts the
    parent's pages the child held between fork and exec, so it grows with the parent."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def emit_result(data: dict[str, Any]) -> None:
    """A worker's answer: one marked JSON line on stdout (anything else it prints is ignored)."""
    sys.stdout.write(RESULT_MARK + json.dumps(data) + "\n")
    sys.stdout.flush()


def parse_result(stdout: str) -> dict[str, Any]:
    for line in reversed(stdout.splitlines()):
        if line.startswith(RESULT_MARK):
            return json.loads(line[len(RESULT_MARK):])
    raise RuntimeError("the worker printed no result:\n" + stdout[-2000:])
