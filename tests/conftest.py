"""Shared fixtures. Keep each one small; other areas add theirs below."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """An in-memory keyring for tests, a few lines as keyring's own docs suggest."""

    @properties.classproperty
    def priority(cls) -> float:
        # Raising makes keyring treat it as not viable, so defining it here never changes which backend
        # keyring picks on its own (the Secret Service tests need the real default).
        raise RuntimeError("test-only in-memory keyring; install it explicitly")

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.items[(service, username)]
        except KeyError:
            raise PasswordDeleteError("Password not found") from None


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """A fresh in-memory keyring, also installed as keyring's default for the test (restored afterwards)."""
    backend = MemoryKeyring()
    # Set the private slot rather than keyring.set_keyring() so the previous (maybe not yet detected)
    # default comes back untouched, and detection is not triggered just to remember it.
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    yield backend


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty config folder that ProfileStore() (and the app) use instead of the user's real one."""
    folder = tmp_path / "config"
    monkeypatch.setenv("DPS_WIZARD_CONFIG_DIR", str(folder))
    return folder


def pytest_sessionfinish(session, exitstatus):
    """The SDK leaves 30 s timer threads behind after a cancelled or timed-out registration (reference §12);
    the app ends its process instead of waiting, and so does the test session."""
    import threading

    for thread in threading.enumerate():
        if isinstance(thread, threading.Timer):
            thread.cancel()
