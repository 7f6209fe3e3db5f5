"""The Fleet page's table: a QAbstractTableModel over BatchRun's DeviceResult snapshots, one row per device.

Events only note which rows changed (update); a 100 ms timer draws them and the growing time of running rows
(flush), so a burst of events from many devices costs one repaint.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, QTimer

from wizard.core import batch as core_batch
from wizard.core.batch import DeviceResult, DeviceState
from wizard.core.i18n import fill
from wizard.ui.widgets import state_icon, tr_core

FLUSH_MS = 100  # the table is redrawn at most this often, whatever the event rate
ICONS = {DeviceState.QUEUED: "pending", DeviceState.PROVISIONING: "running", DeviceState.SENDING: "running",
         DeviceState.SUCCEEDED: "done", DeviceState.FAILED: "failed", DeviceState.CANCELLED: "skipped",
         DeviceState.SKIPPED: "skipped"}


class FleetModel(QAbstractTableModel):
    """Rows of DeviceResult; update() is cheap (remembers the row), flush() draws what changed."""

    COLUMNS = core_batch.COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DeviceResult] = []
        self._pending: dict[int, DeviceResult] = {}
        self.flushes = 0  # how many times rows were redrawn (the tests check the coalescing)
        self.titles = {"registration_id": self.tr("Registration ID"), "state": self.tr("State"),
                       "device_id": self.tr("Device ID"), "assigned_hub": self.tr("Assigned hub"),
                       "substatus": self.tr("Substatus"), "time": self.tr("Time"), "problem": self.tr("Problem")}
        self.states = {DeviceState.QUEUED: self.tr("queued"), DeviceState.PROVISIONING: self.tr("provisioning"),
                       DeviceState.SENDING: self.tr("sending"), DeviceState.SUCCEEDED: self.tr("succeeded"),
                       DeviceState.FAILED: self.tr("failed"), DeviceState.CANCELLED: self.tr("cancelled"),
                       DeviceState.SKIPPED: self.tr("skipped")}
        self.notes = {"already assigned in this batch": self.tr("already assigned in this batch")}
        self.timer = QTimer(self)
        self.timer.setInterval(FLUSH_MS)
        self.timer.timeout.connect(self.flush)

    # -- feeding ---------------------------------------------------------------------------------------------
    def reset(self, results: list[DeviceResult]) -> None:
        self.beginResetModel()
        self.rows = list(results)
        self._pending.clear()
        self.endResetModel()

    def update(self, result: DeviceResult) -> None:
        self._pending[result.row] = result

    def flush(self) -> None:
        changed = self._pending
        self._pending = {}
        for row, result in changed.items():
            if 0 <= row < len(self.rows):
                self.rows[row] = result
        running = [r.row for r in self.rows if r.state in (DeviceState.PROVISIONING, DeviceState.SENDING)]
        touched = sorted(set(changed) | set(running))
        if not touched:
            return
        self.flushes += 1
        last = len(self.COLUMNS) - 1
        self.dataChanged.emit(self.index(touched[0], 0), self.index(touched[-1], last))

    # -- Qt's model API ------------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[self.COLUMNS[section]]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def text(self, r: DeviceResult, column: str) -> str:
        if column == "state":
            return self.states.get(r.state, r.state.value)
        if column == "time":
            seconds = r.elapsed()
            return "" if seconds is None else fill(self.tr("%1 s"), f"{seconds:.1f}")
        if column == "problem":
            if r.problem is not None:
                return r.problem.rendered(tr_core)[0]
            return self.notes.get(r.note, r.note)
        return r.cell(column)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        r = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(r, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "state":
            return state_icon(ICONS.get(r.state, "pending"))
        if role == Qt.ItemDataRole.ToolTipRole and column == "problem" and r.problem is not None:
            _title, meaning, hint = r.problem.rendered(tr_core)
            return f"{meaning}\n{hint}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "time":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
