"""The connectivity check's results: the target, one result per check, the report, the certificate facts.

Plain data with their JSON forms (`dps-wizard check --json`); the sentences are Texts, rendered in English for
the fields and translated where they are shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from wizard.core.i18n import Text, Translate
from wizard.core.profile import Profile, Proxy

PORTS = (8883, 443)
AZURE_ROOT_CNS = ("DigiCert Global Root G2", "Baltimore CyberTrust Root",
                  "Microsoft RSA Root Certificate Authority 2017")
AZURE_SUFFIXES = (".azure-devices-provisioning.net", ".azure-devices.net", ".azure-devices-provisioning.cn",
                  ".azure-devices.cn", ".azure-devices-provisioning.us", ".azure-devices.us")


def _t(source: str, *args: Any) -> Text:
    return Text(source, args)


class Status(StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAILED = "failed"
    SKIPPED = "skipped"


_RANK = {Status.SKIPPED: 0, Status.OK: 1, Status.WARNING: 2, Status.FAILED: 3}


@dataclass(frozen=True)
class CertInfo:
    subject: str
    issuer: str
    not_before: dt.datetime
    not_after: dt.datetime

    def to_json(self) -> dict[str, Any]:
        return {"subject": self.subject, "issuer": self.issuer, "notBefore": self.not_before.isoformat(),
                "notAfter": self.not_after.isoformat()}


@dataclass(frozen=True)
class CheckResult:
    id: str  # dns, tcp-8883, tcp-443, proxy-8883, proxy-443, tls-8883, tls-443, clock
    title: str
    status: Status
    summary: str
    meaning: str = ""  # for warnings and failures: what it means
    hint: str = ""  # ... and what to try
    duration_s: float = 0.0
    chain: tuple[CertInfo, ...] = ()
    # title, summary, meaning and hint as translatable sentences (CheckResult.of); the English is in the fields.
    texts: tuple[Text, Text, Text | None, Text | None] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, check_id: str, title: Text, status: Status, summary: Text, meaning: Text | None = None,
           hint: Text | None = None, duration_s: float = 0.0, chain: tuple[CertInfo, ...] = ()) -> CheckResult:
        return cls(check_id, title.render(), status, summary.render(), meaning.render() if meaning else "",
                   hint.render() if hint else "", duration_s, chain, texts=(title, summary, meaning, hint))

    def rendered(self, translate: Translate | None = None) -> tuple[str, str, str, str]:
        """(title, summary, meaning, hint) for a person, translated by `translate` when given."""
        if self.texts is not None:
            title, summary, meaning, hint = (t.render(translate) if t is not None else "" for t in self.texts)
            return title, summary, meaning, hint
        plain = (self.title, self.summary, self.meaning, self.hint)
        if translate is None:
            return plain
        title, summary, meaning, hint = (translate(x) if x else "" for x in plain)
        return title, summary, meaning, hint

    def softened(self, meaning: Text) -> CheckResult:
        """This failure as a warning that means `meaning` (a blocked path that another one replaces)."""
        title, summary = self.texts[:2] if self.texts is not None else (Text(self.title), Text(self.summary))
        return CheckResult.of(self.id, title, Status.WARNING, summary, meaning, None, self.duration_s, self.chain)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "status": self.status.value, "summary": self.summary,
                "meaning": self.meaning or None, "hint": self.hint or None,
                "durationMs": round(self.duration_s * 1000, 1), "chain": [c.to_json() for c in self.chain]}


@dataclass(frozen=True)
class CheckTarget:
    host: str
    trusted_ca: str | None = None  # path of a PEM file, as in the Profile
    websockets: bool = False
    proxy: Proxy | None = None

    @classmethod
    def from_profile(cls, profile: Profile) -> CheckTarget:
        p = profile.normalised()
        return cls(p.host, p.trusted_ca, p.websockets, p.proxy)

    @property
    def is_azure(self) -> bool:
        return self.host.lower().endswith(AZURE_SUFFIXES)


@dataclass
class CheckReport:
    target: CheckTarget
    results: list[CheckResult] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)  # English (for --json); advice_texts to show translated
    duration_s: float = 0.0
    advice_texts: list[Text] = field(default_factory=list)

    @property
    def status(self) -> Status:
        worst = max((r.status for r in self.results), key=_RANK.__getitem__, default=Status.SKIPPED)
        return Status.OK if worst is Status.SKIPPED else worst

    def get(self, check_id: str) -> CheckResult | None:
        return next((r for r in self.results if r.id == check_id), None)

    def to_json(self) -> dict[str, Any]:
        t = self.target
        return {"host": t.host, "websockets": t.websockets, "trustedCa": t.trusted_ca,
                "proxy": f"{t.proxy.host}:{t.proxy.port}" if t.proxy else None, "status": self.status.value,
                "durationSeconds": round(self.duration_s, 3), "checks": [r.to_json() for r in self.results],
                "advice": self.advice}


def cn(name: str) -> str:
    """The common name of an RFC 4514 name (the whole name when it has none)."""
    for part in name.split(","):
        if part.startswith("CN="):
            return part[3:]
    return name


def azure_rooted(chain: tuple[CertInfo, ...]) -> bool:
    """Whether the chain names one of the roots Azure uses (else a TLS-inspecting proxy is likely)."""
    names = {cn(c.issuer) for c in chain} | {cn(c.subject) for c in chain}
    return any(root in names for root in AZURE_ROOT_CNS)

