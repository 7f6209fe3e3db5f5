"""ProfileStore: saved profiles as one JSON file in the user's config folder.

Every change is lock -> re-read -> apply one change -> atomic write -> unlock, so two app windows that
save different profiles at once both survive, and a crash mid-write never leaves a half-written file.
A damaged file is set aside (never overwritten or deleted); a file from a newer app is read but not
changed. Keys never live here (see secrets.py); save() refuses a profile holding a registered secret.
The lock and the atomic write are wizard.core.atomicfile's; reading and checking one entry is
wizard.core.profile_entries'.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wizard.core.atomicfile import file_lock
from wizard.core.atomicfile import write_atomically as _write_atomically  # a module name tests replace
from wizard.core.i18n import PLURAL, QT_TRANSLATE_NOOP, Text, Translate, plural
from wizard.core.profile import SCHEMA_VERSION, Profile, check_profile_name
from wizard.core.profile_entries import (
    InvalidProfile,
    StoredProfile,
    entry_of,
    holds_secret,
    profile_from_json,
    stored_from_entry,
)

FILE_NAME = "profiles.json"
CONFIG_DIR_ENV = "DPS_WIZARD_CONFIG_DIR"
LOCK_TIMEOUT_S = 10.0
_MAX_SUMMARY_BYTES = 4096
_NEWER = QT_TRANSLATE_NOOP("core", "The saved profiles were written by a newer version of DPS Wizard; this version "
                                   "will not change them. Update DPS Wizard to edit profiles.")
_NO_SUCH = QT_TRANSLATE_NOOP("core", "There is no saved profile called '%1'.")
_SUFFIX = re.compile(r"^(.*?) \((\d+)\)$")


def _t(source: str, *args: object) -> Text:
    return Text(source, args)


class ProfileStoreError(Exception):
    """A plain-language reason why the profiles could not be changed; `field` names the culprit if any.

    str() is English (logs, --json); `render(translate)` is the sentence in the person's language."""

    def __init__(self, message: str | Text, field: str | None = None) -> None:
        self.text = message if isinstance(message, Text) else None
        super().__init__(message.render() if isinstance(message, Text) else message)
        self.field = field

    def render(self, translate: Translate | None = None) -> str:
        if self.text is not None:
            return self.text.render(translate)
        return translate(str(self)) if translate else str(self)


def default_config_dir() -> Path:
    env = os.environ.get(CONFIG_DIR_ENV)
    if env:
        return Path(env)
    import platformdirs  # imported late: start-up speed

    return Path(platformdirs.user_config_dir("dps-wizard", appauthor=False))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _key(name: str) -> str:
    # Names are unique ignoring case: the Windows vault's TargetName (our keyring service) ignores case.
    return name.strip().casefold()


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """The profiles file's lock; ProfileStoreError when another window holds it past LOCK_TIMEOUT_S."""
    with file_lock(path, LOCK_TIMEOUT_S, lambda: ProfileStoreError(_t(QT_TRANSLATE_NOOP(
            "core", "Another DPS Wizard window kept the profiles file busy (%1); try again."), path))):
        yield


