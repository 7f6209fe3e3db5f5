"""Faults during a run, through `dps-wizard run`, against the emulator over TLS (the unmodified SDK).

For every fault: what the person sees (exit code, the problem, the time it took), that every message is
acknowledged or counted failed exactly once (`acknowledged + failed == requested`, and `acknowledged` equals
the distinct message IDs the hub recorded), and that a new run in the same process then succeeds against a
fresh emulator (nothing the failed run left behind gets in the way).
"""

from __future__ import annotations

import re
import time

import pytest

from tests.reliability.conftest import Running, recorded_ids, run
from wizard.emulator import Faults


def assert_a_new_run_succeeds(running) -> None:  # noqa: ANN001
    fresh = running()
    spec = fresh.emu.add_individual("after-fault")
    r = run(fresh.emu, "after-fault", spec.key, "--json", "--count", "3", "--timeout", "10")
    assert r.code == 0, r.err
    assert r.json["telemetry"]["acknowledged"] == 3 == len(set(recorded_ids(fresh.emu, "after-fault")))


def assert_every_message_accounted_for(t: dict, emu, device_id: str) -> None:  # noqa: ANN001
    ids = recorded_ids(emu, device_id)
    assert t["acknowledged"] + t["failed"] == t["requested"], t
    # Nothing counted twice: the hub holds at least every acknowledged message, once per distinct ID.
    assert t["acknowledged"] <= len(set(ids)), (t, len(set(ids)))


@pytest.mark.parametrize("in_flight", [1, 4])
def test_several_hub_drops_lose_nothing_and_count_nothing_twice(running, in_flight):
    emu = running().emu
    spec = emu.add_individual("drops", faults=Faults(hub_drop_after=3, hub_drop_times=4))
    r = run(emu, "drops", spec.key, "--json", "--count", "30", "--timeout", "20", "--max-in-flight", str(in_flight))
    assert r.code == 0, r.err
    t = r.json["telemetry"]
    records = [m for m in emu.telemetry if m.device_id == "drops"]
    distinct = {m.message_id for m in records}
    assert t["acknowledged"] == 30 == len(distinct) and t["failed"] == 0
    assert t["sent"] == 30
    # Extra copies at the hub are redeliveries: paho's (DUP flag) or the app's own retries, nothing else.
    assert len(records) - len(distinct) <= sum(m.dup for m in records) + t["retried"]
    assert len(records) > len(distinct)  # the drops really happened
    assert_a_new_run_succeeds(running)


def test_retries_are_counted_as_printed(running):
    """Without --json: every 'retrying' line on stderr is one retry in the summary line."""
    emu = running().emu
    spec = emu.add_individual("drops-text", faults=Faults(hub_drop_after=2, hub_drop_times=3))
    r = run(emu, "drops-text", spec.key, "--count", "20", "--timeout", "20", "--max-in-flight", "4")
    assert r.code == 0, r.err
    retrying = r.err.count("; retrying")
    summary = re.search(r"Telemetry: (\d+) of 20 acknowledged, (\d+) failed(?:, (\d+) retried)?", r.err)
    assert summary, r.err
    assert int(summary.group(1)) == 20 and int(summary.group(2)) == 0
    assert int(summary.group(3) or 0) == retrying
    assert sum(f"done sending message #{i}" in r.out.splitlines() for i in range(1, 21)) == 20


def test_dps_never_answers_ends_at_the_timeout(running):
    emu = running().emu
    spec = emu.add_individual("silent-dps", faults=Faults(no_answer=True))
    r = run(emu, "silent-dps", spec.key, "--json", "--timeout", "2")
    assert r.code == 2 and r.elapsed < 2 + 3, r.elapsed
    problem = r.json["problem"]
    assert problem["code"] == "timeout" and problem["title"] == "No answer from DPS within 2 s"
    assert r.json["telemetry"]["sent"] == 0 and r.json["registration"] is None
    assert_a_new_run_succeeds(running)


