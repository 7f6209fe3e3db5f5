"""Walk a demo run and save every page as a PNG (a script, not a test).

    xvfb-run -a -s "-screen 0 1280x900x24" env QT_QPA_PLATFORM=xcb \
        /work/venv/bin/python tests/gui/take_screenshots.py [OUT_DIR] [--lang zh_TW] [--bind 127.0.0.149]

Uses a throw-away config folder and an in-memory keyring; OUT_DIR defaults to resources/screenshots/ (English)
or resources/screenshots/<LANG>/. QT_SCALE_FACTOR=1.5 or 2 in the environment gives high-DPI shots.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PAGES = ["01-start", "02-service", "03-device", "04-telemetry", "05-review", "06-run", "07-result", "08-fleet",
         "09-connection-check", "10-diagnostics"]


def _memory_keyring() -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1
        items: dict = {}

        def get_password(self, service, username):  # noqa: ANN001, ANN201
            return self.items.get((service, username))

        def set_password(self, service, username, password):  # noqa: ANN001, ANN201
            self.items[(service, username)] = password

        def delete_password(self, service, username):  # noqa: ANN001, ANN201
            self.items.pop((service, username), None)

    keyring.set_keyring(Memory())


async def walk(out: Path, bind: str) -> None:
    from PySide6.QtWidgets import QApplication, QWizard

    from wizard.core.profile import Profile
    from wizard.core.profiles import ProfileStore
    from wizard.core.secrets import SecretStore
    from wizard.ui.form import PageId
    from wizard.ui.wizard_window import DpsWizard

    store = ProfileStore()
    store.save(Profile(name="Line 3 sensor", id_scope="0ne00012345", registration_id="line3-sensor-07"))
    store.record_result("Line 3 sensor", "success", {"deviceId": "line3-sensor-07"})
    store.save(Profile(name="Gateway behind proxy", id_scope="0ne00012345", registration_id="gw-01"))
    store.record_result("Gateway behind proxy", "provisioning_failed", {})

    w = DpsWizard(store, SecretStore(), demo_bind=bind, demo_assign_at_once=False)
    w.resize(860, 760)
    w.show()

    async def settle() -> None:
        for _ in range(10):
            QApplication.processEvents()
            await asyncio.sleep(0.03)

    def shot(name: str) -> None:
        path = out / f"{name}.png"
        w.grab().save(str(path))
        print(f"saved {path}")

    await settle()
    shot(PAGES[0])
    await w.start_demo(group=False)
    w.telemetry_page.add_prop.click()
    w.telemetry_page.properties.item(0, 0).setText("site")
    w.telemetry_page.properties.item(0, 1).setText("demo-lab")
    await settle()
    shot(PAGES[1])
    for name in PAGES[2:5]:
        w.next()
        await settle()
        shot(name)
    w.button(QWizard.WizardButton.CommitButton).click()
    deadline = time.monotonic() + 60
    while w.run_page.finished is None and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    await settle()
    shot(PAGES[5])
    if w.currentId() == PageId.RUN and w.run_page.isComplete():
        w.next()
    await settle()
    shot(PAGES[6])

    # The connection check on the Service page, against the demo emulator.
    w.restart()
    await w.start_demo(group=True)
    w.service_page.test_button.click()
    await until(lambda: not w.service_page.connection.running, 15)
    await settle()
    shot(PAGES[8])

    # Several devices: 24 demo group devices, three of them made to fail, a failed one selected.
    from wizard.core.keys import derive_device_key
    from wizard.emulator import Faults

    h = w.demo.handle
    for reg, kwargs in (("demo-sensor-007", dict(enabled=False)),
                        ("demo-sensor-015", dict(faults=Faults(fail_with={"errorCode": 400209,
                                                                           "errorMessage": "No hub linked"}))),
                        ("demo-sensor-022", dict(faults=Faults(hub_refuse=True)))):
        h.emulator.add_individual(reg, key=derive_device_key(h.group_key, reg), **kwargs)
    w.telemetry_page.count.setValue(3)
    w.next()
    w.device_page.several.setChecked(True)
    w.device_page.id_text.setPlainText("demo-sensor-{001..024}")
    w.next()
    w.next()
    w.button(QWizard.WizardButton.CommitButton).click()
    await until(lambda: w.currentId() == PageId.FLEET and not w.fleet_page.running, 90)
    w.fleet_page.select_row(6)
    await settle()
    shot(PAGES[7])

    # About and diagnostics, every check of --self-check.
    dialog = w.show_diagnostics()
    await until(lambda: not dialog.running, 30)
    dialog.resize(900, 600)
    await settle()
    path = out / f"{PAGES[9]}.png"
    dialog.grab().save(str(path))
    print(f"saved {path}")
    dialog.close()
    w.demo.stop()
    w.hide()


async def until(condition, timeout: float) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout} s for {condition}")
        await asyncio.sleep(0.05)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default=None)
    parser.add_argument("--lang", default="en", help="en or zh_TW")
    parser.add_argument("--bind", default=os.environ.get("DPS_WIZARD_DEMO_BIND", "127.0.0.149"))
    args = parser.parse_args()
    shots = ROOT / "resources" / "screenshots"
    out = Path(args.out) if args.out else shots if args.lang == "en" else shots / args.lang
    out.mkdir(parents=True, exist_ok=True)
    os.environ["DPS_WIZARD_CONFIG_DIR"] = tempfile.mkdtemp(prefix="dps-wizard-shots-")
    _memory_keyring()

    import qasync

    from wizard.ui.app import create_app, install_translators

    app = create_app([])
    translators = install_translators(app, args.lang)  # noqa: F841
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.run_until_complete(asyncio.wait_for(walk(out, args.bind), 90))
    sys.stdout.flush()
    os._exit(0)  # SDK timer threads may linger; the PNGs are written


if __name__ == "__main__":
    sys.exit(main())
