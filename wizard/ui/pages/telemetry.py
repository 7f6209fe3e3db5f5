"""Telemetry page: how many messages, how often, the payload (with a live preview), properties, twin."""

from __future__ import annotations

import json
import uuid

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.profile import FieldIssue, check_payload_template, check_properties, check_provisioning_payload
from wizard.core.telemetry import DEFAULT_PAYLOAD_TEMPLATE, render
from wizard.ui.form import Draft
from wizard.ui.pages.base import BasePage, buddy_label
from wizard.ui.widgets import FieldMessage


def _code_edit(parent: QWidget, lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    edit.setTabChangesFocus(True)
    edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    h = edit.fontMetrics().lineSpacing() * lines + 12
    edit.setFixedHeight(h)
    return edit


class TelemetryPage(BasePage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Telemetry"))
        self.setSubTitle(self.tr("The test messages the device sends once it is connected to its IoT hub."))
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)

        self.count = QSpinBox(self)
        self.count.setRange(0, 100_000)
        self.count.setValue(10)
        self.count.setAccessibleName(self.tr("Number of messages"))
        self.count.setAccessibleDescription(self.tr("Test messages to send after provisioning; 0 sends none."))
        self.interval = QDoubleSpinBox(self)
        self.interval.setRange(0, 3600)
        self.interval.setDecimals(2)
        self.interval.setSingleStep(0.5)
        self.interval.setSuffix(self.tr(" s"))
        self.interval.setAccessibleName(self.tr("Interval between messages in seconds"))
        self.interval.setAccessibleDescription(self.tr("The pause between two messages; 0 sends them one after "
                                                       "another."))
        row = QHBoxLayout()
        row.addWidget(self.count)
        row.addSpacing(16)
        row.addWidget(buddy_label(self.tr("&Interval:"), self.interval, self))
        row.addWidget(self.interval)
        row.addStretch(1)
        form.addRow(buddy_label(self.tr("Number of &messages:"), self.count, self), row)

        self.template = _code_edit(self, 3)
        self.template.setAccessibleName(self.tr("Payload template"))
        self.template.setAccessibleDescription(self.tr("Placeholders: ${n}, ${count}, ${timestamp}, ${device_id}, "
                                                       "${message_id}"))
        self.template.setToolTip(self.template.accessibleDescription())
        form.addRow(buddy_label(self.tr("Payload &template:"), self.template, self), self.template)
        self.template_msg = FieldMessage(self, self.template)
        form.addRow("", self.template_msg)
        self.preview = _code_edit(self, 2)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview of message 1"))
        self.preview.setAccessibleDescription(self.tr("The body of the first message, as the template gives it. "
                                                      "Read only."))
        form.addRow(buddy_label(self.tr("Message 1 pre&view:"), self.preview, self), self.preview)

        self.properties = QTableWidget(0, 2, self)
        self.properties.setHorizontalHeaderLabels([self.tr("Property"), self.tr("Value")])
        self.properties.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.properties.verticalHeader().hide()
        self.properties.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.properties.setAccessibleName(self.tr("Custom properties"))
        self.properties.setAccessibleDescription(self.tr("Name and value of each application property every "
                                                         "message carries. Add makes a row; F2 edits a cell."))
        self.properties.setTabKeyNavigation(False)
        self.properties.setFixedHeight(self.properties.horizontalHeader().sizeHint().height()
                                       + self.properties.verticalHeader().defaultSectionSize() * 3 + 4)
        self.add_prop = QPushButton(self.tr("A&dd"), self)
        self.remove_prop = QPushButton(self.tr("Remov&e"), self)
        self.add_prop.setAccessibleName(self.tr("Add a property"))
        self.remove_prop.setAccessibleName(self.tr("Remove the selected property"))
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_prop)
        buttons.addWidget(self.remove_prop)
        buttons.addStretch(1)
        prop_row = QHBoxLayout()
        prop_row.addWidget(self.properties, 1)
        prop_row.addLayout(buttons)
        form.addRow(buddy_label(self.tr("Custom p&roperties:"), self.properties, self), prop_row)
        self.properties_msg = FieldMessage(self, self.properties)
        form.addRow("", self.properties_msg)

        self.provisioning_payload = _code_edit(self, 2)
        self.provisioning_payload.setPlaceholderText(self.tr("Optional JSON sent to DPS with the registration"))
        self.provisioning_payload.setAccessibleName(self.tr("Provisioning payload"))
        self.provisioning_payload.setAccessibleDescription(self.provisioning_payload.placeholderText())
        form.addRow(buddy_label(self.tr("Provisioning pa&yload:"), self.provisioning_payload, self),
                    self.provisioning_payload)
        self.provisioning_payload_msg = FieldMessage(self, self.provisioning_payload)
        form.addRow("", self.provisioning_payload_msg)

        self.read_twin = QCheckBox(self.tr("Read the device t&win after provisioning"), self)
        self.read_twin.setAccessibleDescription(self.tr("Shows the twin's desired properties on the result page."))
        form.addRow("", self.read_twin)
        outer.addStretch(1)

        self.field_widgets = {"count": self.count, "interval_s": self.interval, "payload_template": self.template,
                              "properties": self.properties, "provisioning_payload": self.provisioning_payload,
                              "read_twin": self.read_twin}
        self.template.setPlainText(DEFAULT_PAYLOAD_TEMPLATE)
        self.template.textChanged.connect(self._revalidate)
        self.provisioning_payload.textChanged.connect(self._revalidate)
        self.count.valueChanged.connect(self._revalidate)
        self.properties.itemChanged.connect(self._revalidate)
        self.add_prop.clicked.connect(self._add_property)
        self.remove_prop.clicked.connect(self._remove_property)
        self._revalidate()

    def property_pairs(self) -> list[tuple[str, str]]:
        pairs = []
        for r in range(self.properties.rowCount()):
            k, v = self.properties.item(r, 0), self.properties.item(r, 1)
            pairs.append(((k.text() if k else "").strip(), v.text() if v else ""))
        return pairs

    def _add_property(self) -> None:
        r = self.properties.rowCount()
        self.properties.insertRow(r)
        self.properties.setItem(r, 0, QTableWidgetItem(""))
        self.properties.setItem(r, 1, QTableWidgetItem(""))
        self.properties.setCurrentCell(r, 0)
        self.properties.setFocus()
        self.properties.editItem(self.properties.item(r, 0))

    def _remove_property(self) -> None:
        row = self.properties.currentRow()
        if row >= 0:
            self.properties.removeRow(row)
            self._revalidate()

    def issues(self) -> list[FieldIssue]:
        found: list[FieldIssue | None] = []
        found.append(check_payload_template(self.template.toPlainText()))
        found.append(check_properties({k: v for k, v in self.property_pairs() if k}))
        found.append(check_provisioning_payload(self.provisioning_payload.toPlainText()))
        return [i for i in found if i is not None]

    def _revalidate(self) -> None:
        by_field = {i.field: i for i in self.issues()}
        self.template_msg.show_issue(by_field.get("payload_template"))
        self.properties_msg.show_issue(by_field.get("properties"))
        self.provisioning_payload_msg.show_issue(by_field.get("provisioning_payload"))
        if "payload_template" in by_field:
            self.preview.setPlainText("")
        else:
            device = self.wiz().registration_id() if self.wizard() else "device-1"
            text = render(self.template.toPlainText(), 1, self.count.value(), device or "device-1",
                          str(uuid.uuid4()))
            try:
                text = json.dumps(json.loads(text), ensure_ascii=False)
            except ValueError:
                pass
            self.preview.setPlainText(text)
        self.completeChanged.emit()

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self._revalidate()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return not any(i.is_error for i in self.issues())

    def load(self, d: Draft) -> None:
        self.count.setValue(d.count)
        self.interval.setValue(d.interval_s)
        self.template.setPlainText(d.payload_template)
        self.properties.setRowCount(0)
        for k, v in d.properties:
            r = self.properties.rowCount()
            self.properties.insertRow(r)
            self.properties.setItem(r, 0, QTableWidgetItem(k))
            self.properties.setItem(r, 1, QTableWidgetItem(v))
        self.provisioning_payload.setPlainText(d.provisioning_payload)
        self.read_twin.setChecked(d.read_twin)
        self._revalidate()

    def save(self, d: Draft) -> None:
        d.count = self.count.value()
        d.interval_s = self.interval.value()
        d.payload_template = self.template.toPlainText()
        d.properties = [(k, v) for k, v in self.property_pairs() if k]
        d.provisioning_payload = self.provisioning_payload.toPlainText()
        d.read_twin = self.read_twin.isChecked()
