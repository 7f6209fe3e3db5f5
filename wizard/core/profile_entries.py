"""The profiles file's entries: a saved profile with its history, read from untrusted JSON and checked.

A wrong type in a hand-edited or imported file is refused here, with the reason, rather than crashing a page
later; a value that is a registered secret is spotted so that it never reaches the file.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from wizard.core import redact
from wizard.core.i18n import QT_TRANSLATE_NOOP, Text
from wizard.core.profile import Profile, check_profile_name


def _t(source: str, *args: object) -> Text:
    return Text(source, args)


class InvalidProfile(ValueError):
    """Why a profile from a file cannot be used: str() English, `text` translatable."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.render())
        self.text = text


@dataclass(frozen=True)
class StoredProfile:
    profile: Profile
    last_result: dict[str, Any] | None = None
    last_run_at: str | None = None
    created_at: str | None = None
    updated_at: str | None = None

    @property
    def name(self) -> str:
        return self.profile.name


def profile_from_json(data: Any) -> Profile:
    """A Profile from untrusted JSON, or ValueError saying what is wrong (used by load and import)."""
    if not isinstance(data, dict):
        raise InvalidProfile(_t(QT_TRANSLATE_NOOP("core", "it is not a JSON object")))
    try:
        profile = Profile.from_json(data)
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise InvalidProfile(_t(QT_TRANSLATE_NOOP("core", "it has an unexpected field value (%1)"),
                                type(exc).__name__)) from None
    for f in fields(Profile):  # from_json does not check types; a wrong one would crash a page later
        if not _type_ok(f.name, f.default, getattr(profile, f.name)):
            raise InvalidProfile(_t(QT_TRANSLATE_NOOP("core", "its field '%1' has the wrong type"), f.name))
    issue = check_profile_name(profile.name) if isinstance(profile.name, str) else True
    if issue:
        raise InvalidProfile(_t(QT_TRANSLATE_NOOP("core", "it has no valid profile name")))
    return replace(profile, name=profile.name.strip())


def _type_ok(name: str, default: Any, value: Any) -> bool:
    def number(v: Any, kind: type | tuple[type, ...]) -> bool:
        return isinstance(v, kind) and not isinstance(v, bool)

    if name == "proxy":
        return value is None or (isinstance(value.host, str) and number(value.port, int)
                                 and isinstance(value.username, str) and isinstance(value.kind, str))
    if default is None:  # the optional text fields
        return value is None or isinstance(value, str)
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        return number(value, (int, float))
    if isinstance(default, (int, str)):
        return number(value, type(default))
    return True  # enrollment and properties are converted by from_json itself


def stored_from_entry(entry: dict[str, Any]) -> StoredProfile:
    def text(k: str) -> str | None:
        return entry.get(k) if isinstance(entry.get(k), str) else None

    result = entry.get("lastResult")
    return StoredProfile(profile_from_json(entry.get("profile")),
                         result if isinstance(result, dict) else None,
                         text("lastRunAt"), text("createdAt"), text("updatedAt"))


def entry_of(sp: StoredProfile) -> dict[str, Any]:
    return {"profile": sp.profile.to_json(), "lastResult": sp.last_result, "lastRunAt": sp.last_run_at,
            "createdAt": sp.created_at, "updatedAt": sp.updated_at}


def holds_secret(value: Any) -> bool:
    if isinstance(value, str):  # redact() turns a string that IS a registered secret into exactly the mask
        return len(value) >= 8 and value != redact.MASK and redact.redact(value) == redact.MASK
    if isinstance(value, dict):
        return any(holds_secret(k) or holds_secret(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(holds_secret(v) for v in value)
    return False
