"""Worker for telemetry_throughput_ratio: the app's sender (ProvisioningRun) against a bare SDK loop, same
process, same device, same 1,000 message bodies, same in-flight bound; repetitions interleaved.

    python throughput.py CONFIG_JSON   -> BENCH-RESULT {"<bound>": {"app": [msg/s...], "bare": [...]}}
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys
import time
import uuid

import common  # noqa: F401 - sys.path
from azure.iot.device import Message
from azure.iot.device.aio import IoTHubDeviceClient

from wizard.core.profile import Profile
from wizard.core.run import ProvisioningRun
from wizard.core.telemetry import TelemetryPlan


async def app_rate(profile: Profile, key: str, bound: int) -> float:
    events = [0]

    def on_event(_e: object) -> None:  # a listener as cheap as can be: we measure the sender, not a UI
        events[0] += 1

    finished = await ProvisioningRun(profile, key, on_event, max_in_flight=bound).execute()
    s = finished.telemetry
    if s.acknowledged != profile.count:
        raise RuntimeError(f"app run: {s.acknowledged} of {profile.count} acknowledged ({finished.problem})")
    return s.acknowledged / s.duration_s


async def bare_rate(cfg: dict, bodies: list[str], bound: int) -> float:
    """What a person would write with the SDK alone: connect, then send with at most `bound` in flight
    (a uuid4 message id per message, as the SDK sample sets it; the same bodies as the app's)."""
    client = IoTHubDeviceClient.create_from_symmetric_key(
        symmetric_key=cfg["key"], hostname=cfg["hub"], device_id=cfg["device_id"],
        server_verification_cert=cfg["ca_pem"], websockets=False)
    await client.connect()
    try:
        sem = asyncio.Semaphore(bound)
        correlation = "bench"

        async def send(i: int, body: str) -> None:
            try:
                msg = Message(body, message_id=str(uuid.uuid4()), content_encoding="utf-8",
                              content_type="application/json")
                msg.correlation_id = correlation
                msg.custom_properties["count"] = str(i)
                await client.send_message(msg)
            finally:
                sem.release()

        tasks = []
        t0 = time.monotonic()
        for i, body in enumerate(bodies, 1):
            await sem.acquire()
            tasks.append(asyncio.ensure_future(send(i, body)))
        await asyncio.gather(*tasks)
        return len(bodies) / (time.monotonic() - t0)
    finally:
        await client.shutdown()


async def main(cfg: dict) -> dict:
    with open(cfg["ca_file"], encoding="utf-8") as f:
        cfg["ca_pem"] = f.read()
    profile = Profile(name="bench", host=cfg["host"], id_scope=cfg["scope"], registration_id=cfg["device_id"],
                      trusted_ca=cfg["ca_file"], count=cfg["count"], timeout_s=60)
    plan = TelemetryPlan(cfg["count"])
    bodies = [plan.message(i, cfg["device_id"]).body for i in range(1, cfg["count"] + 1)]
    # Warm-up (imports, TLS contexts, the emulator's first assignment), not counted.
    await app_rate(profile, cfg["key"], 1)
    await bare_rate(cfg, bodies[:50], 1)
    out: dict[str, dict[str, list[float]]] = {}
    for bound in cfg["bounds"]:
        app, bare = [], []
        for rep in range(cfg["reps"]):
            gc.collect()
            # Alternate which goes first, so neither always gets the warmer (or the noisier) slot.
            if rep % 2 == 0:
                app.append(await app_rate(profile, cfg["key"], bound))
                bare.append(await bare_rate(cfg, bodies, bound))
            else:
                bare.append(await bare_rate(cfg, bodies, bound))
                app.append(await app_rate(profile, cfg["key"], bound))
        out[str(bound)] = {"app": app, "bare": bare}
    return out


if __name__ == "__main__":
    config = json.loads(sys.argv[1])
    common.emit_result(asyncio.run(main(config)))
