"""SecretStore against the real default keyring: gnome-keyring's Secret Service in a throw-away D-Bus session.

tests/run-all.sh runs pytest inside `dbus-run-session` with an unlocked gnome-keyring; run these that way.
"""

import os
import secrets

import pytest

from wizard.core.secrets import KINDS, SecretStore, service_name

pytestmark = pytest.mark.secretservice


@pytest.fixture
def store():
    import keyring

    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        pytest.fail("DBUS_SESSION_BUS_ADDRESS is not set: run these tests through tests/run-all.sh, which "
                    "starts a D-Bus session with an unlocked gnome-keyring.")
    backend = keyring.get_keyring()
    kind = f"{type(backend).__module__}.{type(backend).__name__}"
    assert kind == "keyring.backends.SecretService.Keyring", (
        f"expected the Secret Service backend as keyring's default, got {kind}; is gnome-keyring-daemon "
        "running and unlocked in this D-Bus session?")
    s = SecretStore()
    assert s.usable, s.why_unusable
    assert s.backend_name == "Secret Service (GNOME Keyring / KWallet)"
    return s


def test_set_get_delete_through_the_real_keyring(store):
    name = f"it-{secrets.token_hex(4)}"
    key = secrets.token_urlsafe(32)
    try:
        store.set(name, "device-key", key)
        assert store.get(name, "device-key") == key
        store.delete(name, "device-key")
        assert store.get(name, "device-key") is None
        store.delete(name, "device-key")  # absent: fine
    finally:
        store.delete_all(name)


def test_delete_all_and_rename_leave_nothing_behind(store):
    import keyring

    old, new = f"it-{secrets.token_hex(4)}", f"it-{secrets.token_hex(4)}"
    values = {kind: secrets.token_urlsafe(24) for kind in KINDS}
    try:
        for kind, value in values.items():
            store.set(old, kind, value)
        store.rename(old, new)
        assert {k: store.get(new, k) for k in KINDS} == values
        store.delete_all(new)
        backend = keyring.get_keyring()
        for name in (old, new):
            for kind in KINDS:
                assert backend.get_password(service_name(name, kind), kind) is None
    finally:
        store.delete_all(old)
        store.delete_all(new)


def test_self_test(store):
    store.self_test()
