"""Device page: enrollment kind, registration ID, the key (masked, Show), derived key, Remember, profile name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.i18n import Text, fill
from wizard.core.idlist import DeviceItem, ParsedIds, parse_csv_file, parse_id_text
from wizard.core.profile import FieldIssue, Severity, check_key, check_profile_name, check_registration_id
from wizard.ui.form import Draft, device_key
from wizard.ui.pages.base import BasePage, buddy_label
from wizard.ui.widgets import Banner, FieldMessage, render, tr_core


class DevicePage(BasePage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Device"))
        self.setSubTitle(self.tr("The enrollment this device belongs to, and its symmetric key."))
        outer = QVBoxLayout(self)
        self.notice = Banner("warning", self)
        outer.addWidget(self.notice)

        self.individual = QRadioButton(self.tr("&Individual enrollment"), self)
        self.individual.setChecked(True)
        self.individual_about = QLabel(self.tr("One device, with its own key from the enrollment's page."), self)
        self.group = QRadioButton(self.tr("Enrollment &group"), self)
        self.group_about = QLabel(self.tr("Many devices share a group key; each device's key is derived from it "
                                          "and its registration ID."), self)
        self.several = QRadioButton(self.tr("&Several devices of an enrollment group"), self)
        self.several_about = QLabel(self.tr("A batch: a list of registration IDs, a pattern such as "
                                            "sensor-{001..100}, or a CSV file; each device's key is derived from "
                                            "the group key."), self)
        self.individual.setAccessibleDescription(self.individual_about.text())
        self.group.setAccessibleDescription(self.group_about.text())
        self.several.setAccessibleDescription(self.several_about.text())
        kinds = QButtonGroup(self)
        for radio, about in ((self.individual, self.individual_about), (self.group, self.group_about),
                             (self.several, self.several_about)):
            kinds.addButton(radio)
            about.setWordWrap(True)
            about.setIndent(22)
            outer.addWidget(radio)
            outer.addWidget(about)
        self._build_id_list(outer)

        form = QFormLayout()
        self._form = form
        outer.addLayout(form)
        self.registration_id = QLineEdit(self)
        self.registration_id.setAccessibleName(self.tr("Registration ID"))
        self.registration_id.setAccessibleDescription(self.tr("The enrollment's registration ID: lower case "
                                                              "letters, digits and - . _ :"))
        self.registration_id_msg = FieldMessage(self, self.registration_id)
        form.addRow(buddy_label(self.tr("&Registration ID:"), self.registration_id, self), self.registration_id)
        form.addRow("", self.registration_id_msg)

        self.key = QLineEdit(self)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setAccessibleName(self.tr("Symmetric key"))
        self.key.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.show_key = QCheckBox(self.tr("S&how"), self)
        self.show_key.setAccessibleName(self.tr("Show the key"))
        self.show_key.setAccessibleDescription(self.tr("Shows the key in clear text instead of dots."))
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.show_key)
        self.key_label = buddy_label(self.tr("Symmetric &key:"), self.key, self)
        form.addRow(self.key_label, key_row)
        self.key_msg = FieldMessage(self, self.key)
        form.addRow("", self.key_msg)

        self.derived = QLineEdit(self)
        self.derived.setReadOnly(True)
        self.derived.setEchoMode(QLineEdit.EchoMode.Password)
        self.derived.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.derived.setAccessibleName(self.tr("Derived device key"))
        self.derived.setAccessibleDescription(self.tr("The device's own key, computed from the group key and the "
                                                      "registration ID. Read only."))
        self.derived_label = buddy_label(self.tr("Derived &device key:"), self.derived, self)
        form.addRow(self.derived_label, self.derived)

        self.remember = QCheckBox(self)
        self.remember.setChecked(True)
        self.remember.setAccessibleDescription(self.tr("Keeps the key in the system keyring so the profile can run "
                                                       "again without typing it."))
        form.addRow("", self.remember)
        self.remember_why = QLabel(self)
        self.remember_why.setWordWrap(True)
        self.remember_why.hide()
        form.addRow("", self.remember_why)

        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Profile name"))
        self.name.setAccessibleDescription(self.tr("The name the profile is saved under; it follows the "
                                                   "registration ID until you change it."))
        self.name_msg = FieldMessage(self, self.name)
        form.addRow(buddy_label(self.tr("&Profile name:"), self.name, self), self.name)
        form.addRow("", self.name_msg)
        outer.addStretch(1)

        self.field_widgets = {"registration_id": self.registration_id, "key": self.key, "name": self.name,
                              "enrollment": self.individual}
        for w in (self.registration_id, self.key, self.name):
            w.textChanged.connect(self._revalidate)
        self.group.toggled.connect(self._kind_changed)
        self.several.toggled.connect(self._kind_changed)
        self.show_key.toggled.connect(self._show_toggled)
        self._name_touched = False
        self.name.textEdited.connect(self._name_edited)
        self.registration_id.textEdited.connect(self._suggest_name)
        self._kind_changed(False)

    def _build_id_list(self, outer: QVBoxLayout) -> None:
        """Several devices: a typed or pasted list (or pattern), or a CSV file; validated as it is typed."""
        self.ids_box = QWidget(self)
        box = QVBoxLayout(self.ids_box)
        box.setContentsMargins(22, 0, 0, 0)
        self.from_text = QRadioButton(self.tr("&List or pattern"), self.ids_box)
        self.from_csv = QRadioButton(self.tr("CSV &file with a registration_id column"), self.ids_box)
        self.from_text.setChecked(True)
        self.from_text.setAccessibleDescription(self.tr("Registration IDs separated by commas, spaces or new "
                                                        "lines, or a pattern such as sensor-{001..100}."))
        self.from_csv.setAccessibleDescription(self.tr("A CSV file with a registration_id column and, optionally, "
                                                       "a provisioning_payload column (JSON)."))
        sources = QButtonGroup(self.ids_box)
        sources.addButton(self.from_text)
        sources.addButton(self.from_csv)
        self.id_text = QPlainTextEdit(self.ids_box)
        self.id_text.setTabChangesFocus(True)
        self.id_text.setPlaceholderText(self.tr("sensor-{001..100}, or sensor-a, sensor-b, …"))
        self.id_text.setAccessibleName(self.tr("Registration IDs"))
        self.id_text.setFixedHeight(self.id_text.fontMetrics().lineSpacing() * 3 + 14)
        self.csv_path = QLineEdit(self.ids_box)
        self.csv_path.setPlaceholderText(self.tr("Path of the CSV file"))
        self.csv_path.setAccessibleName(self.tr("CSV file"))
        self.csv_path.setAccessibleDescription(self.tr("The path of the CSV file with the registration IDs."))
        self.csv_browse = QPushButton(self.tr("Bro&wse…"), self.ids_box)
        self.csv_browse.setAccessibleName(self.tr("Browse for the CSV file"))
        self.csv_browse.setAccessibleDescription(self.tr("Opens a file dialog to choose the CSV file."))
        csv_row = QHBoxLayout()
        csv_row.addWidget(self.csv_path, 1)
        csv_row.addWidget(self.csv_browse)
        self.ids_msg = FieldMessage(self.ids_box, self.id_text)
        self.ids_msg.set_field_description(self.tr("Registration IDs separated by commas, spaces or new lines, or "
                                                   "a pattern such as sensor-{001..100}."))
        self.ids_count = QLabel(self.ids_box)
        self.ids_count.setWordWrap(True)
        self.ids_count.setTextFormat(Qt.TextFormat.PlainText)
        self.ids_count.setAccessibleName(self.tr("Number of devices"))
        box.addWidget(self.from_text)
        box.addWidget(self.id_text)
        box.addWidget(self.from_csv)
        box.addLayout(csv_row)
        box.addWidget(self.ids_msg)
        box.addWidget(self.ids_count)
        outer.addWidget(self.ids_box)
        self.parsed: ParsedIds | None = None
        self._csv_dialog: QFileDialog | None = None
        self.id_text.textChanged.connect(self._ids_changed)
        self.csv_path.textChanged.connect(self._ids_changed)
        self.from_text.toggled.connect(self._ids_changed)
        self.csv_browse.clicked.connect(self._pick_csv)

    # -- several devices ----------------------------------------------------------------------------------
    @property
    def batch_mode(self) -> bool:
        return self.several.isChecked()

    def _pick_csv(self) -> None:
        dialog = QFileDialog(self, self.tr("CSV file with registration IDs"))
        dialog.setNameFilters([self.tr("CSV files (*.csv *.txt)"), self.tr("All files (*)")])
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.csv_path.setText)
        dialog.fileSelected.connect(lambda _path: self.from_csv.setChecked(True))
        self._csv_dialog = dialog
        dialog.open()  # never exec() on the qasync loop

    def parse_ids(self) -> ParsedIds:
        if self.from_csv.isChecked():
            path = self.csv_path.text().strip()
            return parse_csv_file(path) if path else ParsedIds()
        return parse_id_text(self.id_text.toPlainText())

    def _ids_changed(self) -> None:
        csv = self.from_csv.isChecked()
        self.id_text.setEnabled(not csv)
        self.csv_path.setEnabled(csv)
        self.csv_browse.setEnabled(csv)
        self.parsed = self.parse_ids() if self.batch_mode else None
        self._show_ids()
        self.completeChanged.emit()

    def _show_ids(self) -> None:
        parsed = self.parsed
        typed = self.csv_path.text().strip() if self.from_csv.isChecked() else self.id_text.toPlainText().strip()
        if parsed is None or not typed:
            self.ids_msg.show_issue(None)
            self.ids_count.setText(self.tr("Type or paste the registration IDs, or choose a CSV file."))
            return
        if parsed.errors:
            lines = parsed.error_lines(5, tr_core)
            more = len(parsed.errors) + parsed.omitted_errors - min(len(parsed.errors), 5)
            text = self.tr("%n problem(s) in the list:", "", len(parsed.errors) + parsed.omitted_errors)
            body = "\n".join(lines[:5]) + ("\n" + fill(self.tr("… and %1 more."), more) if more > 0 else "")
            self.ids_msg.show_issue(_issue(f"{text}\n{body}", Severity.ERROR))
        elif parsed.duplicates:
            shown = "\n".join(d.render(tr_core) for d in parsed.duplicates[:3])
            text = self.tr("%n ID(s) listed more than once; each runs once:", "", len(parsed.duplicates))
            self.ids_msg.show_issue(_issue(f"{text}\n{shown}", Severity.WARNING))
        else:
            self.ids_msg.show_issue(None)
        ids = parsed.ids
        if not ids:
            self.ids_count.setText(self.tr("No devices yet."))
        elif len(ids) == 1:
            self.ids_count.setText(fill(self.tr("1 device: %1"), ids[0]))
        else:
            self.ids_count.setText(fill(self.tr("%1 devices: %2 … %3"), len(ids), ids[0], ids[-1]))
        self.ids_count.setAccessibleDescription(self.ids_count.text())

    def batch_items(self) -> list[DeviceItem]:
        parsed = self.parsed if self.parsed is not None else self.parse_ids()
        return list(parsed.items) if parsed.ok else []

    # -- behaviour --------------------------------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.refresh_keyring()

    def refresh_keyring(self) -> None:
        secrets = self.wiz().secrets
        if secrets.usable:
            self.remember.setEnabled(True)
            self.remember.setText(fill(self.tr("Re&member the key in %1"), secrets.backend_name))
            self.remember_why.hide()
        else:
            self.remember.setChecked(False)
            self.remember.setEnabled(False)
            self.remember.setText(self.tr("Re&member the key (no usable keyring)"))
            why = secrets.why_unusable_text
            self.remember_why.setText(fill(self.tr("The key cannot be saved: %1. The run works; you will type the "
                                                   "key again next time."), render(why) if why is not None else ""))
            self.remember_why.show()

    def _name_edited(self) -> None:
        self._name_touched = True

    def _suggest_name(self, text: str) -> None:
        if not self._name_touched:
            self.name.setText(text.strip())

    def _show_toggled(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        self.key.setEchoMode(mode)
        self.derived.setEchoMode(mode)

    def _kind_changed(self, _on: bool = False) -> None:
        several = self.several.isChecked()
        group = self.group.isChecked() or several
        self.ids_box.setVisible(several)
        for w in (self.registration_id, self.registration_id_msg, self.name, self.name_msg, self.remember):
            w.setVisible(not several)
            label = self._form.labelForField(w)
            if label is not None:
                label.setVisible(not several)
        self.remember_why.setVisible(not several and not self.remember.isEnabled())
        if several:
            self._ids_changed()
        self.key_label.setText(self.tr("Group &key:") if group else self.tr("Symmetric &key:"))
        self.key.setAccessibleName(self.tr("Group key") if group else self.tr("Symmetric key"))
        self.key_msg.set_field_description(
            self.tr("The enrollment group's primary or secondary key (Base64); each device's key is derived from "
                    "it.") if group else
            self.tr("The enrollment's primary or secondary key (Base64), as copied from the Azure portal."))
        self.derived.setVisible(group and not several)
        self.derived_label.setVisible(group and not several)
        self._revalidate()

    def issues(self) -> list[FieldIssue]:
        if self.batch_mode:
            found = [check_key(self.key.text(), True)]
            parsed = self.parsed if self.parsed is not None else self.parse_ids()
            if not parsed.ok:
                found.append(_issue(self.tr("The list of registration IDs is not usable yet."), Severity.ERROR))
            return [i for i in found if i is not None]
        group = self.group.isChecked()
        found = [check_registration_id(self.registration_id.text()), check_key(self.key.text(), group),
                 check_profile_name(self.name.text())]
        return [i for i in found if i is not None]

    def _revalidate(self) -> None:
        by_field = {i.field: i for i in self.issues()}
        self.registration_id_msg.show_issue(by_field.get("registration_id"))
        self.key_msg.show_issue(by_field.get("key") if self.key.text() or self.key.isModified() else None)
        self.name_msg.show_issue(by_field.get("name") if self.name.text() or self.name.isModified() else None)
        derived = None
        if self.group.isChecked() and "registration_id" not in by_field:
            derived = device_key(self.key.text(), True, self.registration_id.text())
        self.derived.setText(derived or "")
        if self.key.text():
            self.notice.show_text(None)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return not any(i.is_error for i in self.issues())

    def show_missing_key(self, profile_name: str) -> None:
        self.notice.show_text(fill(self.tr("The key of “%1” is not in the keyring. Enter it again to run the "
                                           "profile."), profile_name))
        self.key.setFocus()

    def focus_field(self, name: str) -> bool:
        if name == "key":
            self.key_msg.show_issue(check_key(self.key.text(), self.group.isChecked()))
            self.key.selectAll()
        return super().focus_field(name)

    # -- draft ----------------------------------------------------------------------------------------------
    def load(self, d: Draft, key: str = "") -> None:
        (self.group if d.group else self.individual).setChecked(True)
        self.parsed = None
        self.registration_id.setText(d.registration_id)
        self.key.setText(key)
        self.key.setModified(False)
        self.name.setText(d.name)
        self._name_touched = bool(d.name)
        self.show_key.setChecked(False)
        self.notice.show_text(None)
        self._revalidate()

    def save(self, d: Draft) -> None:
        d.group = self.group.isChecked() or self.batch_mode
        d.registration_id = self.registration_id.text()
        if self.batch_mode:  # the profile stands for the batch's first device (previews, the review)
            items = self.batch_items()
            d.registration_id = items[0].registration_id if items else ""
        d.name = self.name.text()

    def typed_key(self) -> str:
        return self.key.text()



def _issue(message: str, severity: Severity) -> FieldIssue:
    """A message about the ID list, already in the person's language."""
    return FieldIssue("registration_ids", message, severity, Text("%1", (message,)))
