"""Small reusable widgets: the message under a field, banners, a status headline, the step list of a run."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from wizard.core.i18n import fill
from wizard.core.profile import FieldIssue
from wizard.i18n import render, tr_core  # noqa: F401 - tr_core: re-exported for the pages
from wizard.ui.resources import icon_path

# Accents for messages and banners, one for a light and one for a dark palette (the system's, never forced).
_ACCENTS = {
    "error": ("#c62828", "#ff8a80"),
    "warning": ("#a15c00", "#ffb74d"),
    "info": ("#0b4ea2", "#82b1ff"),
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def accent(kind: str, palette: QPalette) -> QColor:
    """The colour for an error, warning or info text that stays readable on this palette's window colour."""
    light, dark = _ACCENTS.get(kind, _ACCENTS["info"])
    return QColor(dark if is_dark(palette) else light)


def tinted(kind: str, palette: QPalette, amount: float = 0.12) -> QColor:
    """The palette's window colour with a little of the accent mixed in (a banner's background)."""
    base, tint = palette.color(QPalette.ColorRole.Window), accent(kind, palette)
    mix = [round(b + (t - b) * amount) for b, t in zip(base.getRgb()[:3], tint.getRgb()[:3], strict=True)]
    return QColor(*mix)


def set_text_accent(label: QLabel, kind: str | None) -> None:
    """Colour a label's text through its palette (dark mode safe); None restores the normal colour."""
    palette = label.parentWidget().palette() if label.parentWidget() else label.palette()
    own = QPalette(palette)
    if kind is not None:
        own.setColor(QPalette.ColorRole.WindowText, accent(kind, palette))
    label.setPalette(own)


def status_headline(parent: QWidget, name: str) -> QLabel:
    """The bold, wrapping line that says how a run or check is going; `name` is its accessible name."""
    label = QLabel(parent)
    label.setWordWrap(True)
    bold = QFont(label.font())
    bold.setBold(True)
    label.setFont(bold)
    label.setAccessibleName(name)
    return label


_icons: dict[str, QIcon] = {}


def state_icon(state: str) -> QIcon:
    if state not in _icons:
        _icons[state] = QIcon(str(icon_path(f"state-{state}.svg")))
    return _icons[state]


class FieldMessage(QLabel):
    """The message under a field: red for an error, amber for a warning, hidden when all is well.

    The field's accessible description carries the message too, so a screen reader says it on focus."""

    def __init__(self, parent: QWidget | None = None, field: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self._field_description = field.accessibleDescription() if field is not None else ""
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.issue: FieldIssue | None = None
        self._kind = "error"
        self.hide()

    def show_issue(self, issue: FieldIssue | None) -> None:
        self.issue = issue
        if issue is None:
            self.clear()
            self.hide()
            self._describe_field("")
            return
        self._kind = "error" if issue.is_error else "warning"
        set_text_accent(self, self._kind)
        self.setText(issue.render(tr_core))
        self.setAccessibleName(self.text())
        self._describe_field(self.text())
        self.show()

    def set_field_description(self, text: str) -> None:
        """The field's own description (what it is for); the message, when there is one, is added after it."""
        self._field_description = text
        self._describe_field(self.text() if self.isVisibleTo(self.parentWidget()) else "")

    def _describe_field(self, message: str) -> None:
        if self.field is not None:
            self.field.setAccessibleDescription(" ".join(t for t in (message, self._field_description) if t))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.ParentChange or event.type() == QEvent.Type.ApplicationPaletteChange:
            if self.issue is not None:
                set_text_accent(self, self._kind)

    @property
    def is_error(self) -> bool:
        return self.issue is not None and self.issue.is_error


class Banner(QFrame):
    """A strip at the top of a page that says something important (damaged file, no keyring, emulator)."""

    def __init__(self, kind: str = "warning", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.kind = kind
        self.setObjectName("banner")
        self._apply_colours()
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

    def _apply_colours(self) -> None:
        """Background and border from the system palette plus an accent: readable in light and dark mode."""
        palette = (self.parentWidget() or self).palette()
        bg, border = tinted(self.kind, palette), accent(self.kind, palette)
        self.setStyleSheet(f"#banner {{ background: {bg.name()}; border: 1px solid {border.name()}; "
                           "border-radius: 4px; }")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.ParentChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colours()

    def show_text(self, text: str | None) -> None:
        if text:
            self.label.setText(text)
            self.setAccessibleName(text)
            self.label.setAccessibleName(text)
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
        self.setAccessibleDescription(self.tr("Each step of the run, its state and how long it took."))
        self.state_names = {"pending": self.tr("waiting"), "running": self.tr("running"), "done": self.tr("done"),
                            "failed": self.tr("failed"), "skipped": self.tr("skipped")}
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
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                     fill(self.tr("%1: %2"), item.text(0), self.state_names.get(state, state)))
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


def wrapped_height(text: str, font: QFont, width: int) -> float:
    """The height of `text` wrapped as item views wrap it (at word boundaries, else anywhere) in `width`."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    height = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 20))
        height += line.height()
    layout.endLayout()
    return height


class _WrapDelegate(QStyledItemDelegate):
    """Row heights for wrapped text at the column's current width (QTreeView measures without a width)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt API
        size = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        width = self.tree.columnWidth(index.column()) - 12
        if index.column() == 0:
            depth, parent = 1, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self.tree.indentation() * depth if self.tree.rootIsDecorated() or depth > 1 else 0
            if index.data(Qt.ItemDataRole.DecorationRole) is not None:
                width -= self.tree.iconSize().width() if self.tree.iconSize().isValid() else 20
                width -= 8
        height = wrapped_height(str(text), option.font, width) + 6
        return QSize(size.width(), max(size.height(), int(height + 0.99)))


class WrappingTree(QTreeWidget):
    """A tree whose long texts wrap: each row is as tall as its wrapped text at the column's width, measured
    again whenever a column's width changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(_WrapDelegate(self))
        self.header().sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()
