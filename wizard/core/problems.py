"""SDK exceptions (and the DPS error body the SDK only logs) -> a plain-language Problem with a hint."""

from __future__ import annotations

import ast
import dataclasses
import json
import logging
import re
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wizard.core.i18n import QT_TRANSLATE_NOOP, Text, Translate
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
    # title, meaning and hint as translatable sentences (Problem.of); None for a Problem built from plain
    # English, which the edge then looks up as is (found when the sentence is in the catalogue).
    texts: tuple[Text, Text, Text] | None = dataclasses.field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, code: str, title: Text, meaning: Text, hint: Text, **kwargs: Any) -> Problem:
        """A Problem whose title, meaning and hint can be shown translated; the English stays in the fields."""
        return cls(code, title.render(), meaning.render(), hint.render(), texts=(title, meaning, hint), **kwargs)

    def rendered(self, translate: Translate | None = None) -> tuple[str, str, str]:
        """(title, meaning, hint) for a person, translated by `translate` (source -> translation) when given.
        The DPS error code and message are not part of them: show those beside, as received."""
        if self.texts is not None:
            title, meaning, hint = (t.render(translate) for t in self.texts)
            return title, meaning, hint
        if translate is None:
            return self.title, self.meaning, self.hint
        return translate(self.title), translate(self.meaning), translate(self.hint)

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
_RESPONSE = re.compile(
    r"Received payload:(b(?P<q>['\"]).*(?P=q)) on topic:\$dps/registrations/res/(?P<status>\d{3})/", re.S)


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


def _t(source: str, *args: Any) -> Text:
    return Text(source, args)


_AUTH_HINT_GROUP = QT_TRANSLATE_NOOP(
    "core",
    "Check that the group key is the enrollment group's primary or secondary key (copied whole), that the "
    "registration ID is the one this device should have, and that the ID scope is the one on the DPS Overview "
    "page.")
_AUTH_HINT_INDIVIDUAL = QT_TRANSLATE_NOOP(
    "core",
    "Check that the key is the enrollment's primary or secondary key (copied whole), that the registration ID "
    "matches the enrollment exactly, and that the ID scope is the one on the DPS Overview page. If the key "
    "belongs to an enrollment group, choose 'Enrollment group' (--group): the device key is derived from it.")

# What timed_out() and explain_hub() are told by the run: known phrases are translated, others shown as given.
_PHRASES = {
    "the IoT hub": QT_TRANSLATE_NOOP("core", "the IoT hub"),
    "the IoT hub (twin)": QT_TRANSLATE_NOOP("core", "the IoT hub (twin)"),
    "connecting": QT_TRANSLATE_NOOP("core", "connecting"),
    "reading the twin": QT_TRANSLATE_NOOP("core", "reading the twin"),
    "sending telemetry": QT_TRANSLATE_NOOP("core", "sending telemetry"),
}


