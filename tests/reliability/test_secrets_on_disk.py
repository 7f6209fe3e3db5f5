"""No secret on disk or in output: save, run, edit, duplicate, export and delete, then search everything.

Everything the app may write goes under one temporary folder (config folder, HOME and the XDG folders,
exports, saved reports, a DEBUG log of every logger). After the flows, every file there, and the captured
stdout/stderr of each command, is searched for the individual key, the group key, the derived device key
(also URL-encoded) and any `sig=` value of a SAS token. The keys themselves are only in the (in-memory)
keyring. A locked, missing or plain-text keyring never leads to a key in a file.
"""

from __future__ import annotations

import asyncio
import io
import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

import pytest
from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import KeyringLocked

from tests.reliability.conftest import Result, cli, env_for, run
from wizard.cli_run import Printer, _run
from wizard.core import keys
from wizard.core.profiles import ProfileStore
from wizard.core.secrets import DEVICE_KEY, SecretStore
from wizard.ui.report import report_json, report_text

SIG = re.compile(r"sig=(?!\*\*\*)[^&\s\"'<]+", re.IGNORECASE)


@pytest.fixture
def app_home(tmp_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """HOME and every XDG folder inside tmp_path, and a DEBUG log of all loggers written there as well."""
    home = tmp_path / "home"
    for name, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(home / sub))
    log_dir = tmp_path / "logs"
    log_dir.mkdir()
    handler = logging.FileHandler(log_dir / "debug.log", encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root, sdk = logging.getLogger(), logging.getLogger("azure.iot.device")
    old_level, old_sdk_level = root.level, sdk.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield tmp_path
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        sdk.setLevel(old_sdk_level)
        handler.close()


def secret_forms(*secrets: str) -> list[str]:
    forms: list[str] = []
    for s in secrets:
        forms += [s, quote(s, safe=""), s.rstrip("=")]
    return sorted(set(forms), key=len, reverse=True)


def hits_in(text: str, forms: list[str]) -> list[str]:
    found = [f"key form {f[:4]}…" for f in forms if f in text]
    found += [f"sig value {m.group(0)[:10]}…" for m in SIG.finditer(text)]
    return found


def scan(root: Path, outputs: list[str], forms: list[str]) -> dict[str, list[str]]:
    hits: dict[str, list[str]] = {}
    files = [p for p in root.rglob("*") if p.is_file()]
    assert files, "the flows wrote nothing: the scan would prove nothing"
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        if found := hits_in(text, forms):
            hits[str(path.relative_to(root))] = found
    for i, out in enumerate(outputs):
        if found := hits_in(out, forms):
            hits[f"output #{i}"] = found
    return hits


def test_no_key_or_token_anywhere_after_save_run_edit_duplicate_export_delete(app_home, memory_keyring, running):
    hub = running()
    emu = hub.emu
    individual = emu.add_individual("ind-001")
    group = emu.add_group("line-7")
    derived = keys.derive_device_key(group.key, "grp-001")
    forms = secret_forms(individual.key, group.key, derived)
    outputs: list[Result] = []

    # Save (CLI): a group enrollment and an individual one; the keyring gets the device keys.
    outputs.append(run(emu, "grp-001", group.key, "--group", "--save-as", "Line 7", "--count", "3", "--read-twin"))
    outputs.append(run(emu, "ind-001", individual.key, "--save-as", "Bench", "--count", "2", "--json"))
    assert all(r.code == 0 for r in outputs), [r.err for r in outputs]
    assert memory_keyring.items[("dps-wizard:Line 7:device-key", DEVICE_KEY)] == derived
    assert memory_keyring.items[("dps-wizard:Bench:device-key", DEVICE_KEY)] == individual.key

    # Run the saved profiles (keys from the keyring); one run fails (wrong key: the error path's texts).
    outputs.append(cli(["run", "--profile", "Line 7", "--count", "2", "--json"], {}))
    outputs.append(cli(["run", "--profile", "Bench", "--count", "1"], {}))
    outputs.append(run(emu, "ind-001", keys.generate_key(32), "--count", "1", "--json"))
    outputs.append(run(emu, "ind-001", group.key, "--count", "1"))  # a group key pasted as a device key
    assert [r.code for r in outputs[2:]] == [0, 0, 2, 2], [r.err for r in outputs[2:]]

    # Edit, rename, duplicate (core stores, as the GUI does), and keep a group key on purpose.
    store, secrets = ProfileStore(), SecretStore()
    line7 = store.get("Line 7")
    assert line7 is not None
    store.save(replace(line7.profile, name="Line 7b", count=5), previous_name="Line 7")
    secrets.rename("Line 7", "Line 7b")
    secrets.set("Line 7b", "group-key", group.key)
    store.duplicate("Line 7b", "Line 7c")
    outputs.append(cli(["run", "--profile", "Line 7b", "--count", "1"], {}))
    assert outputs[-1].code == 0, outputs[-1].err

    # Export (all, and one), and a saved report of the last run in both formats.
    exports = app_home / "exports"
    exports.mkdir()
    assert store.export(None, exports / "all.json") == 3
    store.export(["Bench"], exports / "bench.json")
    profile = store.get("Bench").profile
    quiet = Printer(io.StringIO(), io.StringIO(), True, False)
    # This run with the SDK's own DEBUG logging on too: what a troubleshooting log file would hold.
    logging.getLogger("azure.iot.device").setLevel(logging.DEBUG)
    finished = asyncio.run(_run(profile, individual.key, quiet, None, 1))  # the run the CLI makes
    (app_home / "reports").mkdir()
    (app_home / "reports" / "bench-report.json").write_text(report_json(profile, finished), encoding="utf-8")
    (app_home / "reports" / "bench-report.txt").write_text(report_text(profile, finished), encoding="utf-8")

    # List, show and delete (CLI).
    outputs.append(cli(["profiles", "list"], {}))
    outputs.append(cli(["profiles", "show", "Line 7b"], {}))
    outputs.append(cli(["profiles", "delete", "Line 7b"], {}))
    outputs.append(cli(["profiles", "delete", "Bench"], {}))
    assert all(r.code == 0 for r in outputs[-4:]), [r.err for r in outputs[-4:]]
    assert not any(k[0].startswith("dps-wizard:Line 7b:") for k in memory_keyring.items)
    assert not any(k[0].startswith("dps-wizard:Bench:") for k in memory_keyring.items)

    texts = [r.out + "\n" + r.err for r in outputs]
    written = {str(p.relative_to(app_home)) for p in app_home.rglob("*") if p.is_file()}
    assert {"config/profiles.json", "logs/debug.log", "exports/all.json", "reports/bench-report.txt"} <= written
    assert (app_home / "logs" / "debug.log").stat().st_size > 0
    assert scan(app_home, texts, forms) == {}
    # The scan can see a key: the same search finds one that is planted.
    (app_home / "planted.txt").write_text(f"x {derived} y", encoding="utf-8")
    assert list(scan(app_home, [], forms)) == ["planted.txt"]


class LockedKeyring(KeyringBackend):
    @properties.classproperty
    def priority(cls) -> float:
        # Never selectable on its own: a viable test backend would make keyring choose its chainer, and
        # the Secret Service tests later in the session would no longer get the real default.
        raise RuntimeError("test-only keyring; install it explicitly")

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked(f"Failed to unlock the collection to store {password}!")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("Failed to unlock the collection!")


class PlaintextKeyring(KeyringBackend):
    """What keyrings.alt's plaintext backend does: a file next to the profiles, the key in it."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("test-only keyring; install it explicitly")

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.path.write_text(f"{service} {username} {password}\n", encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        pass


@pytest.mark.parametrize("backend", ["locked", "plaintext"])
def test_a_locked_or_plaintext_keyring_never_puts_the_key_in_a_file(app_home, running, monkeypatch, backend):
    import keyring.core

    chosen = LockedKeyring() if backend == "locked" else PlaintextKeyring(app_home / "home" / "keyring_pass.cfg")
    monkeypatch.setattr(keyring.core, "_keyring_backend", chosen)
    emu = running().emu
    spec = emu.add_individual("ind-locked")
    r = run(emu, "ind-locked", spec.key, "--save-as", "Locked", "--count", "1")
    assert r.code == 0, r.err
    assert "Warning: profile 'Locked' saved without its key" in r.err
    assert ProfileStore().get("Locked") is not None
    assert not (app_home / "home" / "keyring_pass.cfg").exists()
    assert scan(app_home, [r.out + r.err], secret_forms(spec.key)) == {}


def test_no_keyring_at_all_in_a_real_process(tmp_path, running):
    """The installed command with keyring's fail backend: profile saved, key not, nowhere on disk."""
    emu = running().emu
    spec = emu.add_individual("ind-fail")
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    env = os.environ | env_for(emu, "ind-fail", spec.key) | {
        "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "DPS_WIZARD_CONFIG_DIR": str(tmp_path / "cfg"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "PYTHONFAULTHANDLER": "1"}
    proc = subprocess.run([sys.executable, "-m", "wizard", "run", "--trusted-ca", emu.ca_file, "--count", "2",
                           "--save-as", "NoKeyring"], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "saved without its key" in proc.stderr and "No secure keyring" in proc.stderr
    assert (tmp_path / "cfg" / "profiles.json").is_file()
    assert scan(tmp_path, [proc.stdout + proc.stderr], secret_forms(spec.key)) == {}
