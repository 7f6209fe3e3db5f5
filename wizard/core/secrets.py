"""SecretStore: keys and passwords in the operating system's keyring, never anywhere else.

One keyring service per profile and kind of secret, because the Windows vault keys a credential by its
service (TargetName, case-insensitive) and moves a second username under the same service aside. Errors
say what happened and what to do, and never contain the secret. keyring is imported lazily: it scans its
plugins on first use, which costs start-up time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from wizard.core import redact
from wizard.core.i18n import QT_TRANSLATE_NOOP, Text, Translate

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

T = TypeVar("T")

SERVICE_PREFIX = "dps-wizard"
DEVICE_KEY = "device-key"
GROUP_KEY = "group-key"
PROXY_PASSWORD = "proxy-password"
KINDS = (DEVICE_KEY, GROUP_KEY, PROXY_PASSWORD)
_WHAT = {DEVICE_KEY: QT_TRANSLATE_NOOP("core", "device key"), GROUP_KEY: QT_TRANSLATE_NOOP("core", "group key"),
         PROXY_PASSWORD: QT_TRANSLATE_NOOP("core", "proxy password")}
# "Could not <verb> the <what> of profile '<name>'[ in <keyring>]. <why>", one whole sentence per verb.
_COULD_NOT = {
    "save": (QT_TRANSLATE_NOOP("core", "Could not save the %1 of profile '%2'. %3"),
             QT_TRANSLATE_NOOP("core", "Could not save the %1 of profile '%2' in %3. %4")),
    "read": (QT_TRANSLATE_NOOP("core", "Could not read the %1 of profile '%2'. %3"),
             QT_TRANSLATE_NOOP("core", "Could not read the %1 of profile '%2' in %3. %4")),
    "delete": (QT_TRANSLATE_NOOP("core", "Could not delete the %1 of profile '%2'. %3"),
               QT_TRANSLATE_NOOP("core", "Could not delete the %1 of profile '%2' in %3. %4")),
}

_NAMES = {  # (module, class) -> what a person calls it
    ("keyring.backends.Windows", "WinVaultKeyring"): "Windows Credential Manager",
    ("keyring.backends.macOS", "Keyring"): "macOS Keychain",
    ("keyring.backends.SecretService", "Keyring"): "Secret Service (GNOME Keyring / KWallet)",
    ("keyring.backends.libsecret", "Keyring"): "Secret Service (libsecret)",
    ("keyring.backends.kwallet", "DBusKeyring"): "KWallet",
    ("keyring.backends.kwallet", "DBusKeyringKWallet4"): "KWallet",
}


class SecretStoreError(Exception):
    """What went wrong with the keyring and what to do about it; the text never holds a secret.

    str() is English (logs, --json); `render(translate)` is the sentence in the person's language."""

    def __init__(self, message: str | Text, detail: str | None = None) -> None:
        self.text = message if isinstance(message, Text) else None
        super().__init__(message.render() if isinstance(message, Text) else message)
        self.detail = detail  # the backend's own words, redacted, for a "details" expander

    def render(self, translate: Translate | None = None) -> str:
        if self.text is not None:
            return self.text.render(translate)
        return translate(str(self)) if translate else str(self)


