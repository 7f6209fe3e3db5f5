"""The `dps-wizard run` command line equivalent to a Profile, for scripts. Never includes a secret.

The key is read by `dps-wizard run` from PROVISIONING_SYMMETRIC_KEY (the quickstart's variable), and the proxy
password is never put on a command line either. Only options that differ from the defaults are written.
"""

from __future__ import annotations

import shlex
import subprocess
import sys

from wizard.core.profile import DEFAULT_HOST, DEFAULT_TIMEOUT_S, Profile
from wizard.core.telemetry import DEFAULT_PAYLOAD_TEMPLATE

PROGRAM = "dps-wizard"
KEY_VARIABLE = "PROVISIONING_SYMMETRIC_KEY"


def _num(value: float) -> str:
    return f"{value:g}"


def arguments(profile: Profile) -> list[str]:
    """The argument vector (without the program name) that runs this profile headless."""
    p = profile.normalised()
    args = ["run"]
    if p.demo:  # the built-in emulator: its host, scope and CA are the CLI's business
        args += ["--demo"] + (["--demo-group"] if p.is_group else [])
    else:
        if p.host != DEFAULT_HOST:
            args += ["--host", p.host]
        args += ["--id-scope", p.id_scope, "--registration-id", p.registration_id]
        if p.is_group:
            args += ["--group"]
    if p.websockets:
        args += ["--websockets"]
    if p.proxy is not None:
        args += ["--proxy", f"{p.proxy.host}:{p.proxy.port}"]
        if p.proxy.kind and p.proxy.kind != "HTTP":
            args += ["--proxy-kind", p.proxy.kind]
        if p.proxy.username:
            args += ["--proxy-user", p.proxy.username]
    if p.trusted_ca and not p.demo:
        args += ["--trusted-ca", p.trusted_ca]
    if p.timeout_s != DEFAULT_TIMEOUT_S:
        args += ["--timeout", _num(p.timeout_s)]
    if p.count != 10:
        args += ["--count", str(p.count)]
    if p.interval_s:
        args += ["--interval", _num(p.interval_s)]
    if p.payload_template != DEFAULT_PAYLOAD_TEMPLATE:
        args += ["--payload-template", p.payload_template]
    for name, value in p.properties.items():
        args += ["--property", f"{name}={value}"]
    if p.provisioning_payload and p.provisioning_payload.strip():
        args += ["--provisioning-payload", p.provisioning_payload]
    if p.read_twin:
        args += ["--read-twin"]
    return args


def command_line(profile: Profile, style: str | None = None) -> str:
    """One line to paste into a shell: style "posix" (sh quoting) or "windows" (cmd/CreateProcess quoting).

    The key is not part of it: set PROVISIONING_SYMMETRIC_KEY first (or use --profile NAME with a saved key).
    """
    style = style or ("windows" if sys.platform == "win32" else "posix")
    argv = [PROGRAM, *arguments(profile)]
    if style == "windows":
        return subprocess.list2cmdline(argv)
    return shlex.join(argv)
