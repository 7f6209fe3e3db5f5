"""ProvisioningRun: register with DPS -> connect to the assigned hub -> (read the twin) -> send telemetry.

Each step emits typed events (wizard.core.events) and is bounded by the profile's timeout. Cancelling or
timing out really stops the SDK: the provisioning client's pipeline is shut down (the SDK has no public
way to do it, reference §8), and every attempt uses a fresh client. The telemetry loop is in
wizard.core.sending, the taps on the SDK's loggers in wizard.core.sdklog.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wizard.core import events as ev
from wizard.core.events import Outcome, Step
from wizard.core.i18n import QT_TRANSLATE_NOOP, Text
from wizard.core.problems import Problem, explain_hub, explain_provisioning, timed_out
from wizard.core.profile import Profile
from wizard.core.redact import redact, register_secret
from wizard.core.sdklog import ConnectTap, OwnDpsResponses
from wizard.core.sending import StepFailed, TelemetrySending

log = logging.getLogger("wizard.run")

# DPS tokens only need to outlive the registration; a short life limits what a leaked token is worth.
DPS_SAS_TTL_S = 300
# Hub tokens: 10 minutes instead of the SDK's 1 hour. The SDK renews 120 s before expiry and reconnects, which
# the telemetry loop rides through (tested); DPS's 300 s already requires a clock within 5 minutes of Azure's.
HUB_SAS_TTL_S = 600
SHUTDOWN_WAIT_S = 1.5


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


class ProvisioningRun(TelemetrySending):
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
        except StepFailed as failure:
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

        capture = OwnDpsResponses(p.registration_id, on_response)
        transport_tap = ConnectTap(p.registration_id,
                                    lambda: self._emit_threadsafe(ev.StepDone(time.monotonic(), Step.CONNECT_DPS)),
                                    lambda: self._emit_threadsafe(ev.StepStarted(time.monotonic(), Step.REGISTER,
                                                                                 p.registration_id)))
        try:
            client = await _off_loop(functools.partial(
                ProvisioningDeviceClient.create_from_symmetric_key,
                provisioning_host=p.host, registration_id=p.registration_id, id_scope=p.id_scope,
                symmetric_key=self._key, sastoken_ttl=DPS_SAS_TTL_S, **self._sdk_kwargs(ca_pem)))
        except Exception as exc:  # bad CA text, bad key padding: the SDK raises before any network use
            raise StepFailed(Outcome.PROVISIONING_FAILED, Step.CONNECT_DPS,
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
            raise StepFailed(Outcome.PROVISIONING_FAILED, self._current_dps_step(first_response),
                              timed_out("DPS", p.timeout_s, capture)) from None
        except Exception as exc:
            problem = explain_provisioning(exc, capture, p.is_group)
            raise StepFailed(Outcome.PROVISIONING_FAILED, self._current_dps_step(first_response), problem) from None
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
            self.twin = await self._hub_step(self._hub.get_twin(), Step.READ_TWIN, self.profile.timeout_s,
                                             "the IoT hub (twin)", "reading the twin")
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
        create = functools.partial(
            IoTHubDeviceClient.create_from_symmetric_key,
            symmetric_key=self._key, hostname=reg.assigned_hub, device_id=reg.device_id,
            sastoken_ttl=HUB_SAS_TTL_S, **self._sdk_kwargs(ca_pem))
        self._hub = await self._hub_step(_off_loop(create), Step.CONNECT_HUB, timeout_s, "the IoT hub",
                                         "connecting")
        await self._hub_step(self._hub.connect(), Step.CONNECT_HUB, timeout_s, "the IoT hub", "connecting")

    async def _hub_step(self, awaitable: Any, step: str, timeout_s: float, what: str, during: str) -> Any:
        """One bounded await on the hub client; a failure becomes the step's explained problem."""
        try:
            return await asyncio.wait_for(awaitable, timeout_s)
        except TimeoutError:
            raise StepFailed(Outcome.TELEMETRY_FAILED, step, timed_out(what, timeout_s)) from None
        except Exception as exc:  # CancelledError is not an Exception: a cancel passes through
            raise StepFailed(Outcome.TELEMETRY_FAILED, step, explain_hub(exc, during)) from None

    async def _close_hub(self) -> None:
        hub, self._hub = self._hub, None
        if hub is None:
            return
        # Shielded so that a cancel during clean-up still lets the SDK disconnect; bounded so Cancel stays fast.
        with contextlib.suppress(BaseException):
            await asyncio.wait_for(asyncio.shield(hub.shutdown()), SHUTDOWN_WAIT_S)

