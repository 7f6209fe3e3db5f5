"""The window never freezes: a 20 ms QTimer heartbeat during a 1,000-message run never waits > 100 ms."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt, QTimer

from tests.gui.conftest import click, commit_button, next_button, until
from wizard.core.events import Outcome
from wizard.ui.form import PageId


@pytest.mark.asyncio
async def test_heartbeat_during_a_1000_message_run(qtbot, make_wizard):  # noqa: ANN001
    w = make_wizard()
    await w.start_demo()
    for _ in range(2):
        click(qtbot, next_button(w))
    w.telemetry_page.count.setValue(1000)
    click(qtbot, next_button(w))
    assert w.currentId() == PageId.REVIEW

    gaps: list[float] = []
    last = [time.monotonic()]

    def beat() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(w)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(20)
    timer.timeout.connect(beat)
    timer.start()
    last[0] = time.monotonic()
    t0 = time.monotonic()
    click(qtbot, commit_button(w))
    await until(lambda: w.run_page.finished is not None, 120, "the 1,000-message run")
    took = time.monotonic() - t0
    timer.stop()
    f = w.run_page.finished
    assert f.outcome == Outcome.SUCCESS, f.problem
    assert f.telemetry.acknowledged == 1000
    assert w.run_page.progress.value() == 1000
    worst = max(gaps)
    print(f"\nheartbeat: {len(gaps)} beats over {took:.1f} s, max gap {worst * 1000:.1f} ms, "
          f"median {sorted(gaps)[len(gaps) // 2] * 1000:.1f} ms")
    assert worst < 0.100, f"the UI thread was blocked for {worst * 1000:.0f} ms"
