"""DPS Provisioning Wizard: provision a device through Azure IoT Hub DPS and prove it with telemetry."""

APP_NAME = "DPS Provisioning Wizard"


def __getattr__(name: str) -> str:
    # Looked up on use: importlib.metadata costs ~20 ms of start-up that the first window does not need.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("dps-provisioning-wizard")
        except PackageNotFoundError:  # a source tree that was not installed
            return "0.0.0+src"
    raise AttributeError(name)
