"""What SECURITY.md promises about TLS and the emulator, checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.reliability.conftest import Running, cli, env_for, run
from wizard.emulator import Emulator, EmulatorBindRefused

ROOT = Path(__file__).resolve().parents[2]
WEAKENING = re.compile(r"CERT_NONE|CERT_OPTIONAL|check_hostname\s*=\s*False|_create_unverified_context|"
                       r"verify_mode\s*=|PYTHONHTTPSVERIFY|tls_insecure_set|set_ciphers\(.*NULL")


# The connectivity check's second handshake, made only after verification failed, only to show the person the
# chain the server presents: it sends nothing (no credentials) and closes the socket. Nothing else may.
ALLOWED = {
    ("wizard/core/netcheck_probe.py", "ctx.check_hostname = False"),
    ("wizard/core/netcheck_probe.py", "ctx.verify_mode = ssl.CERT_NONE"),
}


def test_no_code_switches_tls_verification_off():
    sources = [p for folder in ("wizard", "installer") for p in (ROOT / folder).rglob("*.py")]
    assert len(sources) > 20
    hits = [f"{p.relative_to(ROOT)}:{i}: {line.strip()}" for p in sources
            for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
            if WEAKENING.search(line) and (str(p.relative_to(ROOT)), line.strip()) not in ALLOWED]
    assert hits == []


def test_a_server_the_trusted_ca_did_not_sign_is_refused(running):
    """Adding a trusted CA adds trust in that CA only: another emulator's certificate is still refused."""
    emu = running().emu
    other = Running()  # never started: only its CA is used
    spec = emu.add_individual("tls-1")
    r = run(emu, "tls-1", spec.key, "--json", "--count", "1")  # the emulator's CA, as a baseline
    assert r.code == 0, r.err
    r = cli(["run", "--trusted-ca", other.emu.ca_file, "--json", "--count", "1"], env_for(emu, "tls-1", spec.key))
    assert r.code == 2 and r.json["problem"]["code"] == "tls" and r.json["problem"]["field"] == "trusted_ca"


@pytest.mark.parametrize("bind", ["0.0.0.0", "::", "192.168.1.10", "example.com"])
def test_the_emulator_binds_loopback_only(bind):
    with pytest.raises(EmulatorBindRefused):
        Emulator(bind=bind, websockets=False)
