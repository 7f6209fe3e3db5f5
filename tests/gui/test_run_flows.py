"""Cancel, a wrong key, re-running a saved profile, no keyring, and no key ever written to the config folder."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QMessageBox

from tests.gui.conftest import click, commit_button, next_button, until
from wizard.core import keys
from wizard.core.events import Outcome, Step
from wizard.core.secrets import SecretStore
from wizard.ui.form import PageId


async def demo_to_review(qtbot, w, group: bool = False) -> None:  # noqa: ANN001
    await w.start_demo(group=group)
    for _ in range(3):
        click(qtbot, next_button(w))
    assert w.currentId() == PageId.REVIEW


async def run_to_end(qtbot, w, timeout: float = 30) -> None:  # noqa: ANN001
    click(qtbot, commit_button(w))
    assert w.currentId() == PageId.RUN
    await until(lambda: w.run_page.finished is not None, timeout, "the run to finish")


@pytest.mark.asyncio
async def test_cancel_during_registration_returns_fast_and_wizard_stays_usable(qtbot, make_wizard):  # noqa: ANN001
    w = make_wizard()
    await demo_to_review(qtbot, w)
    w.demo.handle.emulator.faults.no_answer = True
    click(qtbot, commit_button(w))
    await until(lambda: w.run_page.steps.states.get(Step.REGISTER) == "running"
                or w.run_page.steps.states.get(Step.ASSIGNING) == "running", 15, "registration to start")
    await asyncio.sleep(0.3)
    assert w.run_page.running
    t0 = time.monotonic()
    click(qtbot, w.run_page.cancel_button)
    await until(lambda: w.run_page.finished is not None, 5, "the cancelled run to end")
    took = time.monotonic() - t0
    print(f"\ncancel took {took:.2f} s")
    assert took < 2.0
    assert w.run_page.finished.outcome == Outcome.CANCELLED
    assert "cancelled" in w.run_page.headline.text().lower()
    assert w.run_page.retry_button.isVisible() and not w.run_page.cancel_button.isVisible()
    # usable: retry without the fault succeeds
    w.demo.handle.emulator.faults.no_answer = False
    click(qtbot, w.run_page.retry_button)
    await until(lambda: w.run_page.finished is not None, 30, "the retried run to finish")
    assert w.run_page.finished.outcome == Outcome.SUCCESS, w.run_page.finished.problem
    click(qtbot, next_button(w))
    assert w.currentId() == PageId.RESULT


@pytest.mark.asyncio
async def test_wrong_key_shows_the_hint_and_back_lands_on_the_key_field(qtbot, make_wizard):  # noqa: ANN001
    w = make_wizard()
    await w.start_demo()
    click(qtbot, next_button(w))
    wrong = keys.generate_key(32)
    w.device_page.key.setText(wrong)
    click(qtbot, next_button(w))
    click(qtbot, next_button(w))
    await run_to_end(qtbot, w)
    f = w.run_page.finished
    assert f.outcome == Outcome.PROVISIONING_FAILED
    assert f.problem.field == "key"
    assert w.run_page.problem_box.isVisible()
    assert w.run_page.problem_title.text() == f.problem.title
    assert "primary or secondary key" in w.run_page.problem_hint.text()
    assert w.run_page.steps.states.get(Step.REGISTER) == "failed" or "failed" in w.run_page.steps.states.values()
    assert not next_button(w).isEnabled()
    assert wrong not in w.run_page.log.toPlainText() + w.run_page.details.toPlainText()
    back = w.run_page.back_button
    assert back.isVisible() and "Symmetric key" in back.text()
    click(qtbot, back)
    assert w.currentId() == PageId.DEVICE
    assert w.focusWidget() is w.device_page.key
    assert w.device_page.key.text() == wrong  # what was typed is still there
    # fix it and run again: a commit page again, then success
    w.device_page.key.setText(w.demo.handle.individual_key)
    click(qtbot, next_button(w))
    click(qtbot, next_button(w))
    await run_to_end(qtbot, w)
    assert w.run_page.finished.outcome == Outcome.SUCCESS


def _config_files_contain(folder: Path, *secrets: str) -> list[str]:
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits += [f"{path}" for s in secrets if s and s.encode() in data]
    return hits


@pytest.mark.asyncio
async def test_saved_profile_reruns_in_two_clicks_and_the_key_never_reaches_a_file(
        qtbot, make_wizard, config_dir, memory_keyring):  # noqa: ANN001
    w = make_wizard()
    await demo_to_review(qtbot, w, group=True)
    group_key = w.device_page.key.text().strip()
    device_key = w.current_device_key()
    await run_to_end(qtbot, w)
    assert w.run_page.finished.outcome == Outcome.SUCCESS
    click(qtbot, next_button(w))
    click(qtbot, w.result_page.save_profile)
    name = w.saved_name()
    assert name and "Saved as" in w.result_page.status.text()
    assert memory_keyring.items  # the device key went to the keyring ...
    assert device_key in memory_keyring.items.values()
    assert group_key not in memory_keyring.items.values()  # ... the group key did not
    assert not _config_files_contain(config_dir, group_key, device_key)  # after save and run

    # A new launch (same emulator, as with its state folder): Start, select, Run again.
    w2 = make_wizard()
    w2.demo.handle = w.demo.handle
    assert w2.currentId() == PageId.START
    assert w2.start_page.table.rowCount() == 1
    assert w2.start_page.table.item(0, 2).text() == "Succeeded"
    w2.start_page.table.selectRow(0)                     # click 1
    click(qtbot, w2.start_page.run_again)                # click 2
    assert w2.currentId() == PageId.RUN
    await until(lambda: w2.run_page.finished is not None, 30, "the re-run to finish")
    assert w2.run_page.finished.outcome == Outcome.SUCCESS, w2.run_page.finished.problem
    assert not _config_files_contain(config_dir, group_key, device_key)

    # Edit: change the count, run, save changes
    w2.go_to_page(PageId.START)
    w2.start_page.table.selectRow(0)
    click(qtbot, w2.start_page.edit)
    assert w2.currentId() == PageId.SERVICE
    click(qtbot, next_button(w2))
    assert w2.device_page.key.text() == ""  # the group key was not kept; the saved device key is used
    w2.device_page.key.setText(group_key)
    click(qtbot, next_button(w2))
    w2.telemetry_page.count.setValue(3)
    click(qtbot, next_button(w2))
    await run_to_end(qtbot, w2)
    assert w2.run_page.finished.outcome == Outcome.SUCCESS
    click(qtbot, next_button(w2))
    click(qtbot, w2.result_page.save_profile)
    assert w2.store.get(name).profile.count == 3
    assert not _config_files_contain(config_dir, group_key, device_key)

    # Delete: the profile and its keys go
    w2.go_to_page(PageId.START)
    w2.start_page.table.selectRow(0)
    click(qtbot, w2.start_page.delete)
    box = w2.start_page.confirm
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert w2.store.get(name) is None
    assert w2.start_page.table.rowCount() == 0
    assert not memory_keyring.items
    assert not _config_files_contain(config_dir, group_key, device_key)


@pytest.mark.asyncio
async def test_rerun_without_a_saved_key_goes_to_the_key_field(qtbot, make_wizard, memory_keyring):  # noqa: ANN001
    w = make_wizard()
    await demo_to_review(qtbot, w)
    await run_to_end(qtbot, w)
    click(qtbot, next_button(w))
    click(qtbot, w.result_page.save_profile)
    memory_keyring.items.clear()
    w.go_to_page(PageId.START)
    w.start_page.table.selectRow(0)
    click(qtbot, w.start_page.run_again)
    assert w.currentId() == PageId.DEVICE
    assert w.device_page.notice.isVisible() and "not in the keyring" in w.device_page.notice.label.text()
    assert w.focusWidget() is w.device_page.key


@pytest.mark.asyncio
async def test_no_keyring_shows_a_banner_and_the_run_still_works(qtbot, make_wizard, memory_keyring):  # noqa: ANN001
    w = make_wizard(secrets=SecretStore(fail.Keyring()))
    # The banner is filled after the first frame, from a worker thread.
    await until(w.start_page.keyring_banner.isVisible, timeout=5, what="the keyring banner")
    assert "keyring" in w.start_page.keyring_banner.label.text().lower()
    await w.start_demo()
    click(qtbot, next_button(w))
    assert not w.device_page.remember.isEnabled() and not w.device_page.remember.isChecked()
    assert w.device_page.remember_why.isVisible()
    click(qtbot, next_button(w))
    click(qtbot, next_button(w))
    await run_to_end(qtbot, w)
    assert w.run_page.finished.outcome == Outcome.SUCCESS
    click(qtbot, next_button(w))
    click(qtbot, w.result_page.save_profile)
    assert "not saved" in w.result_page.status.text()
    assert not memory_keyring.items
