"""`dps-wizard purge --yes` (what the uninstaller runs for "Also remove my profiles and saved keys"): every saved
profile's keys leave the keyring, then the config folder goes; when a key cannot be removed, the folder (the
only list of which keys exist) stays and the exit code says so."""

from __future__ import annotations

import keyring.backends.fail
import pytest

from wizard import purge
from wizard.core.profile import Profile
from wizard.core.profiles import ProfileStore
from wizard.core.secrets import DEVICE_KEY, GROUP_KEY, SecretStore


def saved(names: list[str], keyring_backend) -> None:  # noqa: ANN001
    store, secrets = ProfileStore(), SecretStore(keyring_backend)
    for name in names:
        store.save(Profile(name=name, id_scope="0ne00012345", registration_id=f"dev-{len(name)}"))
        secrets.set(name, DEVICE_KEY, "c2VjcmV0LWtleS1vZi1hdC1sZWFzdC0xNi1ieXRlcw==")
    secrets.set(names[0], GROUP_KEY, "Z3JvdXAta2V5LW9mLWF0LWxlYXN0LTE2LWJ5dGVz")


def test_removes_every_key_and_the_config_folder(config_dir, memory_keyring, capsys):
    saved(["Sensor A", "line-3"], memory_keyring)
    memory_keyring.set_password("someone-else", "user", "theirs")
    assert purge.main(["--yes"]) == 0
    assert memory_keyring.items == {("someone-else", "user"): "theirs"}  # only ours
    assert not config_dir.exists()
    out = capsys.readouterr().out
    assert "Removed the saved keys of 2 profile(s)" in out and f"Removed {config_dir}" in out


def test_keep_config_removes_only_the_keys(config_dir, memory_keyring):
    saved(["Sensor A"], memory_keyring)
    assert purge.main(["--yes", "--keep-config"]) == 0
    assert memory_keyring.items == {}
    assert ProfileStore().get("Sensor A") is not None


def test_refuses_without_yes(config_dir, memory_keyring, capsys):
    saved(["Sensor A"], memory_keyring)
    assert purge.main([]) == 1
    assert "--yes" in capsys.readouterr().err
    assert len(memory_keyring.items) == 2 and config_dir.exists()


def test_nothing_saved_is_fine(config_dir, memory_keyring):
    assert purge.main(["--yes"]) == 0
    assert not config_dir.exists()


def test_an_unusable_keyring_keeps_the_folder(config_dir, memory_keyring, monkeypatch, capsys):
    saved(["Sensor A"], memory_keyring)
    monkeypatch.setattr(keyring.core, "_keyring_backend", keyring.backends.fail.Keyring())
    assert purge.main(["--yes"]) == 2
    err = capsys.readouterr().err
    assert "could not all be removed" in err and str(config_dir) in err
    assert ProfileStore().get("Sensor A") is not None


def test_a_keyring_error_keeps_the_folder(config_dir, memory_keyring, monkeypatch, capsys):
    saved(["Sensor A"], memory_keyring)

    def refuse(service: str, username: str) -> None:
        raise RuntimeError("the keyring is locked")

    monkeypatch.setattr(memory_keyring, "delete_password", refuse)
    assert purge.main(["--yes"]) == 2
    assert "locked" in capsys.readouterr().err
    assert config_dir.exists()


@pytest.mark.parametrize("argv", [["purge", "--yes"]])
def test_the_frozen_entry_script_dispatches_purge(argv, config_dir, memory_keyring, monkeypatch):
    """installer/entry.py routes `purge` until wizard.cli does (the uninstaller calls dps-wizard-cli purge)."""
    import runpy
    import sys
    from pathlib import Path

    saved(["Sensor A"], memory_keyring)
    monkeypatch.setattr(sys, "argv", ["dps-wizard-cli", *argv])
    entry = Path(__file__).resolve().parents[2] / "installer" / "entry.py"
    with pytest.raises(SystemExit) as exit_info:
        runpy.run_path(str(entry), run_name="__main__")
    assert exit_info.value.code == 0 and memory_keyring.items == {} and not config_dir.exists()
