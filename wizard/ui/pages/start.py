"""Start page: a new device, the saved profiles (Run again, Edit, Duplicate, Delete) and the demo."""

from __future__ import annotations

import asyncio
from datetime import datetime

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCommandLinkButton,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard import i18n
from wizard.core.i18n import Text, fill
from wizard.ui.form import PageId
from wizard.ui.pages.base import BasePage, buddy_label
from wizard.ui.widgets import Banner, render, tr_core


def _when(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso
    return moment.strftime("%Y-%m-%d %H:%M")


KEYRING_PROBE_DELAY_MS = 400


class StartPage(BasePage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(self.tr("Provision a device to Azure IoT Hub through the Device Provisioning Service "
                                 "with a symmetric key, then prove it with test telemetry."))
        self.route_to_run = False
        outer = QVBoxLayout(self)
        self.store_banner = Banner("warning", self)
        self.keyring_banner = Banner("warning", self)
        self.demo_banner = Banner("info", self)
        for b in (self.store_banner, self.keyring_banner, self.demo_banner):
            outer.addWidget(b)

        self.new_device = QCommandLinkButton(self.tr("&Provision a new device"),
                                             self.tr("Enter the DPS instance, the enrollment and its key."), self)
        outer.addWidget(self.new_device)
        demo_row = QHBoxLayout()
        self.demo = QCommandLinkButton(self.tr("Try the &demo"),
                                       self.tr("A built-in DPS and IoT hub on this computer: no Azure needed."), self)
        self.group_demo = QCommandLinkButton(self.tr("Try the &group demo"),
                                             self.tr("The same, with an enrollment group and a derived key."), self)
        for button in (self.new_device, self.demo, self.group_demo):
            button.setAccessibleName(button.text().replace("&", ""))
            button.setAccessibleDescription(button.description())
        demo_row.addWidget(self.demo)
        demo_row.addWidget(self.group_demo)
        outer.addLayout(demo_row)

        self.table_label = QLabel(self.tr("&Saved profiles:"), self)
        outer.addWidget(self.table_label)
        self.table = QTableWidget(0, 4, self)
        self.table_label.setBuddy(self.table)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Registration ID"), self.tr("Last result"),
                                              self.tr("When")])
        self.table.setAccessibleName(self.tr("Saved profiles"))
        self.table.setAccessibleDescription(self.tr("Select a profile, then Run again, Edit, Duplicate or Delete it. "
                                                    "Enter runs it again."))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        outer.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No saved profiles yet. A profile is saved from the result page of a run."),
                            self)
        self.empty.setWordWrap(True)
        outer.addWidget(self.empty)

        buttons = QHBoxLayout()
        self.run_again = QPushButton(self.tr("&Run again"), self)
        self.edit = QPushButton(self.tr("&Edit"), self)
        self.duplicate = QPushButton(self.tr("D&uplicate"), self)
        self.delete = QPushButton(self.tr("De&lete"), self)
        for b in (self.run_again, self.edit, self.duplicate, self.delete):
            buttons.addWidget(b)
        buttons.addStretch(1)
        outer.addLayout(buttons)

        # The language: --lang wins for one start; this choice is saved and used from the next start on.
        language_row = QHBoxLayout()
        self.language = QComboBox(self)
        self.language.addItem(self.tr("System language"), "")
        self.language.addItem("English", i18n.ENGLISH)
        self.language.addItem("繁體中文", i18n.TRADITIONAL_CHINESE)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setAccessibleDescription(self.tr("The language of the wizard; it changes the next time the "
                                                       "wizard starts."))
        self.language_note = QLabel(self)
        self.language_note.setWordWrap(True)
        language_row.addWidget(buddy_label(self.tr("L&anguage:"), self.language, self))
        language_row.addWidget(self.language)
        language_row.addWidget(self.language_note, 1)
        self.about = QPushButton(self.tr("Abou&t and diagnostics"), self)
        self.about.setAccessibleDescription(self.tr("The app's version and the same checks as dps-wizard "
                                                    "--self-check, in a window of their own."))
        language_row.addWidget(self.about)
        outer.addLayout(language_row)

        self.new_device.clicked.connect(self._new_device)
        self.demo.clicked.connect(lambda: self.wiz().start_demo(group=False))
        self.group_demo.clicked.connect(lambda: self.wiz().start_demo(group=True))
        self.run_again.clicked.connect(lambda: self._with_selected(self.wiz().run_again))
        self.edit.clicked.connect(lambda: self._with_selected(self.wiz().edit_profile))
        self.duplicate.clicked.connect(lambda: self._with_selected(self.wiz().duplicate_profile))
        self.delete.clicked.connect(lambda: self._with_selected(self._confirm_delete))
        self.language.activated.connect(self._language_chosen)
        self.about.clicked.connect(lambda: self.wiz().show_diagnostics())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self._with_selected(self.wiz().run_again))
        self.confirm: QMessageBox | None = None
        self._selection_changed()

    # -- page ------------------------------------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.route_to_run = False
        self.refresh()
        self._show_language()
        # Probing the keyring backend costs ~0.1 s of imports that hold the GIL: after the first frame, not before.
        QTimer.singleShot(KEYRING_PROBE_DELAY_MS, self.refresh_keyring)

    def nextId(self) -> int:  # noqa: N802 - Qt API
        return PageId.RUN if self.route_to_run else PageId.SERVICE

    def refresh_keyring(self) -> None:
        """Probe the keyring backend on a worker thread: importing keyring and choosing a backend takes
        ~0.15 s, which would otherwise hold back the first frame."""
        wiz = self.wizard()
        if wiz is None:
            return
        secrets = self.wiz().secrets
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (a synchronous caller): probe right here
            self._show_keyring_state(secrets.why_unusable_text)
            return
        probe = loop.run_in_executor(None, lambda: secrets.why_unusable_text)
        probe.add_done_callback(
            lambda f: self._show_keyring_state(str(f.exception()) if f.exception() else f.result()))

    def _show_keyring_state(self, reason: Text | str | None) -> None:
        if not shiboken6.isValid(self):
            return
        why = render(reason) if isinstance(reason, Text) else reason
        self.keyring_banner.show_text(
            fill(self.tr("No usable keyring: %1 Runs still work, but keys cannot be saved; you will type them "
                         "each time."), why) if why else None)

    def refresh(self, select: str | None = None) -> None:
        wiz = self.wiz()
        try:
            items = wiz.store.list()
        except Exception as exc:  # noqa: BLE001 - the page must open even when the store cannot be read
            items = []
            self.store_banner.show_text(exc.render(tr_core) if hasattr(exc, "render") else str(exc))
        else:
            problem = wiz.store.last_problem_text
            self.store_banner.show_text(render(problem) if problem is not None else wiz.store.last_problem)
        self.table.setRowCount(0)
        for sp in items:
            r = self.table.rowCount()
            self.table.insertRow(r)
            result = (sp.last_result or {}).get("outcome")
            cells = [sp.name, sp.profile.registration_id, self.outcome_text(result) if result else self.tr("Never run"),
                     _when(sp.last_run_at)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, sp.name)
                self.table.setItem(r, c, item)
            if sp.name == select:
                self.table.selectRow(r)
        if self.table.rowCount() and not self.table.selectedItems():
            self.table.selectRow(0)
        has = self.table.rowCount() > 0
        self.table.setVisible(has)
        self.table_label.setVisible(has)
        self.empty.setVisible(not has)
        self._selection_changed()

    def outcome_text(self, outcome: str) -> str:
        texts = {"success": self.tr("Succeeded"), "provisioning_failed": self.tr("Provisioning failed"),
                 "telemetry_failed": self.tr("Telemetry failed"), "cancelled": self.tr("Cancelled")}
        return texts.get(outcome, outcome)

    def selected_name(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def select(self, name: str) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == name:
                self.table.selectRow(r)

    def _selection_changed(self) -> None:
        on = self.selected_name() is not None
        for b in (self.run_again, self.edit, self.duplicate, self.delete):
            b.setEnabled(on)

    def _with_selected(self, action) -> None:  # noqa: ANN001
        name = self.selected_name()
        if name is not None:
            action(name)

    def _show_language(self) -> None:
        saved = i18n.normalise(i18n.saved_language(self.wiz().store)) or ""
        self.language.setCurrentIndex(max(self.language.findData(saved), 0))

    def _language_chosen(self, index: int) -> None:
        from wizard.core.profiles import ProfileStoreError

        value = self.language.itemData(index) or None
        try:
            self.wiz().store.set_setting(i18n.SETTING, value)
        except ProfileStoreError as exc:
            self.language_note.setText(exc.render(tr_core))
            return
        self.language_note.setText(self.tr("Used the next time the wizard starts."))

    def _new_device(self) -> None:
        self.wiz().new_profile()
        self.wiz().next()

    def _confirm_delete(self, name: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete profile"),
                          fill(self.tr("Delete the profile “%1” and the keys saved for it?"), name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self._delete_answer(box, name))
        self.confirm = box
        box.open()  # never exec() on the qasync loop

    def _delete_answer(self, box: QMessageBox, name: str) -> None:
        if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
            self.wiz().delete_profile(name)
        self.confirm = None
