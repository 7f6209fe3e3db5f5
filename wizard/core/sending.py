"""Telemetry for a ProvisioningRun: the send loop, its retries, and reconnecting to a hub that went away.

Messages go out with at most `max_in_flight` unacknowledged. A failed send is retried on the same client while
the SDK reconnects by itself, and on a fresh client when it does not (or when a send stalls); a message is given
up on at the profile's timeout, and once the hub stays unreachable past a deadline no new message is started.
Every message ends acknowledged or counted as failed, once.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from wizard.core import events as ev
from wizard.core.events import Outcome, Step
from wizard.core.i18n import QT_TRANSLATE_NOOP, Text
from wizard.core.problems import Problem
from wizard.core.profile import Profile
from wizard.core.redact import redact
from wizard.core.telemetry import PlannedMessage, TelemetryPlan

# A send that has not been acknowledged by then is treated as stalled: the client is replaced
# (paho's network thread can die on an SSL EOF and never recover, reference §12).
SEND_STALL_S = 10.0
RECONNECT_POLL_S = 0.05
# Between fresh-client attempts while the hub cannot be reached.
RECONNECT_BACKOFF_S = 0.5


class StepFailed(Exception):
    """A step of the run failed: the outcome it gives, the step, and the Problem to show."""

    def __init__(self, outcome: str, step: str, problem: Problem) -> None:
        super().__init__(problem.title)
        self.outcome, self.step, self.problem = outcome, step, problem


def retryable(exc: BaseException) -> bool:
    """Whether a failed send may succeed on a (re)connected client."""
    name = type(exc).__name__
    return isinstance(exc, TimeoutError) or name in ("NoConnectionError", "ConnectionDroppedError",
                                                      "ConnectionFailedError", "OperationTimeout")


class TelemetrySending:
    """The telemetry half of ProvisioningRun (a mixin): it uses the run's hub client (`_hub`, `_connect_hub`,
    `_close_hub`), its events (`_emit`, `_log`, `_start`, `_done`) and its summary."""

    profile: Profile
    max_in_flight: int
    registration: ev.RegistrationInfo | None
    summary: ev.TelemetrySummary
    _hub: Any
    _hub_lost: Problem | None
    _last_failure: str

    async def _send_telemetry(self, ca_pem: str | None) -> None:
        from azure.iot.device import Message

        p = self.profile
        assert self.registration is not None
        plan = TelemetryPlan(p.count, p.interval_s, p.payload_template, dict(p.properties))
        self._start(Step.TELEMETRY, f"{p.count} messages")
        self._log(Text(QT_TRANSLATE_NOOP("core", "Sending %1 telemetry messages to %2."),
                       (p.count, self.registration.assigned_hub)))
        self.summary.started_at = time.monotonic()
        self._hub_lost = None
        in_flight = asyncio.Semaphore(self.max_in_flight)
        reconnect_lock = asyncio.Lock()
        pending: set[asyncio.Task[None]] = set()
        started = 0

        def to_message(planned: PlannedMessage) -> Any:
            # UTF-8 bytes, not str: the SDK's 256 KB check sums sys.getsizeof(), which counts a str holding one
            # emoji at 4 bytes per character, so a valid 100 KB body would be refused before it is sent.
            msg = Message(planned.body.encode("utf-8"), message_id=planned.message_id,
                          content_encoding=planned.content_encoding, content_type=planned.content_type)
            msg.correlation_id = planned.correlation_id
            msg.custom_properties.update(planned.properties)
            return msg

        async def reconnect(deadline: float, announce: bool) -> None:
            async with reconnect_lock:
                if self._hub is not None and self._hub.connected:
                    return
                if announce:
                    self._log(Text(QT_TRANSLATE_NOOP("core", "Reconnecting to the IoT hub with a fresh client.")),
                              "warning")
                await self._connect_hub(ca_pem, max(0.1, deadline - time.monotonic()))

        async def send(planned: PlannedMessage) -> None:
            try:
                deadline = time.monotonic() + p.timeout_s
                attempt = 0
                while True:
                    attempt += 1
                    if self._hub is None:  # another send replaced a stalled client and is reconnecting
                        try:
                            await self._wait_connected(deadline, reconnect)
                        except StepFailed as failure:
                            self._give_up(planned, failure.problem.title, failure.problem)
                            return
                    hub = self._hub
                    self._emit(ev.MessageSent(time.monotonic(), planned.index, planned.message_id, attempt))
                    if attempt == 1:
                        self.summary.sent += 1
                    t0 = time.monotonic()
                    try:
                        # asyncio.timeout, not wait_for: no extra task per message (measured in tests/bench).
                        async with asyncio.timeout(min(SEND_STALL_S, max(0.1, deadline - t0))):
                            await hub.send_message(to_message(planned))
                    except Exception as exc:  # noqa: BLE001 - every failure is counted and explained
                        reason = "no acknowledgement in time" if isinstance(exc, TimeoutError) else \
                            redact(f"{type(exc).__name__}: {exc}")
                        # A send on a client that was replaced meanwhile (a stalled one, shut down by another
                        # send: OperationCancelled) says nothing about the message: send it on the new client.
                        if not (retryable(exc) or hub is not self._hub):
                            self._give_up(planned, reason)
                            return
                        if time.monotonic() >= deadline or self._hub_lost is not None:
                            # The connection problem outlasted the timeout: the hub is gone for this run.
                            self._give_up(planned, reason, self._hub_lost or self._lost_problem(reason))
                            return
                        self._emit(ev.MessageFailed(time.monotonic(), planned.index, planned.message_id, reason,
                                                    True))
                        self.summary.retried += 1
                        try:
                            if isinstance(exc, TimeoutError) and hub is self._hub:
                                # A stalled client never recovers by itself: replace it.
                                await self._close_hub()
                            await self._wait_connected(deadline, reconnect)
                        except StepFailed as failure:
                            self._give_up(planned, failure.problem.title, failure.problem)
                            return
                        continue
                    latency = time.monotonic() - t0
                    self.summary.acknowledged += 1
                    self.summary.latencies_s.append(latency)
                    self._emit(ev.MessageAcknowledged(time.monotonic(), planned.index, planned.message_id, latency))
                    return
            finally:
                in_flight.release()

        try:
            for index in range(1, p.count + 1):
                await in_flight.acquire()
                if self._hub_lost is not None:
                    in_flight.release()
                    break
                if index > 1 and p.interval_s > 0:
                    await asyncio.sleep(p.interval_s)
                planned = plan.message(index, self.registration.device_id)
                started += 1
                if self.max_in_flight == 1:
                    await send(planned)  # one at a time needs no task per message
                    continue
                task = asyncio.ensure_future(send(planned))
                pending.add(task)
                task.add_done_callback(pending.discard)
            if pending:
                await asyncio.gather(*pending)
        finally:
            for task in pending:
                task.cancel()
            self.summary.finished_at = time.monotonic()
        s = self.summary
        never_sent = p.count - started
        if never_sent:
            # Not sent because the hub was lost: counted as failed, never silently dropped.
            s.failed += never_sent
            self._log(Text(QT_TRANSLATE_NOOP("core", "%1 messages were not sent: the IoT hub could not be reached."),
                           (never_sent,)), "error")
        self._done(Step.TELEMETRY, f"{s.acknowledged} of {s.requested} acknowledged")
        self._log(Text(QT_TRANSLATE_NOOP("core", "Telemetry: %1 acknowledged, %2 failed, %3 retried."),
                       (s.acknowledged, s.failed, s.retried)))
        if self._hub_lost is not None:
            lost = self._hub_lost
            meaning = (f"{lost.meaning} {s.acknowledged} of {s.requested} messages were acknowledged and "
                       f"{s.failed} failed" + (f" ({never_sent} of them never sent)." if never_sent else "."))
            raise StepFailed(Outcome.TELEMETRY_FAILED, Step.TELEMETRY,
                              Problem(lost.code, lost.title, meaning, lost.hint, field=lost.field,
                                      detail=lost.detail))

    def _give_up(self, planned: PlannedMessage, reason: str, lost: Problem | None = None) -> None:
        """Count one message as failed (once) and, when the hub is unreachable, stop starting new ones."""
        self.summary.failed += 1
        self._last_failure = reason
        self._emit(ev.MessageFailed(time.monotonic(), planned.index, planned.message_id, reason, False))
        if lost is not None and self._hub_lost is None:
            self._hub_lost = lost

    def _lost_problem(self, reason: str) -> Problem:
        hub = self.registration.assigned_hub if self.registration else "the IoT hub"
        return Problem("hub_lost", "Lost the connection to the IoT hub",
                       f"The connection to {hub} failed and could not be made again within the "
                       f"{self.profile.timeout_s:g} s timeout.",
                       "Check the network to the IoT hub (port 8883, or 443 with WebSockets) and run again; "
                       "raise the timeout for unreliable links.", detail=redact(reason))

    async def _wait_connected(self, deadline: float, reconnect: Callable[[float, bool], Any]) -> None:
        """Wait for the SDK's own reconnect; if it does not come back soon, use a fresh client, and keep
        trying until the deadline (then StepFailed: the hub is lost for this run)."""
        give_sdk_until = min(deadline, time.monotonic() + 2.0) if self._hub is not None else 0.0
        while time.monotonic() < give_sdk_until and self._hub_lost is None:
            if self._hub is not None and self._hub.connected:
                return
            await asyncio.sleep(RECONNECT_POLL_S)
        last, attempts = "no connection", 0
        while self._hub_lost is None and time.monotonic() < deadline:
            if self._hub is not None and self._hub.connected:
                return
            attempts += 1
            try:
                await reconnect(deadline, attempts == 1)
            except StepFailed as failure:
                if failure.problem.code not in ("hub_network", "timeout"):  # refused, TLS: waiting will not help
                    raise
                last = failure.problem.detail or failure.problem.title
                await asyncio.sleep(min(RECONNECT_BACKOFF_S, max(0.0, deadline - time.monotonic())))
                continue
            if self._hub is not None and self._hub.connected:
                return
        raise StepFailed(Outcome.TELEMETRY_FAILED, Step.TELEMETRY, self._hub_lost or self._lost_problem(last))

