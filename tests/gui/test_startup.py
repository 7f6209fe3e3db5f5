"""What the app opens on: the quickstart's variables when set, the demo on a first launch without settings."""

import asyncio

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import next_bind, until
from wizard.core.keys import generate_key
from wizard.ui.form import PageId

VARIABLES = ("PROVISIONING_HOST", "PROVISIONING_IDSCOPE", "PROVISIONING_REGISTRATION_ID", "PROVISIONING_SYMMETRIC_KEY")


async def launch(monkeypatch):
    from wizard.ui.app import parse_args, run_wizard
    from wizard.ui.wizard_window import DpsWizard

    monkeypatch.setenv("DPS_WIZARD_DEMO_BIND", next_bind())
    app = QApplication.instance()
    # As in wizard.ui.app.create_app: closing the window must not stop the loop before run_wizard returns.
    app.setQuitOnLastWindowClosed(False)
    task = asyncio.ensure_future(run_wizard(parse_args([])))
    await until(lambda: any(isinstance(w, DpsWizard) for w in QApplication.topLevelWidgets()), what="the window")
    wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, DpsWizard) and w.isVisible())
    return task, wizard


async def close(task, wizard):
    wizard.done(0)
    await asyncio.wait_for(task, 10)
    QApplication.instance().setQuitOnLastWindowClosed(True)


@pytest.mark.asyncio
async def test_first_launch_without_azure_settings_opens_the_demo(qtbot, config_dir, memory_keyring, monkeypatch):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    task, wizard = await launch(monkeypatch)
    try:
        await until(lambda: wizard.currentId() == PageId.SERVICE, what="the demo on the Service page")
        assert wizard.service_page.host.text() == wizard.demo.handle.dps_host
        assert wizard.current_profile().demo
        assert wizard.service_page.demo_banner.isVisible()  # the person is told this is the demo
    finally:
        await close(task, wizard)


@pytest.mark.asyncio
async def test_quickstart_variables_fill_the_wizard(qtbot, config_dir, memory_keyring, monkeypatch):
    key = generate_key(32)
    for name, value in zip(VARIABLES, ("my-dps.azure-devices-provisioning.net", "0ne0001A2B3", "sensor-9", key),
                           strict=True):
        monkeypatch.setenv(name, value)
    task, wizard = await launch(monkeypatch)
    try:
        await until(lambda: wizard.currentId() == PageId.SERVICE, what="the Service page")
        assert wizard.service_page.host.text() == "my-dps.azure-devices-provisioning.net"
        assert wizard.service_page.id_scope.text() == "0ne0001A2B3"
        assert wizard.device_page.registration_id.text() == "sensor-9"
        assert wizard.current_device_key() == key
        assert not wizard.demo.running
        assert not wizard.service_page.demo_banner.isVisible()
    finally:
        await close(task, wizard)
