"""SDK exceptions (and the DPS error body the SDK only logs) -> a plain-language Problem with a hint."""

from __future__ import annotations

import ast
import json
import logging
import re
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wizard.core.redact import redact


@dataclass(frozen=True)
class Problem:
    code: str  # stable id: auth, not_found, disabled, failed, network, tls, throttled, timeout, ...
    title: str
    meaning: str
    hint: str
    field: str | None = None  # the Profile field (or "key") the person should look at
    detail: str = ""  # the raw exception chain, redacted; one click away in the GUI
    dps_error_code: int | None = None
    dps_error_message: str | None = None
    status_code: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "meaning": self.meaning,
            "hint": self.hint,
            "field": self.field,
            "dpsErrorCode": self.dps_error_code,
            "dpsErrorMessage": self.dps_error_message,
            "statusCode": self.status_code,
            "detail": self.detail,
        }


DPS_MQTT_LOGGER = "azure.iot.device.provisioning.pipeline.pipeline_stages_provisioning_mqtt"
_RESPONSE = re.compile(r"Received payload:(b(?P<q>['\"]).*(?P=q)) on topic:\$dps/registrations/res/(?P<status>\d{3})/", re.S)


class DpsResponseCapture(logging.Handler):
    """Reads the DPS responses the SDK logs at DEBUG: status codes, bodies and error details.

    The SDK hides them behind ClientError("Unexpected failure") (reference §2.5); its MQTT stage logs
    every response topic and payload, which is where the errorCode and message are.
    """

    def __init__(self, on_response: Callable[[int, dict[str, Any]], None] | None = None) -> None:
        super().__init__(logging.DEBUG)
        self.bodies: list[dict[str, Any]] = []
        self.statuses: list[int] = []
        self._on_response = on_response
        self._saved: list[tuple[logging.Logger, int, bool]] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            m = _RESPONSE.search(record.getMessage())
            if not m:
                return
            status = int(m.group("status"))
            try:
                body = json.loads(ast.literal_eval(m.group(1)).decode("utf-8"))
            except (ValueError, SyntaxError, UnicodeDecodeError):
                body = {}
            if not isinstance(body, dict):
                body = {}
            self.statuses.append(status)
            self.bodies.append(body)
            if self._on_response:
                self._on_response(status, body)
        except Exception:  # noqa: BLE001 - a log line we cannot read must never break the SDK's thread
            return

    @property
    def last_error(self) -> tuple[int | None, str | None]:
        """(errorCode, message) of the last DPS body that carried one."""
        for body in reversed(self.bodies):
            state = body.get("registrationState") if isinstance(body.get("registrationState"), dict) else {}
            code = body.get("errorCode", state.get("errorCode"))
            message = body.get("message", body.get("errorMessage", state.get("errorMessage")))
            if code is not None or message:
                try:
                    return (int(code) if code is not None else None), message
                except (TypeError, ValueError):
                    return None, message
        return None, None

    @property
    def last_status(self) -> str | None:
        for body in reversed(self.bodies):
            if isinstance(body.get("status"), str):
                return body["status"]
        return None

    def attach(self) -> DpsResponseCapture:
        logger = logging.getLogger(DPS_MQTT_LOGGER)
        self._saved.append((logger, logger.level, logger.propagate))
        logger.addHandler(self)
        logger.setLevel(logging.DEBUG)
        # The SDK's DEBUG chatter stays out of the person's console: this handler is its only reader.
        logger.propagate = False
        return self

    def detach(self) -> None:
        for logger, level, propagate in self._saved:
            logger.removeHandler(self)
            if not logger.handlers:
                logger.setLevel(level)
                logger.propagate = propagate
        self._saved.clear()


def chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in seen and len(seen) < 10:
        seen.append(cur)
        cur = cur.__cause__ or cur.__context__
    return seen


def describe_chain(exc: BaseException) -> str:
    return redact(" <- ".join(f"{type(e).__name__}({str(e)!r})" for e in chain(exc)))


def _names(exc: BaseException) -> set[str]:
    return {type(e).__name__ for e in chain(exc)}


def _status_in(exc: BaseException) -> int | None:
    for e in chain(exc):
        m = re.search(r"status code (\d{3})", str(e))
        if m:
            return int(m.group(1))
    return None


AUTH_HINT = (
    "Check that the key is the enrollment's primary or secondary key (copied whole), that the registration ID "
    "matches the enrollment exactly, and that the ID scope is the one on the DPS Overview page. For a group "
    "enrollment, choose 'Enrollment group' so the device key is derived from the group key."
)


