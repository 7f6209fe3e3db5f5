"""`dps-wizard run` end to end: the unmodified SDK against the emulator over TLS, one loopback address per test.

Each test asserts what the person sees (exit code, the sample's lines, the problem and its hint) and what the
emulator recorded.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from tests.integration.clitools import env_for, run
from tests.integration.conftest import next_loopback_address
from wizard.cli import build_parser
from wizard.cli_run import run_command
from wizard.core.keys import derive_device_key, generate_key
from wizard.emulator import Emulator, EmulatorThread, Faults


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    emu = Emulator(bind=next_loopback_address(), assign_at_once=True, websockets=False)
    thread = EmulatorThread(emu)
    thread.start()
    try:
        yield emu
    finally:
        thread.stop()


def test_individual_enrollment_prints_what_the_sample_prints(emulator):
    spec = emulator.add_individual("sensor-001", device_id="python-device-008", return_payload={"hello": "world"})
    r = run(emulator, "sensor-001", spec.key)
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert lines[:6] == ["The complete registration result is", "python-device-008", emulator.hub_host,
                         "initialAssignment", '{"hello": "world"}', "Will send telemetry from the provisioned device"]
    for i in range(1, 11):
        assert f"sending message #{i}" in lines and f"done sending message #{i}" in lines
    assert "Traceback" not in r.err
    # The emulator saw exactly 10 messages, in order, once each, with the sample's properties.
    recorded = [m for m in emulator.telemetry if m.device_id == "python-device-008"]
    assert [m.properties["count"] for m in recorded] == [str(i) for i in range(1, 11)]
    assert len({m.message_id for m in recorded}) == 10
    assert all(m.content_type == "application/json" and m.content_encoding == "utf-8" for m in recorded)
    assert len({m.correlation_id for m in recorded}) == 1
    assert json.loads(recorded[0].body)["windSpeed"] == 1


def test_group_enrollment_derives_the_device_key_and_json_summarises(emulator):
    group = emulator.add_group("factory-a")
    r = run(emulator, "sensor-042", group.key, "--group", "--json", "--count", "4", "--read-twin",
            "--property", "site=lab", "--provisioning-payload", '{"modelId": "dtmi:test;1"}')
    assert r.code == 0, r.err
    data = r.json
    assert data["outcome"] == "success" and data["registration"]["deviceId"] == "sensor-042"
    assert data["registration"]["assignedHub"] == emulator.hub_host
    assert data["telemetry"]["requested"] == 4 and data["telemetry"]["acknowledged"] == 4
    assert data["telemetry"]["failed"] == 0 and data["telemetry"]["latencyMs"]["median"] is not None
    assert "desired" in data["twin"]
    ids = [m.message_id for m in emulator.telemetry if m.device_id == "sensor-042"]
    assert len(ids) == len(set(ids)) == data["telemetry"]["acknowledged"]
    assert all(m.properties.get("site") == "lab" for m in emulator.telemetry)
    # The device key, not the group key, was used: the group key never leaves the machine.
    assert group.key not in r.out and derive_device_key(group.key, "sensor-042") not in r.out


def test_second_registration_is_reprovisioned(emulator):
    spec = emulator.add_individual("sensor-002")
    assert run(emulator, "sensor-002", spec.key, "--count", "0").code == 0
    r = run(emulator, "sensor-002", spec.key, "--count", "0", "--json")
    assert r.json["registration"]["substatus"] == "reprovisionedToInitialAssignment"


def test_poll_flow_reports_the_polls():
    emu = Emulator(bind=next_loopback_address(), assign_at_once=False, retry_after=1, websockets=False)
    with EmulatorThread(emu):
        spec = emu.add_individual("sensor-003")
        r = run(emu, "sensor-003", spec.key, "--count", "1")
    assert r.code == 0, r.err
    assert "Waiting for assignment (poll 1)" in r.err


def test_wrong_key(emulator):
    emulator.add_individual("sensor-004")
    r = run(emulator, "sensor-004", generate_key(32))
    assert r.code == 2
    assert "Error: DPS refused the device's credentials" in r.err and "What to check:" in r.err
    assert "Traceback" not in r.err and "sending message" not in r.out


def test_wrong_key_answered_with_401_shows_the_dps_error(emulator):
    emulator.add_individual("sensor-005", faults=Faults(auth_mode="register_401"))
    r = run(emulator, "sensor-005", generate_key(32), "--json")
    assert r.code == 2
    problem = r.json["problem"]
    assert problem["code"] == "auth" and problem["dpsErrorCode"] == 401002 and problem["field"] == "key"


def test_group_key_used_as_device_key_is_explained(emulator):
    group = emulator.add_group("factory-b")
    r = run(emulator, "sensor-006", group.key)  # forgot --group
    assert r.code == 2 and "enrollment group" in r.err.lower()


def test_unknown_registration(emulator):
    emulator.add_individual("sensor-007", faults=Faults(auth_mode="register_401"))
    spec = emulator.add_individual("known")
    # Signed correctly for an id DPS does not know: only the 401/404 path can tell.
    r = run(emulator, "sensor-unknown", spec.key, "--json")
    assert r.code == 2 and r.json["problem"]["code"] in ("auth", "not_found")


def test_disabled_enrollment(emulator):
    spec = emulator.add_individual("sensor-008", enabled=False)
    r = run(emulator, "sensor-008", spec.key)
    assert r.code == 2 and "The enrollment is disabled" in r.err and "Enable the enrollment" in r.err


def test_failed_status_shows_the_error_code_and_message(emulator):
    spec = emulator.add_individual("sensor-009", faults=Faults(fail_with={"errorCode": 400209,
                                                                          "errorMessage": "Custom allocation failed"}))
    r = run(emulator, "sensor-009", spec.key)
    assert r.code == 2
    assert "DPS error: 400209 Custom allocation failed" in r.err


def test_throttled_then_assigned(emulator):
    spec = emulator.add_individual("sensor-010", faults=Faults(throttle=2, throttle_retry_after=1))
    r = run(emulator, "sensor-010", spec.key, "--count", "1")
    assert r.code == 0, r.err
    statuses = [q.status for q in emulator.dps_requests if q.registration_id == "sensor-010"]
    assert statuses[:2] == [429, 429] and statuses[-1] == 200


def test_throttled_forever_ends_at_the_timeout_and_stops_the_sdk(emulator):
    spec = emulator.add_individual("sensor-011", faults=Faults(throttle_forever=True, throttle_retry_after=1))
    r = run(emulator, "sensor-011", spec.key, "--timeout", "3", "--json")
    assert r.code == 2 and r.elapsed < 6
    assert r.json["problem"]["code"] == "throttled"
    seen = len(emulator.dps_requests)
    time.sleep(3)  # the SDK would re-send every second if its pipeline were still running
    assert len(emulator.dps_requests) == seen


def test_no_answer_ends_at_the_timeout(emulator):
    spec = emulator.add_individual("sensor-012", faults=Faults(no_answer=True))
    r = run(emulator, "sensor-012", spec.key, "--timeout", "2")
    assert r.code == 2 and r.elapsed < 5
    assert "No answer from DPS within 2 s" in r.err


def test_hub_refuses_the_device(emulator):
    spec = emulator.add_individual("sensor-013", faults=Faults(hub_refuse=True))
    r = run(emulator, "sensor-013", spec.key, "--json")
    assert r.code == 3 and r.json["problem"]["code"] == "hub_refused"
    assert r.json["registration"]["deviceId"] == "sensor-013"


def test_hub_drop_mid_telemetry_loses_no_message(emulator):
    spec = emulator.add_individual("sensor-014", faults=Faults(hub_drop_after=4))
    r = run(emulator, "sensor-014", spec.key, "--json", "--count", "10", "--timeout", "20")
    assert r.code == 0, r.err
    t = r.json["telemetry"]
    recorded = {m.message_id for m in emulator.telemetry if m.device_id == "sensor-014"}
    assert t["acknowledged"] == 10 and t["failed"] == 0 and len(recorded) == 10


def test_websockets(emulator):
    emu = Emulator(bind=next_loopback_address(), assign_at_once=True, websockets=True)
    with EmulatorThread(emu):
        spec = emu.add_individual("sensor-015")
        r = run(emu, "sensor-015", spec.key, "--websockets", "--count", "2")
    assert r.code == 0, r.err


@pytest.mark.parametrize("argv, env_change, field_text", [
    (["--registration-id", "bad/id"], {}, "Registration ID cannot contain '/'"),
    (["--registration-id", "has space"], {}, "a space"),
    (["--host", "https://x.example"], {}, "Provisioning endpoint must be a host name"),
    (["--provisioning-payload", "{nope"], {}, "Provisioning payload is not valid JSON"),
    ([], {"PROVISIONING_SYMMETRIC_KEY": "not-base64!"}, "Symmetric key is not valid Base64"),
    ([], {"PROVISIONING_SYMMETRIC_KEY": ""}, "Symmetric key is missing"),
    ([], {"PROVISIONING_REGISTRATION_ID": " "}, "Registration ID is empty"),
])
def test_bad_input_is_refused_before_the_network(argv, env_change, field_text):
    env = {"PROVISIONING_HOST": "127.0.0.1", "PROVISIONING_IDSCOPE": "0ne0001A2B3",
           "PROVISIONING_REGISTRATION_ID": "dev-1", "PROVISIONING_SYMMETRIC_KEY": generate_key(32)} | env_change
    out, err = io.StringIO(), io.StringIO()
    code = run_command(build_parser().parse_args(["run", *argv]), out, err, env)
    assert code == 1 and field_text in err.getvalue()
    assert "Connecting" not in err.getvalue()


def test_the_installed_command_exits_on_time_with_no_traceback(emulator):
    """A real process: exit code, no traceback, and it ends at --timeout although SDK timers linger."""
    spec = emulator.add_individual("sensor-016", faults=Faults(no_answer=True))
    env = os.environ | env_for(emulator, "sensor-016", spec.key)
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "wizard", "run", "--trusted-ca", emulator.ca_file, "--timeout", "2"],
                          env=env, capture_output=True, text=True, timeout=60)
    elapsed = time.monotonic() - start
    assert proc.returncode == 2 and elapsed < 8, (proc.returncode, elapsed, proc.stderr)
    assert "Traceback" not in proc.stderr and "No answer from DPS" in proc.stderr
    assert spec.key not in proc.stderr + proc.stdout


def test_ctrl_c_cancels_with_exit_130(emulator):
    import signal

    spec = emulator.add_individual("sensor-017", faults=Faults(no_answer=True))
    env = os.environ | env_for(emulator, "sensor-017", spec.key)
    proc = subprocess.Popen([sys.executable, "-m", "wizard", "run", "--trusted-ca", emulator.ca_file,
                             "--timeout", "30"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 20
    while not any(q.registration_id == "sensor-017" for q in emulator.dps_requests):
        assert time.monotonic() < deadline, "the register request never arrived"
        time.sleep(0.05)
    start = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 130 and time.monotonic() - start < 3, (proc.returncode, err)
    assert "Cancelled" in err and "Traceback" not in err