def _phrase(value: str) -> Text | str:
    return Text(value) if value in _PHRASES else value


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
        return Problem.of(
            "tls", _t(QT_TRANSLATE_NOOP("core", "The server's certificate was not trusted")),
            _t(QT_TRANSLATE_NOOP("core", "The TLS connection to the provisioning endpoint failed certificate "
                                         "verification. A company proxy that inspects TLS, or an IoT Edge gateway, "
                                         "presents its own certificate.")),
            _t(QT_TRANSLATE_NOOP("core", "Add your company's or gateway's root certificate as the trusted CA "
                                         "certificate (it replaces the system roots), or ask IT to exempt "
                                         "*.azure-devices-provisioning.net.")),
            field="trusted_ca", **extra)
    if "CredentialError" in names or "UnauthorizedError" in names or status == 401:
        return Problem.of(
            "auth", _t(QT_TRANSLATE_NOOP("core", "DPS refused the device's credentials")),
            _t(QT_TRANSLATE_NOOP("core", "The provisioning service did not accept the SAS token made from this key, "
                                         "registration ID and ID scope.")),
            _t(_AUTH_HINT_GROUP if group else _AUTH_HINT_INDIVIDUAL), field="key", **extra)
    if status == 404 or "unknown registration" in text or "not found" in (message or "").lower():
        return Problem.of(
            "not_found", _t(QT_TRANSLATE_NOOP("core", "DPS does not know this registration")),
            _t(QT_TRANSLATE_NOOP("core", "No enrollment matches this registration ID in this ID scope.")),
            _t(QT_TRANSLATE_NOOP("core", "Check the registration ID (lower case, exactly as in the enrollment) and "
                                         "the ID scope.")),
            field="registration_id", **extra)
    if "invalid registration status disabled" in text or (message and "disabled" in message.lower()):
        return Problem.of(
            "disabled", _t(QT_TRANSLATE_NOOP("core", "The enrollment is disabled")),
            _t(QT_TRANSLATE_NOOP("core", "DPS found the enrollment but it is disabled, so it will not assign the "
                                         "device.")),
            _t(QT_TRANSLATE_NOOP("core", "Enable the enrollment (or the device's registration) in the Azure portal, "
                                         "then run again.")),
            field="registration_id", **extra)
    if "failed registration status" in text or code is not None:
        if message:
            meaning = _t(QT_TRANSLATE_NOOP("core", "The provisioning service answered that the registration failed: "
                                                   "%1"), redact(message))
        else:
            meaning = _t(QT_TRANSLATE_NOOP("core", "The provisioning service answered that the registration "
                                                   "failed."))
        return Problem.of(
            "failed", _t(QT_TRANSLATE_NOOP("core", "DPS could not assign the device")), meaning,
            _t(QT_TRANSLATE_NOOP("core", "Check the enrollment's allocation policy and linked IoT hubs, and any "
                                         "custom allocation function, then run again.")),
            field=None, **extra)
    if "ProtocolProxyError" in names or "ProxyError" in names:
        return Problem.of(
            "proxy", _t(QT_TRANSLATE_NOOP("core", "The proxy refused or failed the connection")),
            _t(QT_TRANSLATE_NOOP("core", "The connection through the configured proxy did not succeed.")),
            _t(QT_TRANSLATE_NOOP("core", "Check the proxy host, port and credentials; MQTT over WebSockets (port "
                                         "443) is the mode proxies usually allow.")),
            field="proxy_host", **extra)
    if "ConnectionFailedError" in names or "gaierror" in names or "ConnectionRefusedError" in names:
        if "gaierror" in names:
            return Problem.of(
                "dns", _t(QT_TRANSLATE_NOOP("core", "The provisioning endpoint's name could not be resolved")),
                _t(QT_TRANSLATE_NOOP("core", "The host name was not found by DNS.")),
                _t(QT_TRANSLATE_NOOP("core", "Check the spelling of the provisioning endpoint and your network's "
                                             "DNS.")),
                field="host", **extra)
        return Problem.of(
            "network", _t(QT_TRANSLATE_NOOP("core", "Could not reach the provisioning service")),
            _t(QT_TRANSLATE_NOOP("core", "The connection to the provisioning endpoint failed (port 8883, or 443 "
                                         "with WebSockets).")),
            _t(QT_TRANSLATE_NOOP("core", "Check the network; if a firewall blocks port 8883, use MQTT over "
                                         "WebSockets (port 443) in Advanced, and set the proxy if your network "
                                         "needs one.")),
            field="host", **extra)
    if status == 429 or status is not None and status >= 500:
        return Problem.of(
            "throttled", _t(QT_TRANSLATE_NOOP("core", "DPS is throttling or failing requests")),
            _t(QT_TRANSLATE_NOOP("core", "The provisioning service kept answering %1; the SDK retried until the "
                                         "time ran out."), status),
            _t(QT_TRANSLATE_NOOP("core", "Wait a few minutes and run again; if it persists, check the DPS "
                                         "instance's quotas.")),
            **extra)
    if "OperationTimeout" in names or "timed out" in text:
        return Problem.of(
            "timeout", _t(QT_TRANSLATE_NOOP("core", "DPS did not answer in time")),
            _t(QT_TRANSLATE_NOOP("core", "The provisioning service did not answer the registration request before "
                                         "the deadline.")),
            _t(QT_TRANSLATE_NOOP("core", "Check the network and the endpoint; a longer timeout helps on slow "
                                         "links.")),
            field="host", **extra)
    return Problem.of(
        "unknown", _t(QT_TRANSLATE_NOOP("core", "Provisioning failed")),
        _t(QT_TRANSLATE_NOOP("core", "The SDK reported an error the wizard does not recognise.")),
        _t(QT_TRANSLATE_NOOP("core", "Open the details for the raw error; check the settings and run again.")),
        **extra)


