"""Local DPS + IoT Hub emulator: real MQTT 3.1.1 over TLS on loopback, for demo mode and the tests.

The unmodified azure-iot-device SDK provisions and sends telemetry against it; see `Emulator`.
"""

from .config import load_config
from .models import (
    DpsRequest,
    EmulatorAddressInUse,
    EmulatorBindRefused,
    EmulatorError,
    EnrollmentSpec,
    Faults,
    TelemetryRecord,
)
from .server import Emulator
from .thread import EmulatorThread

__all__ = [
    "DpsRequest",
    "Emulator",
    "EmulatorAddressInUse",
    "EmulatorBindRefused",
    "EmulatorError",
    "EmulatorThread",
    "EnrollmentSpec",
    "Faults",
    "TelemetryRecord",
    "load_config",
]
