"""Result page: what DPS assigned, the twin, the telemetry summary; Save profile, Copy as JSON, Save report."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.i18n import fill
from wizard.ui.pages.base import BasePage, buddy_label
from wizard.ui.report import report_json, report_text


def _json_box(parent: QWidget, name: str, description: str) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setReadOnly(True)
    box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    box.setAccessibleName(name)
    box.setAccessibleDescription(description)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 5 + 12)
    return box


class ResultPage(BasePage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Result"))
        self.setSubTitle(self.tr("The device is provisioned. Save the profile to run it again in two clicks."))
        self.setFinalPage(True)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        self.values: dict[str, QLabel] = {}
        for key, label in (("device_id", self.tr("Device ID:")), ("hub", self.tr("Assigned hub:")),
                           ("status", self.tr("Status:")), ("created", self.tr("Created:")),
                           ("updated", self.tr("Last updated:")), ("telemetry", self.tr("Telemetry:")),
                           ("latency", self.tr("Latency:"))):
            value = QLabel(self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            value.setAccessibleName(label.rstrip(":："))
            form.addRow(label, value)
            self.values[key] = value
        self.payload = _json_box(self, self.tr("Response payload"),
                                 self.tr("The payload DPS returned with the assignment (custom allocation). Read "
                                         "only."))
        form.addRow(buddy_label(self.tr("Response &payload:"), self.payload, self), self.payload)
        self.desired = _json_box(self, self.tr("Desired properties of the twin"),
                                 self.tr("The twin's desired properties, when the twin was read. Read only."))
        form.addRow(buddy_label(self.tr("T&win desired:"), self.desired, self), self.desired)

        buttons = QHBoxLayout()
        self.save_profile = QPushButton(self.tr("&Save profile"), self)
        self.copy_json = QPushButton(self.tr("Copy as &JSON"), self)
        self.save_report = QPushButton(self.tr("Save &report…"), self)
        self.run_again = QPushButton(self.tr("Run a&gain"), self)
        for b in (self.save_profile, self.copy_json, self.save_report, self.run_again):
            buttons.addWidget(b)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status message"))
        outer.addWidget(self.status)
        outer.addStretch(1)

        self.save_profile.clicked.connect(self._save_profile)
        self.copy_json.clicked.connect(self._copy_json)
        self.save_report.clicked.connect(self._save_report)
        self.run_again.clicked.connect(lambda: self.wiz().run_current_again())
        self._dialog: QFileDialog | None = None

    def nextId(self) -> int:  # noqa: N802 - Qt API
        return -1  # the last page (the fleet page, a higher id, is reached from the review page only)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        wiz = self.wiz()
        f = wiz.last_finished
        self.status.clear()
        if f is None:
            return
        r = f.registration
        v = self.values
        v["device_id"].setText(r.device_id if r else "")
        v["hub"].setText(r.assigned_hub if r else "")
        v["status"].setText(self.status_text(r.status, r.substatus) if r else "")
        v["created"].setText((r.created or "") if r else "")
        v["updated"].setText((r.updated or "") if r else "")
        s = f.telemetry
        v["telemetry"].setText(fill(self.tr("%1 sent, %2 acknowledged, %3 failed"), s.sent, s.acknowledged, s.failed))
        med, mx = s.latency(0.5), (max(s.latencies_s) if s.latencies_s else None)
        v["latency"].setText(fill(self.tr("median %1 ms, maximum %2 ms"), _ms(med), _ms(mx))
                             if med is not None else self.tr("No message was acknowledged."))
        self.payload.setPlainText(_pretty(r.payload if r else None) or self.tr("(none)"))
        desired = (f.twin or {}).get("desired") if f.twin else None
        if f.twin is None:
            self.desired.setPlainText(self.tr("(not read)"))
        else:
            self.desired.setPlainText(_pretty(desired) or "{}")
        saved = wiz.saved_name()
        self.save_profile.setText(self.tr("&Save profile") if not saved else self.tr("&Save changes"))
        if saved:
            self.status.setText(fill(self.tr("Result recorded in the profile “%1”."), saved))

    def status_text(self, status: str, substatus: str | None) -> str:
        """DPS's registration status in words; the substatus as DPS sent it (initialAssignment, ...)."""
        names = {"assigned": self.tr("Assigned"), "assigning": self.tr("Assigning"), "failed": self.tr("Failed"),
                 "disabled": self.tr("Disabled"), "unassigned": self.tr("Unassigned")}
        text = names.get(status, status)
        return fill(self.tr("%1 (%2)"), text, substatus) if substatus else text

    def _save_profile(self) -> None:
        self.status.setText(self.wiz().save_current_profile())

    def _copy_json(self) -> None:
        wiz = self.wiz()
        QGuiApplication.clipboard().setText(report_json(wiz.last_profile, wiz.last_finished))
        self.status.setText(self.tr("The result was copied as JSON."))

    def _save_report(self) -> None:
        dialog = QFileDialog(self, self.tr("Save report"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("JSON report (*.json)"), self.tr("Text report (*.txt)")])
        dialog.setDefaultSuffix("json")
        name = (self.wiz().last_profile.name if self.wiz().last_profile else "") or "report"
        dialog.selectFile(f"{name}-report.json")
        dialog.fileSelected.connect(self.write_report)
        self._dialog = dialog
        dialog.open()  # never exec() on the qasync loop

    def write_report(self, path: str) -> None:
        wiz = self.wiz()
        text = (report_text(wiz.last_profile, wiz.last_finished) if path.lower().endswith(".txt")
                else report_json(wiz.last_profile, wiz.last_finished))
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as exc:
            self.status.setText(fill(self.tr("The report could not be saved: %1"), exc.strerror or str(exc)))
        else:
            self.status.setText(fill(self.tr("Report saved to %1"), path))


def _ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:.1f}"


def _pretty(value: object) -> str:
    if value is None:
        return ""
    return json.dumps(value, indent=2, ensure_ascii=False)
