"""Demo mode: the built-in emulator with a ready individual and group enrollment, shared by the CLI and GUI.

The emulator keeps its CA and keys in the config folder, so a demo profile saved today still runs tomorrow.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEMO_INDIVIDUAL_ID = "demo-device-001"
DEMO_GROUP_ID = "demo-group"
DEMO_GROUP_DEVICE_ID = "demo-sensor-001"


def config_dir() -> Path:
    override = os.environ.get("DPS_WIZARD_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("dps-wizard", appauthor=False))


@dataclass
class DemoEmulator:
    thread: Any  # wizard.emulator.EmulatorThread
    emulator: Any
    individual_key: str
    group_key: str

    @property
    def dps_host(self) -> str:
        return self.emulator.dps_host

    @property
    def hub_host(self) -> str:
        return self.emulator.hub_host

    @property
    def id_scope(self) -> str:
        return self.emulator.id_scope

    @property
    def ca_file(self) -> str:
        return self.emulator.ca_file

    def stop(self) -> None:
        self.thread.stop()


def _demo_key(folder: Path, name: str) -> str:
    """Stable demo keys, so a saved demo profile runs again after a restart, without writing any key to disk:
    derived from the emulator's own CA key, which it keeps in its state folder anyway."""
    seed = (folder / "ca-key.pem").read_bytes()
    return base64.b64encode(hmac.new(seed, name.encode(), hashlib.sha256).digest()).decode()


def start_demo_emulator(bind: str = "127.0.0.1", *, assign_at_once: bool = False,
                        state_dir: Path | None = None) -> DemoEmulator:
    """Start the emulator on its own thread; raises with a clear message when the address is taken.

    MQTT over WebSockets needs port 443, which an ordinary Linux user may not open: the demo then runs
    without it (plain MQTT on 8883 is what the demo uses) rather than not at all."""
    from wizard.emulator import EmulatorAddressInUse, EmulatorError

    folder = Path(state_dir or config_dir() / "emulator")
    try:
        return _start(bind, assign_at_once, folder, websockets=True)
    except EmulatorAddressInUse as exc:
        if ":443" not in str(exc):
            raise
    except EmulatorError as exc:
        if ":443" not in str(exc):
            raise
    return _start(bind, assign_at_once, folder, websockets=False)


def _start(bind: str, assign_at_once: bool, folder: Path, websockets: bool) -> DemoEmulator:
    from wizard.emulator import Emulator, EmulatorThread

    emulator = Emulator(bind=bind, assign_at_once=assign_at_once, state_dir=str(folder), websockets=websockets)
    individual = emulator.add_individual(DEMO_INDIVIDUAL_ID, key=_demo_key(folder, DEMO_INDIVIDUAL_ID),
                                         initial_twin={"telemetryInterval": 5},
                                         return_payload={"welcome": "Provisioned by the built-in demo emulator"})
    group = emulator.add_group(DEMO_GROUP_ID, key=_demo_key(folder, DEMO_GROUP_ID),
                               initial_twin={"telemetryInterval": 5})
    thread = EmulatorThread(emulator)
    thread.start()
    return DemoEmulator(thread, emulator, individual.key, group.key)
