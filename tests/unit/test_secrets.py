import keyring.backends.fail
import keyring.backends.null
import keyring.backends.SecretService
import keyring.backends.Windows
import pytest
from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import KeyringLocked, PasswordSetError

from wizard.core import redact
from wizard.core.secrets import (
    DEVICE_KEY,
    GROUP_KEY,
    KINDS,
    PROXY_PASSWORD,
    SecretStore,
    SecretStoreError,
    display_name,
    service_name,
)

KEY = "Jsm0lyGpjaVYVP2g3FnmnmG9dI/9qU24wNoykUmermc="


def test_set_get_delete_round_trip(memory_keyring):
    store = SecretStore(memory_keyring)
    assert store.usable and store.why_unusable is None
    assert store.get("sensor", DEVICE_KEY) is None
    store.set("sensor", DEVICE_KEY, KEY)
    assert store.get("sensor", DEVICE_KEY) == KEY
    store.delete("sensor", DEVICE_KEY)
    assert store.get("sensor", DEVICE_KEY) is None
    store.delete("sensor", DEVICE_KEY)  # already gone: fine


def test_one_service_per_profile_and_kind(memory_keyring):
    # The Windows vault keys credentials by service, so every secret gets its own service.
    store = SecretStore(memory_keyring)
    for kind in KINDS:
        store.set("sensor", kind, f"{kind}-value-1234")
    assert set(memory_keyring.items) == {(f"dps-wizard:sensor:{k}", k) for k in KINDS}
    assert service_name(" sensor ", GROUP_KEY) == "dps-wizard:sensor:group-key"
    with pytest.raises(ValueError):
        service_name("sensor", "api-token")


def test_delete_all_removes_every_kind_and_tolerates_missing(memory_keyring):
    store = SecretStore(memory_keyring)
    store.set("a", DEVICE_KEY, KEY)
    store.set("a", PROXY_PASSWORD, "pw-123456")
    store.set("b", DEVICE_KEY, KEY)
    store.delete_all("a")
    assert all(store.get("a", k) is None for k in KINDS)
    assert store.get("b", DEVICE_KEY) == KEY


def test_rename_moves_secrets(memory_keyring):
    store = SecretStore(memory_keyring)
    store.set("old", DEVICE_KEY, KEY)
    store.set("old", GROUP_KEY, "group-key-value-1")
    store.rename("old", "new")
    assert store.get("new", DEVICE_KEY) == KEY and store.get("new", GROUP_KEY) == "group-key-value-1"
    assert all(store.get("old", k) is None for k in KINDS)


class CaseInsensitiveKeyring(KeyringBackend):
    """Behaves like the Windows vault: a service (TargetName) is matched ignoring case."""

    @properties.classproperty
    def priority(cls):
        # Every backend class is registered with keyring's discovery; raising keeps this one out of it.
        raise RuntimeError("test-only backend")

    def __init__(self):
        super().__init__()
        self.items = {}

    def get_password(self, service, username):
        return self.items.get(service.casefold())

    def set_password(self, service, username, password):
        self.items[service.casefold()] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError

        if self.items.pop(service.casefold(), None) is None:
            raise PasswordDeleteError("not found")


def test_rename_that_only_changes_case_keeps_the_key():
    store = SecretStore(CaseInsensitiveKeyring())
    store.set("sensor", DEVICE_KEY, KEY)
    store.rename("sensor", "Sensor")
    assert store.get("Sensor", DEVICE_KEY) == KEY


def test_secrets_are_registered_for_redaction(memory_keyring):
    store = SecretStore(memory_keyring)
    secret = "a-fresh-secret-value-42"
    store.set("p", DEVICE_KEY, secret)
    assert secret not in redact.redact(f"log line with {secret}")
    other = "stored-elsewhere-secret-99"
    memory_keyring.set_password(service_name("q", DEVICE_KEY), DEVICE_KEY, other)
    assert store.get("q", DEVICE_KEY) == other
    assert other not in redact.redact(f"got {other}")


def test_fail_backend_is_unusable_with_a_reason_and_set_raises():
    store = SecretStore(keyring.backends.fail.Keyring())
    assert not store.usable
    assert "No secure keyring" in store.why_unusable
    with pytest.raises(SecretStoreError, match="No secure keyring"):
        store.set("p", DEVICE_KEY, KEY)
    with pytest.raises(SecretStoreError):
        store.get("p", DEVICE_KEY)


def test_null_backend_is_unusable():
    store = SecretStore(keyring.backends.null.Keyring())
    assert not store.usable and "switched off" in store.why_unusable


def _fake_backend(module: str, name: str) -> KeyringBackend:
    """An instance whose class looks like a third-party backend, without installing it."""
    cls = type(name, (CaseInsensitiveKeyring,), {"__module__": module})
    return cls()


