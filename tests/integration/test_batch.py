"""Batches of group devices: `dps-wizard batch` and BatchRun against the emulator, the unmodified SDK over TLS.

Individual devices of a group are made to fail with an individual enrollment for the same registration ID
whose key is the derived one (DPS, and the emulator, look at individual enrollments first): disabled,
throttled for ever, failed allocation, refused by the hub.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from tests.integration.clitools import batch
from tests.integration.conftest import next_loopback_address
from wizard.cli import build_parser
from wizard.cli_batch import batch_command
from wizard.core import events as ev
from wizard.core.batch import BatchFinished, BatchRun, BatchStarted, DeviceChanged, DeviceRunEvent, DeviceState
from wizard.core.events import Outcome
from wizard.core.idlist import DeviceItem
from wizard.core.keys import derive_device_key
from wizard.core.profile import Enrollment, Profile
from wizard.emulator import Emulator, EmulatorThread, Faults


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    emu = Emulator(bind=next_loopback_address(), assign_at_once=True, websockets=False)
    with EmulatorThread(emu):
        yield emu


def failing_member(emu: Emulator, group_key: str, reg_id: str, **kwargs: Any) -> None:
    emu.add_individual(reg_id, key=derive_device_key(group_key, reg_id), **kwargs)


FAILURES = {
    "sensor-013": ("disabled", dict(enabled=False)),
    "sensor-027": ("throttled", dict(faults=Faults(throttle_forever=True, throttle_retry_after=1))),
    "sensor-041": ("failed", dict(faults=Faults(fail_with={"errorCode": 400209, "errorMessage": "No hub linked"}))),
    "sensor-050": ("hub_refused", dict(faults=Faults(hub_refuse=True))),
}


def test_fifty_devices_with_failures_match_what_the_emulator_recorded(emulator, tmp_path):
    group = emulator.add_group("plant-7")
    for reg_id, (_, kwargs) in FAILURES.items():
        failing_member(emulator, group.key, reg_id, **kwargs)
    failing_member(emulator, group.key, "sensor-005", faults=Faults(throttle=2, throttle_retry_after=1))
    csv_path, json_path = tmp_path / "results.csv", tmp_path / "results.json"
    r = batch(emulator, group.key, "--group", "--registration-ids", "sensor-{001..050}", "--count", "2",
              "--timeout", "4", "--export-csv", str(csv_path), "--export-json", str(json_path))
    assert r.code == 2, r.err
    # Not a tty: one line per device, then the summary, then each problem once with its hint.
    lines = r.out.splitlines()
    assert len([line for line in lines if line.startswith("sensor-")]) == 50
    assert "sensor-013: failed: The enrollment is disabled" in r.out
    assert lines[-1].startswith("Batch: 50 devices: 46 succeeded, 4 failed (3 provisioning, 1 hub/telemetry)")
    assert "Error: The enrollment is disabled: 1 device(s): sensor-013" in r.err
    assert "What to check: Enable the enrollment" in r.err

    rows = {row["registration_id"]: row for row in csv.DictReader(csv_path.open(encoding="utf-8"))}
    assert list(rows) == [f"sensor-{n:03}" for n in range(1, 51)]
    for reg_id, row in rows.items():
        recorded = emulator.registrations.get(reg_id)
        sent = [m for m in emulator.telemetry if m.device_id == reg_id]
        if reg_id in FAILURES:
            assert row["state"] == "failed" and row["problem_code"] == FAILURES[reg_id][0], row
            if reg_id == "sensor-050":  # assigned by DPS, refused by the hub: the row still shows where it went
                assert row["outcome"] == Outcome.TELEMETRY_FAILED and row["device_id"] == recorded["deviceId"]
                assert row["messages_acknowledged"] == "0" and sent == []
            elif reg_id == "sensor-027":
                assert recorded is None and row["device_id"] == ""  # DPS never finished it
            else:
                assert recorded["status"] == row["problem_code"] and row["device_id"] == ""
            continue
        assert row["state"] == "succeeded" and row["outcome"] == "success", row
        assert recorded["status"] == "assigned"
        assert (row["device_id"], row["assigned_hub"], row["substatus"]) == (
            recorded["deviceId"], recorded["assignedHub"], recorded["substatus"])
        assert row["messages_acknowledged"] == "2" and len({m.message_id for m in sent}) == 2
        assert float(row["duration_s"]) > 0 and row["attempts"] == "1"
    assert rows["sensor-041"]["dps_error_code"] == "400209"
    statuses = [q.status for q in emulator.dps_requests if q.registration_id == "sensor-005"]
    assert statuses[:2] == [429, 429] and rows["sensor-005"]["state"] == "succeeded"

    data = json.loads(json_path.read_text())
    assert data["summary"]["succeeded"] == 46 and data["summary"]["provisioningFailed"] == 3
    assert [d["state"] for d in data["devices"]] == [rows[d["registrationId"]]["state"] for d in data["devices"]]
    assert data["containsDerivedKeys"] is False
    for text in (csv_path.read_text(), json_path.read_text(), r.out, r.err):
        assert group.key not in text and derive_device_key(group.key, "sensor-001") not in text


def test_json_output_and_derived_keys_only_when_asked(emulator, tmp_path):
    group = emulator.add_group("plant-8")
    path = tmp_path / "keys.csv"
    r = batch(emulator, group.key, "--registration-ids", "dev-a, dev-b,dev-c", "--json", "--export-csv", str(path),
              "--include-derived-keys")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["outcome"] == "success" and data["exitCode"] == 0
    assert [d["deviceId"] for d in data["devices"]] == ["dev-a", "dev-b", "dev-c"]
    assert "derivedDeviceKey" not in r.out and group.key not in r.out
    assert "will contain every device's derived key" in r.err
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [row["derived_device_key"] for row in rows] == [derive_device_key(group.key, i)
                                                           for i in ("dev-a", "dev-b", "dev-c")]
    assert group.key not in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_csv_input_with_payloads(emulator, tmp_path):
    group = emulator.add_group("plant-9")
    source = tmp_path / "devices.csv"
    source.write_text('registration_id,provisioning_payload\nrow-1,"{""site"": ""a""}"\nrow-2,\n', encoding="utf-8")
    r = batch(emulator, group.key, "--csv", str(source), "--provisioning-payload", '{"site": "default"}')
    assert r.code == 0, r.err
    payloads = {q.registration_id: q.payload for q in emulator.dps_requests if q.kind == "register"}
    assert payloads == {"row-1": {"site": "a"}, "row-2": {"site": "default"}}


@pytest.mark.parametrize("argv, env_key, text", [
    (["--registration-ids", "ok-1, Bad-2"], "k", "item 2: 'Bad-2': Registration ID must be lower case"),
    (["--registration-ids", "s-{1..20000}"], "k", "a batch holds at most 10,000"),
    ([], "k", "Registration IDs are missing"),
    (["--registration-ids", "a"], "", "Group key is missing: set PROVISIONING_SYMMETRIC_KEY"),
    (["--registration-ids", "a"], "not base64!", "Group key is not valid Base64"),
    (["--registration-ids", "a", "--concurrency", "0"], "k", "Concurrency must be between 1 and 64"),
])
def test_bad_input_is_refused_before_the_network(argv, env_key, text):
    from wizard.core.keys import generate_key

    env = {"PROVISIONING_HOST": "127.0.0.1", "PROVISIONING_IDSCOPE": "0ne0001A2B3",
           "PROVISIONING_SYMMETRIC_KEY": generate_key() if env_key == "k" else env_key}
    out, err = io.StringIO(), io.StringIO()
    code = batch_command(build_parser().parse_args(["batch", *argv, "--json"]), out, err, env)
    assert code == 1 and text in err.getvalue(), err.getvalue()
    assert json.loads(out.getvalue())["outcome"] == "invalid_input"


# -- the library: what the GUI's table drives ------------------------------------------------------------------

def base_profile(emu: Emulator, **changes: Any) -> Profile:
    return replace(Profile(host=emu.dps_host, id_scope=emu.id_scope, trusted_ca=emu.ca_file, count=1,
                           enrollment=Enrollment.GROUP, timeout_s=10), **changes)


@pytest.mark.asyncio
async def test_events_drive_a_table_and_retry_reruns_only_the_failed(make_emulator):
    emu = await make_emulator()
    group = emu.add_group("line-1")
    failing_member(emu, group.key, "m-03", enabled=False)
    failing_member(emu, group.key, "m-06", enabled=False)
    table: list[Any] = []
    seen: list[ev.Event] = []

    def on_event(event: ev.Event) -> None:
        seen.append(event)
        if isinstance(event, BatchStarted) and not table:
            table.extend([None] * event.total)
        if isinstance(event, DeviceChanged):
            table[event.result.row] = event.result

    ids = [f"m-{n:02}" for n in range(1, 9)]
    run = BatchRun(base_profile(emu), group.key, ids, concurrency=3, on_event=on_event)
    summary = await run.execute()
    assert (summary.succeeded, summary.failed, summary.outcome) == (6, 2, Outcome.PROVISIONING_FAILED)
    assert table == run.results  # a model that applies DeviceChanged ends up exactly with the results
    states = [e.result.state for e in seen if isinstance(e, DeviceChanged) and e.result.registration_id == "m-01"]
    assert [s for i, s in enumerate(states) if i == 0 or states[i - 1] != s] == [
        DeviceState.QUEUED, DeviceState.PROVISIONING, DeviceState.SENDING, DeviceState.SUCCEEDED]
    assert any(isinstance(e, DeviceRunEvent) and isinstance(e.event, ev.MessageAcknowledged) for e in seen)
    assert isinstance(seen[-1], BatchFinished) and seen[-1].summary == summary
    m3 = run.results[2]
    assert m3.problem is not None and m3.problem.code == "disabled" and m3.cell("problem") == m3.problem.title
    assert m3.cell("time").endswith(" s") and run.results[0].cell("assigned_hub") == emu.hub_host

    # The person fixes the enrollments and clicks "Retry failed": only those two run again.
    for spec in emu.enrollments:
        spec.enabled = True
    before = len(emu.dps_requests)
    summary = await run.retry_failed()
    assert summary.all_succeeded and summary.skipped == 0
    assert {q.registration_id for q in emu.dps_requests[before:]} == {"m-03", "m-06"}
    assert [r.attempts for r in run.results] == [1, 1, 2, 1, 1, 2, 1, 1]

    # Running the same list again skips every device this batch assigned...
    before = len(emu.dps_requests)
    summary = await run.execute()
    assert summary.skipped == 8 and summary.all_succeeded and len(emu.dps_requests) == before
    assert run.results[0].note == "already assigned in this batch" and run.results[0].device_id == "m-01"
    # ... unless asked; DPS then says it re-provisioned them.
    summary = await run.execute([0], rerun_assigned=True)
    assert run.results[0].state is DeviceState.SUCCEEDED
    assert run.results[0].substatus == "reprovisionedToInitialAssignment"
    # A new batch for an edited list inherits what the first one assigned.
    second = BatchRun(base_profile(emu), group.key, ["m-01", "m-09"], already_assigned=run.assigned)
    summary = await second.execute()
    assert [r.state for r in second.results] == [DeviceState.SKIPPED, DeviceState.SUCCEEDED]


@pytest.mark.asyncio
async def test_cancel_stops_every_device_within_two_seconds(make_emulator):
    emu = await make_emulator()
    group = emu.add_group("line-2")
    emu.faults = Faults(no_answer=True)  # DPS takes every request and never answers
    run = BatchRun(base_profile(emu, timeout_s=60), group.key, [f"c-{n}" for n in range(12)], concurrency=4)
    task = asyncio.ensure_future(run.execute())
    deadline = time.monotonic() + 20
    while len({q.registration_id for q in emu.dps_requests}) < 4:
        assert time.monotonic() < deadline, "the register requests never arrived"
        await asyncio.sleep(0.05)
    start = time.monotonic()
    run.cancel()
    summary = await asyncio.wait_for(task, 5)
    assert time.monotonic() - start < 2.0
    assert summary.cancelled == 12 and summary.outcome == Outcome.CANCELLED
    assert {q.registration_id for q in emu.dps_requests} == {f"c-{n}" for n in range(4)}  # the queue never ran
    seen = len(emu.dps_requests)
    await asyncio.sleep(2.5)  # a pipeline still alive would re-send or poll
    assert len(emu.dps_requests) == seen


class FakeRun:
    """Stands in for ProvisioningRun to count how many devices run at once."""

    active = 0
    peak = 0

    def __init__(self, profile: Profile, key: str, on_event: Any, **kwargs: Any) -> None:
        self.profile, self.key = profile, key
        self._cancel = asyncio.Event()

    def cancel(self) -> None:
        self._cancel.set()

    async def execute(self) -> ev.Finished:
        FakeRun.active += 1
        FakeRun.peak = max(FakeRun.peak, FakeRun.active)
        try:
            if self.profile.registration_id == "f-3":
                raise RuntimeError("a bug")
            await asyncio.sleep(0.02)
            outcome = Outcome.SUCCESS if self.profile.registration_id != "f-5" else Outcome.TELEMETRY_FAILED
            return ev.Finished(time.monotonic(), outcome, None, None, ev.TelemetrySummary(), None)
        finally:
            FakeRun.active -= 1


@pytest.mark.asyncio
async def test_concurrency_is_bounded_and_one_broken_device_does_not_stop_the_others():
    FakeRun.peak = 0
    items = [DeviceItem(f"f-{n}") for n in range(40)]
    profile = Profile(host="example.net", id_scope="0ne00000001", count=0)
    from wizard.core.keys import generate_key

    run = BatchRun(profile, generate_key(), items, concurrency=5, run_factory=FakeRun)
    summary = await run.execute()
    assert FakeRun.peak == 5
    assert (summary.succeeded, summary.failed, summary.telemetry_failed) == (38, 2, 1)
    assert run.results[3].problem is not None and run.results[3].problem.code == "unknown"
    assert summary.outcome == Outcome.PROVISIONING_FAILED


def test_bad_batches_are_refused():
    from wizard.core.keys import generate_key

    profile = Profile(host="example.net", id_scope="0ne00000001")
    for ids, key, text in ((["a", "a"], generate_key(), "listed twice"), (["A"], generate_key(), "lower case"),
                           ([], generate_key(), "at least one"), (["a"], "no pe!", "Group key is not valid Base64")):
        with pytest.raises(ValueError, match=text):
            BatchRun(profile, key, ids)
    with pytest.raises(ValueError, match="Concurrency"):
        BatchRun(profile, generate_key(), ["a"], concurrency=0)


def test_ctrl_c_cancels_the_command_with_exit_130(emulator):
    group = emulator.add_group("plant-c")
    emulator.faults = Faults(no_answer=True)
    env = os.environ | {"PROVISIONING_HOST": emulator.dps_host, "PROVISIONING_IDSCOPE": emulator.id_scope,
                        "PROVISIONING_SYMMETRIC_KEY": group.key}
    proc = subprocess.Popen([sys.executable, "-m", "wizard", "batch", "--trusted-ca", emulator.ca_file,
                             "--registration-ids", "k-{1..20}", "--timeout", "30"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 20
    while len(emulator.dps_requests) < 8:
        assert time.monotonic() < deadline and proc.poll() is None, "the register requests never arrived"
        time.sleep(0.05)
    start = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 130 and time.monotonic() - start < 4, (proc.returncode, err)
    assert "20 devices: 0 succeeded, 0 failed, 20 cancelled" in out and "Traceback" not in err
