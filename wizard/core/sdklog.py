"""Taps on the SDK's loggers: its DPS responses and its MQTT connection, told apart per registration.

The SDK logs through module-level loggers from threads it shares between clients, so concurrent runs (a batch)
share them: each tap keeps only its own client's records, and the logger's settings are saved by the first tap
and restored by the last.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

from wizard.core.problems import DPS_MQTT_LOGGER, DpsResponseCapture


def _sdk_client_id(depth: int = 16) -> str | None:
    """The MQTT client id (= registration id for DPS) of the SDK client on whose behalf a log record is being
    emitted, read from the caller's stack. The SDK logs through module-level loggers from threads it shares
    between clients, so this is the only way to tell concurrent runs (a batch) apart. None if not found."""
    frame = sys._getframe(2)
    for _ in range(depth):
        if frame is None:
            return None
        local = frame.f_locals
        config = getattr(getattr(local.get("self"), "nucleus", None), "pipeline_configuration", None)
        if isinstance(getattr(config, "registration_id", None), str):
            return config.registration_id
        for name in ("client", "self"):
            client_id = getattr(local.get(name), "_client_id", None)
            if isinstance(client_id, bytes | str) and client_id:
                return client_id.decode("utf-8", "replace") if isinstance(client_id, bytes) else client_id
        frame = frame.f_back
    return None


_held: dict[str, tuple[int, int, bool]] = {}  # logger name -> (handlers of ours, level and propagate before them)
_held_lock = threading.Lock()


def _hold_logger(handler: logging.Handler, name: str, level: int, always_private: bool) -> None:
    """Add a tap to an SDK logger; the first of several concurrent runs saves the logger's settings."""
    with _held_lock:
        logger = logging.getLogger(name)
        users, saved_level, saved_propagate = _held.get(name, (0, logger.level, logger.propagate))
        _held[name] = (users + 1, saved_level, saved_propagate)
        logger.addHandler(handler)
        if always_private or logger.getEffectiveLevel() > level:
            logger.setLevel(min(level, logger.getEffectiveLevel()))
            logger.propagate = False  # the SDK's chatter stays out of the person's console


def _release_logger(handler: logging.Handler, name: str) -> None:
    """Remove the tap; the last run restores the settings the first one saved."""
    with _held_lock:
        logger = logging.getLogger(name)
        logger.removeHandler(handler)
        users, saved_level, saved_propagate = _held.pop(name, (1, logger.level, logger.propagate))
        if users > 1:
            _held[name] = (users - 1, saved_level, saved_propagate)
        else:
            logger.setLevel(saved_level)
            logger.propagate = saved_propagate


class OwnDpsResponses(DpsResponseCapture):
    """Only this registration's DPS responses (concurrent runs share the SDK's logger)."""

    def __init__(self, registration_id: str, on_response: Callable[[int, dict[str, Any]], None]) -> None:
        super().__init__(on_response)
        self._registration_id = registration_id

    def emit(self, record: logging.LogRecord) -> None:
        owner = _sdk_client_id()
        if owner is None or owner == self._registration_id:
            super().emit(record)

    def attach(self) -> OwnDpsResponses:
        _hold_logger(self, DPS_MQTT_LOGGER, logging.DEBUG, True)
        return self

    def detach(self) -> None:
        _release_logger(self, DPS_MQTT_LOGGER)


class ConnectTap(logging.Handler):
    """Tells when the DPS MQTT connection is up, from the SDK transport's own INFO log line."""

    LOGGER = "azure.iot.device.common.mqtt_transport"

    def __init__(self, registration_id: str, on_connected: Callable[[], None],
                 on_registering: Callable[[], None]) -> None:
        super().__init__(logging.INFO)
        self._registration_id = registration_id
        self._on_connected, self._on_registering = on_connected, on_registering
        self._fired = False
        self._saved: tuple[int, bool] | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._fired or _sdk_client_id() not in (None, self._registration_id):
            return
        if record.getMessage().startswith("connected with result code: 0"):
            self._fired = True
            self._on_connected()
            self._on_registering()

    def attach(self) -> None:
        _hold_logger(self, self.LOGGER, logging.INFO, False)

    def detach(self) -> None:
        _release_logger(self, self.LOGGER)
