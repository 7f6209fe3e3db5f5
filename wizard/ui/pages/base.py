"""What every page shares: access to the wizard, Back keeps what was typed, focusing a field by name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget, QWizardPage

from wizard.ui.form import Draft

if TYPE_CHECKING:
    from wizard.ui.wizard_window import DpsWizard


class BasePage(QWizardPage):
    #: Profile field name -> the widget that edits it (for "Back to <field>" and focus).
    field_widgets: dict[str, QWidget]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field_widgets = {}

    def wiz(self) -> DpsWizard:
        return self.wizard()  # type: ignore[return-value]

    def cleanupPage(self) -> None:  # noqa: N802 - Qt API
        """Back keeps what was typed (QWizard's default would reset registered fields)."""

    def load(self, draft: Draft) -> None:
        """Fill the widgets from a draft (a new, edited, re-run or demo profile)."""

    def save(self, draft: Draft) -> None:
        """Write what the widgets hold into the draft."""

    def focus_field(self, name: str) -> bool:
        widget = self.field_widgets.get(name)
        if widget is None:
            return False
        parent = widget.parentWidget()
        while parent is not None and parent is not self:
            if hasattr(parent, "expand"):
                parent.expand()  # a collapsed "Advanced" section
            parent = parent.parentWidget()
        widget.setFocus()
        return True


def buddy_label(text: str, widget: QWidget, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(widget)
    return label
