"""Pure logic behind the pages (no Qt): the Profile from what was typed, the key to use, where a field lives."""

from __future__ import annotations

from dataclasses import dataclass, field

from wizard.core import keys
from wizard.core.i18n import QT_TRANSLATE_NOOP, Text
from wizard.core.profile import DEFAULT_HOST, DEFAULT_TIMEOUT_S, Enrollment, Profile, Proxy
from wizard.core.telemetry import DEFAULT_PAYLOAD_TEMPLATE


class PageId:
    START, SERVICE, DEVICE, TELEMETRY, REVIEW, RUN, RESULT, FLEET = range(8)


# Which page holds each Profile field (and "key"); "Back to <field>" goes there.
FIELD_PAGE = {
    "host": PageId.SERVICE, "id_scope": PageId.SERVICE, "websockets": PageId.SERVICE,
    "proxy_host": PageId.SERVICE, "proxy_port": PageId.SERVICE, "proxy_user": PageId.SERVICE,
    "proxy_password": PageId.SERVICE, "trusted_ca": PageId.SERVICE, "timeout_s": PageId.SERVICE,
    "enrollment": PageId.DEVICE, "registration_id": PageId.DEVICE, "registration_ids": PageId.DEVICE,
    "key": PageId.DEVICE, "name": PageId.DEVICE,
    "count": PageId.TELEMETRY, "interval_s": PageId.TELEMETRY, "payload_template": PageId.TELEMETRY,
    "properties": PageId.TELEMETRY, "provisioning_payload": PageId.TELEMETRY, "read_twin": PageId.TELEMETRY,
}


@dataclass
class Draft:
    """What the pages hold, as typed. Converted to a Profile by build_profile()."""

    name: str = ""
    host: str = DEFAULT_HOST
    id_scope: str = ""
    registration_id: str = ""
    group: bool = False
    websockets: bool = False
    proxy_enabled: bool = False
    proxy_host: str = ""
    proxy_port: int = 8080
    proxy_user: str = ""
    trusted_ca: str = ""
    timeout_s: float = DEFAULT_TIMEOUT_S
    count: int = 10
    interval_s: float = 0.0
    payload_template: str = DEFAULT_PAYLOAD_TEMPLATE
    properties: list[tuple[str, str]] = field(default_factory=list)
    provisioning_payload: str = ""
    read_twin: bool = False
    demo: bool = False


def build_profile(d: Draft) -> Profile:
    """The one place where what the person typed becomes a Profile."""
    proxy = None
    if d.proxy_enabled and d.proxy_host.strip():
        proxy = Proxy(host=d.proxy_host.strip(), port=int(d.proxy_port), username=d.proxy_user.strip())
    props = {k.strip(): v for k, v in d.properties if k.strip()}
    return Profile(
        name=d.name, host=d.host, id_scope=d.id_scope, registration_id=d.registration_id,
        enrollment=Enrollment.GROUP if d.group else Enrollment.INDIVIDUAL, websockets=d.websockets, proxy=proxy,
        trusted_ca=d.trusted_ca.strip() or None, timeout_s=float(d.timeout_s), count=int(d.count),
        interval_s=float(d.interval_s), payload_template=d.payload_template, properties=props,
        provisioning_payload=d.provisioning_payload if d.provisioning_payload.strip() else None,
        read_twin=d.read_twin, demo=d.demo,
    ).normalised()


def draft_from_profile(p: Profile) -> Draft:
    return Draft(
        name=p.name, host=p.host, id_scope=p.id_scope, registration_id=p.registration_id, group=p.is_group,
        websockets=p.websockets, proxy_enabled=p.proxy is not None, proxy_host=p.proxy.host if p.proxy else "",
        proxy_port=p.proxy.port if p.proxy else 8080, proxy_user=p.proxy.username if p.proxy else "",
        trusted_ca=p.trusted_ca or "", timeout_s=p.timeout_s, count=p.count, interval_s=p.interval_s,
        payload_template=p.payload_template, properties=list(p.properties.items()),
        provisioning_payload=p.provisioning_payload or "", read_twin=p.read_twin, demo=p.demo,
    )


def device_key(typed_key: str, group: bool, registration_id: str) -> str | None:
    """The key the device signs with: the typed key, or for a group the key derived for this registration ID."""
    if keys.key_problem(typed_key) is not None:
        return None
    key = keys.normalise_key(typed_key)
    if group:
        reg = registration_id.strip()
        return keys.derive_device_key(key, reg) if reg else None
    return key


def pem_problem(path: str) -> Text | None:
    """Why a trusted-CA file cannot be used (a sentence about %1, the field), or None when it holds PEM certificates."""
    if not path.strip():
        return None
    try:
        with open(path.strip(), "rb") as fh:
            data = fh.read(2_000_000)
    except OSError as exc:
        return Text(QT_TRANSLATE_NOOP("core", "%1 cannot be read: %2."), (exc.strerror or str(exc),))
    if b"-----BEGIN CERTIFICATE-----" not in data:
        return Text(QT_TRANSLATE_NOOP("core", "%1 is not a PEM file with certificates (expected -----BEGIN "
                                              "CERTIFICATE-----)."))
    try:
        from cryptography import x509

        certs = x509.load_pem_x509_certificates(data)
    except (ValueError, ImportError):
        return Text(QT_TRANSLATE_NOOP("core", "%1 contains a certificate block that does not parse."))
    return None if certs else Text(QT_TRANSLATE_NOOP("core", "%1 contains no certificates."))