def timed_out(what: str, seconds: float, capture: DpsResponseCapture | None = None) -> Problem:
    """The run's own deadline passed. What DPS last said (429, 5xx) makes the explanation more precise."""
    statuses = capture.statuses if capture else []
    if statuses and statuses[-1] in (429,) or statuses and statuses[-1] >= 500:
        return Problem.of(
            "throttled", _t(QT_TRANSLATE_NOOP("core", "DPS kept the device waiting")),
            _t(QT_TRANSLATE_NOOP("core", "The provisioning service answered %1 %2 times; the run gave up after %3 s."),
               statuses[-1], len(statuses), f"{seconds:g}"),
            _t(QT_TRANSLATE_NOOP("core", "DPS is throttling this device or its instance. Wait a few minutes and run "
                                         "again.")),
            status_code=statuses[-1])
    return Problem.of(
        "timeout", _t(QT_TRANSLATE_NOOP("core", "No answer from %1 within %2 s"), _phrase(what), f"{seconds:g}"),
        _t(QT_TRANSLATE_NOOP("core", "The run's timeout passed before %1 answered."), _phrase(what)),
        _t(QT_TRANSLATE_NOOP("core", "Check the network and the endpoint (a firewall may drop traffic silently); "
                                     "raise the timeout for slow links.")),
        field="host" if what.startswith("DPS") else None)


def explain_hub(exc: BaseException, during: str) -> Problem:
    names = _names(exc)
    detail = describe_chain(exc)
    if "CredentialError" in names or "UnauthorizedError" in names:
        return Problem.of(
            "hub_refused", _t(QT_TRANSLATE_NOOP("core", "The IoT hub refused the device")),
            _t(QT_TRANSLATE_NOOP("core", "The hub that DPS assigned did not accept the device's credentials.")),
            _t(QT_TRANSLATE_NOOP("core", "The device may be disabled in the IoT hub, or its key changed since it "
                                         "was provisioned. Check the device in the hub's Devices page.")),
            detail=detail)
    if "TlsExchangeAuthError" in names:
        return Problem.of(
            "tls", _t(QT_TRANSLATE_NOOP("core", "The IoT hub's certificate was not trusted")),
            _t(QT_TRANSLATE_NOOP("core", "TLS verification of the assigned hub failed.")),
            _t(QT_TRANSLATE_NOOP("core", "Add the right root certificate as trusted CA (a TLS-inspecting proxy or "
                                         "gateway).")),
            field="trusted_ca", detail=detail)
    return Problem.of(
        "hub_network", _t(QT_TRANSLATE_NOOP("core", "The IoT hub connection failed while %1"), _phrase(during)),
        _t(QT_TRANSLATE_NOOP("core", "The connection to the assigned IoT hub failed or dropped.")),
        _t(QT_TRANSLATE_NOOP("core", "Check the network (port 8883, or 443 with WebSockets) and run again.")),
        detail=detail)
