"""Plain data the emulator is configured with and the records it keeps for tests and the UI."""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass, field, fields
from typing import Any

AUTH_MODES = ("connack", "register_401")


class EmulatorError(Exception):
    """The emulator cannot start or was configured wrongly; the message is meant for a person."""


class EmulatorAddressInUse(EmulatorError):
    """Another program already listens on the address:port the emulator needs."""


class EmulatorBindRefused(EmulatorError, ValueError):
    """The bind address is not a loopback address (the emulator accepts made-up devices: keep it local)."""


@dataclass
class Faults:
    """Failures to simulate. Global on `Emulator.faults`, or per enrollment (non-default values win)."""

    auth_mode: str = "connack"  # "connack": bad credentials -> CONNACK 5; "register_401": 401 on register
    fail_with: dict[str, Any] | None = None  # {"errorCode": int, "errorMessage": str} -> status "failed"
    throttle: int = 0  # the first N register/poll requests of a registration id answer 429
    throttle_forever: bool = False
    throttle_retry_after: float = 1.0
    no_answer: bool = False  # PUBACK the register request but never answer it
    hub_refuse: bool = False  # hub CONNACK 5 although DPS assigned the device
    hub_drop_after: int = 0  # hub resets the connection after N telemetry messages (0 = never)
    hub_drop_times: int = 1  # ... this many times
    hub_stall_after: int = 0  # hub goes silent on the Nth telemetry message: no PUBACK, no answer, socket open (once)

    def __post_init__(self) -> None:
        if self.auth_mode not in AUTH_MODES:
            raise ValueError(f"auth_mode must be one of {AUTH_MODES}, not {self.auth_mode!r}")
        if self.fail_with is not None and not isinstance(self.fail_with, dict):
            raise ValueError("fail_with must be an object like {'errorCode': 400209, 'errorMessage': '...'}")

    def merged_over(self, base: Faults) -> Faults:
        """These faults on top of `base`: every field that differs from the default wins."""
        default = Faults()
        values = {
            f.name: getattr(self, f.name)
            if getattr(self, f.name) != getattr(default, f.name)
            else getattr(base, f.name)
            for f in fields(Faults)
        }
        return Faults(**values)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Faults:
        """Accepts snake_case and camelCase keys (e.g. `hub_drop_after` or `hubDropAfter`)."""
        names = {f.name: f.name for f in fields(cls)}
        names.update({_camel(f.name): f.name for f in fields(cls)})
        unknown = sorted(k for k in data if k not in names)
        if unknown:
            raise ValueError(f"unknown fault setting(s): {', '.join(unknown)}")
        return cls(**{names[k]: v for k, v in data.items()})


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def new_key() -> str:
    """A key like the ones DPS generates: 64 random bytes, Base64."""
    return base64.b64encode(secrets.token_bytes(64)).decode("ascii")


@dataclass
class EnrollmentSpec:
    """An individual enrollment (`registration_id`) or a group enrollment (`group_id`)."""

    kind: str  # "individual" | "group"
    key: str
    registration_id: str | None = None
    group_id: str | None = None
    device_id: str | None = None  # individual only; default = registration id
    initial_twin: dict[str, Any] | None = None
    enabled: bool = True
    faults: Faults | None = None
    return_payload: Any = None

    def __post_init__(self) -> None:
        try:
            raw = base64.b64decode(self.key, validate=True)
        except ValueError as exc:
            raise ValueError(f"enrollment key is not valid Base64: {exc}") from None
        if not 16 <= len(raw) <= 64:
            raise ValueError(f"enrollment key must decode to 16..64 bytes, not {len(raw)}")

    @property
    def name(self) -> str:
        return (self.registration_id if self.kind == "individual" else self.group_id) or ""

    def initial_desired(self) -> dict[str, Any]:
        """Desired properties from `initial_twin`: either DPS's {"properties": {"desired": ...}} or a plain dict."""
        twin = self.initial_twin or {}
        if "properties" in twin and isinstance(twin["properties"], dict):
            return dict(twin["properties"].get("desired") or {})
        return dict(twin)


@dataclass(frozen=True)
class TelemetryRecord:
    device_id: str
    message_id: str | None
    correlation_id: str | None
    content_type: str | None
    content_encoding: str | None
    properties: dict[str, str]
    body: bytes
    at: float  # time.monotonic()
    dup: bool


@dataclass(frozen=True)
class DpsRequest:
    registration_id: str
    kind: str  # "register" | "poll"
    status: int | None  # None: not answered (no_answer fault)
    at: float  # time.monotonic()
    payload: Any = None  # the device's provisioning payload (register only)


@dataclass
class _Counters:
    """Per registration id / device id counters behind the throttle and drop faults."""

    throttled: dict[str, int] = field(default_factory=dict)
    telemetry: dict[str, int] = field(default_factory=dict)
    drops: dict[str, int] = field(default_factory=dict)
    stall_seen: dict[str, int] = field(default_factory=dict)
