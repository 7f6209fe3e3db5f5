"""GUI fixtures: async tests on a qasync loop, a temporary config folder, an in-memory keyring, wizards whose
demo emulator listens on an address of its own."""

from __future__ import annotations

import asyncio
import gc
import itertools
import os
import time
from collections.abc import Callable, Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
import qasync  # noqa: E402
import shiboken6  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWizard  # noqa: E402


def pytest_asyncio_loop_factories(config, item):  # noqa: ANN001, ANN201
    """Every @pytest.mark.asyncio test in tests/gui runs on a qasync loop over the QApplication."""
    return {"qasync": lambda: qasync.QEventLoop(QApplication.instance() or QApplication([]))}


# 127.0.x.150+ : the third octet from the pid keeps parallel runs apart (integration tests use 127.100+.x.x).
_THIRD = os.getpid() % 250
_n = itertools.count(0)


def next_bind() -> str:
    n = next(_n)
    return f"127.0.{(_THIRD + n // 100) % 250}.{150 + n % 100}"


async def until(condition: Callable[[], object], timeout: float = 15.0, what: str = "") -> None:
    """Await (never qtbot.waitUntil inside a coroutine) until condition() is true."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or condition}")
        await asyncio.sleep(0.02)


def click(qtbot, widget) -> None:  # noqa: ANN001
    assert widget.isEnabled(), f"{widget} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def next_button(w: QWizard):  # noqa: ANN201
    return w.button(QWizard.WizardButton.NextButton)


def commit_button(w: QWizard):  # noqa: ANN201
    return w.button(QWizard.WizardButton.CommitButton)


@pytest.fixture
def make_wizard(qtbot, config_dir, memory_keyring) -> Iterator[Callable[..., object]]:  # noqa: ANN001
    """`w = make_wizard(**DpsWizard kwargs)`: shown, with its own demo bind address; closed and its
    emulator stopped afterwards."""
    from wizard.ui.form import PageId
    from wizard.ui.wizard_window import DpsWizard

    made: list[DpsWizard] = []

    def make(**kwargs: object) -> DpsWizard:
        kwargs.setdefault("demo_bind", next_bind())
        kwargs.setdefault("demo_assign_at_once", True)
        w = DpsWizard(**kwargs)
        qtbot.addWidget(w)
        w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        # Only the pages the test built (pages are built on first use; the window may be deleted by now).
        run, fleet, service = (w.built_page(pid) for pid in (PageId.RUN, PageId.FLEET, PageId.SERVICE))
        if run is not None and run.run is not None:
            run.run.cancel()
        if fleet is not None and fleet.batch is not None:
            fleet.batch.cancel()
        if service is not None:
            service.connection.stop()
        if w.diagnostics is not None:
            w.diagnostics.stop()
        w.demo.stop()
        # Delete the C++ side here, on the GUI thread: the Python wrappers hold reference cycles (slots),
        # and a garbage collection that happens to run on an SDK thread must not destroy QObjects there.
        if shiboken6.isValid(w):
            shiboken6.delete(w)
    made.clear()
    gc.collect()


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread() -> Iterator[None]:
    """Each test's qasync loop owns QObjects (timers, notifiers) in reference cycles. Collect them here, on
    the GUI thread, before the next test starts SDK threads: a collection that runs on an SDK thread would
    destroy them there ("Timers cannot be stopped from another thread", then an abort)."""
    gc.collect()
    yield
    gc.collect()
