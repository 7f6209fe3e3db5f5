"""Review page (the commit page): every setting, the key masked, and the equivalent command line."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from wizard.core.commandline import KEY_VARIABLE, PROGRAM, command_line
from wizard.core.i18n import fill
from wizard.core.profile import Profile
from wizard.ui.form import PageId
from wizard.ui.pages.base import BasePage, buddy_label


class ReviewPage(BasePage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Review"))
        self.setSubTitle(self.tr("Check the settings. Run registers the device with DPS; that cannot be undone."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Run"))
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer.addLayout(self.form)
        self.values: dict[str, QLabel] = {}

        self.command = QPlainTextEdit(self)
        self.command.setReadOnly(True)
        self.command.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.command.setAccessibleName(self.tr("Equivalent command line"))
        self.command.setAccessibleDescription(self.tr("The dps-wizard run command that does the same as this "
                                                      "wizard; the key is not in it."))
        self.command.setFixedHeight(self.command.fontMetrics().lineSpacing() * 3 + 12)
        self.copy = QPushButton(self.tr("&Copy"), self)
        self.copy.setAccessibleName(self.tr("Copy the command line"))
        row = QHBoxLayout()
        row.addWidget(self.command, 1)
        row.addWidget(self.copy)
        command_label = buddy_label(fill(self.tr("Equivalent co&mmand line (the key is read from %1):"),
                                         KEY_VARIABLE), self.command, self)
        command_label.setWordWrap(True)
        outer.addWidget(command_label)
        outer.addLayout(row)
        outer.addStretch(1)
        self.copy.clicked.connect(self._copy)

    def _row(self, key: str, label: str, value: str) -> None:
        if key not in self.values:
            widget = QLabel(self)
            widget.setWordWrap(True)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            widget.setAccessibleName(label.rstrip(":："))
            self.form.addRow(label, widget)
            self.values[key] = widget
        self.values[key].setText(value)

    def nextId(self) -> int:  # noqa: N802 - Qt API
        wiz = self.wizard()
        return PageId.FLEET if wiz is not None and wiz.device_page.batch_mode else PageId.RUN

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        wiz = self.wiz()
        p: Profile = wiz.current_profile()
        yes, no = self.tr("Yes"), self.tr("No")
        self._row("name", self.tr("Profile:"), p.name)
        self._row("host", self.tr("Provisioning endpoint:"), p.host)
        self._row("id_scope", self.tr("ID scope:"), p.id_scope)
        self._row("transport", self.tr("Transport:"),
                  self.tr("MQTT over WebSockets (443)") if p.websockets else self.tr("MQTT (8883)"))
        proxy = self.tr("None")
        if p.proxy:
            proxy = f"{p.proxy.host}:{p.proxy.port}" + (f" ({p.proxy.username})" if p.proxy.username else "")
        self._row("proxy", self.tr("Proxy:"), proxy)
        self._row("trusted_ca", self.tr("Trusted CA:"), p.trusted_ca or self.tr("System certificates"))
        self._row("timeout", self.tr("Timeout:"), fill(self.tr("%1 s"), f"{p.timeout_s:g}"))
        self._row("enrollment", self.tr("Enrollment:"),
                  self.tr("Enrollment group") if p.is_group else self.tr("Individual enrollment"))
        batch = wiz.device_page.batch_mode
        if batch:
            items = wiz.device_page.batch_items()
            ids = [i.registration_id for i in items]
            self.values["enrollment"].setText(self.tr("Enrollment group, several devices"))
            self._row("registration_id", self.tr("Registration ID:"),
                      fill(self.tr("%1 devices: %2 … %3"), len(ids), ids[0], ids[-1]) if len(ids) > 1
                      else ", ".join(ids))
        else:
            self._row("registration_id", self.tr("Registration ID:"), p.registration_id)
        typed = wiz.device_page.typed_key()
        key_text = self.masked("".join(typed.split()))
        if batch:
            key_text = fill(self.tr("%1 (the group key; each device's key is derived from it)"), key_text)
        elif p.is_group:
            key_text = fill(self.tr("%1, device key %2"), key_text, self.masked(wiz.current_device_key() or ""))
        self._row("key", self.tr("Key:"), key_text)
        self._row("remember", self.tr("Remember the key:"),
                  yes if wiz.device_page.remember.isChecked() and not batch else no)
        messages = self.tr("%n message(s)", "", p.count)
        if p.interval_s:
            messages = fill(self.tr("%1, every %2 s"), messages, f"{p.interval_s:g}")
        self._row("messages", self.tr("Telemetry:"), messages)
        self._row("properties", self.tr("Properties:"),
                  ", ".join(f"{k}={v}" for k, v in p.properties.items()) or self.tr("None"))
        self._row("payload", self.tr("Provisioning payload:"), p.provisioning_payload or self.tr("None"))
        self._row("twin", self.tr("Read the twin:"), yes if p.read_twin else no)
        self.command.setPlainText(self.batch_command_line(p) if batch else command_line(p))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Run all") if batch else self.tr("&Run"))

    def batch_command_line(self, p: Profile) -> str:
        """The `dps-wizard batch` command for the list (a CSV file by its path), the key from the variable."""
        import shlex

        from wizard.core.commandline import arguments

        page = self.wiz().device_page
        args = arguments(replace(p, demo=False))
        args[0] = "batch"
        if "--registration-id" in args:
            i = args.index("--registration-id")
            if page.from_csv.isChecked():
                args[i:i + 2] = ["--csv", page.csv_path.text().strip()]
            else:
                args[i:i + 2] = ["--registration-ids", " ".join(page.id_text.toPlainText().split())]
        if "--count" not in args:
            args += ["--count", str(p.count)]
        for option in ("--read-twin", "--proxy", "--proxy-user", "--proxy-kind"):  # not batch options
            while option in args:
                i = args.index(option)
                del args[i:i + (1 if option == "--read-twin" else 2)]
        return " ".join(shlex.quote(a) for a in [PROGRAM, *args])

    def masked(self, key: str) -> str:
        """A few characters of a key so a person can tell two keys apart, never all (as redact.mask_key)."""
        return fill(self.tr("%1… (%2 characters)"), key[:4], len(key)) if key else ""

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.command.toPlainText())
