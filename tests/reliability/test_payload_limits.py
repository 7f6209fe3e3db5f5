"""Payloads at the size limit, through `dps-wizard run`: what the validator accepts is what the hub receives."""

from __future__ import annotations

import json

import pytest

from tests.reliability.conftest import run
from wizard.core import telemetry


def _template(total_bytes: int, text: str) -> str:
    """A JSON template of about total_bytes UTF-8 bytes: `text` once, then ASCII padding."""
    head = '{"note": "' + text + '", "n": ${n}, "pad": "'
    tail = '"}'
    pad = total_bytes - len((head + tail).encode("utf-8"))
    return head + "x" * pad + tail


@pytest.mark.parametrize("text, size", [
    ("\U0001F600 emoji", 100_000),  # one non-BMP character makes a str cost 4 bytes a character in the SDK's check
    ("風速 \U0001F32C", telemetry.MAX_PAYLOAD_BYTES - 16),  # just under the limit the validator allows
])
def test_an_accepted_payload_is_delivered_whole(running, text, size):
    template = _template(size, text)
    assert telemetry.template_problem(template) is None
    emu = running().emu
    spec = emu.add_individual("big-payload")
    r = run(emu, "big-payload", spec.key, "--json", "--count", "2", "--payload-template", template)
    assert r.code == 0, r.err
    assert r.json["telemetry"]["acknowledged"] == 2 and r.json["telemetry"]["failed"] == 0
    bodies = [m.body for m in emu.telemetry if m.device_id == "big-payload"]
    assert len(bodies) == 2
    assert json.loads(bodies[1].decode("utf-8"))["note"] == text and json.loads(bodies[1])["n"] == 2


def test_a_payload_over_the_limit_is_refused_before_the_network(running):
    emu = running().emu
    spec = emu.add_individual("too-big")
    r = run(emu, "too-big", spec.key, "--payload-template", _template(telemetry.MAX_PAYLOAD_BYTES + 10, "x"))
    assert r.code == 1 and "Payload template gives a message larger than IoT Hub's 256 KB limit" in r.err
    assert not emu.dps_requests


def test_messages_the_sdk_refuses_are_counted_failed_with_the_reason(running):
    """A custom property value is not size-checked by the validator (only names are); the SDK then refuses
    every message. The run says why, instead of only blaming the network."""
    emu = running().emu
    spec = emu.add_individual("huge-property")
    r = run(emu, "huge-property", spec.key, "--json", "--count", "2", "--property", "blob=" + "x" * 270_000)
    assert r.code == 3
    t, problem = r.json["telemetry"], r.json["problem"]
    assert t["failed"] == 2 and t["acknowledged"] == 0 and t["retried"] == 0
    assert problem["detail"] == "Last failure: ValueError: Size of telemetry message can not exceed 256 KB."
