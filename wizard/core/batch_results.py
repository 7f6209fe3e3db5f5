"""A batch's results: one DeviceResult per row, the summary, the events listeners get, and the export rows.

Plain data: a table model keeps the DeviceResults, the CLI prints them, the export writes them (CSV for
spreadsheets, JSON for scripts). Derived keys appear in an export only when asked for; the group key never.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO

from wizard.core import events as ev
from wizard.core.events import Outcome
from wizard.core.problems import Problem


class DeviceState(StrEnum):
    QUEUED = "queued"
    PROVISIONING = "provisioning"  # DPS registration, then the hub connection
    SENDING = "sending"  # telemetry
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    SKIPPED = "skipped"  # already assigned in this batch; not run again

    @property
    def finished(self) -> bool:
        return self in (DeviceState.SUCCEEDED, DeviceState.FAILED, DeviceState.CANCELLED, DeviceState.SKIPPED)


COLUMNS = ("registration_id", "state", "device_id", "assigned_hub", "substatus", "time", "problem")
COLUMN_TITLES = {"registration_id": "Registration ID", "state": "State", "device_id": "Device ID",
                 "assigned_hub": "Assigned hub", "substatus": "Substatus", "time": "Time", "problem": "Problem"}


@dataclass(frozen=True)
class DeviceResult:
    """One row of the batch table: a snapshot, replaced (never mutated) when the device moves on."""

    row: int
    registration_id: str
    state: DeviceState = DeviceState.QUEUED
    step: str | None = None  # the ProvisioningRun step in progress (events.Step)
    device_id: str | None = None
    assigned_hub: str | None = None
    substatus: str | None = None
    outcome: str | None = None  # events.Outcome of the last attempt
    problem: Problem | None = None
    failed_step: str | None = None
    attempts: int = 0
    started_at: float | None = None  # time.monotonic()
    duration_s: float | None = None  # of the last attempt, once it finished
    finished_utc: str | None = None
    messages_requested: int = 0
    messages_acknowledged: int = 0
    messages_failed: int = 0
    note: str = ""

    def elapsed(self, now: float | None = None) -> float | None:
        """Seconds of the last attempt: final once finished, growing while it runs."""
        if self.duration_s is not None:
            return self.duration_s
        if self.started_at is None:
            return None
        return (time.monotonic() if now is None else now) - self.started_at

    def cell(self, column: str) -> str:
        """Display text for one of COLUMNS (for a table model or a console line)."""
        if column == "time":
            seconds = self.elapsed()
            return "" if seconds is None else f"{seconds:.1f} s"
        if column == "problem":
            return self.problem.title if self.problem else self.note
        if column == "state":
            return self.state.value
        value = getattr(self, column)
        return "" if value is None else str(value)

    def to_json(self) -> dict[str, Any]:
        return {
            "registrationId": self.registration_id,
            "state": self.state.value,
            "deviceId": self.device_id,
            "assignedHub": self.assigned_hub,
            "substatus": self.substatus,
            "outcome": self.outcome,
            "failedStep": self.failed_step,
            "attempts": self.attempts,
            "durationSeconds": None if self.duration_s is None else round(self.duration_s, 3),
            "finishedUtc": self.finished_utc,
            "telemetry": {"requested": self.messages_requested, "acknowledged": self.messages_acknowledged,
                          "failed": self.messages_failed},
            "problem": self.problem.to_json() if self.problem else None,
            "note": self.note or None,
        }


@dataclass(frozen=True)
class BatchSummary:
    total: int
    succeeded: int
    failed: int
    cancelled: int
    skipped: int
    not_run: int  # still queued: the batch has not run them (yet)
    provisioning_failed: int
    telemetry_failed: int
    duration_s: float  # of the last pass

    @property
    def all_succeeded(self) -> bool:
        return self.total > 0 and self.succeeded + self.skipped == self.total

    @property
    def outcome(self) -> str:
        """One events.Outcome for the whole batch: the worst that happened."""
        if self.all_succeeded:
            return Outcome.SUCCESS
        if self.cancelled:
            return Outcome.CANCELLED
        if self.provisioning_failed or self.not_run:
            return Outcome.PROVISIONING_FAILED
        return Outcome.TELEMETRY_FAILED

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "succeeded": self.succeeded, "failed": self.failed,
                "cancelled": self.cancelled, "skipped": self.skipped, "notRun": self.not_run,
                "provisioningFailed": self.provisioning_failed, "telemetryFailed": self.telemetry_failed,
                "durationSeconds": round(self.duration_s, 3), "outcome": self.outcome}


@dataclass(frozen=True)
class BatchStarted(ev.Event):
    rows: tuple[int, ...]  # the rows this pass runs; skipped rows were already reported as SKIPPED
    total: int


@dataclass(frozen=True)
class DeviceChanged(ev.Event):
    result: DeviceResult


@dataclass(frozen=True)
class DeviceRunEvent(ev.Event):
    row: int
    registration_id: str
    event: ev.Event


@dataclass(frozen=True)
class BatchFinished(ev.Event):
    summary: BatchSummary


CSV_FIELDS = ("registration_id", "state", "device_id", "assigned_hub", "substatus", "outcome", "problem_code",
              "problem", "dps_error_code", "failed_step", "duration_s", "attempts", "messages_requested",
              "messages_acknowledged", "messages_failed", "finished_utc")


def export_rows(results: Sequence[DeviceResult],
                device_key: Callable[[str], str] | None = None) -> list[dict[str, Any]]:
    """Flat rows for CSV; with `device_key`, each row also carries the device's derived key."""
    rows = []
    for r in results:
        row: dict[str, Any] = {
            "registration_id": r.registration_id, "state": r.state.value, "device_id": r.device_id or "",
            "assigned_hub": r.assigned_hub or "", "substatus": r.substatus or "", "outcome": r.outcome or "",
            "problem_code": r.problem.code if r.problem else "",
            "problem": r.problem.title if r.problem else r.note,
            "dps_error_code": r.problem.dps_error_code if r.problem and r.problem.dps_error_code else "",
            "failed_step": r.failed_step or "",
            "duration_s": "" if r.duration_s is None else f"{r.duration_s:.3f}", "attempts": r.attempts,
            "messages_requested": r.messages_requested, "messages_acknowledged": r.messages_acknowledged,
            "messages_failed": r.messages_failed, "finished_utc": r.finished_utc or "",
        }
        if device_key is not None:
            row["derived_device_key"] = device_key(r.registration_id)
        rows.append(row)
    return rows


def csv_text(rows: list[dict[str, Any]], include_keys: bool) -> str:
    fields = list(CSV_FIELDS) + (["derived_device_key"] if include_keys else [])
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def write_text(target: str | Path | TextIO, text: str, private: bool) -> None:
    """Write to a file (atomically; owner-only when it holds keys) or to an open text stream."""
    if not isinstance(target, str | Path):
        target.write(text)
        return
    import os

    path = Path(target)
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o644)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    os.replace(tmp, path)
