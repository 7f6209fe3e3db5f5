"""A provisioning profile and the validation of each of its fields.

Validators return plain-language messages that name the field, so the GUI can show them where the
person typed and the command line can print them. None of them ever echoes a key.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields, replace
from enum import StrEnum
from typing import Any

from wizard.core import keys
from wizard.core.i18n import QT_TRANSLATE_NOOP, Text, Translate, json_reason
from wizard.core.telemetry import DEFAULT_PAYLOAD_TEMPLATE, template_problem_text

DEFAULT_HOST = "global.azure-devices-provisioning.net"
DEFAULT_TIMEOUT_S = 60.0
SCHEMA_VERSION = 1

_ID_SCOPE = re.compile(r"^0ne[0-9a-f]{8}$", re.IGNORECASE)
_REGISTRATION_ID = re.compile(r"^[a-z0-9](?:[a-z0-9._:-]{0,126}[a-z0-9])?$")
_HOST_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
_PROFILE_NAME_MAX = 80
_PROPERTY_NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")


class Enrollment(StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class FieldIssue:
    field: str  # the Profile attribute (or "key") the message belongs to
    message: str  # a whole sentence that names the field (English)
    severity: Severity = Severity.ERROR
    text: Text | None = None  # the same sentence, translatable (the GUI and the CLI show it translated)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @classmethod
    def of(cls, name: str, sentence: Text, severity: Severity = Severity.ERROR) -> FieldIssue:
        return cls(name, sentence.render(), severity, sentence)

    def render(self, translate: Translate | None = None) -> str:
        """The message, translated when `translate` is given (a plain-English issue is looked up as is)."""
        if self.text is not None:
            return self.text.render(translate)
        return translate(self.message) if translate else self.message


FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("core", "Profile name"),
    "host": QT_TRANSLATE_NOOP("core", "Provisioning endpoint"),
    "id_scope": QT_TRANSLATE_NOOP("core", "ID scope"),
    "registration_id": QT_TRANSLATE_NOOP("core", "Registration ID"),
    "key": QT_TRANSLATE_NOOP("core", "Symmetric key"),
    "trusted_ca": QT_TRANSLATE_NOOP("core", "Trusted CA certificate"),
    "proxy_host": QT_TRANSLATE_NOOP("core", "Proxy host"),
    "proxy_port": QT_TRANSLATE_NOOP("core", "Proxy port"),
    "timeout_s": QT_TRANSLATE_NOOP("core", "Timeout"),
    "count": QT_TRANSLATE_NOOP("core", "Number of messages"),
    "interval_s": QT_TRANSLATE_NOOP("core", "Interval"),
    "payload_template": QT_TRANSLATE_NOOP("core", "Payload template"),
    "properties": QT_TRANSLATE_NOOP("core", "Custom properties"),
    "provisioning_payload": QT_TRANSLATE_NOOP("core", "Provisioning payload"),
}
GROUP_KEY_LABEL = QT_TRANSLATE_NOOP("core", "Group key")


def field_label(name: str) -> Text:
    """The field's label as a translatable value (its own name when the field has no label)."""
    return Text(FIELD_LABELS.get(name, name))


def _issue(name: str, template: str, *args: object, severity: Severity = Severity.ERROR) -> FieldIssue:
    """An issue whose sentence starts with the field's label: `template` has %1 for it, %2... for `args`."""
    return FieldIssue.of(name, Text(template, (field_label(name), *args)), severity)


def check_host(value: str, name: str = "host") -> FieldIssue | None:
    host = value.strip()
    if not host:
        return _issue(name, QT_TRANSLATE_NOOP("core", "%1 is empty: enter a host name such as "
                                                      "global.azure-devices-provisioning.net."))
    if "://" in host or "/" in host or ":" in host or " " in host:
        return _issue(name, QT_TRANSLATE_NOOP("core", "%1 must be a host name only, without https://, a port or "
                                                      "a path."))
    if len(host) > 253 or not all(_HOST_LABEL.match(label) for label in host.rstrip(".").split(".")):
        return _issue(name, QT_TRANSLATE_NOOP("core", "%1 is not a valid host name (letters, digits, hyphens and "
                                                      "dots)."))
    return None


