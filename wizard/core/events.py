"""Typed events a ProvisioningRun emits; the GUI's run page and the CLI printer render them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wizard.core.i18n import Text
from wizard.core.problems import Problem


@dataclass(frozen=True)
class RegistrationInfo:
    registration_id: str
    device_id: str
    assigned_hub: str
    status: str
    substatus: str | None
    created: str | None
    updated: str | None
    etag: str | None
    payload: Any  # the response payload, decoded JSON (None when DPS sent none)
    operation_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "registrationId": self.registration_id,
            "deviceId": self.device_id,
            "assignedHub": self.assigned_hub,
            "status": self.status,
            "substatus": self.substatus,
            "createdDateTimeUtc": self.created,
            "lastUpdatedDateTimeUtc": self.updated,
            "etag": self.etag,
            "payload": self.payload,
            "operationId": self.operation_id,
        }


@dataclass
class TelemetrySummary:
    requested: int = 0
    sent: int = 0  # handed to the SDK (first attempts)
    acknowledged: int = 0
    failed: int = 0
    retried: int = 0
    latencies_s: list[float] = field(default_factory=list)
    started_at: float | None = None
    finished_at: float | None = None

    @property
    def duration_s(self) -> float:
        if self.started_at is None or self.finished_at is None:
            return 0.0
        return self.finished_at - self.started_at

    @property
    def rate_per_s(self) -> float:
        return self.acknowledged / self.duration_s if self.duration_s > 0 else 0.0

    def latency(self, q: float) -> float | None:
        if not self.latencies_s:
            return None
        ordered = sorted(self.latencies_s)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    def to_json(self) -> dict[str, Any]:
        ms = lambda s: None if s is None else round(s * 1000, 2)  # noqa: E731
        return {
            "requested": self.requested,
            "sent": self.sent,
            "acknowledged": self.acknowledged,
            "failed": self.failed,
            "retried": self.retried,
            "durationSeconds": round(self.duration_s, 3),
            "messagesPerSecond": round(self.rate_per_s, 2),
            "latencyMs": {
                "min": ms(min(self.latencies_s)) if self.latencies_s else None,
                "median": ms(self.latency(0.5)),
                "p95": ms(self.latency(0.95)),
                "max": ms(max(self.latencies_s)) if self.latencies_s else None,
            },
        }


class Step:
    """Names of the steps a run goes through, in order (the GUI shows one row each)."""

    CONNECT_DPS = "connect_dps"
    REGISTER = "register"
    ASSIGNING = "assigning"
    ASSIGNED = "assigned"
    CONNECT_HUB = "connect_hub"
    READ_TWIN = "read_twin"
    TELEMETRY = "telemetry"
    ALL = (CONNECT_DPS, REGISTER, ASSIGNING, ASSIGNED, CONNECT_HUB, READ_TWIN, TELEMETRY)


@dataclass(frozen=True)
class Event:
    at: float  # time.monotonic() when it happened


@dataclass(frozen=True)
class StepStarted(Event):
    step: str
    detail: str = ""


@dataclass(frozen=True)
class StepDone(Event):
    step: str
    detail: str = ""


@dataclass(frozen=True)
class Polling(Event):
    """DPS answered 'assigning'; the SDK polls the operation status (poll counts from 1)."""

    poll: int


@dataclass(frozen=True)
class Assigned(Event):
    registration: RegistrationInfo


@dataclass(frozen=True)
class TwinReceived(Event):
    twin: dict[str, Any]


@dataclass(frozen=True)
class MessageSent(Event):
    index: int
    message_id: str
    attempt: int = 1


@dataclass(frozen=True)
class MessageAcknowledged(Event):
    index: int
    message_id: str
    latency_s: float


@dataclass(frozen=True)
class MessageFailed(Event):
    index: int
    message_id: str
    reason: str
    will_retry: bool


@dataclass(frozen=True)
class LogLine(Event):
    level: str
    text: str  # already redacted (English)
    message: Text | None = None  # the same line as a translatable sentence, when the emitter gives one


class Outcome:
    SUCCESS = "success"
    PROVISIONING_FAILED = "provisioning_failed"
    TELEMETRY_FAILED = "telemetry_failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Finished(Event):
    outcome: str
    registration: RegistrationInfo | None
    twin: dict[str, Any] | None
    telemetry: TelemetrySummary
    problem: Problem | None
    failed_step: str | None = None
