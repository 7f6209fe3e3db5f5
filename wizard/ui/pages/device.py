"""Device page: enrollment kind, registration ID, the key (masked, Show), derived key, Remember, profile name."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.i18n import fill
from wizard.core.profile import FieldIssue, check_key, check_profile_name, check_registration_id
from wizard.ui.form import Draft, device_key
from wizard.ui.pages.base import BasePage, buddy_label
from wizard.ui.widgets import Banner, FieldMessage


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
        self.individual.setAccessibleDescription(self.individual_about.text())
        self.group.setAccessibleDescription(self.group_about.text())
        kinds = QButtonGroup(self)
        kinds.addButton(self.individual)
        kinds.addButton(self.group)
        for radio, about in ((self.individual, self.individual_about), (self.group, self.group_about)):
            about.setWordWrap(True)
            about.setIndent(22)
            outer.addWidget(radio)
            outer.addWidget(about)

        form = QFormLayout()
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
        self.show_key.toggled.connect(self._show_toggled)
        self._name_touched = False
        self.name.textEdited.connect(self._name_edited)
        self.registration_id.textEdited.connect(self._suggest_name)
        self._kind_changed(False)

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
            self.remember_why.setText(fill(self.tr("The key cannot be saved: %1. The run works; you will type the "
                                                   "key again next time."), secrets.why_unusable or ""))
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

    def _kind_changed(self, group: bool) -> None:
        self.key_label.setText(self.tr("Group &key:") if group else self.tr("Symmetric &key:"))
        self.key.setAccessibleName(self.tr("Group key") if group else self.tr("Symmetric key"))
        self.key_msg.set_field_description(
            self.tr("The enrollment group's primary or secondary key (Base64); each device's key is derived from "
                    "it.") if group else
            self.tr("The enrollment's primary or secondary key (Base64), as copied from the Azure portal."))
        self.derived.setVisible(group)
        self.derived_label.setVisible(group)
        self._revalidate()

    def issues(self) -> list[FieldIssue]:
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
        self.registration_id.setText(d.registration_id)
        self.key.setText(key)
        self.key.setModified(False)
        self.name.setText(d.name)
        self._name_touched = bool(d.name)
        self.show_key.setChecked(False)
        self.notice.show_text(None)
        self._revalidate()

    def save(self, d: Draft) -> None:
        d.group = self.group.isChecked()
        d.registration_id = self.registration_id.text()
        d.name = self.name.text()

    def typed_key(self) -> str:
        return self.key.text()

