"""About and diagnostics: the checks of `dps-wizard --self-check`, one row each, run on a worker thread.

A non-modal dialog (opened with open(), never exec() on the qasync loop) reachable from the Start page. Each
check of wizard/selfcheck.py runs in the default executor, one after the other (the CA-roots check may set
SSL_CERT_FILE, the keyring check writes and deletes a test entry), and its row turns OK or FAILED as soon as it
returns. Copy puts the same report on the clipboard that `dps-wizard --self-check` prints.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard import selfcheck
from wizard.core.i18n import fill
from wizard.selfcheck import Check
from wizard.ui.widgets import WrappingTree, set_text_accent, state_icon

Step = tuple[str, Callable[[], Check]]


def self_check_steps(*, emulator: bool = True, keyring_write: bool = True) -> list[Step]:
    """The checks of selfcheck.run_checks(), in its order, one callable each (so rows fill in one by one).
    tests/gui/test_diagnostics.py keeps the names in step with run_checks()."""
    steps: list[Step] = [("app", selfcheck.check_app), ("Python", selfcheck.check_python)]
    steps += [(lib[0], lambda lib=lib: selfcheck.check_library(*lib)) for lib in selfcheck.LIBRARIES]
    steps += [("keyring backend", lambda: selfcheck.check_keyring(keyring_write)),
              ("CA roots", selfcheck.check_ca_roots), ("translations", selfcheck.check_translations),
              ("icons", selfcheck.check_icons), ("Qt plugins", selfcheck.check_qt_platform),
              ("app modules", selfcheck.check_app_modules)]
    if emulator:
        steps.append(("emulator", selfcheck.check_emulator))
    return steps


def app_version() -> str:
    from wizard import __version__

    return __version__


class DiagnosticsDialog(QDialog):
    """The About / Diagnostics window. `task` is the running check (a Future), `checks` what came back."""

    def __init__(self, parent: QWidget | None = None, steps: list[Step] | None = None) -> None:
        super().__init__(parent)
        from wizard import APP_NAME

        self.setWindowTitle(self.tr("About and diagnostics"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.resize(780, 560)
        self.steps = steps if steps is not None else self_check_steps()
        self.names = {
            "app": self.tr("App"), "Python": "Python", "keyring backend": self.tr("Keyring backend"),
            "CA roots": self.tr("Trusted CA roots"), "translations": self.tr("Translations"),
            "icons": self.tr("Icons"), "Qt plugins": self.tr("Qt plug-ins"), "app modules": self.tr("App modules"),
            "emulator": self.tr("Built-in emulator start"),
        }
        outer = QVBoxLayout(self)
        self.title = QLabel(fill(self.tr("%1, version %2"), APP_NAME, app_version()), self)
        bold = QFont(self.title.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.title.setFont(bold)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.title)
        self.about = QLabel(self.tr("Provisions a device to Azure IoT Hub through the Device Provisioning Service "
                                    "with a symmetric key. The checks below are the same as those of "
                                    "dps-wizard --self-check: whether this installation is complete and able to "
                                    "work."), self)
        self.about.setWordWrap(True)
        outer.addWidget(self.about)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setFont(bold)
        self.summary.setAccessibleName(self.tr("Diagnostics summary"))
        outer.addWidget(self.summary)

        self.table = WrappingTree(self)
        self.table.setColumnCount(2)
        self.table.setHeaderLabels([self.tr("Check"), self.tr("Result")])
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.table.setAccessibleName(self.tr("Diagnostics"))
        self.table.setAccessibleDescription(self.tr("Each check, whether it passed, and what was found."))
        header = self.table.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        outer.addWidget(self.table, 1)
        self.items: dict[int, QTreeWidgetItem] = {}
        for n, (name, _fn) in enumerate(self.steps):
            item = QTreeWidgetItem([self.display_name(name), ""])
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.table.addTopLevelItem(item)
            self.items[n] = item

        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy report"), self)
        self.copy_button.setAccessibleDescription(self.tr("Copies the report, as dps-wizard --self-check prints it, "
                                                          "to the clipboard."))
        self.again_button = QPushButton(self.tr("&Run the checks again"), self)
        self.copied = QLabel(self)
        self.box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.copied, 1)
        buttons.addWidget(self.box)
        outer.addLayout(buttons)
        self.copy_button.clicked.connect(self.copy_report)
        self.again_button.clicked.connect(self.start)
        self.box.rejected.connect(self.reject)
        self.finished.connect(lambda _r: self.stop())

        self.checks: list[Check | None] = []
        self.task: asyncio.Future | None = None
        self._active = False

    def display_name(self, name: str) -> str:
        return self.names.get(name, name)

    @property
    def running(self) -> bool:
        return self._active

    @property
    def done_checks(self) -> list[Check]:
        return [c for c in self.checks if c is not None]

    # -- running ---------------------------------------------------------------------------------------------
    def start(self) -> asyncio.Future:
        """Run every check (again); returns the task. Rows show "checking" until their check returns."""
        if self.running:
            return self.task  # type: ignore[return-value]
        self.checks = [None] * len(self.steps)
        for n, item in self.items.items():
            item.setIcon(0, state_icon("pending"))
            item.setText(1, self.tr("Waiting…"))
            item.setToolTip(1, "")
            self._describe(n, self.tr("waiting"))
        self.copy_button.setEnabled(False)
        self.again_button.setEnabled(False)
        self.copied.clear()
        self._active = True
        self.task = asyncio.ensure_future(self._run())
        self.task.add_done_callback(self._ended)
        self._show_summary()
        return self.task

    def stop(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            for n, (name, fn) in enumerate(self.steps):
                self.items[n].setIcon(0, state_icon("running"))
                self.items[n].setText(1, self.tr("Checking…"))
                self._describe(n, self.tr("checking"))
                try:
                    check = await loop.run_in_executor(None, fn)
                except Exception as exc:  # noqa: BLE001 - a check must never take the window down with it
                    check = Check(name, False, f"{type(exc).__name__}: {exc}")
                if not shiboken6.isValid(self):
                    return
                self.checks[n] = check
                self._show(n, check)
                self._show_summary()
        except asyncio.CancelledError:
            pass  # closed: a check already in the worker thread finishes there, its answer is dropped

    def _ended(self, _task: asyncio.Future) -> None:
        self._active = False
        if shiboken6.isValid(self):
            for n, check in enumerate(self.checks):
                if check is None:
                    self.items[n].setIcon(0, state_icon("skipped"))
                    self.items[n].setText(1, self.tr("Not run: the window was closed."))
                    self._describe(n, self.tr("not run"))
            self.copy_button.setEnabled(bool(self.done_checks))
            self.again_button.setEnabled(True)
            self._show_summary()

    def _describe(self, n: int, state: str) -> None:
        item = self.items[n]
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, fill(self.tr("%1: %2"), item.text(0), state))

    def _show(self, n: int, check: Check) -> None:
        item = self.items[n]
        item.setIcon(0, state_icon("done" if check.ok else "failed"))
        item.setText(0, self.display_name(check.name))
        item.setText(1, check.detail)
        item.setToolTip(1, check.detail)
        self._describe(n, self.tr("passed") if check.ok else self.tr("FAILED"))

    def _show_summary(self) -> None:
        done = self.done_checks
        failed = [c for c in done if not c.ok]
        total = len(self.steps)
        if self.running:
            text = fill(self.tr("Checking… %1 of %2 done."), len(done), total)
            kind = None
        elif failed:
            text = fill(self.tr("%1 of %2 checks failed: %3."), len(failed), total,
                        ", ".join(self.display_name(c.name) for c in failed))
            kind = "error"
        elif len(done) < total:
            text = fill(self.tr("Stopped after %1 of %2 checks."), len(done), total)
            kind = "warning"
        else:
            text = fill(self.tr("All %1 checks passed."), total)
            kind = None
        self.summary.setText(text)
        self.summary.setAccessibleDescription(text)
        set_text_accent(self.summary, kind)

    # -- copy ------------------------------------------------------------------------------------------------
    def report_text(self) -> str:
        """What `dps-wizard --self-check` prints, for the checks that have run."""
        done = self.done_checks
        return selfcheck.format_report(done) if done else ""

    def copy_report(self) -> None:
        text = self.report_text()
        if not text:
            return
        QGuiApplication.clipboard().setText(text)
        self.copied.setText(self.tr("Copied to the clipboard."))
