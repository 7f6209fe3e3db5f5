"""Small reusable widgets: the message under a field, banners, the step list of a run."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from wizard.core.profile import FieldIssue
from wizard.ui.resources import icon_path


def tr_core(text: str) -> str:
    """Texts from wizard.core (validators, problems) are English; translated here when the catalogue has them."""
    return QCoreApplication.translate("core", text)


_icons: dict[str, QIcon] = {}


def state_icon(state: str) -> QIcon:
    if state not in _icons:
        _icons[state] = QIcon(str(icon_path(f"state-{state}.svg")))
    return _icons[state]


class FieldMessage(QLabel):
    """The message under a field: red for an error, amber for a warning, hidden when all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.issue: FieldIssue | None = None
        self.hide()

    def show_issue(self, issue: FieldIssue | None) -> None:
        self.issue = issue
        if issue is None:
            self.clear()
            self.hide()
            return
        color = "#c62828" if issue.is_error else "#a15c00"
        self.setStyleSheet(f"color: {color};")
        self.setText(tr_core(issue.message))
        self.setAccessibleName(self.text())
        self.show()

    @property
    def is_error(self) -> bool:
        return self.issue is not None and self.issue.is_error


class Banner(QFrame):
    """A strip at the top of a page that says something important (damaged file, no keyring, emulator)."""

    def __init__(self, kind: str = "warning", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        colors = {"warning": ("#fff4e0", "#a15c00"), "error": ("#fdecea", "#c62828"), "info": ("#e8f1fb", "#0b4ea2")}
        bg, border = colors.get(kind, colors["info"])
        self.setObjectName("banner")
        self.setStyleSheet(f"#banner {{ background: {bg}; border: 1px solid {border}; border-radius: 4px; }}"
                           "#banner QLabel { color: #202020; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        sp = QStyle.StandardPixmap
        pix = {"warning": sp.SP_MessageBoxWarning,
               "error": sp.SP_MessageBoxCritical}.get(kind, sp.SP_MessageBoxInformation)
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(pix).pixmap(20, 20))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(icon)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label, 1)
        self.hide()

    def show_text(self, text: str | None) -> None:
        if text:
            self.label.setText(text)
            self.setAccessibleName(text)
            self.show()
        else:
            self.hide()

    def text(self) -> str:
        return self.label.text() if self.isVisible() or self.label.text() else ""


class StepList(QTreeWidget):
    """One row per run step: state icon, name (with details such as the poll number) and elapsed time."""

    stateChanged = Signal(str, str)

    def __init__(self, steps: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Step"), self.tr("Time")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Run steps"))
        self._items: dict[str, QTreeWidgetItem] = {}
        self._names: dict[str, str] = {}
        self.states: dict[str, str] = {}
        self._started: dict[str, float] = {}
        for step, name in steps:
            item = QTreeWidgetItem([name, ""])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.addTopLevelItem(item)
            self._items[step] = item
            self._names[step] = name
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.ResizeToContents)
        self.reset_steps()
        rows = len(steps)
        height = self.sizeHintForRow(0) * rows + self.header().sizeHint().height() + 8
        self.setMinimumHeight(height)
        self.setMaximumHeight(height + 4)

    def reset_steps(self) -> None:
        self._started.clear()
        for step, item in self._items.items():
            self.set_state(step, "pending")
            item.setText(0, self._names[step])
            item.setText(1, "")

    def set_state(self, step: str, state: str, *, at: float | None = None, label: str | None = None,
                  elapsed: Callable[[float], str] | None = None) -> None:
        item = self._items.get(step)
        if item is None:
            return
        self.states[step] = state
        item.setIcon(0, state_icon(state))
        if label is not None:
            item.setText(0, label)
        if state == "running" and at is not None:
            self._started[step] = at
        if state in ("done", "failed") and at is not None and step in self._started and elapsed:
            item.setText(1, elapsed(at - self._started[step]))
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{item.text(0)}: {state}")
        self.stateChanged.emit(step, state)

    def label(self, step: str) -> str:
        return self._items[step].text(0)


class Collapsible(QWidget):
    """A section with a toggle button ("Advanced") that shows or hides its content."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QToolButton, QVBoxLayout

        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton(self)
        self.toggle.setText(title)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setAccessibleName(title.replace("&", ""))
        layout.addWidget(self.toggle)
        self.content = QFrame(self)
        self.content.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.content)
        self.content.hide()
        self.toggle.toggled.connect(self._set_open)

    def _set_open(self, on: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.content.setVisible(on)

    def expand(self) -> None:
        self.toggle.setChecked(True)

    @property
    def expanded(self) -> bool:
        return self.toggle.isChecked()
