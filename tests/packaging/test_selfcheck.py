"""`dps-wizard --self-check` from source: each check says what a person (or support) needs to know, fails when
something the app needs is missing, and the exit code tells the two apart. The frozen app runs the same code:
tests/packaging/test_frozen_app.py."""

from __future__ import annotations

import os
import ssl
from pathlib import Path

import keyring.backends.fail
import pytest

from wizard import selfcheck
from wizard.selfcheck import Check


def by_name(checks: list[Check]) -> dict[str, Check]:
    return {c.name: c for c in checks}


def test_all_checks_pass_from_source_with_a_working_keyring(memory_keyring, capsys):
    checks = by_name(selfcheck.run_checks())
    assert all(c.ok for c in checks.values()), [c for c in checks.values() if not c.ok]
    for name in ("app", "Python", "PySide6", "qasync", "azure-iot-device", "paho-mqtt", "keyring", "keyring backend",
                 "CA roots", "translations", "icons", "Qt plugins", "app modules", "emulator"):
        assert name in checks
    backend = checks["keyring backend"].detail
    assert "MemoryKeyring" in backend and "write, read and delete" in backend
    assert memory_keyring.items == {}  # the round trip leaves nothing behind
    assert "Qt 6." in checks["PySide6"].detail
    assert "MQTT CONNACK" in checks["emulator"].detail and "127." in checks["emulator"].detail


def test_main_prints_the_report_and_exits_0(memory_keyring, capsys):
    assert selfcheck.main() == 0
    out = capsys.readouterr().out
    assert out.startswith("DPS Provisioning Wizard self-check\n")
    assert "checks passed." in out and "FAIL" not in out


def test_the_fail_backend_fails_the_check_and_the_exit_code(monkeypatch, capsys):
    monkeypatch.setattr(keyring.core, "_keyring_backend", keyring.backends.fail.Keyring())
    check = selfcheck.check_keyring()
    assert not check.ok and "No secure keyring" in check.detail
    monkeypatch.setattr(selfcheck, "run_checks", lambda: [Check("app", True, "x"), check])
    assert selfcheck.main() == 1
    out = capsys.readouterr().out
    assert "FAIL  keyring backend" in out and "1 of 2 checks FAILED: keyring backend" in out


def test_a_plaintext_backend_fails(monkeypatch):
    from keyring.backend import KeyringBackend
    from keyring.compat import properties

    class PlaintextKeyring(KeyringBackend):
        @properties.classproperty
        def priority(cls) -> float:
            # Not viable: defining a backend class registers it with keyring, and a viable one would change
            # which backend keyring picks for every later test (it would chain them).
            raise RuntimeError("test-only; install it explicitly")

        def get_password(self, service, username):
            return None

        def set_password(self, service, username, password):
            pass

        def delete_password(self, service, username):
            pass

    monkeypatch.setattr(keyring.core, "_keyring_backend", PlaintextKeyring())
    check = selfcheck.check_keyring()
    assert not check.ok and "unencrypted" in check.detail


def test_the_cli_flag_runs_the_self_check(monkeypatch):
    from wizard import cli

    monkeypatch.setattr(selfcheck, "main", lambda: 7)
    assert cli.run_main(["--self-check"]) == 7


def test_resources_are_found_where_the_gui_finds_them():
    from wizard.ui.resources import resources_dir

    assert selfcheck.resources_dir() == resources_dir()
    assert (selfcheck.resources_dir() / "icons" / "app.svg").is_file()


def test_missing_icons_fail(monkeypatch, tmp_path):
    (tmp_path / "icons").mkdir()
    monkeypatch.setattr(selfcheck, "resources_dir", lambda: tmp_path)
    check = selfcheck.check_icons()
    assert not check.ok and "app.svg is missing" in check.detail


def test_no_translations_yet_is_fine(monkeypatch, tmp_path):
    monkeypatch.setattr(selfcheck, "resources_dir", lambda: tmp_path)
    check = selfcheck.check_translations()
    assert check.ok and "none yet" in check.detail


def test_a_translation_needs_qts_own_catalogue_and_content(monkeypatch, tmp_path):
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "dps_wizard_zh_TW.qm").write_bytes(b"")
    (tmp_path / "translations" / "dps_wizard_xx_YY.qm").write_bytes(b"")
    monkeypatch.setattr(selfcheck, "resources_dir", lambda: tmp_path)
    monkeypatch.setattr("wizard.i18n.translations_dir", lambda: tmp_path / "translations")
    check = selfcheck.check_translations()
    assert not check.ok and "qtbase_xx_YY.qm" in check.detail and "qtbase_zh_TW" not in check.detail
    assert "dps_wizard_zh_TW.qm (it is empty or not a catalogue)" in check.detail


