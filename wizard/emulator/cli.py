"""`dps-wizard emulator`: run the local DPS + IoT Hub in the foreground until Ctrl+C."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import shlex
import signal
import sys
from typing import Any

from .config import load_config
from .models import EmulatorError
from .server import Emulator

DEMO_DEVICE = "demo-device-001"
DEMO_GROUP = "demo-group"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="dps-wizard emulator",
        description="Run a local DPS + IoT Hub emulator (MQTT over TLS on 8883, WebSockets on 443).",
    )
    p.add_argument("--bind", default=None, help="loopback address to listen on (default 127.0.0.1)")
    p.add_argument("--config", metavar="FILE", help="JSON configuration (enrollments, faults)")
    p.add_argument("--assign-at-once", action="store_true", help="answer register with 'assigned' at once")
    p.add_argument("--json", action="store_true", help="print the connection details as one JSON line first")
    p.add_argument("--no-websockets", action="store_true", help="do not listen on port 443")
    p.add_argument("-v", "--verbose", action="store_true", help="log every DPS and hub request")
    return p


def make_emulator(args: argparse.Namespace) -> Emulator:
    if args.config:
        emu = load_config(args.config, bind=args.bind)
    else:
        emu = Emulator(bind=args.bind or "127.0.0.1")
    if args.assign_at_once:
        emu.assign_at_once = True
    if args.no_websockets:
        emu.websockets = False
    if not emu.enrollments:
        emu.add_individual(DEMO_DEVICE)
        emu.add_group(DEMO_GROUP)
    return emu


def usage_text(info: dict[str, Any]) -> str:
    lines = [
        "DPS + IoT Hub emulator is running. Press Ctrl+C to stop.",
        "",
        f"  DPS host (provisioning host): {info['dpsHost']}",
        f"  IoT Hub host:                 {info['hubHost']}",
        f"  ID scope:                     {info['idScope']}",
        f"  CA certificate (trust it):    {info['caFile']}",
        "",
        "Enrollments:",
    ]
    for e in info["enrollments"]:
        if e["kind"] == "individual":
            lines.append(f"  individual  registration ID {e['registrationId']}  key {e['key']}")
        else:
            lines.append(f"  group       group ID {e['groupId']}  group key {e['key']}")
            lines.append("              (devices use the key derived from it for their registration ID)")
    first = next((e for e in info["enrollments"] if e["kind"] == "individual"), None)
    if first is not None:
        lines += [
            "",
            "Try it (POSIX shell; on Windows use `set NAME=value`):",
            f"  export PROVISIONING_HOST={shlex.quote(info['dpsHost'])}",
            f"  export PROVISIONING_IDSCOPE={shlex.quote(info['idScope'])}",
            f"  export PROVISIONING_REGISTRATION_ID={shlex.quote(first['registrationId'])}",
            f"  export PROVISIONING_SYMMETRIC_KEY={shlex.quote(first['key'])}",
            f"  dps-wizard run --trusted-ca {shlex.quote(info['caFile'])}",
        ]
    return "\n".join(lines)


async def _serve(emu: Emulator, as_json: bool) -> None:
    await emu.start()
    try:
        info = emu.describe()
        if as_json:
            print(json.dumps(info), flush=True)
        print(usage_text(info), flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, stop.set)
            except (NotImplementedError, RuntimeError):
                pass  # Windows: Ctrl+C arrives as KeyboardInterrupt instead
        await stop.wait()
    finally:
        await emu.stop()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(asctime)s %(message)s")
    try:
        emu = make_emulator(args)
        asyncio.run(_serve(emu, args.json))
    except EmulatorError as exc:
        print(f"dps-wizard emulator: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    print("Emulator stopped.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