def test_throttled_longer_than_the_timeout(running):
    emu = running().emu
    spec = emu.add_individual("throttled", faults=Faults(throttle_forever=True, throttle_retry_after=1))
    r = run(emu, "throttled", spec.key, "--timeout", "3")
    assert r.code == 2 and r.elapsed < 3 + 3, r.elapsed
    assert "Error: DPS kept the device waiting" in r.err and "429" in r.err
    assert "Traceback" not in r.err
    assert_a_new_run_succeeds(running)


def test_emulator_stops_mid_run_and_comes_back(running):
    """A short outage (the hub process restarts): the run reconnects and every message arrives."""
    hub = running()
    spec = hub.emu.add_individual("outage")

    def outage(r: Running) -> None:
        r.stop()
        time.sleep(1.5)
        r.start()

    hub.when(5, outage)
    r = run(hub.emu, "outage", spec.key, "--json", "--count", "20", "--interval", "0.1", "--timeout", "15")
    assert r.code == 0, r.err
    t = r.json["telemetry"]
    assert t["acknowledged"] == 20 == len(set(recorded_ids(hub.emu, "outage"))) and t["failed"] == 0
    assert t["retried"] >= 1
    assert_a_new_run_succeeds(running)


def test_address_disappears_ends_within_the_timeout(running):
    """The hub's address goes away for good: a clear telemetry failure, exit 3, about one timeout later."""
    hub = running()
    spec = hub.emu.add_individual("gone")
    hub.when(5, lambda r: r.stop())
    r = run(hub.emu, "gone", spec.key, "--json", "--count", "50", "--interval", "0.1", "--timeout", "4")
    assert r.code == 3, r.err
    assert hub.stopped_at is not None
    ended_after_stop = time.monotonic() - hub.stopped_at
    assert ended_after_stop < 4 + 2, ended_after_stop  # not 45 messages x 4 s
    data = r.json
    assert data["outcome"] == "telemetry_failed" and data["failedStep"] == "telemetry"
    problem = data["problem"]
    assert problem["code"] == "hub_lost" and problem["title"] == "Lost the connection to the IoT hub"
    assert "never sent" in problem["meaning"] and "4 s" in problem["meaning"]
    t = data["telemetry"]
    assert_every_message_accounted_for(t, hub.emu, "gone")
    assert 5 <= t["acknowledged"] < 50 and t["sent"] < 50
    assert_a_new_run_succeeds(running)


def test_address_disappears_printed_for_a_person(running):
    hub = running()
    spec = hub.emu.add_individual("gone-text")
    hub.when(3, lambda r: r.stop())
    r = run(hub.emu, "gone-text", spec.key, "--count", "30", "--interval", "0.1", "--timeout", "3")
    assert r.code == 3
    assert "Error: Lost the connection to the IoT hub" in r.err
    assert "What to check: Check the network to the IoT hub" in r.err
    assert "Traceback" not in r.err


@pytest.mark.parametrize("in_flight", [1, 4])
def test_stalled_hub_connection_is_replaced_and_nothing_is_lost(running, monkeypatch, in_flight):
    """The hub goes silent on the connection (a half-open socket, as when paho's network thread dies): the
    sends in flight stall, the app replaces the client and sends them again on the new one."""
    from wizard.core import sending

    monkeypatch.setattr(sending, "SEND_STALL_S", 1.5)
    emu = running().emu
    spec = emu.add_individual("stall", faults=Faults(hub_stall_after=5))
    # Spaced sends, so that when the first stalled one gives up the others are still waiting on the old client.
    r = run(emu, "stall", spec.key, "--json", "--count", "12", "--interval", "0.3", "--timeout", "20",
            "--max-in-flight", str(in_flight))
    assert r.code == 0, r.err
    t = r.json["telemetry"]
    assert t["acknowledged"] == 12 == len(set(recorded_ids(emu, "stall"))) and t["failed"] == 0
    assert 1 <= t["retried"] <= in_flight
