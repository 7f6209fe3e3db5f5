"""Service page: the provisioning endpoint and ID scope; Advanced: transport, proxy, trusted CA, timeout."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wizard.core.profile import DEFAULT_HOST, FieldIssue, check_host, check_id_scope, field_label
from wizard.ui.connection import ConnectionCheckView
from wizard.ui.form import Draft, pem_problem
from wizard.ui.pages.base import BasePage, buddy_label
from wizard.ui.widgets import Banner, Collapsible, FieldMessage


class ServicePage(BasePage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Device Provisioning Service"))
        self.setSubTitle(self.tr("Where the device registers: the DPS instance's endpoint and ID scope, from its "
                                 "Overview page in the Azure portal."))
        outer = QVBoxLayout(self)
        # Demo profiles point at localhost: say so, or the person may wonder where Azure went.
        self.demo_banner = Banner("info", self)
        outer.addWidget(self.demo_banner)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        outer.addLayout(form)

        self.host = QLineEdit(DEFAULT_HOST, self)
        self.host.setAccessibleName(self.tr("Provisioning endpoint"))
        self.host.setAccessibleDescription(self.tr("The DPS host name: global.azure-devices-provisioning.net or "
                                                   "the Service endpoint on the DPS Overview page."))
        self.host_msg = FieldMessage(self, self.host)
        form.addRow(buddy_label(self.tr("Provisioning &endpoint:"), self.host, self), self.host)
        form.addRow("", self.host_msg)

        self.id_scope = QLineEdit(self)
        self.id_scope.setPlaceholderText("0ne00012345")
        self.id_scope.setAccessibleName(self.tr("ID scope"))
        self.id_scope.setAccessibleDescription(self.tr("The ID scope on the DPS Overview page, 0ne followed by 8 "
                                                       "hexadecimal digits."))
        self.id_scope_msg = FieldMessage(self, self.id_scope)
        form.addRow(buddy_label(self.tr("&ID scope:"), self.id_scope, self), self.id_scope)
        form.addRow("", self.id_scope_msg)

        self.test_button = QPushButton(self.tr("Test the connection to &DPS"), self)
        self.test_button.setAccessibleDescription(self.tr("Checks name lookup, ports 8883 and 443 (directly and "
                                                          "through the proxy), TLS and the clock for this endpoint, "
                                                          "in under 10 seconds; nothing is registered."))
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        form.addRow("", test_row)

        self.advanced = Collapsible(self.tr("&Advanced"), self)
        outer.addWidget(self.advanced)
        adv = QFormLayout(self.advanced.content)
        adv.setContentsMargins(18, 0, 0, 0)

        self.mqtt = QRadioButton(self.tr("&MQTT (port 8883)"), self)
        self.ws = QRadioButton(self.tr("MQTT over &WebSockets (port 443, for networks that block 8883)"), self)
        self.mqtt.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.mqtt)
        group.addButton(self.ws)
        transport = QVBoxLayout()
        transport.addWidget(self.mqtt)
        transport.addWidget(self.ws)
        self.mqtt.setAccessibleDescription(self.tr("The usual transport."))
        self.ws.setAccessibleDescription(self.tr("For networks and proxies that only let port 443 through."))
        adv.addRow(self.tr("Transport:"), transport)

        self.use_proxy = QCheckBox(self.tr("Connect through an HTTP &proxy"), self)
        self.use_proxy.setAccessibleDescription(self.tr("Turns on the proxy host, port, user and password below."))
        adv.addRow("", self.use_proxy)
        self.proxy_host = QLineEdit(self)
        self.proxy_host.setAccessibleName(self.tr("Proxy host"))
        self.proxy_host.setAccessibleDescription(self.tr("Host name of the HTTP proxy."))
        self.proxy_port = QSpinBox(self)
        self.proxy_port.setRange(1, 65535)
        self.proxy_port.setValue(8080)
        self.proxy_port.setAccessibleName(self.tr("Proxy port"))
        self.proxy_port.setAccessibleDescription(self.tr("Port of the HTTP proxy, 1 to 65535."))
        row = QHBoxLayout()
        row.addWidget(self.proxy_host, 1)
        row.addWidget(buddy_label(self.tr("P&ort:"), self.proxy_port, self))
        row.addWidget(self.proxy_port)
        adv.addRow(buddy_label(self.tr("Proxy &host:"), self.proxy_host, self), row)
        self.proxy_host_msg = FieldMessage(self, self.proxy_host)
        adv.addRow("", self.proxy_host_msg)
        self.proxy_user = QLineEdit(self)
        self.proxy_user.setAccessibleName(self.tr("Proxy user name"))
        self.proxy_user.setAccessibleDescription(self.tr("Leave empty when the proxy needs no sign-in."))
        adv.addRow(buddy_label(self.tr("Proxy &user:"), self.proxy_user, self), self.proxy_user)
        self.proxy_password = QLineEdit(self)
        self.proxy_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.proxy_password.setAccessibleName(self.tr("Proxy password"))
        self.proxy_password.setToolTip(self.tr("Kept in the keyring with the profile, never in the profile file."))
        self.proxy_password.setAccessibleDescription(self.proxy_password.toolTip())
        adv.addRow(buddy_label(self.tr("Proxy pa&ssword:"), self.proxy_password, self), self.proxy_password)

        self.trusted_ca = QLineEdit(self)
        self.trusted_ca.setPlaceholderText(self.tr("System certificates"))
        self.trusted_ca.setAccessibleName(self.tr("Trusted CA certificate file"))
        self.trusted_ca.setAccessibleDescription(self.tr("A PEM file whose roots replace the system's: for an IoT "
                                                         "Edge gateway or a proxy that inspects TLS. Empty: the "
                                                         "system certificates."))
        self.browse = QPushButton(self.tr("B&rowse…"), self)
        self.browse.setAccessibleName(self.tr("Browse for the trusted CA certificate file"))
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.trusted_ca, 1)
        ca_row.addWidget(self.browse)
        adv.addRow(buddy_label(self.tr("Trusted &CA (PEM):"), self.trusted_ca, self), ca_row)
        self.trusted_ca_msg = FieldMessage(self, self.trusted_ca)
        adv.addRow("", self.trusted_ca_msg)

        self.timeout = QDoubleSpinBox(self)
        self.timeout.setRange(1, 3600)
        self.timeout.setDecimals(0)
        self.timeout.setSuffix(self.tr(" s"))
        self.timeout.setAccessibleName(self.tr("Timeout in seconds"))
        self.timeout.setAccessibleDescription(self.tr("Deadline for each network step: the registration, the hub "
                                                      "connection, each message."))
        adv.addRow(buddy_label(self.tr("&Timeout:"), self.timeout, self), self.timeout)
        self.connection = ConnectionCheckView(self)
        outer.addWidget(self.connection, 1)
        outer.addStretch(0)

        self.field_widgets = {"host": self.host, "id_scope": self.id_scope, "proxy_host": self.proxy_host,
                              "proxy_port": self.proxy_port, "proxy_user": self.proxy_user,
                              "proxy_password": self.proxy_password, "trusted_ca": self.trusted_ca,
                              "timeout_s": self.timeout, "websockets": self.ws}
        for w in (self.host, self.id_scope, self.proxy_host, self.trusted_ca):
            w.textChanged.connect(self._revalidate)
        self.use_proxy.toggled.connect(self._proxy_toggled)
        self.browse.clicked.connect(self._pick_ca)
        self.test_button.clicked.connect(self.test_connection)
        self._dialog: QFileDialog | None = None
        self._proxy_toggled(False)

    # -- validation ---------------------------------------------------------------------------------------
    def issues(self) -> list[FieldIssue]:
        found = [check_host(self.host.text()), check_id_scope(self.id_scope.text())]
        if self.use_proxy.isChecked():
            found.append(check_host(self.proxy_host.text(), "proxy_host"))
        pem = pem_problem(self.trusted_ca.text())
        if pem:
            found.append(FieldIssue.of("trusted_ca", pem.about(field_label("trusted_ca"))))
        return [i for i in found if i is not None]

    def _revalidate(self) -> None:
        by_field = {i.field: i for i in self.issues()}
        self.host_msg.show_issue(by_field.get("host"))
        self.id_scope_msg.show_issue(by_field.get("id_scope"))
        self.proxy_host_msg.show_issue(by_field.get("proxy_host"))
        self.trusted_ca_msg.show_issue(by_field.get("trusted_ca"))
        self.test_button.setEnabled(not any(i.is_error for i in by_field.values() if i.field in ("host", "proxy_host")))
        self.completeChanged.emit()

    def test_connection(self):  # noqa: ANN201
        """Run the connectivity check for what the page holds now (host, proxy, trusted CA, transport)."""
        from wizard.core.netcheck import CheckTarget

        if any(i.is_error and i.field in ("host", "proxy_host") for i in self.issues()):
            self.host.setFocus()
            return None
        return self.connection.run(CheckTarget.from_profile(self.wiz().current_profile()))

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return not any(i.is_error for i in self.issues())

    def _proxy_toggled(self, on: bool) -> None:
        for w in (self.proxy_host, self.proxy_port, self.proxy_user, self.proxy_password):
            w.setEnabled(on)
        self._revalidate()

    def _pick_ca(self) -> None:
        dialog = QFileDialog(self, self.tr("Trusted CA certificate"))
        dialog.setNameFilters([self.tr("PEM certificates (*.pem *.crt *.cer)"), self.tr("All files (*)")])
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.trusted_ca.setText)
        self._dialog = dialog
        dialog.open()  # never exec() on the qasync loop

    # -- draft ----------------------------------------------------------------------------------------------
    def load(self, d: Draft) -> None:
        self.host.setText(d.host)
        self.id_scope.setText(d.id_scope)
        (self.ws if d.websockets else self.mqtt).setChecked(True)
        self.use_proxy.setChecked(d.proxy_enabled)
        self.proxy_host.setText(d.proxy_host)
        self.proxy_port.setValue(d.proxy_port)
        self.proxy_user.setText(d.proxy_user)
        self.trusted_ca.setText(d.trusted_ca)
        self.timeout.setValue(d.timeout_s)
        if (d.websockets or d.proxy_enabled or d.trusted_ca) and not d.demo:
            self.advanced.expand()
        self.demo_banner.show_text(self.tr(
            "Demo: these settings point at the built-in DPS and IoT hub emulator on this computer. Nothing is sent "
            "to Azure; keep them as they are and press Next.") if d.demo else None)
        self._revalidate()

    def save(self, d: Draft) -> None:
        d.host = self.host.text()
        d.id_scope = self.id_scope.text()
        d.websockets = self.ws.isChecked()
        d.proxy_enabled = self.use_proxy.isChecked()
        d.proxy_host = self.proxy_host.text()
        d.proxy_port = self.proxy_port.value()
        d.proxy_user = self.proxy_user.text()
        d.trusted_ca = self.trusted_ca.text()
        d.timeout_s = self.timeout.value()
