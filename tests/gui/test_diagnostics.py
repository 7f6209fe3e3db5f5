"""About and diagnostics: opened from the Start page without blocking the wizard, every self-check shown."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.gui.conftest import click, until
from wizard import selfcheck
from wizard.selfcheck import Check
from wizard.ui.diagnostics import DiagnosticsDialog, self_check_steps


@pytest.mark.asyncio
async def test_the_dialog_shows_every_self_check_and_copies_the_report(qtbot, make_wizard) -> None:  # noqa: ANN001
    w = make_wizard()
    click(qtbot, w.start_page.about)
    dialog = w.diagnostics
    assert isinstance(dialog, DiagnosticsDialog) and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.NonModal and QApplication.activeModalWidget() is None
    assert w.start_page.new_device.isEnabled()  # the wizard stays usable beside it
    assert "Checking" in dialog.summary.text()
    await until(lambda: not dialog.running, 30, "the checks to finish")

    # The same checks, in the same order, as dps-wizard --self-check (without running the emulator twice).
    names = [c.name for c in selfcheck.run_checks(emulator=False, keyring_write=False)] + ["emulator"]
    assert [c.name for c in dialog.done_checks] == names
    assert dialog.table.topLevelItemCount() == len(names)
    for n, check in enumerate(dialog.done_checks):
        item = dialog.table.topLevelItem(n)
        assert item.text(1) == check.detail and not item.icon(0).isNull()
        assert item.text(0) in (check.name, dialog.display_name(check.name))
    by_name = {c.name: c for c in dialog.done_checks}
    for name in ("app", "keyring backend", "CA roots", "translations", "icons", "emulator"):
        assert name in by_name, name
    assert by_name["emulator"].ok, by_name["emulator"].detail
    assert by_name["app"].detail in dialog.table.topLevelItem(0).text(1)
    assert "version" in dialog.title.text()

    click(qtbot, dialog.copy_button)
    copied = QApplication.clipboard().text()
    assert copied == selfcheck.format_report(dialog.done_checks)
    assert copied.startswith("DPS Provisioning Wizard self-check") and "emulator" in copied

    # Closing and opening again runs the checks again in the same window.
    dialog.close()
    again = w.show_diagnostics()
    assert again is dialog and again.isVisible() and again.running
    again.close()
    await until(lambda: not again.running, 20, "the cancelled checks to stop")


@pytest.mark.asyncio
async def test_a_failing_or_crashing_check_is_shown_failed(qtbot) -> None:  # noqa: ANN001
    def boom() -> Check:
        raise RuntimeError("no luck")

    steps = [("app", selfcheck.check_app), ("icons", lambda: Check("icons", False, "app.svg is missing")),
             ("odd", boom)]
    dialog = DiagnosticsDialog(None, steps)
    qtbot.addWidget(dialog)
    dialog.show()
    await dialog.start()
    assert [c.ok for c in dialog.done_checks] == [True, False, False]
    assert dialog.table.topLevelItem(2).text(1) == "RuntimeError: no luck"
    assert dialog.summary.text().startswith("2 of 3 checks failed")
    assert "FAIL  odd" in dialog.report_text()


def test_the_dialog_steps_follow_run_checks(memory_keyring) -> None:  # noqa: ANN001
    """The dialog runs selfcheck's checks one by one: the same list as run_checks(), in the same order."""
    ours = [name for name, _fn in self_check_steps(emulator=False, keyring_write=False)]
    assert ours == [c.name for c in selfcheck.run_checks(emulator=False, keyring_write=False)]


@pytest.mark.asyncio
async def test_closing_the_dialog_mid_way_stops_the_checks(qtbot) -> None:  # noqa: ANN001
    gate = asyncio.Event()
    loop = asyncio.get_running_loop()

    def slow() -> Check:
        loop.call_soon_threadsafe(gate.set)
        import time

        time.sleep(0.3)
        return Check("slow", True, "done")

    owner = QWidget()  # a window that stays open (the last window closing would quit the application)
    qtbot.addWidget(owner)
    owner.show()
    dialog = DiagnosticsDialog(owner, [("slow", slow), ("never", lambda: Check("never", True, "x"))])
    dialog.show()
    task = dialog.start()
    await gate.wait()
    dialog.close()
    await asyncio.wait([task], timeout=2)
    assert task.done() and not dialog.running
    assert dialog.checks[1] is None
    await asyncio.sleep(0.4)  # the worker's late answer lands nowhere