@pytest.mark.parametrize(
    "module, name",
    [("keyrings.alt.file", "PlaintextKeyring"), ("keyrings.alt.file", "EncryptedKeyring"),
     ("somewhere.else", "UnencryptedKeyring")],
)
def test_plaintext_backends_are_refused(module, name):
    store = SecretStore(_fake_backend(module, name))
    assert not store.usable and "unencrypted" in store.why_unusable
    with pytest.raises(SecretStoreError, match="unencrypted"):
        store.set("p", DEVICE_KEY, KEY)


def test_chainer_is_unwrapped_to_the_secure_backend(monkeypatch):
    # keyring's chainer would fall through to a plaintext backend when the first one fails: never use it.
    import keyring.backends.chainer as chainer

    secure, plain = CaseInsensitiveKeyring(), _fake_backend("keyrings.alt.file", "PlaintextKeyring")
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [plain, secure])
    store = SecretStore(chainer.ChainerBackend())
    assert store.backend is secure and store.usable
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [plain])
    assert not SecretStore(chainer.ChainerBackend()).usable


class FailingKeyring(CaseInsensitiveKeyring):
    def __init__(self, exc_type, template):
        super().__init__()
        self.exc_type, self.template = exc_type, template

    def set_password(self, service, username, password):
        raise self.exc_type(self.template.format(password=password))

    get_password = delete_password = lambda self, *a: (_ for _ in ()).throw(self.exc_type("dbus went away"))  # noqa: E731


@pytest.mark.parametrize("secret", [KEY, "pw1"])  # a short secret is not registered with the redactor
def test_backend_error_becomes_secretstoreerror_without_the_secret(secret):
    store = SecretStore(FailingKeyring(PasswordSetError, "could not store {password} in collection"))
    with pytest.raises(SecretStoreError) as info:
        store.set("sensor", PROXY_PASSWORD if len(secret) < 8 else DEVICE_KEY, secret)
    err = info.value
    for text in (str(err), repr(err), err.detail or "", str(err.__cause__ or "")):
        assert secret not in text
    assert "sensor" in str(err) and "try again" in str(err)
    assert err.__cause__ is None and err.__suppress_context__


def test_locked_keyring_says_unlock():
    store = SecretStore(FailingKeyring(KeyringLocked, "Failed to unlock the collection!"))
    with pytest.raises(SecretStoreError, match="locked: unlock it"):
        store.set("sensor", DEVICE_KEY, KEY)


def test_read_error_is_wrapped():
    store = SecretStore(FailingKeyring(RuntimeError, "x"))
    with pytest.raises(SecretStoreError, match="Could not read the device key of profile 'p'"):
        store.get("p", DEVICE_KEY)
    with pytest.raises(SecretStoreError, match="could not be reached"):
        store.delete_all("p")


def test_backend_names():
    assert display_name(keyring.backends.Windows.WinVaultKeyring()) == "Windows Credential Manager"
    secret_service = keyring.backends.SecretService.Keyring()
    assert display_name(secret_service) == "Secret Service (GNOME Keyring / KWallet)"
    assert display_name(_fake_backend("keyring.backends.macOS", "Keyring")) == "macOS Keychain"
    assert display_name(_fake_backend("keyring.backends.kwallet", "DBusKeyring")) == "KWallet"
    assert display_name(CaseInsensitiveKeyring()) == "CaseInsensitiveKeyring"
    assert "fail" in SecretStore(keyring.backends.fail.Keyring()).backend_name


def test_keyring_is_not_touched_until_used():
    store = SecretStore()
    assert store._backend is None  # construction is free: keyring discovery waits for first use


def test_test_backends_never_join_keyring_discovery():
    from keyring.backend import KeyringBackend as Base

    viable = {c.__module__ for c in Base.get_viable_backends()}
    assert __name__ not in viable and "conftest" not in viable


def test_default_backend_is_keyrings_default(memory_keyring):
    assert SecretStore().backend is memory_keyring


def test_self_test_round_trips(memory_keyring):
    SecretStore(memory_keyring).self_test()
    assert memory_keyring.items == {}


try:
    from keyring.testing.backend import BackendBasicTests
except ImportError:  # pragma: no cover - older keyring without its test kit
    BackendBasicTests = None


if BackendBasicTests is not None:

    class TestMemoryKeyringConformance(BackendBasicTests):
        """The memory backend used by the unit tests behaves like a real keyring."""

        @pytest.fixture(autouse=True)
        def _init_properties(self, request, memory_keyring):
            self.keyring = memory_keyring
            self.credentials_created = set()
            request.addfinalizer(self.cleanup)