def check_id_scope(value: str) -> FieldIssue | None:
    scope = value.strip()
    if not scope:
        return _issue("id_scope", QT_TRANSLATE_NOOP("core", "%1 is empty: copy it from the DPS instance's Overview "
                                                            "page in the Azure portal."))
    if any(c.isspace() for c in scope) or any(c in scope for c in "/#+?&%"):
        return _issue("id_scope", QT_TRANSLATE_NOOP("core", "%1 contains spaces or characters that are never part "
                                                            "of an ID scope."))
    if not _ID_SCOPE.match(scope):
        return _issue(
            "id_scope",
            QT_TRANSLATE_NOOP("core", "%1 does not look like one from Azure (0ne followed by 8 hexadecimal digits, "
                                      "e.g. 0ne00012345)."),
            severity=Severity.WARNING,
        )
    return None


def check_registration_id(value: str) -> FieldIssue | None:
    reg = value.strip()
    if not reg:
        return _issue("registration_id", QT_TRANSLATE_NOOP("core", "%1 is empty: enter the registration ID of the "
                                                                   "enrollment."))
    chars = ", ".join(f"'{c}'" for c in sorted({c for c in reg if c in "/#+?"}))
    space = any(c.isspace() for c in reg)
    if chars and space:
        return _issue("registration_id", QT_TRANSLATE_NOOP("core", "%1 cannot contain %2 or a space."), chars)
    if chars:
        return _issue("registration_id", QT_TRANSLATE_NOOP("core", "%1 cannot contain %2."), chars)
    if space:
        return _issue("registration_id", QT_TRANSLATE_NOOP("core", "%1 cannot contain a space."))
    if len(reg) > 128:
        return _issue("registration_id", QT_TRANSLATE_NOOP("core", "%1 is %2 characters long; the limit is 128."),
                      len(reg))
    if reg != reg.lower():
        return _issue("registration_id", QT_TRANSLATE_NOOP("core", "%1 must be lower case (DPS registration IDs "
                                                                   "are lower case)."))
    if not _REGISTRATION_ID.match(reg):
        return _issue(
            "registration_id",
            QT_TRANSLATE_NOOP("core", "%1 may only use a-z, 0-9, '-', '.', '_' and ':', and must start and end with "
                                      "a letter or digit."),
        )
    return None


def check_key(value: str, group: bool = False) -> FieldIssue | None:
    problem = keys.key_problem_text(value)
    if problem is None:
        return None
    return FieldIssue.of("key", problem.about(Text(GROUP_KEY_LABEL if group else FIELD_LABELS["key"])))