def explain_provisioning(exc: BaseException, capture: DpsResponseCapture | None = None,
                         group: bool = False) -> Problem:
    """The person-facing explanation of a failed DPS registration."""
    names = _names(exc)
    detail = describe_chain(exc)
    code, message = capture.last_error if capture else (None, None)
    status = _status_in(exc)
    text = " ".join(str(e) for e in chain(exc)).lower()
    extra = dict(detail=detail, dps_error_code=code, dps_error_message=redact(message) if message else None,
                 status_code=status)

    if "TlsExchangeAuthError" in names or any(isinstance(e, ssl.SSLCertVerificationError) for e in chain(exc)):
        return Problem("tls", "The server's certificate was not trusted",
                       "The TLS connection to the provisioning endpoint failed certificate verification. A "
                       "company proxy that inspects TLS, or an IoT Edge gateway, presents its own certificate.",
                       "Add your company's or gateway's root certificate as the trusted CA certificate (it "
                       "replaces the system roots), or ask IT to exempt *.azure-devices-provisioning.net.",
                       field="trusted_ca", **extra)
    if "CredentialError" in names or "UnauthorizedError" in names or status == 401:
        hint = AUTH_HINT
        if not group:
            hint += " If this key belongs to an enrollment group, the device key must be derived from it."
        return Problem("auth", "DPS refused the device's credentials",
                       "The provisioning service did not accept the SAS token made from this key, registration ID "
                       "and ID scope.", hint, field="key", **extra)
    if status == 404 or "unknown registration" in text or "not found" in (message or "").lower():
        return Problem("not_found", "DPS does not know this registration",
                       "No enrollment matches this registration ID in this ID scope.",
                       "Check the registration ID (lower case, exactly as in the enrollment) and the ID scope.",
                       field="registration_id", **extra)
    if "invalid registration status disabled" in text or (message and "disabled" in message.lower()):
        return Problem("disabled", "The enrollment is disabled",
                       "DPS found the enrollment but it is disabled, so it will not assign the device.",
                       "Enable the enrollment (or the device's registration) in the Azure portal, then run again.",
                       field="registration_id", **extra)
    if "failed registration status" in text or code is not None:
        return Problem("failed", "DPS could not assign the device",
                       "The provisioning service answered that the registration failed"
                       + (f": {redact(message)}" if message else "."),
                       "Check the enrollment's allocation policy and linked IoT hubs, and any custom allocation "
                       "function, then run again.", field=None, **extra)
    if "ProtocolProxyError" in names or "ProxyError" in names:
        return Problem("proxy", "The proxy refused or failed the connection",
                       "The connection through the configured proxy did not succeed.",
                       "Check the proxy host, port and credentials; MQTT over WebSockets (port 443) is the mode "
                       "proxies usually allow.", field="proxy_host", **extra)
    if "ConnectionFailedError" in names or "gaierror" in names or "ConnectionRefusedError" in names:
        if "gaierror" in names:
            return Problem("dns", "The provisioning endpoint's name could not be resolved",
                           "The host name was not found by DNS.",
                           "Check the spelling of the provisioning endpoint and your network's DNS.",
                           field="host", **extra)
        return Problem("network", "Could not reach the provisioning service",
                       "The connection to the provisioning endpoint failed (port 8883, or 443 with WebSockets).",
                       "Check the network; if a firewall blocks port 8883, use MQTT over WebSockets (port 443) "
                       "in Advanced, and set the proxy if your network needs one.", field="host", **extra)
    if status == 429 or status is not None and status >= 500:
        return Problem("throttled", "DPS is throttling or failing requests",
                       f"The provisioning service kept answering {status}; the SDK retried until the time ran out.",
                       "Wait a few minutes and run again; if it persists, check the DPS instance's quotas.",
                       **extra)
    if "OperationTimeout" in names or "timed out" in text:
        return Problem("timeout", "DPS did not answer in time",
                       "The provisioning service did not answer the registration request before the deadline.",
                       "Check the network and the endpoint; a longer timeout helps on slow links.", field="host",
                       **extra)
    return Problem("unknown", "Provisioning failed",
                   "The SDK reported an error the wizard does not recognise.",
                   "Open the details for the raw error; check the settings and run again.", **extra)


def timed_out(what: str, seconds: float, capture: DpsResponseCapture | None = None) -> Problem:
    """The run's own deadline passed. What DPS last said (429, 5xx) makes the explanation more precise."""
    statuses = capture.statuses if capture else []
    if statuses and statuses[-1] in (429,) or statuses and statuses[-1] >= 500:
        return Problem("throttled", "DPS kept the device waiting",
                       f"The provisioning service answered {statuses[-1]} {len(statuses)} times; the run gave up "
                       f"after {seconds:g} s.",
                       "DPS is throttling this device or its instance. Wait a few minutes and run again.",
                       status_code=statuses[-1])
    return Problem("timeout", f"No answer from {what} within {seconds:g} s",
                   f"The run's timeout passed before {what} answered.",
                   "Check the network and the endpoint (a firewall may drop traffic silently); raise the timeout "
                   "for slow links.", field="host" if what.startswith("DPS") else None)


def explain_hub(exc: BaseException, during: str) -> Problem:
    names = _names(exc)
    detail = describe_chain(exc)
    if "CredentialError" in names or "UnauthorizedError" in names:
        return Problem("hub_refused", "The IoT hub refused the device",
                       "The hub that DPS assigned did not accept the device's credentials.",
                       "The device may be disabled in the IoT hub, or its key changed since it was provisioned. "
                       "Check the device in the hub's Devices page.", detail=detail)
    if "TlsExchangeAuthError" in names:
        return Problem("tls", "The IoT hub's certificate was not trusted",
                       "TLS verification of the assigned hub failed.",
                       "Add the right root certificate as trusted CA (a TLS-inspecting proxy or gateway).",
                       field="trusted_ca", detail=detail)
    return Problem("hub_network", f"The IoT hub connection failed while {during}",
                   "The connection to the assigned IoT hub failed or dropped.",
                   "Check the network (port 8883, or 443 with WebSockets) and run again.", detail=detail)
