"""BatchRun: provision many devices of one enrollment group, a bounded number at once.

Each device's key is derived from the group key (never stored or exported), and each device goes through
its own ProvisioningRun. A failed device does not stop the others; cancel() stops them all within about two
seconds; retry_failed() re-runs only the devices that did not succeed; running again skips the devices this
batch already assigned unless asked. Results export to CSV and JSON, derived keys only on explicit request.
The rows, the summary, the events and the export rows are wizard.core.batch_results'.

Listeners get typed events on the event loop's thread (the Qt thread under qasync):
- BatchStarted(rows): the rows that will run in this pass (others keep their result);
- DeviceChanged(result): a row's new DeviceResult (state, device ID, hub, substatus, time, problem);
- DeviceRunEvent(row, registration_id, event): the device's own ProvisioningRun events (log lines, acks);
- BatchFinished(summary).
A table model keeps `batch.results` (one DeviceResult per row, in list order) and replaces row
`event.result.row` on every DeviceChanged.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from wizard.core import events as ev
from wizard.core import keys
from wizard.core.batch_results import (
    COLUMN_TITLES,
    COLUMNS,
    CSV_FIELDS,
    BatchFinished,
    BatchStarted,
    BatchSummary,
    DeviceChanged,
    DeviceResult,
    DeviceRunEvent,
    DeviceState,
    csv_text,
    write_text,
)
from wizard.core.batch_results import export_rows as flat_rows
from wizard.core.events import Outcome, Step
from wizard.core.i18n import QT_TRANSLATE_NOOP, Text
from wizard.core.idlist import DeviceItem
from wizard.core.problems import Problem
from wizard.core.profile import Enrollment, Profile, check_registration_id
from wizard.core.redact import register_secret

__all__ = ["ALREADY_ASSIGNED", "COLUMNS", "COLUMN_TITLES", "DEFAULT_CONCURRENCY", "MAX_CONCURRENCY", "BatchFinished",
           "BatchRun", "BatchStarted", "BatchSummary", "DeviceChanged", "DeviceResult", "DeviceRunEvent",
           "DeviceState"]

log = logging.getLogger("wizard.batch")

DEFAULT_CONCURRENCY = 8
ALREADY_ASSIGNED = QT_TRANSLATE_NOOP("core", "already assigned in this batch")  # a row's note (SKIPPED)
MAX_CONCURRENCY = 64


RunFactory = Callable[..., Any]  # (profile, device_key, on_event, *, proxy_password, max_in_flight) -> run


def _utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass
class _Pass:
    started: float = 0.0
    finished: float | None = None
    tasks: dict[int, asyncio.Task[None]] = field(default_factory=dict)
    runs: dict[int, Any] = field(default_factory=dict)


class BatchRun:
    def __init__(self, base_profile: Profile, group_key: str, items: Sequence[str | DeviceItem], *,
                 concurrency: int = DEFAULT_CONCURRENCY, on_event: Callable[[ev.Event], None] | None = None,
                 proxy_password: str | None = None, max_in_flight: int = 1,
                 already_assigned: Mapping[str, ev.RegistrationInfo] | None = None,
                 run_factory: RunFactory | None = None) -> None:
        """`items`: registration IDs (or DeviceItems with a per-device provisioning payload), each once.
        `already_assigned`: registrations from an earlier batch (its `.assigned`) that a new pass skips."""
        if not 1 <= concurrency <= MAX_CONCURRENCY:
            raise ValueError(f"Concurrency must be between 1 and {MAX_CONCURRENCY}, not {concurrency}.")
        problem = keys.key_problem(group_key)
        if problem is not None:
            raise ValueError(f"Group key {problem}.")
        self._group_key = keys.normalise_key(group_key)
        register_secret(self._group_key)
        self._items: list[DeviceItem] = [i if isinstance(i, DeviceItem) else DeviceItem(str(i).strip())
                                         for i in items]
        seen: set[str] = set()
        for item in self._items:
            issue = check_registration_id(item.registration_id)
            if issue is not None:
                raise ValueError(f"'{item.registration_id[:60]}': {issue.message}")
            if item.registration_id in seen:
                raise ValueError(f"'{item.registration_id}' is listed twice.")
            seen.add(item.registration_id)
        if not self._items:
            raise ValueError("A batch needs at least one registration ID.")
        self.base_profile = replace(base_profile.normalised(), enrollment=Enrollment.GROUP)
        self.concurrency = concurrency
        self.max_in_flight = max_in_flight
        self._proxy_password = proxy_password
        self._on_event = on_event or (lambda e: None)
        self._factory = run_factory
        self._rows = [DeviceResult(n, item.registration_id) for n, item in enumerate(self._items)]
        self._assigned: dict[str, ev.RegistrationInfo] = dict(already_assigned or {})
        self._pass: _Pass | None = None
        self._cancelled = False
        self._last_duration = 0.0

    # -- state ----------------------------------------------------------------------------------------------
    @property
    def items(self) -> list[DeviceItem]:
        return list(self._items)

    @property
    def results(self) -> list[DeviceResult]:
        return list(self._rows)

    @property
    def running(self) -> bool:
        return self._pass is not None

    @property
    def assigned(self) -> dict[str, ev.RegistrationInfo]:
        """Registrations assigned in this batch (by registration ID); hand them to the next BatchRun."""
        return dict(self._assigned)

    def device_key(self, registration_id: str) -> str:
        """The derived key of one device (for an explicit, warned export only)."""
        return keys.derive_device_key(self._group_key, registration_id)

    def rows_in(self, *states: DeviceState) -> list[int]:
        return [r.row for r in self._rows if r.state in states]

    def summary(self) -> BatchSummary:
        count = {s: 0 for s in DeviceState}
        for r in self._rows:
            count[r.state] += 1
        failed = [r for r in self._rows if r.state is DeviceState.FAILED]
        duration = self._last_duration
        if self._pass is not None:
            duration = time.monotonic() - self._pass.started
        return BatchSummary(
            total=len(self._rows), succeeded=count[DeviceState.SUCCEEDED], failed=count[DeviceState.FAILED],
            cancelled=count[DeviceState.CANCELLED], skipped=count[DeviceState.SKIPPED],
            not_run=count[DeviceState.QUEUED] + count[DeviceState.PROVISIONING] + count[DeviceState.SENDING],
            provisioning_failed=sum(1 for r in failed if r.outcome != Outcome.TELEMETRY_FAILED),
            telemetry_failed=sum(1 for r in failed if r.outcome == Outcome.TELEMETRY_FAILED),
            duration_s=duration)

    # -- events ---------------------------------------------------------------------------------------------
    def _emit(self, event: ev.Event) -> None:
        try:
            self._on_event(event)
        except Exception:  # a listener's bug must not break the batch
            log.exception("batch event listener failed")

    def _set(self, row: int, **changes: Any) -> DeviceResult:
        result = replace(self._rows[row], **changes)
        self._rows[row] = result
        self._emit(DeviceChanged(time.monotonic(), result))
        return result

    def _on_run_event(self, row: int, event: ev.Event) -> None:
        current = self._rows[row]
        if isinstance(event, ev.StepStarted):
            state = DeviceState.SENDING if event.step == Step.TELEMETRY else current.state
            self._set(row, step=event.step, state=state)
        elif isinstance(event, ev.Assigned):
            reg = event.registration
            self._assigned[current.registration_id] = reg
            self._set(row, device_id=reg.device_id, assigned_hub=reg.assigned_hub, substatus=reg.substatus)
        elif isinstance(event, ev.MessageAcknowledged):
            self._set(row, messages_acknowledged=current.messages_acknowledged + 1)
        self._emit(DeviceRunEvent(event.at, row, current.registration_id, event))

    # -- running ----------------------------------------------------------------------------------------------
    async def execute(self, rows: Iterable[int] | None = None, *, rerun_assigned: bool = False) -> BatchSummary:
        """Run the given rows (default: all). Rows whose device this batch already assigned are SKIPPED
        unless rerun_assigned. Returns when every row of the pass has finished (or was cancelled)."""
        if self._pass is not None:
            raise RuntimeError("this batch is already running")
        targets = sorted(set(range(len(self._rows)) if rows is None else rows))
        self._cancelled = False
        current = self._pass = _Pass(started=time.monotonic())
        to_run: list[int] = []
        for row in targets:
            old = self._rows[row]
            reg = self._assigned.get(old.registration_id)
            if reg is not None and not rerun_assigned:
                if old.state is not DeviceState.SKIPPED:
                    self._set(row, state=DeviceState.SKIPPED, step=None, device_id=reg.device_id,
                              assigned_hub=reg.assigned_hub, substatus=reg.substatus,
                              note=ALREADY_ASSIGNED)
                continue
            self._set(row, state=DeviceState.QUEUED, step=None, problem=None, failed_step=None, outcome=None,
                      started_at=None, duration_s=None, finished_utc=None, messages_acknowledged=0,
                      messages_failed=0, messages_requested=0, note="")
            to_run.append(row)
        self._emit(BatchStarted(time.monotonic(), tuple(to_run), len(self._rows)))
        semaphore = asyncio.Semaphore(self.concurrency)
        for row in to_run:
            current.tasks[row] = asyncio.ensure_future(self._device(row, semaphore, current))
        try:
            if current.tasks:
                await asyncio.wait(list(current.tasks.values()))
        except asyncio.CancelledError:
            # The caller's task was cancelled: stop the devices, let them clean up (bounded), then go.
            self.cancel()
            await asyncio.wait(list(current.tasks.values()), timeout=3)
            raise
        finally:
            self._last_duration = time.monotonic() - current.started
            self._pass = None
        summary = self.summary()
        self._emit(BatchFinished(time.monotonic(), summary))
        return summary

    async def retry_failed(self) -> BatchSummary:
        """Run again only the devices that failed or were cancelled (assigned or not)."""
        return await self.execute(self.rows_in(DeviceState.FAILED, DeviceState.CANCELLED), rerun_assigned=True)

    def cancel(self) -> None:
        """Stop every device of the running pass; execute() returns within about two seconds."""
        self._cancelled = True
        current = self._pass
        if current is None:
            return
        for row, task in current.tasks.items():
            run = current.runs.get(row)
            if run is not None:
                run.cancel()
            elif not task.done():
                task.cancel()

    def _make_run(self, profile: Profile, device_key: str, row: int) -> Any:
        if self._factory is not None:
            factory = self._factory
        else:
            from wizard.core.run import ProvisioningRun

            factory = ProvisioningRun
        return factory(profile, device_key, lambda e: self._on_run_event(row, e),
                       proxy_password=self._proxy_password, max_in_flight=self.max_in_flight)

    async def _device(self, row: int, semaphore: asyncio.Semaphore, current: _Pass) -> None:
        item = self._items[row]
        try:
            async with semaphore:
                if self._cancelled:
                    raise asyncio.CancelledError
                profile = replace(self.base_profile, registration_id=item.registration_id,
                                  provisioning_payload=item.provisioning_payload
                                  or self.base_profile.provisioning_payload)
                run = self._make_run(profile, self.device_key(item.registration_id), row)
                current.runs[row] = run
                self._set(row, state=DeviceState.PROVISIONING, started_at=time.monotonic(),
                          attempts=self._rows[row].attempts + 1, messages_requested=profile.count)
                try:
                    finished: ev.Finished = await run.execute()
                finally:
                    current.runs.pop(row, None)
        except asyncio.CancelledError:
            self._finish_row(row, DeviceState.CANCELLED, Outcome.CANCELLED, None, None, None)
            return
        except Exception as exc:  # a bug below must cost one device, not the batch
            log.exception("device %s failed unexpectedly", item.registration_id)
            problem = Problem.of(
                "unknown", Text(QT_TRANSLATE_NOOP("core", "The run failed unexpectedly")),
                Text(QT_TRANSLATE_NOOP("core", "%1."), (type(exc).__name__,)),
                Text(QT_TRANSLATE_NOOP("core", "Run the device again; report the problem if it persists.")))
            self._finish_row(row, DeviceState.FAILED, Outcome.PROVISIONING_FAILED, problem, None, None)
            return
        state = {Outcome.SUCCESS: DeviceState.SUCCEEDED,
                 Outcome.CANCELLED: DeviceState.CANCELLED}.get(finished.outcome, DeviceState.FAILED)
        self._finish_row(row, state, finished.outcome, finished.problem, finished.failed_step, finished)

    def _finish_row(self, row: int, state: DeviceState, outcome: str, problem: Problem | None,
                    failed_step: str | None, finished: ev.Finished | None) -> None:
        old = self._rows[row]
        changes: dict[str, Any] = dict(state=state, outcome=outcome, problem=problem, failed_step=failed_step,
                                       step=None, finished_utc=_utc_now())
        if old.started_at is not None:
            changes["duration_s"] = time.monotonic() - old.started_at
        if finished is not None:
            t = finished.telemetry
            changes.update(messages_acknowledged=t.acknowledged, messages_failed=t.failed)
            if finished.registration is not None:
                r = finished.registration
                changes.update(device_id=r.device_id, assigned_hub=r.assigned_hub, substatus=r.substatus)
        self._set(row, **changes)

    # -- export -----------------------------------------------------------------------------------------------
    CSV_FIELDS = CSV_FIELDS

    def export_rows(self, include_keys: bool = False) -> list[dict[str, Any]]:
        """Flat rows for CSV. The group key is never part of them; derived keys only with include_keys."""
        return flat_rows(self._rows, self.device_key if include_keys else None)

    def write_csv(self, target: str | Path | TextIO, include_keys: bool = False) -> None:
        write_text(target, csv_text(self.export_rows(include_keys), include_keys), private=include_keys)

    def to_json(self, include_keys: bool = False) -> dict[str, Any]:
        p = self.base_profile
        devices = []
        for r in self._rows:
            data = r.to_json()
            if include_keys:
                data["derivedDeviceKey"] = self.device_key(r.registration_id)
            devices.append(data)
        return {"provisioningHost": p.host, "idScope": p.id_scope, "enrollment": "group",
                "concurrency": self.concurrency, "summary": self.summary().to_json(),
                "containsDerivedKeys": include_keys, "devices": devices}

    def write_json(self, target: str | Path | TextIO, include_keys: bool = False) -> None:
        write_text(target, json.dumps(self.to_json(include_keys), indent=2) + "\n", private=include_keys)
