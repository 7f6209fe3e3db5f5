"""Fleet page: a batch of devices of one enrollment group (wizard.core.batch.BatchRun), one table row each.

The table's model (wizard.ui.fleet_model) draws a burst of events as one repaint. Cancel stops every device
(BatchRun.cancel: within about two seconds), Retry failed re-runs only the devices that failed or were
cancelled, and the results export to CSV or JSON: derived device keys only when the warned box is ticked, the
group key never.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wizard.core import batch as core_batch
from wizard.core.batch import BatchFinished, BatchRun, BatchStarted, DeviceChanged, DeviceState
from wizard.core.i18n import fill
from wizard.core.profile import Enrollment
from wizard.core.redact import redact
from wizard.ui.fleet_model import FleetModel
from wizard.ui.pages.base import BasePage, buddy_label
from wizard.ui.pages.run_control import RunControl, import_sdk
from wizard.ui.widgets import Banner, set_text_accent, status_headline, tr_core


class FleetPage(RunControl, BasePage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Several devices"))
        self.setSubTitle(self.tr("Each device of the list registers with DPS with its derived key, connects to its "
                                 "IoT hub and sends the test messages; a failed device does not stop the others."))
        self.setFinalPage(True)
        outer = QVBoxLayout(self)
        self.headline = status_headline(self, self.tr("Batch status"))
        outer.addWidget(self.headline)
        self.progress = QProgressBar(self)
        self.progress.setFormat(self.tr("%v of %m devices finished"))
        self.progress.setAccessibleName(self.tr("Batch progress"))
        self.progress.setAccessibleDescription(self.tr("Devices of this pass that have finished, out of all of "
                                                       "them."))
        self.concurrency = QSpinBox(self)
        self.concurrency.setRange(1, core_batch.MAX_CONCURRENCY)
        self.concurrency.setValue(core_batch.DEFAULT_CONCURRENCY)
        self.concurrency.setAccessibleName(self.tr("Devices at once"))
        self.concurrency.setAccessibleDescription(self.tr("How many devices are provisioned at the same time; a "
                                                          "change applies to the next run or retry."))
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(buddy_label(self.tr("&Devices at once:"), self.concurrency, self))
        top.addWidget(self.concurrency)
        outer.addLayout(top)

        self.model = FleetModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Devices"))
        self.table.setAccessibleDescription(self.tr("One row per device: registration ID, state, device ID, "
                                                    "assigned hub, substatus, time and problem."))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        widths = {"registration_id": 15, "state": 11, "device_id": 15, "assigned_hub": 24, "substatus": 11,
                  "time": 7}
        em = self.table.fontMetrics().averageCharWidth()
        for n, column in enumerate(FleetModel.COLUMNS):
            if column in widths:
                header.resizeSection(n, widths[column] * em + 16)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        outer.addWidget(self.table, 1)

        # What the selected device's problem means and what to try.
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName(self.tr("The selected device's problem"))
        self.detail.hide()
        outer.addWidget(self.detail)

        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("&Cancel all"), self)
        self.cancel_button.setAccessibleDescription(self.tr("Stops every device of the batch; Esc asks first."))
        self.retry_button = QPushButton(self.tr("&Retry failed"), self)
        self.retry_button.setAccessibleDescription(self.tr("Runs again only the devices that failed or were "
                                                           "cancelled."))
        self.export_csv_button = QPushButton(self.tr("Export C&SV…"), self)
        self.export_json_button = QPushButton(self.tr("Export &JSON…"), self)
        for b in (self.export_csv_button, self.export_json_button):
            b.setAccessibleDescription(self.tr("Saves every device's result to a file. The group key is never "
                                               "in it."))
        for b in (self.cancel_button, self.retry_button, self.export_csv_button, self.export_json_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.include_keys = QCheckBox(self.tr("Include each device's derived &key in the export"), self)
        self.include_keys.setAccessibleDescription(self.tr("Secret: anyone with a device's key can connect as that "
                                                           "device. The group key is never exported."))
        outer.addWidget(self.include_keys)
        self.keys_warning = Banner("warning", self)
        outer.addWidget(self.keys_warning)
        self.export_note = QLabel(self)
        self.export_note.setWordWrap(True)
        self.export_note.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.export_note)

        self.cancel_button.clicked.connect(self.cancel)
        self.retry_button.clicked.connect(self.retry_failed)
        self.export_csv_button.clicked.connect(lambda: self._pick_export("csv"))
        self.export_json_button.clicked.connect(lambda: self._pick_export("json"))
        self.include_keys.toggled.connect(self._keys_toggled)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())
        self.model.dataChanged.connect(lambda *_: self._show_detail())

        self.batch: BatchRun | None = None
        self.task: asyncio.Future | None = None
        self.summary: core_batch.BatchSummary | None = None
        self.error: str | None = None
        self._pass_rows: tuple[int, ...] = ()
        self._active = False  # a pass is going (False again once the page has drawn its end)
        self._dialog: QFileDialog | None = None
        self._set_buttons()

    # -- state -------------------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._active and super().running

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return not self.running

    def nextId(self) -> int:  # noqa: N802 - Qt API
        return -1

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.batch = None
        self.summary = None
        self.include_keys.setChecked(False)
        self.export_note.clear()
        self.start_batch()

    def _set_buttons(self) -> None:
        running = self.running
        have = self.batch is not None
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        failed = bool(have and self.batch.rows_in(DeviceState.FAILED, DeviceState.CANCELLED))
        self.retry_button.setVisible(not running and have)
        self.retry_button.setEnabled(not running and failed)
        for b in (self.export_csv_button, self.export_json_button):
            b.setEnabled(not running and have)
        self.completeChanged.emit()

    # -- running ------------------------------------------------------------------------------------------------
    def start_batch(self) -> asyncio.Future | None:
        """Make the BatchRun from the pages (the group key, the ID list, the profile) and run every device."""
        if self.running:
            return self.task
        wiz = self.wiz()
        profile = wiz.current_profile()
        items = wiz.device_page.batch_items()
        self.error = None
        try:
            self.batch = BatchRun(profile, wiz.device_page.typed_key(), items,
                                  concurrency=self.concurrency.value(), on_event=self._on_event,
                                  proxy_password=wiz.proxy_password())
        except ValueError as exc:
            self.batch = None
            self.model.reset([])
            self._show_error(redact(str(exc)))
            return None
        self.model.reset(self.batch.results)
        self.progress.setRange(0, len(items))
        self.progress.setValue(0)
        self._active = True
        self.start_task(self._execute(profile))
        self._running_ui()
        return self.task

    def retry_failed(self) -> asyncio.Future | None:
        if self.running or self.batch is None or not self.batch.rows_in(DeviceState.FAILED, DeviceState.CANCELLED):
            return None
        self.batch.concurrency = self.concurrency.value()
        self._active = True
        self.start_task(self._execute(None, retry=True))
        self._running_ui()
        return self.task

    def cancelling_text(self) -> str:
        return self.tr("Cancelling every device…")

    def stop_work(self) -> bool:
        if self.batch is None or not self.batch.running:
            return False
        self.batch.cancel()
        return True

    def _running_ui(self) -> None:
        self.summary = None
        self.headline.setText(self.tr("Running…"))
        set_text_accent(self.headline, None)
        self.export_note.clear()
        self.model.timer.start()
        self._set_buttons()
        self.cancel_button.setFocus()

    async def _execute(self, profile, retry: bool = False) -> None:  # noqa: ANN001
        batch = self.batch
        assert batch is not None
        try:
            if not retry:
                if profile.demo:
                    adapted = await self.wiz().demo.adapt(profile)  # this launch's emulator
                    batch.base_profile = replace(adapted, enrollment=Enrollment.GROUP)
                await import_sdk()
                self.summary = await batch.execute()
            else:
                self.summary = await batch.retry_failed()
        except asyncio.CancelledError:
            self.summary = batch.summary()
        except Exception as exc:  # noqa: BLE001 - shown on the page, never a traceback dialog
            self.summary = batch.summary()
            self.error = redact(f"{type(exc).__name__}: {exc}")
        finally:
            self.model.timer.stop()
            self._active = False
            if self.batch is batch:
                self.model.reset(batch.results)
                self.model.flush()
                self.fit_columns()
        self._finished()

    def _on_event(self, event: object) -> None:
        """On the loop (= UI) thread for every batch event; cheap: the timer draws."""
        if isinstance(event, DeviceChanged):
            self.model.update(event.result)
        elif isinstance(event, BatchStarted):
            self._pass_rows = event.rows
            self.table.resizeColumnsToContents()
            self.progress.setRange(0, max(len(event.rows), 1))
            self.progress.setValue(0)
        elif isinstance(event, BatchFinished):
            self.summary = event.summary
        if isinstance(event, DeviceChanged) and event.result.state.finished and event.result.row in self._pass_rows:
            self._count_finished()

    def _count_finished(self) -> None:
        if self.batch is None:
            return
        rows = self.batch.results
        done = sum(1 for n in self._pass_rows if rows[n].state.finished)
        self.progress.setValue(min(done, self.progress.maximum()))
        s = self.batch.summary()
        self.headline.setText(fill(self.tr("Running: %1 of %2 finished · %3 succeeded · %4 failed"), done,
                                   len(self._pass_rows), s.succeeded, s.failed))

    def _finished(self) -> None:
        s = self.summary or (self.batch.summary() if self.batch else None)
        self._set_buttons()
        if s is None:
            return
        self.progress.setValue(self.progress.maximum())
        text = fill(self.tr("%1 devices: %2 succeeded, %3 failed, %4 cancelled, %5 skipped (%6 s)."), s.total,
                    s.succeeded, s.failed, s.cancelled, s.skipped, f"{s.duration_s:.1f}")
        if s.all_succeeded:
            self.headline.setText(self.tr("Done: every device is provisioned.") + " " + text)
            set_text_accent(self.headline, None)
        elif s.cancelled and not s.failed:
            self.headline.setText(self.tr("The batch was cancelled.") + " " + text)
            set_text_accent(self.headline, "warning")
        else:
            self.headline.setText(self.tr("Some devices did not succeed.") + " " + text)
            set_text_accent(self.headline, "error")
        if self.error:
            self.headline.setText(self.headline.text() + "\n" + self.error)
        self.headline.setAccessibleDescription(self.headline.text())
        if self.retry_button.isEnabled():
            self.retry_button.setFocus()
        self._show_detail()

    def _show_error(self, text: str) -> None:
        self.headline.setText(fill(self.tr("The batch could not start: %1"), text))
        set_text_accent(self.headline, "error")
        self._set_buttons()

    def _show_detail(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.model.rows):
            self.detail.hide()
            return
        r = self.model.rows[rows[0].row()]
        if r.problem is None:
            self.detail.hide()
            return
        title, meaning, hint = r.problem.rendered(tr_core)
        lines = [f"{r.registration_id}: {title}", meaning, hint]
        if r.problem.dps_error_code is not None or r.problem.dps_error_message:
            said = " ".join(str(v) for v in (r.problem.dps_error_code, r.problem.dps_error_message) if v is not None)
            lines.append(fill(self.tr("DPS said: %1"), said))
        self.detail.setText("\n".join(line for line in lines if line))
        self.detail.setAccessibleDescription(self.detail.text())
        set_text_accent(self.detail, "error" if r.state is DeviceState.FAILED else None)
        self.detail.show()

    def fit_columns(self) -> None:
        """Columns as wide as their texts (Qt looks at the first 1,000 rows), the problem taking the rest."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)

    def select_row(self, row: int) -> None:
        self.table.selectionModel().select(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                           | QItemSelectionModel.SelectionFlag.Rows)

    # -- export ---------------------------------------------------------------------------------------------------
    def _keys_toggled(self, on: bool) -> None:
        self.keys_warning.show_text(self.tr("The exported file will hold every device's key: anyone who has it can "
                                            "connect as those devices. Keep it safe (it is written readable by you "
                                            "only) and delete it when it is no longer needed. The group key is "
                                            "never exported.") if on else None)

    def _pick_export(self, kind: str) -> None:
        title = self.tr("Export the results as CSV") if kind == "csv" else self.tr("Export the results as JSON")
        dialog = QFileDialog(self, title)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("CSV files (*.csv)") if kind == "csv" else self.tr("JSON files (*.json)")])
        dialog.setDefaultSuffix(kind)
        dialog.selectFile(f"batch-results.{kind}")
        dialog.fileSelected.connect(lambda path: self.export(path, kind))
        self._dialog = dialog
        dialog.open()  # never exec() on the qasync loop

    def export(self, path: str, kind: str) -> bool:
        if self.batch is None:
            return False
        keys = self.include_keys.isChecked()
        try:
            if kind == "csv":
                self.batch.write_csv(path, include_keys=keys)
            else:
                self.batch.write_json(path, include_keys=keys)
        except OSError as exc:
            self.export_note.setText(fill(self.tr("The results could not be saved: %1"), exc.strerror or exc))
            set_text_accent(self.export_note, "error")
            return False
        note = (self.tr("Saved to %1, with the derived device keys.") if keys else
                self.tr("Saved to %1 (no keys in it)."))
        self.export_note.setText(fill(note, path))
        set_text_accent(self.export_note, "warning" if keys else None)
        return True
