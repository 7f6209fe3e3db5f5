"""Running `dps-wizard` commands in this process against an emulator, stdout and stderr captured.

Shared by the integration and reliability tests (import as tests.integration.clitools).
"""

from __future__ import annotations

import io
import json
import time
from dataclasses import dataclass
from typing import Any

from wizard.emulator import Emulator


@dataclass
class Result:
    code: int
    out: str
    err: str
    elapsed: float

    @property
    def json(self) -> dict[str, Any]:
        return json.loads(self.out)


def env_for(emu: Emulator, registration_id: str, key: str) -> dict[str, str]:
    """The quickstart's four variables for a device of `emu`."""
    return {"PROVISIONING_HOST": emu.dps_host, "PROVISIONING_IDSCOPE": emu.id_scope,
            "PROVISIONING_REGISTRATION_ID": registration_id, "PROVISIONING_SYMMETRIC_KEY": key}


def cli(argv: list[str], env: dict[str, str]) -> Result:
    """`dps-wizard <argv>` (run, batch or profiles) in this process."""
    from wizard.cli import build_parser
    from wizard.cli_batch import batch_command
    from wizard.cli_profiles import profiles_command
    from wizard.cli_run import run_command

    args = build_parser().parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    start = time.monotonic()
    if args.command == "run":
        code = run_command(args, out, err, env)
    elif args.command == "batch":
        code = batch_command(args, out, err, env)
    else:
        code = profiles_command(args, out, err)
    return Result(code, out.getvalue(), err.getvalue(), time.monotonic() - start)


def run(emu: Emulator, registration_id: str, key: str, *argv: str) -> Result:
    """`dps-wizard run` for one device of `emu`, trusting its CA."""
    return cli(["run", "--trusted-ca", emu.ca_file, *argv], env_for(emu, registration_id, key))


def batch(emu: Emulator, group_key: str, *argv: str) -> Result:
    """`dps-wizard batch` for devices of a group enrollment of `emu`, trusting its CA."""
    env = {"PROVISIONING_HOST": emu.dps_host, "PROVISIONING_IDSCOPE": emu.id_scope,
           "PROVISIONING_SYMMETRIC_KEY": group_key}
    return cli(["batch", "--trusted-ca", emu.ca_file, *argv], env)
