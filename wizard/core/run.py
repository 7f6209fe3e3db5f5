"""ProvisioningRun: register with DPS -> connect to the assigned hub -> (read the twin) -> send telemetry.

Each step emits typed events (wizard.core.events) and is bounded by the profile's timeout. Cancelling or
timing out really stops the SDK: the provisioning client's pipeline is shut down (the SDK has no public
way to do it, reference §8), and every attempt uses a fresh client.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wizard.core import events as ev
from wizard.core.events import Outcome, Step
from wizard.core.i18n import QT_TRANSLATE_NOOP, Text
from wizard.core.problems import (
    DPS_MQTT_LOGGER,
    DpsResponseCapture,
    Problem,
    explain_hub,
    explain_provisioning,
    timed_out,
)
from wizard.core.profile import Profile
from wizard.core.redact import redact, register_secret
from wizard.core.telemetry import PlannedMessage, TelemetryPlan

log = logging.getLogger("wizard.run")

# DPS tokens only need to outlive the registration; a short life limits what a leaked token is worth.
DPS_SAS_TTL_S = 300
# Hub tokens: 10 minutes instead of the SDK's 1 hour. The SDK renews 120 s before expiry and reconnects, which
# the telemetry loop rides through (tested); DPS's 300 s already requires a clock within 5 minutes of Azure's.
HUB_SAS_TTL_S = 600
# A send that has not been acknowledged by then is treated as stalled: the client is replaced
# (paho's network thread can die on an SSL EOF and never recover, reference §12).
SEND_STALL_S = 10.0
SHUTDOWN_WAIT_S = 1.5
RECONNECT_POLL_S = 0.05
# Between fresh-client attempts while the hub cannot be reached.
RECONNECT_BACKOFF_S = 0.5


class InputProblem(Exception):
    """Something in the profile cannot be used (a CA file that cannot be read); carries a Problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.title)
        self.problem = problem


def read_trusted_ca(path: str | None) -> str | None:
    """The PEM text the SDK takes as server_verification_cert (it replaces the OS roots)."""
    if not path:
        return None
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) else Text(QT_TRANSLATE_NOOP("core", "not a text file"))
        raise InputProblem(Problem.of(
            "invalid_input", Text(QT_TRANSLATE_NOOP("core", "The trusted CA certificate file cannot be read")),
            Text(QT_TRANSLATE_NOOP("core", "%1: %2."), (path, why)),
            Text(QT_TRANSLATE_NOOP("core", "Choose a PEM file (text starting with -----BEGIN CERTIFICATE-----).")),
            field="trusted_ca")) from exc
    if "-----BEGIN CERTIFICATE-----" not in text:
        raise InputProblem(Problem.of(
            "invalid_input", Text(QT_TRANSLATE_NOOP("core", "The trusted CA file holds no PEM certificate")),
            Text(QT_TRANSLATE_NOOP("core", "%1 does not contain -----BEGIN CERTIFICATE-----."), (path,)),
            Text(QT_TRANSLATE_NOOP("core", "Export the root certificate as Base-64 encoded X.509 (.pem / .crt).")),
            field="trusted_ca"))
    return text


async def _off_loop(fn: Callable[[], Any]) -> Any:
    """Run a blocking SDK factory in a worker thread. Factories wait for the SDK's single, process-wide pipeline
    thread, which another run's connect (a batch, or the emulator on this loop) can hold for seconds."""
    return await asyncio.get_running_loop().run_in_executor(None, fn)


def _shutdown_pipeline(client: Any) -> None:
    """Stop a provisioning client's retries and timers (private API, guarded: reference §8)."""
    pipeline = getattr(client, "_pipeline", None)
    if pipeline is None or not hasattr(pipeline, "shutdown"):
        return
    with contextlib.suppress(Exception):
        pipeline.shutdown(callback=lambda error=None: None)


