"""Several devices: the ID list on the Device page, and a batch of demo group devices against the in-process
emulator through the real pages (some made to fail), cancel, retry failed, export."""

from __future__ import annotations

import csv
import json
import os
import stat
import time

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.gui.conftest import click, commit_button, next_button, until
from wizard.core.batch import DeviceState
from wizard.core.keys import derive_device_key
from wizard.emulator import Faults
from wizard.ui.form import PageId

# Made to fail with an individual enrollment for the same ID whose key is the derived one (DPS looks at
# individual enrollments first): disabled, failed allocation, refused by the hub.
FAILURES = {
    "demo-sensor-005": ("disabled", dict(enabled=False)),
    "demo-sensor-012": ("failed", dict(faults=Faults(fail_with={"errorCode": 400209, "errorMessage": "No hub"}))),
    "demo-sensor-018": ("hub_refused", dict(faults=Faults(hub_refuse=True))),
}


def choose(qtbot, radio) -> None:  # noqa: ANN001
    """Click a radio button on its indicator (a wide button's middle is past its text: not a hit)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()


async def to_device_page(qtbot, w, count: int = 2) -> None:  # noqa: ANN001
    if w.currentId() != PageId.SERVICE:
        await w.start_demo(group=True)
    w.telemetry_page.count.setValue(count)
    click(qtbot, next_button(w))
    assert w.currentId() == PageId.DEVICE
    choose(qtbot, w.device_page.several)
    assert w.device_page.ids_box.isVisible() and not w.device_page.registration_id.isVisible()
    assert not w.device_page.derived.isVisible()


async def run_batch(qtbot, w, ids: str, count: int = 2) -> None:  # noqa: ANN001
    await to_device_page(qtbot, w, count)
    w.device_page.id_text.setPlainText(ids)
    assert next_button(w).isEnabled()
    click(qtbot, next_button(w))
    click(qtbot, next_button(w))
    assert w.currentId() == PageId.REVIEW
    assert w.review_page.command.toPlainText().startswith("dps-wizard batch ")
    assert "--registration-ids" in w.review_page.command.toPlainText()
    click(qtbot, commit_button(w))
    assert w.currentId() == PageId.FLEET


def fail_some(w) -> list:  # noqa: ANN001
    emu, group_key = w.demo.handle.emulator, w.demo.handle.group_key
    return [emu.add_individual(reg, key=derive_device_key(group_key, reg), **kwargs)
            for reg, (_code, kwargs) in FAILURES.items()]


@pytest.mark.asyncio
async def test_twenty_devices_with_failures_match_the_emulator_then_retry_failed(qtbot, make_wizard,
                                                                                tmp_path) -> None:  # noqa: ANN001
    w = make_wizard()
    await w.start_demo(group=True)
    specs = fail_some(w)
    started = time.monotonic()
    await run_batch(qtbot, w, "demo-sensor-{001..020}")
    page = w.fleet_page
    assert page.concurrency.value() == 8
    assert page.running and not w.button(w.WizardButton.FinishButton).isEnabled()
    await until(lambda: not page.running, 60, "the batch to finish")
    elapsed = time.monotonic() - started
    s = page.summary
    assert (s.total, s.succeeded, s.failed) == (20, 17, 3), s
    assert "17 succeeded, 3 failed" in page.headline.text()
    # Redraws were coalesced: far fewer than the events, at most one per 100 ms.
    assert page.model.flushes <= elapsed / 0.1 + 3

    emu = w.demo.handle.emulator
    model = page.model
    assert model.rowCount() == 20
    titles = [model.headerData(c, Qt.Orientation.Horizontal)
              for c in range(model.columnCount())]
    assert titles == ["Registration ID", "State", "Device ID", "Assigned hub", "Substatus", "Time", "Problem"]
    for n in range(20):
        reg = f"demo-sensor-{n + 1:03}"
        cells = [model.index(n, c).data() for c in range(model.columnCount())]
        recorded = emu.registrations.get(reg)
        assert cells[0] == reg
        assert cells[5].endswith(" s")
        if reg in FAILURES:
            assert cells[1] == "failed" and cells[6], cells
            assert model.rows[n].problem.code == FAILURES[reg][0]
            if reg == "demo-sensor-018":  # assigned by DPS, refused by the hub
                assert cells[2] == recorded["deviceId"]
            continue
        assert cells[1] == "succeeded", cells
        assert (cells[2], cells[3], cells[4]) == (recorded["deviceId"], recorded["assignedHub"],
                                                  recorded["substatus"])
        assert len({m.message_id for m in emu.telemetry if m.device_id == reg}) == 2
        assert cells[6] == ""

    # The selected failed device says what it means and what to try.
    page.select_row(4)
    assert page.detail.isVisible() and "demo-sensor-005" in page.detail.text()

    # Export: never the group key; derived keys only with the warned box.
    group_key = w.demo.handle.group_key
    plain = tmp_path / "results.csv"
    assert page.export(str(plain), "csv")
    text = plain.read_text(encoding="utf-8")
    assert group_key not in text and "derived_device_key" not in text
    assert derive_device_key(group_key, "demo-sensor-001") not in text
    rows = {r["registration_id"]: r for r in csv.DictReader(plain.open(encoding="utf-8"))}
    assert [rows[r]["state"] for r in FAILURES] == ["failed"] * 3
    assert rows["demo-sensor-001"]["device_id"] == emu.registrations["demo-sensor-001"]["deviceId"]
    assert not page.keys_warning.isVisible()
    page.include_keys.setChecked(True)
    assert page.keys_warning.isVisible() and "never exported" in page.keys_warning.text()
    keyed = tmp_path / "keys.json"
    assert page.export(str(keyed), "json")
    data = json.loads(keyed.read_text(encoding="utf-8"))
    assert data["containsDerivedKeys"] is True and group_key not in keyed.read_text(encoding="utf-8")
    assert data["devices"][0]["derivedDeviceKey"] == derive_device_key(group_key, "demo-sensor-001")
    if os.name == "posix":
        assert stat.S_IMODE(keyed.stat().st_mode) == 0o600
    page.include_keys.setChecked(False)

    # Retry failed: only the three run again; with their blocking enrollments gone, they succeed.
    for spec in specs:
        emu.enrollments.remove(spec)
    before = {q.registration_id for q in emu.dps_requests}
    count_before = len(emu.dps_requests)
    assert page.retry_button.isVisible() and page.retry_button.isEnabled()
    click(qtbot, page.retry_button)
    assert page.running
    await until(lambda: not page.running, 60, "the retry to finish")
    assert page.summary.succeeded == 20 and page.summary.failed == 0
    retried = {q.registration_id for q in emu.dps_requests[count_before:]}
    assert retried == set(FAILURES), retried
    assert before >= retried
    for n, r in enumerate(page.model.rows):
        assert r.state is DeviceState.SUCCEEDED
        assert r.attempts == (2 if r.registration_id in FAILURES else 1)
        assert page.model.index(n, 1).data() == "succeeded"
    assert not page.retry_button.isEnabled()
    assert w.button(w.WizardButton.FinishButton).isEnabled()


@pytest.mark.asyncio
async def test_cancel_stops_every_device_within_two_seconds(qtbot, make_wizard) -> None:  # noqa: ANN001
    w = make_wizard()
    await w.start_demo(group=True)
    w.demo.handle.emulator.faults.no_answer = True  # every registration hangs until cancelled
    await run_batch(qtbot, w, "demo-sensor-{001..012}", count=0)
    page = w.fleet_page
    await until(lambda: len(page.batch.rows_in(DeviceState.PROVISIONING)) == 8, 20, "eight devices to start")
    await until(lambda: sum(1 for r in page.model.rows if r.state is DeviceState.PROVISIONING) == 8, 2,
                "the table to show them")
    started = time.monotonic()
    click(qtbot, page.cancel_button)
    await until(lambda: not page.running, 5, "the batch to stop")
    assert time.monotonic() - started < 2.0
    assert {r.state for r in page.model.rows} == {DeviceState.CANCELLED}
    assert page.summary.cancelled == 12
    assert "cancelled" in page.headline.text()
    assert page.retry_button.isEnabled()
    w.demo.handle.emulator.faults.no_answer = False
    click(qtbot, page.retry_button)
    await until(lambda: not page.running, 60, "the retry to finish")
    assert page.summary.succeeded == 12


@pytest.mark.asyncio
async def test_the_id_list_is_checked_as_it_is_typed(qtbot, make_wizard, tmp_path) -> None:  # noqa: ANN001
    w = make_wizard()
    await to_device_page(qtbot, w)
    page = w.device_page
    assert not next_button(w).isEnabled()
    page.id_text.setPlainText("sensor-{001..100}")
    assert page.ids_count.text() == "100 devices: sensor-001 … sensor-100"
    assert not page.ids_msg.isVisible() and next_button(w).isEnabled()
    page.id_text.setPlainText("Sensor-{1..3}")
    assert page.ids_msg.isVisible() and page.ids_msg.is_error and not next_button(w).isEnabled()
    assert page.ids_msg.text().startswith("1 problem") and "lower case" in page.ids_msg.text()
    page.id_text.setPlainText("a-1, a-2\na-1")
    assert page.ids_msg.isVisible() and not page.ids_msg.is_error
    assert "listed more than once" in page.ids_msg.text()
    assert page.ids_count.text() == "2 devices: a-1 … a-2" and next_button(w).isEnabled()
    # A CSV file instead.
    path = tmp_path / "devices.csv"
    path.write_text("registration_id,provisioning_payload\nline-1,\nline-2,\"{\"\"site\"\": 2}\"\n", encoding="utf-8")
    choose(qtbot, page.from_csv)
    assert not page.id_text.isEnabled() and page.csv_path.isEnabled()
    assert not next_button(w).isEnabled()
    page.csv_path.setText(str(path))
    assert page.ids_count.text() == "2 devices: line-1 … line-2" and next_button(w).isEnabled()
    assert page.batch_items()[1].provisioning_payload == '{"site": 2}'
    page.csv_path.setText(str(tmp_path / "missing.csv"))
    assert page.ids_msg.is_error and not next_button(w).isEnabled()
    # Back to one device: the single-device fields return.
    choose(qtbot, page.group)
    assert page.registration_id.isVisible() and page.derived.isVisible() and not page.ids_box.isVisible()
    assert next_button(w).isEnabled()


@pytest.mark.asyncio
@pytest.mark.parametrize("lang", ["en", "zh_TW"])
async def test_the_fleet_pages_are_translated_and_accessible(qtbot, make_wizard, qapp, lang, tmp_path,
                                                            monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtCore import QLocale

    from tests.gui.test_language_and_keyboard import (
        assert_page_is_accessible,
        english_left,
        typed_values,
        visible_texts,
    )

    def assert_no_english(w) -> None:  # noqa: ANN001
        # Registration IDs are typed values, the CSV's column names are literal.
        values = typed_values(w) + [f"demo-sensor-{n:03}" for n in range(1, 21)] + [
            "registration_id", "provisioning_payload", w.demo.handle.hub_host]
        left = [f"{where}: {text!r}" for where, text in visible_texts(w) if english_left(text, values)]
        assert not left, "\n".join(left)

    from wizard import i18n

    monkeypatch.setenv(i18n.CACHE_ENV, str(tmp_path))
    installed = i18n.install_translators(qapp, lang) if lang != "en" else []
    try:
        w = make_wizard()
        await w.start_demo(group=True)
        fail_some(w)
        await to_device_page(qtbot, w)
        if lang != "en":  # the list's problems and duplicates, as the person types them
            for typed, expected in (("demo-sensor-{004..006}\nDemo-X, demo-sensor-{1..2", "第 2 行第 2 項"),
                                    ("demo-sensor-004, demo-sensor-{004..005}", "重複列出")):
                w.device_page.id_text.setPlainText(typed)
                shown = w.device_page.ids_msg.text()
                assert expected in shown, shown
                assert not english_left(shown, typed_values(w) + [typed, "Demo-X", "demo-sensor-004",
                                                                  "demo-sensor-{1..2"]), shown
        w.device_page.id_text.setPlainText("demo-sensor-{004..006}")
        assert_page_is_accessible(w)
        if lang != "en":
            assert_no_english(w)
        for _ in range(2):
            w.next()
        assert_page_is_accessible(w)
        commit_button(w).click()
        assert w.currentId() == PageId.FLEET
        await until(lambda: not w.fleet_page.running, 60, "the batch to finish")
        w.fleet_page.select_row(1)  # demo-sensor-005: disabled
        w.fleet_page.include_keys.setChecked(True)
        assert w.fleet_page.detail.isVisible() and w.fleet_page.keys_warning.isVisible()
        assert_page_is_accessible(w)
        if lang != "en":
            assert_no_english(w)
            model = w.fleet_page.model
            assert model.index(1, 1).data() == "失敗" and model.headerData(0, Qt.Orientation.Horizontal) == "註冊識別碼"
            # Every row's state and problem (the title in the cell, meaning and hint in its tooltip) is translated.
            problem = model.COLUMNS.index("problem")
            texts = [model.index(r, c).data() or "" for r in range(model.rowCount())
                     for c in (model.COLUMNS.index("state"), problem)]
            texts += [model.index(r, problem).data(Qt.ItemDataRole.ToolTipRole) or "" for r in range(model.rowCount())]
            assert any("註冊已停用" in t for t in texts), texts
            left = [t for t in texts if english_left(t, [])]
            assert not left, left
    finally:
        i18n.remove_translators(qapp, installed)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