def check_provisioning_payload(value: str | None) -> FieldIssue | None:
    if value is None or not value.strip():
        return None
    try:
        json.loads(value, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        return _issue("provisioning_payload",
                      QT_TRANSLATE_NOOP("core", "%1 is not valid JSON: %2 (line %3, column %4)."),
                      json_reason(exc.msg), exc.lineno, exc.colno)
    return None


def _refuse_constant(name: str) -> None:
    # Python's json reads NaN and Infinity, which are not JSON: DPS would refuse the request.
    raise json.JSONDecodeError(f"{name} is not JSON", name, 0)


def check_profile_name(value: str) -> FieldIssue | None:
    name = value.strip()
    if not name:
        return _issue("name", QT_TRANSLATE_NOOP("core", "%1 is empty: give the profile a name you will recognise."))
    if len(name) > _PROFILE_NAME_MAX:
        return _issue("name", QT_TRANSLATE_NOOP("core", "%1 is longer than %2 characters."), _PROFILE_NAME_MAX)
    if any(ord(c) < 32 for c in name):
        return _issue("name", QT_TRANSLATE_NOOP("core", "%1 cannot contain control characters."))
    return None


def check_properties(props: dict[str, str]) -> FieldIssue | None:
    for key in props:
        if not _PROPERTY_NAME.match(key):
            return _issue("properties", QT_TRANSLATE_NOOP("core", "%1: '%2' is not a valid property name (letters, "
                                                                  "digits, '_', '.', '-')."), key[:40])
        if key.startswith("$") or key.startswith("iothub-"):
            return _issue("properties", QT_TRANSLATE_NOOP("core", "%1: '%2' is reserved by IoT Hub."), key)
    return None


@dataclass(frozen=True)
class Proxy:
    host: str
    port: int
    username: str = ""
    kind: str = "HTTP"  # HTTP, SOCKS4 or SOCKS5, as the SDK's ProxyOptions takes them


@dataclass(frozen=True)
class Profile:
    """Everything a run needs except the key, which only ever lives in the keyring or in memory."""

    name: str = ""
    host: str = DEFAULT_HOST
    id_scope: str = ""
    registration_id: str = ""
    enrollment: Enrollment = Enrollment.INDIVIDUAL
    websockets: bool = False
    proxy: Proxy | None = None
    trusted_ca: str | None = None  # path of a PEM file; it replaces the OS roots, as in the SDK
    timeout_s: float = DEFAULT_TIMEOUT_S
    count: int = 10
    interval_s: float = 0.0
    payload_template: str = DEFAULT_PAYLOAD_TEMPLATE
    properties: dict[str, str] = field(default_factory=dict)
    provisioning_payload: str | None = None
    read_twin: bool = False
    demo: bool = False  # targets the built-in emulator

    @property
    def is_group(self) -> bool:
        return self.enrollment is Enrollment.GROUP

    def normalised(self) -> Profile:
        """Trimmed values; the registration ID exactly as it will be sent (and as keys are derived from)."""
        return replace(
            self,
            name=self.name.strip(),
            host=self.host.strip().rstrip("."),
            id_scope=self.id_scope.strip(),
            registration_id=self.registration_id.strip(),
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["enrollment"] = self.enrollment.value
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Profile:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if "enrollment" in values:
            values["enrollment"] = Enrollment(values["enrollment"])
        if values.get("proxy"):
            values["proxy"] = Proxy(**values["proxy"])
        if "properties" in values:
            values["properties"] = {str(k): str(v) for k, v in (values["properties"] or {}).items()}
        return cls(**values)


def validate(profile: Profile, key: str | None = None, *, need_name: bool = False) -> list[FieldIssue]:
    """Every problem with the profile (and the key when given), errors and warnings, in page order."""
    p = profile.normalised()
    found: list[FieldIssue | None] = [
        check_profile_name(p.name) if need_name else None,
        check_host(p.host),
        check_id_scope(p.id_scope),
        check_registration_id(p.registration_id),
        check_key(key, p.is_group) if key is not None else None,
    ]
    if p.proxy is not None:
        found.append(check_host(p.proxy.host, "proxy_host"))
        if not 1 <= p.proxy.port <= 65535:
            found.append(_issue("proxy_port", QT_TRANSLATE_NOOP("core", "%1 must be between %2 and %3."), 1, 65535))
    if not 1 <= p.timeout_s <= 3600:
        found.append(_issue("timeout_s", QT_TRANSLATE_NOOP("core", "%1 must be between %2 and %3 seconds."), 1, 3600))
    if not 0 <= p.count <= 100_000:
        found.append(_issue("count", QT_TRANSLATE_NOOP("core", "%1 must be between %2 and %3."), 0, 100000))
    if not 0 <= p.interval_s <= 3600:
        found.append(_issue("interval_s", QT_TRANSLATE_NOOP("core", "%1 must be between %2 and %3 seconds."), 0, 3600))
    found.append(check_payload_template(p.payload_template))
    found.append(check_properties(p.properties))
    found.append(check_provisioning_payload(p.provisioning_payload))
    return [f for f in found if f is not None]


def check_payload_template(template: str) -> FieldIssue | None:
    problem = template_problem_text(template)
    return FieldIssue.of("payload_template", problem.about(field_label("payload_template"))) if problem else None


def errors(issues: list[FieldIssue]) -> list[FieldIssue]:
    return [i for i in issues if i.is_error]
