"""Full demo runs (individual and group) against the in-process emulator, through the real pages."""

from __future__ import annotations

import json

import pytest

from tests.gui.conftest import click, commit_button, next_button, until
from wizard.core.events import Outcome
from wizard.ui.form import PageId


async def walk_to_result(qtbot, w, group: bool) -> None:  # noqa: ANN001
    await w.start_demo(group=group)
    assert w.currentId() == PageId.SERVICE
    for expected in (PageId.DEVICE, PageId.TELEMETRY, PageId.REVIEW):
        click(qtbot, next_button(w))
        assert w.currentId() == expected
    assert "dps-wizard run --demo" in w.review_page.command.toPlainText()
    click(qtbot, commit_button(w))
    assert w.currentId() == PageId.RUN
    await until(lambda: w.run_page.finished is not None, 30, "the run to finish")
    f = w.run_page.finished
    assert f.outcome == Outcome.SUCCESS, f.problem
    assert next_button(w).isEnabled()
    click(qtbot, next_button(w))
    assert w.currentId() == PageId.RESULT


@pytest.mark.asyncio
async def test_demo_individual_run_reaches_the_result_page(qtbot, make_wizard):  # noqa: ANN001
    w = make_wizard()
    await walk_to_result(qtbot, w, group=False)
    v = w.result_page.values
    assert v["device_id"].text() == "demo-device-001"
    assert v["hub"].text() == w.demo.handle.hub_host
    assert "10 acknowledged" in v["telemetry"].text()
    assert "median" in v["latency"].text()
    assert "welcome" in w.result_page.payload.toPlainText()
    assert "telemetryInterval" in w.result_page.desired.toPlainText()
    assert w.run_page.steps.states["telemetry"] == "done"
    assert w.run_page.progress.value() == 10


@pytest.mark.asyncio
async def test_demo_group_run_uses_the_derived_key(qtbot, make_wizard):  # noqa: ANN001
    w = make_wizard()
    await w.start_demo(group=True)
    assert w.device_page.group.isChecked()
    click(qtbot, next_button(w))
    assert w.currentId() == PageId.DEVICE
    assert w.device_page.derived.isVisible()
    assert w.device_page.derived.text() and w.device_page.derived.text() != w.device_page.key.text()
    for _ in range(2):
        click(qtbot, next_button(w))
    click(qtbot, commit_button(w))
    await until(lambda: w.run_page.finished is not None, 30, "the run to finish")
    assert w.run_page.finished.outcome == Outcome.SUCCESS, w.run_page.finished.problem
    click(qtbot, next_button(w))
    assert w.result_page.values["device_id"].text() == "demo-sensor-001"
    report = json.loads(__import__("wizard.ui.report", fromlist=["x"]).report_json(w.last_profile, w.last_finished))
    assert report["registration"]["deviceId"] == "demo-sensor-001"