def service_name(profile_name: str, kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown secret kind {kind!r}; expected one of {', '.join(KINDS)}")
    return f"{SERVICE_PREFIX}:{profile_name.strip()}:{kind}"


def _module_class(backend: object) -> tuple[str, str]:
    cls = type(backend)
    return cls.__module__, cls.__name__


def display_name(backend: object) -> str:
    module, name = _module_class(backend)
    if (module, name) in _NAMES:
        return _NAMES[(module, name)]
    if module == "keyring.backends.fail":
        return "no keyring (keyring's fail backend)"
    if module == "keyring.backends.null":
        return "no keyring (keyring's null backend)"
    return name


def unusable_reason(backend: object) -> str | None:
    """Why this backend must not hold keys (English), or None when it is a real, encrypted keyring."""
    reason = unusable_text(backend)
    return reason.render() if reason is not None else None


def unusable_text(backend: object) -> Text | None:
    """Why this backend must not hold keys, translatable; None when it is a real, encrypted keyring."""
    module, name = _module_class(backend)
    if module == "keyring.backends.fail":
        return Text(QT_TRANSLATE_NOOP("core", "No secure keyring was found on this computer, so keys cannot be saved. "
                                              "On Linux, install and unlock GNOME Keyring or KWallet; on Windows, "
                                              "reinstall DPS Wizard. You can still run a profile by entering the key "
                                              "each time."))
    if module == "keyring.backends.null":
        return Text(QT_TRANSLATE_NOOP("core", "The keyring is switched off (PYTHON_KEYRING_BACKEND selects keyring's "
                                              "null backend), so keys would not be kept. Unset it to save keys; you "
                                              "can still enter the key each time."))
    if module.startswith("keyrings.alt") or "Plaintext" in name or "Unencrypted" in name:
        return Text(QT_TRANSLATE_NOOP("core", "The keyring backend '%1' keeps secrets unencrypted in a file, so DPS "
                                              "Wizard will not use it. Uninstall keyrings.alt or choose an encrypted "
                                              "backend; you can still enter the key each time."), (name,))
    if module == "keyring.backends.chainer":
        return Text(QT_TRANSLATE_NOOP("core", "No secure keyring was found among the available backends; you can "
                                              "still enter the key each time."))
    return None


def _resolve(backend: KeyringBackend) -> KeyringBackend:
    """Unwrap keyring's chainer: it silently falls through to a plaintext backend when the first fails."""
    module, _ = _module_class(backend)
    if module == "keyring.backends.chainer":
        secure = [b for b in backend.backends if unusable_reason(b) is None]  # type: ignore[attr-defined]
        return secure[0] if secure else backend
    return backend


class SecretStore:
    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._given = backend
        self._backend: KeyringBackend | None = None

    @property
    def backend(self) -> KeyringBackend:
        if self._backend is None:
            if self._given is None:
                import keyring  # lazily: see the module docstring

                self._given = keyring.get_keyring()
            self._backend = _resolve(self._given)
        return self._backend

    @property
    def backend_name(self) -> str:
        return display_name(self.backend)

    @property
    def why_unusable(self) -> str | None:
        """Why the keyring must not hold keys (English), or None."""
        return unusable_reason(self.backend)

    @property
    def why_unusable_text(self) -> Text | None:
        """The same, to show translated (render it at the edge)."""
        return unusable_text(self.backend)

    @property
    def usable(self) -> bool:
        return self.why_unusable is None

    # ---- operations ---------------------------------------------------------------------------------
    def set(self, profile_name: str, kind: str, value: str) -> None:
        service = service_name(profile_name, kind)
        if not value:
            raise SecretStoreError(Text(QT_TRANSLATE_NOOP("core", "There is no %1 to save."), (Text(_WHAT[kind]),)))
        redact.register_secret(value)  # before the call, so even the backend's error text is masked
        self._call("save", profile_name, kind, lambda b: b.set_password(service, kind, value), value)

    def get(self, profile_name: str, kind: str) -> str | None:
        service = service_name(profile_name, kind)
        value = self._call("read", profile_name, kind, lambda b: b.get_password(service, kind))
        redact.register_secret(value)
        return value

    def delete(self, profile_name: str, kind: str) -> None:
        """Remove one secret; a secret that is not there is fine."""
        from keyring.errors import PasswordDeleteError

        service = service_name(profile_name, kind)

        def remove(b: KeyringBackend) -> None:
            try:
                b.delete_password(service, kind)
            except PasswordDeleteError:  # every backend raises it for "not found"
                pass

        self._call("delete", profile_name, kind, remove)

    def delete_all(self, profile_name: str) -> None:
        """Remove every kind of secret of a profile; tries all of them before reporting the first error."""
        first: SecretStoreError | None = None
        for kind in KINDS:
            try:
                self.delete(profile_name, kind)
            except SecretStoreError as exc:
                first = first or exc
        if first is not None:
            raise first

    def rename(self, old: str, new: str) -> None:
        """Move a profile's secrets to its new name: copy all, then remove the old ones."""
        if old.strip() == new.strip():
            return
        values = {kind: v for kind in KINDS if (v := self.get(old, kind)) is not None}
        if old.strip().casefold() == new.strip().casefold():
            # Windows: the vault sees one credential for both spellings, so removing the old name after
            # writing the new one would remove the new one too. Remove first, restore on failure.
            self.delete_all(old)
            try:
                for kind, value in values.items():
                    self.set(new, kind, value)
            except SecretStoreError:
                for kind, value in values.items():
                    self.set(old, kind, value)
                raise
            return
        for kind, value in values.items():
            self.set(new, kind, value)
        self.delete_all(old)

    def self_test(self) -> None:
        """Write, read back and remove a throw-away value (diagnostics page); SecretStoreError if not."""
        import secrets

        probe, name = secrets.token_urlsafe(24), "__dps-wizard-self-test__"
        self.set(name, DEVICE_KEY, probe)
        try:
            if self.get(name, DEVICE_KEY) != probe:
                raise SecretStoreError(Text(QT_TRANSLATE_NOOP("core", "%1 did not return what was stored in it."),
                                            (self.backend_name,)))
        finally:
            self.delete(name, DEVICE_KEY)

    # ---- internals ----------------------------------------------------------------------------------
    def _call(self, verb: str, profile_name: str, kind: str, op: Callable[[KeyringBackend], T],
              secret: str | None = None) -> T:
        what, name = Text(_WHAT[kind]), profile_name.strip()
        plain, in_backend = _COULD_NOT[verb]
        reason = self.why_unusable_text
        if reason is not None:
            raise SecretStoreError(Text(plain, (what, name, reason)))
        try:
            return op(self.backend)
        except Exception as exc:  # backends raise anything: dbus, pywin32, RuntimeError, keyring.errors
            detail = redact.redact(f"{type(exc).__name__}: {exc}")
            if secret:  # short secrets (a proxy password) are not registered with the redactor
                detail = detail.replace(secret, redact.MASK)
            message = Text(in_backend, (what, name, self.backend_name, _advice(exc)))
            raise SecretStoreError(message, detail) from None  # no __cause__: its text may hold the secret


def _advice(exc: BaseException) -> Text:
    from keyring import errors

    text = str(exc).lower()
    if isinstance(exc, errors.KeyringLocked) or "locked" in text or "prompt dismissed" in text:
        return Text(QT_TRANSLATE_NOOP("core", "The keyring is locked: unlock it (sign in to the desktop session or "
                                              "open the keyring app) and try again."))
    if isinstance(exc, errors.NoKeyringError):
        return Text(QT_TRANSLATE_NOOP("core", "No keyring is available; you can still run by entering the key each "
                                              "time."))
    if "dbus" in text or isinstance(exc, errors.InitError):
        return Text(QT_TRANSLATE_NOOP("core", "The keyring service could not be reached. Check that GNOME Keyring or "
                                              "KWallet is running in this desktop session, then try again."))
    if "1783" in text or "stub received bad data" in text:
        return Text(QT_TRANSLATE_NOOP("core", "Windows Credential Manager refused the value (it is too long for a "
                                              "credential)."))
    return Text(QT_TRANSLATE_NOOP("core", "The keyring reported an error; try again, and see the details if it "
                                          "persists."))
