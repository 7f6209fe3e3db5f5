"""The SAS tokens the app sends: short lives, and a run longer than a hub token's life loses nothing."""

from __future__ import annotations

import time

from tests.reliability.conftest import run
from wizard.core import run as run_module
from wizard.emulator import sas


def _tokens_seen(monkeypatch) -> list[tuple[str, int, float]]:  # noqa: ANN001
    seen: list[tuple[str, int, float]] = []
    parse = sas.parse

    def spy(token: str) -> sas.SasToken:
        parsed = parse(token)
        seen.append((parsed.resource, parsed.expiry, time.time()))
        return parsed

    monkeypatch.setattr(sas, "parse", spy)
    return seen


def test_dps_tokens_live_5_minutes_and_hub_tokens_10(running, monkeypatch):
    seen = _tokens_seen(monkeypatch)
    emu = running().emu
    spec = emu.add_individual("ttl-1")
    assert run(emu, "ttl-1", spec.key, "--count", "1").code == 0
    lives = {("dps" if "/registrations/" in resource else "hub"): expiry - at for resource, expiry, at in seen}
    assert 295 <= lives["dps"] <= 301 and 595 <= lives["hub"] <= 601, lives


def test_hub_token_renewal_mid_run_loses_no_message(running, monkeypatch):
    """With a 125 s token the SDK renews (reconnects) every 5 s; 30 messages over 15 s all arrive once."""
    monkeypatch.setattr(run_module, "HUB_SAS_TTL_S", 125)
    seen = _tokens_seen(monkeypatch)
    emu = running().emu
    spec = emu.add_individual("ttl-2")
    r = run(emu, "ttl-2", spec.key, "--json", "--count", "30", "--interval", "0.4", "--timeout", "20")
    assert r.code == 0, r.err
    assert sum("/devices/" in resource for resource, _, _ in seen) >= 2  # renewed at least once
    t = r.json["telemetry"]
    ids = {m.message_id for m in emu.telemetry if m.device_id == "ttl-2"}
    assert t["acknowledged"] == 30 == len(ids) and t["failed"] == 0
