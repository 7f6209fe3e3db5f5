"""The emulator's JSON configuration file (`dps-wizard emulator --config FILE`, `load_config(path)`).

Every key is optional::

    {
      "bind": "127.0.0.1",          // loopback only; the --bind option wins over this
      "idScope": "0ne0000E001",
      "dpsHost": "localhost",       // default: "localhost" when bind is 127.0.0.1, else the bind address
      "hubHost": "127.0.0.1",       // default: the bind address
      "assignAtOnce": false,        // true: register answers 200 "assigned" at once (no 202 + poll)
      "retryAfter": 1,              // seconds, sent as retry-after with 202 "assigning" (whole seconds)
      "websockets": true,           // also listen for MQTT over WebSockets on port 443
      "stateDir": null,             // folder that keeps the CA across restarts (else a temp folder)
      "faults": { ...see below... },  // for every enrollment
      "enrollments": [
        {"kind": "individual", "registrationId": "dev-1", "key": "<Base64>", "deviceId": "dev-1",
         "initialTwin": {"properties": {"desired": {"interval": 5}}}, "enabled": true,
         "returnPayload": {"site": "lab"}, "faults": {"throttle": 2}},
        {"kind": "group", "groupId": "line-3", "key": "<Base64 group key>", "enabled": true}
      ]
    }

(The file itself is plain JSON: no comments.) A missing `key` is generated (64 random bytes, Base64).
`deviceId` is for individual enrollments only (default: the registration id); group devices get their
registration id as device id and authenticate with the derived key
Base64(HMAC-SHA256(Base64-decode(group key), registration id)). `initialTwin` is either DPS's shape
`{"properties": {"desired": {...}}}` or just the desired properties.

Faults (snake_case or camelCase keys; an enrollment's non-default values override the global ones):

- `auth_mode`: `"connack"` (bad scope/key/expired token -> CONNACK 5) or `"register_401"` (accept the
  connection, answer the register with 401 and `{"errorCode": 401002, ...}`).
- `fail_with`: `{"errorCode": 400209, "errorMessage": "..."}` -> 200 with status `failed`.
- `throttle`: N -> the first N register/poll requests of each registration id answer 429;
  `throttle_forever`: true -> always 429; `throttle_retry_after`: seconds (default 1).
- `no_answer`: true -> the register request is acknowledged but never answered.
- `hub_refuse`: true -> the hub refuses the assigned device with CONNACK 5.
- `hub_drop_after`: N -> the hub resets the TCP connection (no PUBACK) on the Nth telemetry message;
  `hub_drop_times`: how many times (default 1).
- `hub_stall_after`: N -> on the Nth telemetry message the hub goes silent on that connection (no PUBACK, no
  PINGRESP, nothing; the socket stays open), once per device: what a half-open connection looks like.

An enrollment with `"enabled": false` gets 200 with status `disabled`. A registration id with no
individual enrollment, in a scope without group enrollments, gets 404 (`errorCode` 404201).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .models import EmulatorError, Faults
from .server import Emulator

TOP_KEYS = {
    "bind", "idScope", "dpsHost", "hubHost", "assignAtOnce", "retryAfter", "websockets", "stateDir",
    "faults", "enrollments",
}
ENROLLMENT_KEYS = {
    "kind", "registrationId", "groupId", "key", "deviceId", "initialTwin", "enabled", "returnPayload", "faults",
}


def _faults(data: Any, where: str) -> Faults | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise EmulatorError(f"{where}: faults must be an object")
    try:
        return Faults.from_json(data)
    except (TypeError, ValueError) as exc:
        raise EmulatorError(f"{where}: {exc}") from None


def emulator_from_dict(data: dict[str, Any], bind: str | None = None) -> Emulator:
    if not isinstance(data, dict):
        raise EmulatorError("the configuration must be a JSON object")
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        raise EmulatorError(f"unknown configuration key(s): {', '.join(unknown)}")
    emu = Emulator(
        bind=bind or data.get("bind", "127.0.0.1"),
        id_scope=data.get("idScope", "0ne0000E001"),
        assign_at_once=bool(data.get("assignAtOnce", False)),
        retry_after=float(data.get("retryAfter", 1.0)),
        websockets=bool(data.get("websockets", True)),
        dps_host=data.get("dpsHost"),
        hub_host=data.get("hubHost"),
        state_dir=data.get("stateDir"),
    )
    emu.faults = _faults(data.get("faults"), "faults") or Faults()
    for i, item in enumerate(data.get("enrollments") or []):
        where = f"enrollments[{i}]"
        if not isinstance(item, dict):
            raise EmulatorError(f"{where} must be an object")
        unknown = sorted(set(item) - ENROLLMENT_KEYS)
        if unknown:
            raise EmulatorError(f"{where}: unknown key(s): {', '.join(unknown)}")
        common: dict[str, Any] = {
            "key": item.get("key"),
            "initial_twin": item.get("initialTwin"),
            "enabled": bool(item.get("enabled", True)),
            "faults": _faults(item.get("faults"), where),
            "return_payload": item.get("returnPayload"),
        }
        try:
            if item.get("kind") == "individual" and item.get("registrationId"):
                emu.add_individual(item["registrationId"], device_id=item.get("deviceId"), **common)
            elif item.get("kind") == "group" and item.get("groupId"):
                emu.add_group(item["groupId"], **common)
            else:
                raise ValueError('needs "kind": "individual" with "registrationId", or "group" with "groupId"')
        except ValueError as exc:
            raise EmulatorError(f"{where}: {exc}") from None
    return emu


def load_config(path: str | os.PathLike[str], bind: str | None = None) -> Emulator:
    """An Emulator (not started) as the JSON file describes; EmulatorError says what is wrong."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise EmulatorError(f"cannot read {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise EmulatorError(f"{path} is not valid JSON: {exc}") from None
    return emulator_from_dict(data, bind)