class ProfileStore:
    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_config_dir()
        self.path = self.folder / FILE_NAME
        self.last_problem: str | None = None  # a sentence for a banner (GUI) or stderr (CLI), English
        self.last_problem_text: Text | None = None  # the same, to show translated
        self.last_import_problems: list[str] = []  # English; last_import_texts to show translated
        self.last_import_texts: list[Text] = []
        self.read_only = False  # True when the file comes from a newer app version
        self._entries: list[dict[str, Any]] = []  # raw entries: unreadable ones are kept verbatim
        self._settings: dict[str, Any] = {}
        self._extra: dict[str, Any] = {}  # unknown top-level keys, kept on write
        self._loaded = False

    # ---- reading ------------------------------------------------------------------------------------
    def load(self) -> list[StoredProfile]:
        """Read the file (picking up other windows' changes); sets last_problem if it was damaged."""
        self._problem(None)
        if self.path.exists():
            try:
                with self._locked():
                    self._read()
            except OSError as exc:
                raise ProfileStoreError(_t(QT_TRANSLATE_NOOP("core", "Could not read the profiles file %1: %2."),
                                           self.path, exc.strerror or exc)) from None
        else:
            self.read_only = False
            self._apply_doc({})
        return self.list()

    def list(self) -> list[StoredProfile]:
        if not self._loaded:
            return self.load()
        items = self._readable()
        items.sort(key=lambda s: _key(s.name))
        items.sort(key=lambda s: s.last_run_at or "", reverse=True)  # stable: most recent run first
        return items

    def get(self, name: str) -> StoredProfile | None:
        if not self._loaded:
            self.load()
        exact = [s for s in self._readable() if s.name == name.strip()]
        return (exact or [s for s in self._readable() if _key(s.name) == _key(name)] or [None])[0]

    def unique_name(self, base: str) -> str:
        """`base` if free, else "base (2)", "base (3)", ... (never longer than a name may be)."""
        if not self._loaded:
            self.load()
        base = base.strip() or "Profile"
        m = _SUFFIX.match(base)
        stem = m.group(1) if m else base
        taken = {_key(s.name) for s in self._readable()}
        if _key(base) not in taken:
            return base
        n = 2
        while True:
            candidate = f"{stem[: 80 - len(f' ({n})')]} ({n})"
            if _key(candidate) not in taken:
                return candidate
            n += 1

    @property
    def settings(self) -> dict[str, Any]:
        if not self._loaded:
            self.load()
        return dict(self._settings)

    def get_setting(self, key: str, default: Any = None) -> Any:
        return self.settings.get(key, default)

    # ---- changing -----------------------------------------------------------------------------------
    def save(self, profile: Profile, *, previous_name: str | None = None) -> StoredProfile:
        """Add a profile, or replace the one called `previous_name` (renaming it if the name changed).

        Without previous_name, a profile whose name is already taken is refused (field "name").
        """
        issue = check_profile_name(profile.name)
        if issue:
            raise ProfileStoreError(issue.text or issue.message, "name")
        profile = replace(profile, name=profile.name.strip())
        self._refuse_secrets(profile.to_json())

        def change() -> StoredProfile:
            old = self._find(previous_name) if previous_name is not None else None
            clash = self._find(profile.name)
            if clash is not None and clash is not old:
                raise ProfileStoreError(_t(QT_TRANSLATE_NOOP("core", "Profile name '%1' is already used by another "
                                                             "profile; choose another name."), profile.name), "name")
            now = _now()
            if old is None:
                sp = StoredProfile(profile, created_at=now, updated_at=now)
                self._entries.append(entry_of(sp))
            else:
                sp = replace(stored_from_entry(old), profile=profile, updated_at=now)
                old.update(entry_of(sp))
            return sp

        return self._mutate(change)

    def delete(self, name: str) -> bool:
        """Remove a profile; False when there was none (another window may have deleted it already)."""
        def change() -> bool:
            entry = self._find(name)
            if entry is not None:
                self._entries.remove(entry)
            return entry is not None

        return self._mutate(change)

    def duplicate(self, name: str, new_name: str | None = None) -> StoredProfile:
        """A copy without run history; the key is not copied (see SecretStore)."""
        source = self.get(name)
        if source is None:
            raise ProfileStoreError(_t(_NO_SUCH, name), "name")
        return self.save(replace(source.profile, name=new_name or self.unique_name(source.name)))

    def record_result(self, name: str, outcome: str, summary: dict[str, Any]) -> StoredProfile:
        """Remember how the last run went: a small summary (device id, hub, counts), never a secret."""
        try:
            size = len(json.dumps({**summary, "outcome": outcome}))
        except (TypeError, ValueError):
            raise ProfileStoreError(_t(QT_TRANSLATE_NOOP("core", "The run summary is not plain data and was not "
                                                                 "saved."))) from None
        if size > _MAX_SUMMARY_BYTES:
            raise ProfileStoreError(_t(QT_TRANSLATE_NOOP("core", "The run summary is too large to keep with the "
                                                                 "profile.")))
        self._refuse_secrets(summary)

        def change() -> StoredProfile:
            entry = self._find(name)
            if entry is None:
                raise ProfileStoreError(_t(_NO_SUCH, name), "name")
            now = _now()
            result = {**summary, "outcome": outcome, "at": now}
            sp = replace(stored_from_entry(entry), last_result=result, last_run_at=now)
            entry.update(entry_of(sp))
            return sp

        return self._mutate(change)

    def set_setting(self, key: str, value: Any) -> None:
        """A small UI setting (window geometry as base64 text, last profile name, language)."""
        try:
            json.dumps(value)
        except (TypeError, ValueError):
            raise ProfileStoreError(_t(QT_TRANSLATE_NOOP("core", "The setting '%1' is not plain data."), key)) from None

        def change() -> None:
            self._settings[key] = value

        self._mutate(change)

    # ---- export / import ----------------------------------------------------------------------------
    def export(self, names: list[str] | None, path: str | os.PathLike[str]) -> int:
        """Write the named profiles (all when None) to `path`; no keys, no run history. Returns the count."""
        chosen = self.list() if names is None else [self.get(n) for n in names]
        missing = [n for n, s in zip(names or [], chosen, strict=False) if s is None]
        if missing:
            raise ProfileStoreError(_t(_NO_SUCH, missing[0]), "name")
        doc = {"schemaVersion": SCHEMA_VERSION, "exportedAt": _now(),
               "profiles": [{"profile": s.profile.to_json()} for s in chosen if s is not None]}
        try:
            _write_atomically(Path(path), json.dumps(doc, indent=2, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            raise ProfileStoreError(_t(QT_TRANSLATE_NOOP("core", "Could not write %1: %2."), path,
                                       exc.strerror or exc)) from None
        return len(doc["profiles"])

    def import_file(self, path: str | os.PathLike[str]) -> list[str]:
        """Add every good profile from an export (or a profiles.json); returns the names they got.

        Bad entries are skipped and described in `last_import_problems`; a name that is taken gets
        " (2)" etc. Any key-like field in the file is ignored: imported profiles never carry a secret.
        """
        self.last_import_problems, self.last_import_texts = [], []
        if not self._loaded:
            self.load()
        if self.read_only:
            raise ProfileStoreError(_t(_NEWER))
        try:
            doc = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            detail = (exc.strerror if isinstance(exc, OSError)
                      else _t(QT_TRANSLATE_NOOP("core", "it is not a valid JSON file")))
            raise ProfileStoreError(_t(QT_TRANSLATE_NOOP("core", "Could not read %1: %2."), path, detail)) from None
        raw = doc.get("profiles") if isinstance(doc, dict) else doc
        if not isinstance(raw, list):
            raise ProfileStoreError(_t(QT_TRANSLATE_NOOP("core", "%1 does not contain a list of profiles."), path))
        imported: list[str] = []
        for i, item in enumerate(raw, 1):
            data = item.get("profile", item) if isinstance(item, dict) else item
            try:
                profile = profile_from_json(data)
                profile = replace(profile, name=self.unique_name(profile.name))
                self.save(profile)
            except (ValueError, ProfileStoreError) as exc:
                why = exc.text if isinstance(exc, InvalidProfile | ProfileStoreError) and exc.text else str(exc)
                text = _t(QT_TRANSLATE_NOOP("core", "Entry %1 was not imported: %2"), i, why)
                self.last_import_problems.append(text.render())
                self.last_import_texts.append(text)
                continue
            imported.append(profile.name)
        return imported

    # ---- internals ----------------------------------------------------------------------------------
    def _locked(self) -> contextlib.AbstractContextManager[None]:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return _file_lock(self.folder / (FILE_NAME + ".lock"))

    def _readable(self) -> list[StoredProfile]:
        out = []
        for e in self._entries:
            with contextlib.suppress(ValueError):
                out.append(stored_from_entry(e))
        return out

    def _find(self, name: str) -> dict[str, Any] | None:
        """The raw entry of a readable profile called `name` (exact spelling first, then ignoring case)."""
        named = []
        for e in self._entries:
            with contextlib.suppress(ValueError):
                named.append((stored_from_entry(e).name, e))
        exact = [e for n, e in named if n == name.strip()]
        return (exact or [e for n, e in named if _key(n) == _key(name)] or [None])[0]

    def _refuse_secrets(self, data: Any) -> None:
        if holds_secret(data):  # defence in depth: a key pasted into the wrong field must not reach disk
            raise ProfileStoreError(_t(QT_TRANSLATE_NOOP("core", "This profile holds a key in one of its fields; keys "
                                                         "belong in the keyring, never in the profiles file. Remove "
                                                         "it and save again.")))

    def _read(self) -> bool:
        """Parse the file into memory (call with the lock held). True when it was damaged and set aside."""
        self.read_only = False
        try:
            blob = self.path.read_bytes()
        except FileNotFoundError:
            self._apply_doc({})
            return False
        try:
            doc = json.loads(blob.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            doc = None
        version = doc.get("schemaVersion") if isinstance(doc, dict) else None
        newer = isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION
        if newer:  # read what we can; never rewrite a newer app's file
            self.read_only = True
            self._problem(_t(QT_TRANSLATE_NOOP("core", "The saved profiles were written by a newer version of DPS "
                                                       "Wizard (format %1). This version can show them but will not "
                                                       "change them."), version))
            self._apply_doc(doc)
            return False
        if not (isinstance(doc, dict) and version == SCHEMA_VERSION
                and isinstance(doc.get("profiles", []), list) and isinstance(doc.get("settings", {}), dict)):
            self._set_aside()
            self._apply_doc({})
            return True
        self._apply_doc(doc)
        bad = len(self._entries) - len(self._readable())
        if bad:
            self._problem(plural(PLURAL.translate("core", "%n saved profile(s) could not be read; they were left in "
                                                          "%1 untouched.", None, 1), bad, self.path))
        return False

    def _problem(self, text: Text | None) -> None:
        self.last_problem_text = text
        self.last_problem = text.render() if text is not None else None

    def _apply_doc(self, doc: dict[str, Any]) -> None:
        profiles, settings = doc.get("profiles"), doc.get("settings")
        self._entries = [e for e in profiles if isinstance(e, dict)] if isinstance(profiles, list) else []
        self._settings = dict(settings) if isinstance(settings, dict) else {}
        self._extra = {k: v for k, v in doc.items() if k not in ("schemaVersion", "profiles", "settings")}
        self._loaded = True

    def _set_aside(self) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target, n = self.path.with_name(f"{FILE_NAME}.corrupt-{stamp}"), 1
        while target.exists():  # never overwrite an earlier side file
            n += 1
            target = self.path.with_name(f"{FILE_NAME}.corrupt-{stamp}-{n}")
        os.replace(self.path, target)
        self._problem(_t(QT_TRANSLATE_NOOP("core", "The saved profiles file was damaged; it was set aside as %1 and a "
                                                   "new one started."), target))

    def _mutate(self, change: Callable[[], Any]) -> Any:
        try:
            return self._mutate_locked(change)
        except OSError as exc:
            self._loaded = False  # the cache may be ahead of the disk now: re-read next time
            raise ProfileStoreError(_t(QT_TRANSLATE_NOOP("core", "Could not save the profiles file %1: %2. Check "
                                                         "that the folder is writable."), self.path,
                                       exc.strerror or exc)) from None

    def _mutate_locked(self, change: Callable[[], Any]) -> Any:
        with self._locked():
            keep = (self._entries, self._settings, self._extra)
            if self._read():
                # It was damaged since we last looked: start again from what this window last saw.
                self._entries, self._settings, self._extra = keep
            if self.read_only:
                raise ProfileStoreError(_t(_NEWER))
            for stale in self.folder.glob(f".{FILE_NAME}.*.tmp"):  # debris of a writer killed mid-write
                with contextlib.suppress(OSError):
                    stale.unlink()
            result = change()
            doc = {"schemaVersion": SCHEMA_VERSION, **self._extra, "profiles": self._entries,
                   "settings": self._settings}
            # mkstemp makes the file 0600 on POSIX, so the replaced file is private from its first byte.
            _write_atomically(self.path, json.dumps(doc, indent=2, ensure_ascii=False).encode("utf-8"))
        return result
