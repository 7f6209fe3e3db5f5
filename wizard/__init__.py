"""DPS Provisioning Wizard: provision a device through Azure IoT Hub DPS and prove it with telemetry."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dps-provisioning-wizard")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+src"

APP_NAME = "DPS Provisioning Wizard"
