"""Worker for emulator_scaling: 10, 50 and 200 devices of one enrollment group provision and send 10 messages
each, concurrently from this one process (the app's BatchRun, or N ProvisioningRuns under a semaphore when
wizard.core.batch is not there), against an emulator in another process.

    python scaling.py CONFIG_JSON   -> BENCH-RESULT {"10": [seconds per device, ...], "50": [...], ...}
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys
import time
from dataclasses import replace

import common  # noqa: F401 - sys.path

from wizard.core import keys
from wizard.core.profile import Enrollment, Profile
from wizard.core.run import ProvisioningRun

try:
    from wizard.core.batch import BatchRun
except ImportError:  # the fleet batch is not in this checkout yet
    BatchRun = None


async def run_fleet(base: Profile, group_key: str, ids: list[str], concurrency: int) -> int:
    """Returns how many devices succeeded."""
    if BatchRun is not None:
        batch = BatchRun(base, group_key, ids, concurrency=concurrency)
        summary = await batch.execute()
        return sum(1 for r in batch.results if r.state == "succeeded") if hasattr(batch, "results") else \
            int(getattr(summary, "succeeded", 0))
    sem = asyncio.Semaphore(concurrency)

    async def one(reg_id: str) -> bool:
        async with sem:
            key = keys.derive_device_key(group_key, reg_id)
            f = await ProvisioningRun(replace(base, registration_id=reg_id, enrollment=Enrollment.INDIVIDUAL),
                                      key).execute()
            return f.outcome == "success"

    return sum(await asyncio.gather(*(one(i) for i in ids)))


async def main(cfg: dict) -> dict:
    base = Profile(name="bench", host=cfg["host"], id_scope=cfg["scope"], registration_id="x",
                   enrollment=Enrollment.GROUP, trusted_ca=cfg["ca_file"], count=cfg["messages"], timeout_s=60)
    await run_fleet(base, cfg["group_key"], [f"warmup-{i}" for i in range(4)], cfg["concurrency"])
    out: dict[str, list[float]] = {str(n): [] for n in cfg["sizes"]}
    for rep in range(cfg["reps"]):
        sizes = cfg["sizes"] if rep % 2 == 0 else list(reversed(cfg["sizes"]))
        for n in sizes:
            ids = [f"s{n}-r{rep}-{i:03d}" for i in range(n)]
            gc.collect()
            t0 = time.monotonic()
            ok = await run_fleet(base, cfg["group_key"], ids, cfg["concurrency"])
            took = time.monotonic() - t0
            if ok != n:
                raise RuntimeError(f"{n} devices: only {ok} succeeded")
            out[str(n)].append(took / n)
    return {"per_device_s": out, "engine": "BatchRun" if BatchRun is not None else "ProvisioningRun+Semaphore"}


if __name__ == "__main__":
    common.emit_result(asyncio.run(main(json.loads(sys.argv[1]))))
