"""Every validation message appears under its field as the person types; Next stays disabled on errors;
warnings show but do not block; Back keeps what was typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tests.gui.conftest import next_button
from wizard.core import keys
from wizard.ui.form import PageId

GOOD_KEY = keys.generate_key(32)


def retype(qtbot, widget, text: str) -> None:  # noqa: ANN001
    widget.setFocus()
    if hasattr(widget, "selectAll"):
        widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if hasattr(widget, "clear"):
        widget.clear()
    qtbot.keyClicks(widget, text)


def shows(msg, *words: str) -> bool:  # noqa: ANN001
    return msg.isVisible() and all(w.lower() in msg.text().lower() for w in words)


def test_service_page_messages(qtbot, make_wizard):  # noqa: ANN001
    w = make_wizard()
    qtbot.mouseClick(w.start_page.new_device, Qt.MouseButton.LeftButton)
    page = w.service_page
    assert w.currentId() == PageId.SERVICE
    assert not next_button(w).isEnabled()  # the ID scope is empty

    retype(qtbot, page.host, "https://global.azure-devices-provisioning.net/")
    assert shows(page.host_msg, "Provisioning endpoint", "host name only")
    retype(qtbot, page.host, "global.azure-devices-provisioning.net")
    assert not page.host_msg.isVisible()

    retype(qtbot, page.id_scope, "0ne 123")
    assert shows(page.id_scope_msg, "ID scope", "spaces")
    assert not next_button(w).isEnabled()
    retype(qtbot, page.id_scope, "my-scope")
    assert shows(page.id_scope_msg, "ID scope", "0ne")  # a warning: shown, not blocking
    assert next_button(w).isEnabled()
    retype(qtbot, page.id_scope, "0ne00012345")
    assert not page.id_scope_msg.isVisible()
    assert next_button(w).isEnabled()

    page.advanced.expand()
    qtbot.keyClick(page.use_proxy, Qt.Key.Key_Space)
    assert page.use_proxy.isChecked()
    assert shows(page.proxy_host_msg, "Proxy host", "empty")
    assert not next_button(w).isEnabled()
    retype(qtbot, page.proxy_host, "proxy.corp.example")
    assert not page.proxy_host_msg.isVisible()
    assert next_button(w).isEnabled()


def test_trusted_ca_must_be_pem(qtbot, make_wizard, tmp_path):  # noqa: ANN001
    w = make_wizard()
    w.start_page.new_device.click()
    page = w.service_page
    page.id_scope.setText("0ne00012345")
    page.advanced.expand()
    bad = tmp_path / "not-a-cert.pem"
    bad.write_text("hello")
    retype(qtbot, page.trusted_ca, str(bad))
    assert shows(page.trusted_ca_msg, "Trusted CA certificate", "PEM")
    assert not next_button(w).isEnabled()
    broken = tmp_path / "broken.pem"
    broken.write_text("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")
    retype(qtbot, page.trusted_ca, str(broken))
    assert shows(page.trusted_ca_msg, "Trusted CA certificate")
    retype(qtbot, page.trusted_ca, str(tmp_path / "missing.pem"))
    assert shows(page.trusted_ca_msg, "cannot be read")
    page.trusted_ca.clear()
    assert not page.trusted_ca_msg.isVisible()
    assert next_button(w).isEnabled()


def test_device_page_messages_and_back_keeps_typed_values(qtbot, make_wizard):  # noqa: ANN001
    w = make_wizard()
    w.start_page.new_device.click()
    w.service_page.id_scope.setText("0ne00012345")
    qtbot.mouseClick(next_button(w), Qt.MouseButton.LeftButton)
    page = w.device_page
    assert w.currentId() == PageId.DEVICE
    assert not next_button(w).isEnabled()

    retype(qtbot, page.registration_id, "My/Device")
    assert shows(page.registration_id_msg, "Registration ID", "'/'")
    retype(qtbot, page.registration_id, "MyDevice")
    assert shows(page.registration_id_msg, "Registration ID", "lower case")
    retype(qtbot, page.registration_id, "-device")
    assert shows(page.registration_id_msg, "Registration ID", "start and end")
    retype(qtbot, page.registration_id, "device-01")
    assert not page.registration_id_msg.isVisible()
    assert page.name.text() == "device-01"  # suggested from the registration ID

    retype(qtbot, page.key, "not a key!")
    assert shows(page.key_msg, "Symmetric key", "Base64")
    assert GOOD_KEY not in page.key_msg.text()
    retype(qtbot, page.key, "YWJj")
    assert shows(page.key_msg, "Symmetric key", "bytes")
    assert not next_button(w).isEnabled()
    # pasted with line breaks and spaces: accepted
    page.key.clear()
    page.key.insert("  " + GOOD_KEY[:20] + "\n " + GOOD_KEY[20:] + " ")  # a paste (QLineEdit keeps the spaces)
    assert not page.key_msg.isVisible()
    assert page.key.echoMode() == page.key.EchoMode.Password
    qtbot.keyClick(page.show_key, Qt.Key.Key_Space)
    assert page.key.echoMode() == page.key.EchoMode.Normal

    page.group.setChecked(True)
    assert page.key_label.text().replace("&", "") == "Group key:"
    assert page.derived.isVisible() and page.derived.text() == keys.derive_device_key(GOOD_KEY, "device-01")
    retype(qtbot, page.key, "@@@")
    assert shows(page.key_msg, "Group key")
    assert page.derived.text() == ""
    retype(qtbot, page.key, GOOD_KEY)

    retype(qtbot, page.name, "")
    assert shows(page.name_msg, "Profile name", "empty")
    assert not next_button(w).isEnabled()
    retype(qtbot, page.name, "x" * 81)
    assert shows(page.name_msg, "Profile name", "80")
    retype(qtbot, page.name, "Line 3 sensor")
    assert next_button(w).isEnabled()

    # Back and forth keeps everything
    w.back()
    assert w.currentId() == PageId.SERVICE
    assert w.service_page.id_scope.text() == "0ne00012345"
    w.next()
    assert page.registration_id.text() == "device-01" and page.name.text() == "Line 3 sensor"
    assert page.group.isChecked() and page.key.text() == GOOD_KEY


def test_telemetry_page_messages(qtbot, make_wizard):  # noqa: ANN001
    w = make_wizard()
    w.start_page.new_device.click()
    w.service_page.id_scope.setText("0ne00012345")
    w.next()
    w.device_page.registration_id.setText("device-01")
    w.device_page.key.setText(GOOD_KEY)
    w.next()
    page = w.telemetry_page
    assert w.currentId() == PageId.TELEMETRY
    assert next_button(w).isEnabled()
    assert '"windSpeed": 1' in page.preview.toPlainText() and "device-01" in page.preview.toPlainText()

    retype(qtbot, page.template, '{"speed": ${speed}}')
    assert shows(page.template_msg, "Payload template", "unknown placeholder")
    assert not next_button(w).isEnabled()
    assert page.preview.toPlainText() == ""
    retype(qtbot, page.template, '{"n": ${n')
    assert shows(page.template_msg, "Payload template")
    retype(qtbot, page.template, '{"n": ${n}, "of": ${count}')
    assert shows(page.template_msg, "Payload template", "JSON")
    retype(qtbot, page.template, '{"n": ${n}, "of": ${count}}')
    assert not page.template_msg.isVisible()
    assert page.preview.toPlainText() == '{"n": 1, "of": 10}'
    page.count.setValue(3)
    assert page.preview.toPlainText() == '{"n": 1, "of": 3}'

    retype(qtbot, page.provisioning_payload, '{"site": ')
    assert shows(page.provisioning_payload_msg, "Provisioning payload", "not valid JSON")
    assert not next_button(w).isEnabled()
    retype(qtbot, page.provisioning_payload, '{"site": "plant-1"}')
    assert not page.provisioning_payload_msg.isVisible()

    page.add_prop.click()
    page.properties.item(0, 0).setText("$reserved")
    assert shows(page.properties_msg, "Custom properties", "reserved")
    assert not next_button(w).isEnabled()
    page.properties.item(0, 0).setText("line")
    page.properties.item(0, 1).setText("3")
    assert not page.properties_msg.isVisible()
    assert next_button(w).isEnabled()
    w.next()
    assert w.currentId() == PageId.REVIEW
    assert w.button(QWizard.WizardButton.CommitButton).isEnabled()
    text = w.review_page.command.toPlainText()
    assert "--property line=3" in text and GOOD_KEY not in text
    assert GOOD_KEY not in " ".join(v.text() for v in w.review_page.values.values())