def test_a_source_catalogue_is_compiled_as_the_gui_does(monkeypatch, tmp_path):
    """From a checkout only the .ts exists: the check builds it (into the cache) like the GUI would."""
    source = Path(__file__).resolve().parents[2] / "resources" / "translations" / "dps_wizard_zh_TW.ts"
    if not source.is_file():
        pytest.skip("no zh_TW catalogue yet")
    monkeypatch.setenv("DPS_WIZARD_CACHE_DIR", str(tmp_path / "cache"))
    check = selfcheck.check_translations()
    assert check.ok, check.detail
    assert "zh_TW" in check.detail and (str(tmp_path / "cache") in check.detail or "built" not in check.detail)


def test_an_unbuildable_catalogue_fails(monkeypatch, tmp_path):
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "dps_wizard_zh_TW.ts").write_text("not a catalogue")
    monkeypatch.setattr(selfcheck, "resources_dir", lambda: tmp_path)
    monkeypatch.setattr("wizard.i18n.translations_dir", lambda: tmp_path / "translations")
    monkeypatch.setenv("DPS_WIZARD_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path / "tmp"))
    check = selfcheck.check_translations()
    assert not check.ok and "dps_wizard_zh_TW.qm (not shipped and could not be built)" in check.detail


def test_ca_roots_counts_what_the_sdk_loads():
    count, _azure = selfcheck.count_ca_roots()
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_default_certs()
    assert count >= ctx.cert_store_stats()["x509_ca"]
    check = selfcheck.check_ca_roots()
    assert check.ok == (count > 0 and _azure)
    assert f"{count} trusted CA roots" in check.detail


def test_an_empty_store_falls_back_to_certifi(monkeypatch):
    certifi = pytest.importorskip("certifi")
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv(selfcheck.FALLBACK_MARK, raising=False)
    monkeypatch.setattr(selfcheck, "count_ca_roots", lambda: (0, False))
    assert selfcheck.use_certifi_if_needed() == certifi.where()
    assert os.environ["SSL_CERT_FILE"] == certifi.where() and os.environ[selfcheck.FALLBACK_MARK] == "1"
    # certifi's bundle really is read by load_default_certs() through SSL_CERT_FILE, Azure's root included
    monkeypatch.undo()
    monkeypatch.setenv("SSL_CERT_FILE", certifi.where())
    count, azure = selfcheck.count_ca_roots()
    assert count > 100 and azure


def test_someones_ssl_cert_file_is_never_overridden(monkeypatch, tmp_path):
    pem = tmp_path / "corp.pem"
    pem.write_text("")
    monkeypatch.setenv("SSL_CERT_FILE", str(pem))
    monkeypatch.setattr(selfcheck, "count_ca_roots", lambda: (0, False))
    assert selfcheck.use_certifi_if_needed() is None
    assert os.environ["SSL_CERT_FILE"] == str(pem)


def test_the_emulator_check_uses_a_fresh_loopback_address_and_stops(monkeypatch):
    first = selfcheck.check_emulator()
    second = selfcheck.check_emulator()  # the first one's listener is gone
    assert first.ok and second.ok
    assert first.detail.split(":8883")[0] != second.detail.split(":8883")[0] or "127.0.0.1" in first.detail


def test_a_check_that_raises_becomes_a_failure(monkeypatch, memory_keyring):
    def boom() -> Check:
        raise RuntimeError("no")

    monkeypatch.setattr(selfcheck, "check_icons", boom)
    checks = selfcheck.run_checks(emulator=False)
    failed = [c for c in checks if not c.ok]
    assert len(failed) == 1 and "RuntimeError: no" in failed[0].detail


def test_the_windowed_exe_writes_the_report_to_a_file(monkeypatch, tmp_path):
    monkeypatch.setattr(selfcheck, "run_checks", lambda: [Check("app", True, "x")])
    monkeypatch.setattr("sys.stdout", None)
    monkeypatch.setattr(selfcheck.tempfile, "gettempdir", lambda: str(tmp_path))
    assert selfcheck.main() == 0
    assert "1 checks passed." in Path(tmp_path / "dps-wizard-self-check.txt").read_text("utf-8")
