"""Worker for ui_max_stall_ms, ui_p99_stall_ms and peak_rss_ratio: the real wizard, offscreen, runs a profile
of 1,000 messages from its Run page while a 20 ms QTimer heartbeat records how late it fires.

    QT_QPA_PLATFORM=offscreen python gui_run.py CONFIG_JSON   -> BENCH-RESULT {...}

CONFIG_JSON: {"mode": "external", host, scope, device_id, key, ca_file, count}: the profile points at an
emulator in another process (as the app is used against Azure: nothing else in this process), or
{"mode": "demo", "bind": ADDRESS, count}: the Start page's demo, whose emulator runs inside the GUI process.
One run per process, so no Qt state leaks from one repetition into the next.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import sys
import tempfile
import time

import common  # noqa: F401 - sys.path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DPS_WIZARD_CONFIG_DIR"] = tempfile.mkdtemp(prefix="dps-bench-gui-")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")  # no keyring prompts here

HEARTBEAT_MS = 20
_gc: dict[str, float] = {}
GC_PAUSES: list[tuple[int, float, float]] = []  # (generation, ms, ended at monotonic) of every collection


def _gc_callback(phase: str, info: dict) -> None:
    """Records the pauses of CPython's cyclic collector (any thread): they hold the GIL, so the UI waits."""
    if phase == "start":
        _gc["t"] = time.monotonic()
    elif "t" in _gc:
        now = time.monotonic()
        GC_PAUSES.append((info["generation"], (now - _gc["t"]) * 1000, now))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def drive(cfg: dict) -> dict:
    from PySide6.QtCore import Qt, QTimer

    from wizard.core.profile import Profile
    from wizard.core.profiles import ProfileStore
    from wizard.ui.form import PageId
    from wizard.ui.wizard_window import DpsWizard

    store = ProfileStore(os.environ["DPS_WIZARD_CONFIG_DIR"])
    if cfg["mode"] == "demo":
        w = DpsWizard(store, demo_bind=cfg["bind"], demo_assign_at_once=True)
        w.show()
        await w.start_demo()
        w.go_to_page(PageId.TELEMETRY)
        w.telemetry_page.count.setValue(cfg["count"])
    else:
        w = DpsWizard(store)
        w.show()
        profile = Profile(name="bench", host=cfg["host"], id_scope=cfg["scope"], registration_id=cfg["device_id"],
                          trusted_ca=cfg["ca_file"], count=cfg["count"])
        w.load_profile(profile, cfg["key"])
    w.go_to_page(PageId.REVIEW)
    if w.currentId() != PageId.REVIEW:
        raise RuntimeError(f"could not reach the Review page (stuck on page {w.currentId()})")
    await asyncio.sleep(0.3)  # let the Review page settle before the heartbeat starts

    gaps: list[float] = []
    ends: list[float] = []
    last = [0.0]

    def beat() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        ends.append(now)
        last[0] = now

    timer = QTimer(w)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(HEARTBEAT_MS)
    timer.timeout.connect(beat)
    timer.start()
    gc.callbacks.append(_gc_callback)
    last[0] = t0 = time.monotonic()
    w.next()  # the Review page's "Run" (commit) button: switches to the Run page, which starts the run
    click_s = time.monotonic() - t0
    while w.run_page.finished is None:
        if time.monotonic() - t0 > 120:
            raise RuntimeError("the run did not finish in 120 s")
        await asyncio.sleep(0.05)
    took = time.monotonic() - t0
    timer.stop()
    gc.callbacks.remove(_gc_callback)
    full = [(round(ms, 1), round(at - t0, 3)) for gen, ms, at in GC_PAUSES if gen == 2]
    f = w.run_page.finished
    if f.telemetry.acknowledged != cfg["count"]:
        raise RuntimeError(f"{f.outcome}: {f.telemetry.acknowledged} of {cfg['count']} acknowledged ({f.problem})")
    rss_kb = common.peak_rss_kb()
    return {
        "t0": t0, "click_ms": click_s * 1000, "beats": len(gaps), "run_s": took, "max_gap_ms": max(gaps) * 1000,
        "p99_gap_ms": percentile(gaps, 0.99) * 1000,
        "median_gap_ms": percentile(gaps, 0.5) * 1000, "telemetry_s": f.telemetry.duration_s,
        "rate_per_s": f.telemetry.rate_per_s, "maxrss_kb": rss_kb,
        "gc_full_collections_ms_at_s": full,
        "gc_longest_ms": round(max((ms for _g, ms, _a in GC_PAUSES), default=0.0), 1),
        # The five largest gaps and when each ended (seconds after the Run click), to find their cause.
        "worst_gaps": sorted(((round(g * 1000, 1), round(e - t0, 3)) for g, e in zip(gaps, ends, strict=True)),
                             reverse=True)[:5],
    }


def main() -> None:
    cfg = json.loads(sys.argv[1])
    import qasync

    from wizard.ui.app import create_app

    app = create_app([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    result = loop.run_until_complete(drive(cfg))
    common.emit_result(result)
    sys.stdout.flush()
    os._exit(0)  # SDK and emulator threads are not part of the figure


if __name__ == "__main__":
    main()