class ProvisioningRun:
    def __init__(self, profile: Profile, device_key: str, on_event: Callable[[ev.Event], None] | None = None, *,
                 proxy_password: str | None = None, max_in_flight: int = 1) -> None:
        self.profile = profile.normalised()
        self._key = "".join(device_key.split())
        register_secret(self._key)
        register_secret(proxy_password)
        self._proxy_password = proxy_password
        self._on_event = on_event or (lambda e: None)
        self.max_in_flight = max(1, max_in_flight)
        self._task: asyncio.Task[Any] | None = None
        self._cancelled = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._hub: Any = None
        self.summary = ev.TelemetrySummary(requested=self.profile.count)
        self.registration: ev.RegistrationInfo | None = None
        self.twin: dict[str, Any] | None = None
        self._step: str | None = None
        self._last_failure = ""  # why the last message given up on failed (already redacted)
        self._hub_lost: Problem | None = None  # set when the hub stays unreachable past a message's deadline

    # -- plumbing -----------------------------------------------------------------------------------------
    def _emit(self, event: ev.Event) -> None:
        try:
            self._on_event(event)
        except Exception:  # a listener's bug must not break the run
            log.exception("event listener failed")

    def _emit_threadsafe(self, event: ev.Event) -> None:
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._emit, event)

    def _log(self, text: str | Text, level: str = "info") -> None:
        """A line for the run's log: English in the Python log, a Text the GUI shows translated."""
        message = text if isinstance(text, Text) else None
        text = redact(str(text))
        getattr(log, level if level in ("debug", "info", "warning", "error") else "info")(text)
        self._emit(ev.LogLine(time.monotonic(), level, text, message))

    def _start(self, step: str, detail: str = "") -> None:
        self._step = step
        self._emit(ev.StepStarted(time.monotonic(), step, detail))

    def _done(self, step: str, detail: str = "") -> None:
        self._emit(ev.StepDone(time.monotonic(), step, detail))

    def _sdk_kwargs(self, ca_pem: str | None) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"websockets": self.profile.websockets}
        if ca_pem:
            kwargs["server_verification_cert"] = ca_pem
        proxy = self.profile.proxy
        if proxy is not None:
            from azure.iot.device import ProxyOptions

            kwargs["proxy_options"] = ProxyOptions(proxy.kind, proxy.host, proxy.port, proxy.username or None,
                                                   self._proxy_password or None)
        return kwargs

    def cancel(self) -> None:
        """Stop the run; execute() returns a cancelled Finished within about two seconds."""
        self._cancelled = True
        if self._task is not None and not self._task.done():
            self._task.cancel()

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    # -- the run --------------------------------------------------------------------------------------------
    async def execute(self) -> ev.Finished:
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.current_task()
        outcome, problem, failed_step = Outcome.SUCCESS, None, None
        try:
            ca_pem = read_trusted_ca(self.profile.trusted_ca)
            self.registration = await self._provision(ca_pem)
            await self._use_hub(ca_pem)
            if self.summary.failed:
                outcome, failed_step = Outcome.TELEMETRY_FAILED, Step.TELEMETRY
                problem = Problem("telemetry", "Some messages were not acknowledged",
                                  f"{self.summary.failed} of {self.summary.requested} messages failed.",
                                  "See the detail for why the last one failed; check the network to the IoT hub "
                                  "and run again.", detail=f"Last failure: {self._last_failure}")
        except asyncio.CancelledError:
            if not self._cancelled:
                raise
            outcome, failed_step = Outcome.CANCELLED, self._step
            self._log(Text(QT_TRANSLATE_NOOP("core", "Run cancelled.")), "warning")
        except _StepFailed as failure:
            outcome, problem, failed_step = failure.outcome, failure.problem, failure.step
            title, meaning = (problem.texts[0], problem.texts[1]) if problem.texts else (problem.title, problem.meaning)
            self._log(Text(QT_TRANSLATE_NOOP("core", "%1. %2"), (title, meaning)), "error")
        except InputProblem as exc:
            outcome, problem, failed_step = Outcome.PROVISIONING_FAILED, exc.problem, Step.CONNECT_DPS
        finally:
            await self._close_hub()
            if self.summary.started_at is not None and self.summary.finished_at is None:
                self.summary.finished_at = time.monotonic()
        finished = ev.Finished(time.monotonic(), outcome, self.registration, self.twin, self.summary, problem,
                               failed_step)
        self._emit(finished)
        return finished

    async def _provision(self, ca_pem: str | None) -> ev.RegistrationInfo:
        from azure.iot.device.aio import ProvisioningDeviceClient

        p = self.profile
        self._start(Step.CONNECT_DPS, p.host + (" (WebSockets, port 443)" if p.websockets else " (port 8883)"))
        polls = 0
        first_response = True

        def on_response(status: int, body: dict[str, Any]) -> None:  # SDK thread
            nonlocal polls, first_response
            now = time.monotonic()
            if first_response:
                first_response = False
                self._emit_threadsafe(ev.StepDone(now, Step.REGISTER, f"DPS answered {status}"))
            state = body.get("status")
            if status in (200, 202) and state == "assigning":
                polls += 1
                if polls == 1:
                    self._emit_threadsafe(ev.StepStarted(now, Step.ASSIGNING, "DPS is assigning the device"))
                self._emit_threadsafe(ev.Polling(now, polls))
            elif status >= 429:
                said = Text(QT_TRANSLATE_NOOP("core", "DPS answered %1; the SDK will retry."), (status,))
                self._emit_threadsafe(ev.LogLine(now, "warning", said.render(), said))

        capture = _OwnDpsResponses(p.registration_id, on_response)
        transport_tap = _ConnectTap(p.registration_id,
                                    lambda: self._emit_threadsafe(ev.StepDone(time.monotonic(), Step.CONNECT_DPS)),
                                    lambda: self._emit_threadsafe(ev.StepStarted(time.monotonic(), Step.REGISTER,
                                                                                 p.registration_id)))
        try:
            client = await _off_loop(functools.partial(
                ProvisioningDeviceClient.create_from_symmetric_key,
                provisioning_host=p.host, registration_id=p.registration_id, id_scope=p.id_scope,
                symmetric_key=self._key, sastoken_ttl=DPS_SAS_TTL_S, **self._sdk_kwargs(ca_pem)))
        except Exception as exc:  # bad CA text, bad key padding: the SDK raises before any network use
            raise _StepFailed(Outcome.PROVISIONING_FAILED, Step.CONNECT_DPS,
                              explain_provisioning(exc, None, p.is_group)) from None
        if p.provisioning_payload and p.provisioning_payload.strip():
            client.provisioning_payload = json.loads(p.provisioning_payload)
        self._log(Text(QT_TRANSLATE_NOOP("core", "Registering %1 with %2 (ID scope %3)."),
                       (p.registration_id, p.host, p.id_scope)))
        capture.attach()
        transport_tap.attach()
        finished_ok = False
        try:
            result = await asyncio.wait_for(client.register(), p.timeout_s)
            finished_ok = True
        except TimeoutError:
            raise _StepFailed(Outcome.PROVISIONING_FAILED, self._current_dps_step(first_response),
                              timed_out("DPS", p.timeout_s, capture)) from None
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            problem = explain_provisioning(exc, capture, p.is_group)
            raise _StepFailed(Outcome.PROVISIONING_FAILED, self._current_dps_step(first_response), problem) from None
        finally:
            capture.detach()
            transport_tap.detach()
            if not finished_ok:  # in a worker thread, not awaited: it waits for the SDK's pipeline thread
                asyncio.get_running_loop().run_in_executor(None, _shutdown_pipeline, client)
        state = result.registration_state
        payload: Any = None
        if state is not None and state.response_payload not in (None, "null"):
            try:
                payload = json.loads(state.response_payload)
            except (TypeError, ValueError):
                payload = state.response_payload
        info = ev.RegistrationInfo(
            registration_id=p.registration_id, device_id=state.device_id if state else "",
            assigned_hub=state.assigned_hub if state else "", status=result.status,
            substatus=state.sub_status if state else None, created=state.created_date_time if state else None,
            updated=state.last_update_date_time if state else None, etag=state.etag if state else None,
            payload=payload, operation_id=result.operation_id)
        if first_response:
            self._done(Step.REGISTER)
        if polls:
            self._done(Step.ASSIGNING, f"{polls} poll(s)")
        self._done(Step.ASSIGNED, f"{info.device_id} on {info.assigned_hub}")
        self._emit(ev.Assigned(time.monotonic(), info))
        self._log(Text(QT_TRANSLATE_NOOP("core", "Assigned: device %1 on %2 (%3)."),
                       (info.device_id, info.assigned_hub, info.substatus)))
        return info

    def _current_dps_step(self, no_response_yet: bool) -> str:
        return Step.REGISTER if no_response_yet else Step.ASSIGNING

    async def _use_hub(self, ca_pem: str | None) -> None:
        assert self.registration is not None
        reg = self.registration
        self._start(Step.CONNECT_HUB, reg.assigned_hub)
        await self._connect_hub(ca_pem)
        self._done(Step.CONNECT_HUB, reg.assigned_hub)
        if self.profile.read_twin:
            self._start(Step.READ_TWIN)
            try:
                self.twin = await asyncio.wait_for(self._hub.get_twin(), self.profile.timeout_s)
            except TimeoutError:
                raise _StepFailed(Outcome.TELEMETRY_FAILED, Step.READ_TWIN,
                                  timed_out("the IoT hub (twin)", self.profile.timeout_s)) from None
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                raise _StepFailed(Outcome.TELEMETRY_FAILED, Step.READ_TWIN, explain_hub(exc, "reading the twin")) \
                    from None
            self._done(Step.READ_TWIN)
            self._emit(ev.TwinReceived(time.monotonic(), self.twin))
        if self.profile.count > 0:
            await self._send_telemetry(ca_pem)

    async def _connect_hub(self, ca_pem: str | None, timeout_s: float | None = None) -> None:
        from azure.iot.device.aio import IoTHubDeviceClient

        assert self.registration is not None
        await self._close_hub()
        reg = self.registration
        timeout_s = self.profile.timeout_s if timeout_s is None else timeout_s
        try:
            self._hub = await _off_loop(functools.partial(
                IoTHubDeviceClient.create_from_symmetric_key,
                symmetric_key=self._key, hostname=reg.assigned_hub, device_id=reg.device_id,
                sastoken_ttl=HUB_SAS_TTL_S, **self._sdk_kwargs(ca_pem)))
            await asyncio.wait_for(self._hub.connect(), timeout_s)
        except TimeoutError:
            raise _StepFailed(Outcome.TELEMETRY_FAILED, Step.CONNECT_HUB,
                              timed_out("the IoT hub", self.profile.timeout_s)) from None
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            raise _StepFailed(Outcome.TELEMETRY_FAILED, Step.CONNECT_HUB, explain_hub(exc, "connecting")) from None

    async def _close_hub(self) -> None:
        hub, self._hub = self._hub, None
        if hub is None:
            return
        # Shielded so that a cancel during clean-up still lets the SDK disconnect; bounded so Cancel stays fast.
        with contextlib.suppress(BaseException):
            await asyncio.wait_for(asyncio.shield(hub.shutdown()), SHUTDOWN_WAIT_S)

    # -- telemetry -------------------------------------------------------------------------------------------
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
                        except _StepFailed as failure:
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
                    except asyncio.CancelledError:
                        raise
                    except Exception as exc:  # noqa: BLE001 - every failure is counted and explained
                        reason = "no acknowledgement in time" if isinstance(exc, TimeoutError) else \
                            redact(f"{type(exc).__name__}: {exc}")
                        # A send on a client that was replaced meanwhile (a stalled one, shut down by another
                        # send: OperationCancelled) says nothing about the message: send it on the new client.
                        if not (_retryable(exc) or hub is not self._hub):
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
                        except _StepFailed as failure:
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
                task = asyncio.ensure_future(send(planned))
                started += 1
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
            raise _StepFailed(Outcome.TELEMETRY_FAILED, Step.TELEMETRY,
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
        trying until the deadline (then _StepFailed: the hub is lost for this run)."""
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
            except _StepFailed as failure:
                if failure.problem.code not in ("hub_network", "timeout"):  # refused, TLS: waiting will not help
                    raise
                last = failure.problem.detail or failure.problem.title
                await asyncio.sleep(min(RECONNECT_BACKOFF_S, max(0.0, deadline - time.monotonic())))
                continue
            if self._hub is not None and self._hub.connected:
                return
        raise _StepFailed(Outcome.TELEMETRY_FAILED, Step.TELEMETRY, self._hub_lost or self._lost_problem(last))


def _retryable(exc: BaseException) -> bool:
    name = type(exc).__name__
    return isinstance(exc, TimeoutError) or name in ("NoConnectionError", "ConnectionDroppedError",
                                                      "ConnectionFailedError", "OperationTimeout")


class _StepFailed(Exception):
    def __init__(self, outcome: str, step: str, problem: Problem) -> None:
        super().__init__(problem.title)
        self.outcome, self.step, self.problem = outcome, step, problem


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


class _OwnDpsResponses(DpsResponseCapture):
    """Only this registration's DPS responses (concurrent runs share the SDK's logger)."""

    def __init__(self, registration_id: str, on_response: Callable[[int, dict[str, Any]], None]) -> None:
        super().__init__(on_response)
        self._registration_id = registration_id

    def emit(self, record: logging.LogRecord) -> None:
        owner = _sdk_client_id()
        if owner is None or owner == self._registration_id:
            super().emit(record)

    def attach(self) -> _OwnDpsResponses:
        _hold_logger(self, DPS_MQTT_LOGGER, logging.DEBUG, True)
        return self

    def detach(self) -> None:
        _release_logger(self, DPS_MQTT_LOGGER)


class _ConnectTap(logging.Handler):
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
