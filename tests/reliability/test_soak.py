"""Soak: many telemetry messages through the emulator (in a process of its own) with a few hub drops.

Every message ID reaches the hub, once, except redeliveries (paho's, DUP-flagged, or the app's own retries
after a failed send), which the app never counts twice: its acknowledged count equals the number of distinct
IDs the hub recorded. The process's resident memory is read at message 1,000 and at the last one (a tenth and
the end for the CI size). CI sends 500 messages; the 10,000-message run is `slow` (see conftest.py).
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from tests.integration.conftest import next_loopback_address
from tests.reliability.conftest import RESULTS
from wizard.core import events as ev
from wizard.core.profile import Profile
from wizard.core.run import ProvisioningRun

# The in-flight bound for the soak. Measured here (2 CPUs, emulator in the same process, 5,000 messages):
# 1 -> 1,600-1,950 msg/s, 4 -> ~2,100, 8 -> ~2,700, 16 -> ~2,100: the SDK's single pipeline thread is the
# limit, more in flight buys nothing. The app's default stays 1 (reference §12).
IN_FLIGHT = 8
HELPER = Path(__file__).with_name("soak_emulator.py")


def rss_mb() -> float:
    """Resident set size of this process, from /proc (Linux), after a full collection."""
    gc.collect()
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads RSS from /proc")
@pytest.mark.parametrize("count", [500, pytest.param(10_000, marks=pytest.mark.slow)])
def test_soak(tmp_path, count):
    records_path = tmp_path / "records.json"
    drop_after = count // 4
    helper = subprocess.Popen([sys.executable, str(HELPER), next_loopback_address(), str(records_path),
                               str(drop_after), "3"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              env=os.environ | {"PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    try:
        info = json.loads(helper.stdout.readline())
        profile = Profile(name="soak", host=info["dpsHost"], id_scope=info["idScope"],
                          registration_id="soak-device", trusted_ca=info["caFile"], count=count, timeout_s=30)
        checkpoint = 1_000 if count >= 10_000 else count // 10
        rss: dict[int, float] = {}
        retried_ids: dict[str, int] = defaultdict(int)

        def on_event(e: ev.Event) -> None:
            if isinstance(e, ev.MessageAcknowledged):
                done = run.summary.acknowledged
                if done in (checkpoint, count):
                    rss[done] = rss_mb()
            elif isinstance(e, ev.MessageFailed) and e.will_retry:
                retried_ids[e.message_id] += 1

        run = ProvisioningRun(profile, info["key"], on_event, max_in_flight=IN_FLIGHT)
        rss_before = rss_mb()
        finished = asyncio.run(run.execute())
    finally:
        helper.stdin.close()
        helper.wait(30)
    records = json.loads(records_path.read_text())
    s = finished.telemetry
    assert finished.outcome == "success", finished.problem
    per_id = Counter(mid for mid, _ in records)
    dups = Counter(mid for mid, dup in records if dup)
    assert s.acknowledged == count == len(per_id) and s.failed == 0 and s.sent == count
    # Exactly once, except redeliveries: each extra copy is DUP-flagged or follows a retry by the app.
    for mid, n in per_id.items():
        assert n == 1 or n - 1 <= dups[mid] + retried_ids[mid], (mid, n, dups[mid], retried_ids[mid])
    assert sum(per_id.values()) > count  # the three drops really happened
    growth = rss[count] - rss[checkpoint]
    RESULTS.append(f"soak {count}: {s.acknowledged} acknowledged = {len(per_id)} distinct IDs at the hub "
                   f"({len(records)} records, {sum(dups.values())} DUP-flagged, {s.retried} app retries), "
                   f"{s.failed} failed; {s.rate_per_s:.0f} msg/s with {IN_FLIGHT} in flight; RSS before "
                   f"{rss_before:.1f} MB, at {checkpoint} {rss[checkpoint]:.1f} MB, at {count} {rss[count]:.1f} MB "
                   f"(+{growth:.1f} MB)")
    if count >= 10_000:
        # Flat: what grows with the count is the latency list (8 bytes + a float each), not the messages.
        assert growth < 16, RESULTS[-1]
