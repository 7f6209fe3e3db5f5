"""The emulator in a process of its own for the soak test, so the test's RSS is the app's alone.

    python tests/reliability/soak_emulator.py BIND RECORDS.json [HUB_DROP_AFTER HUB_DROP_TIMES]

Prints one JSON line (dpsHost, hubHost, idScope, caFile, key of the enrollment "soak-device") once it listens,
runs until its stdin closes, then writes every telemetry record it received as [message_id, dup] pairs to
RECORDS.json and exits.
"""

from __future__ import annotations

import asyncio
import json
import sys


async def main(bind: str, records_path: str, drop_after: int, drop_times: int) -> None:
    from wizard.emulator import Emulator, Faults

    emu = Emulator(bind=bind, assign_at_once=True, websockets=False)
    spec = emu.add_individual("soak-device", faults=Faults(hub_drop_after=drop_after, hub_drop_times=drop_times))
    await emu.start()
    print(json.dumps({"dpsHost": emu.dps_host, "hubHost": emu.hub_host, "idScope": emu.id_scope,
                      "caFile": emu.ca_file, "key": spec.key}), flush=True)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)  # until the test closes our stdin
    await emu.stop()
    with open(records_path, "w", encoding="utf-8") as fh:
        json.dump([[m.message_id, m.dup] for m in emu.telemetry], fh)


if __name__ == "__main__":
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2]))
    args = sys.argv[1:]
    asyncio.run(main(args[0], args[1], int(args[2]) if len(args) > 2 else 0, int(args[3]) if len(args) > 3 else 1))
