"""`dps-wizard check`: the connectivity check (wizard.core.netcheck) for a profile or a host, on the console."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from typing import Any, TextIO

from wizard.cli import EXIT_INVALID_INPUT
from wizard.core.netcheck import STEP_TIMEOUT_S, CheckReport, CheckResult, CheckTarget, Status, run_checks
from wizard.core.profile import DEFAULT_HOST, Proxy, check_host
from wizard.core.redact import redact

EXIT_CHECK_OK = 0
EXIT_CHECK_WARNINGS = 4
EXIT_CHECK_FAILED = 5
_LABEL = {Status.OK: "ok", Status.WARNING: "WARNING", Status.FAILED: "FAILED", Status.SKIPPED: "skipped"}


class UsageError(Exception):
    pass


def _target(args: argparse.Namespace, env: dict[str, str]) -> tuple[Any, CheckTarget]:
    demo = None
    if args.demo:
        from wizard.demo import start_demo_emulator

        try:
            demo = start_demo_emulator(args.demo_bind)
        except Exception as exc:  # address in use, not loopback: the message says which and what to do
            raise UsageError(redact(str(exc))) from None
        target = CheckTarget(demo.dps_host, demo.ca_file)
    elif args.profile:
        from wizard.core.profiles import ProfileStore

        stored = ProfileStore().get(args.profile)
        if stored is None:
            raise UsageError(f"Profile '{args.profile}' does not exist (see: dps-wizard profiles list).")
        target = CheckTarget.from_profile(stored.profile)
    else:
        target = CheckTarget((args.host or env.get("PROVISIONING_HOST") or DEFAULT_HOST).strip().rstrip("."))
    if args.host and (args.profile or args.demo):
        target = CheckTarget(args.host.strip().rstrip("."), target.trusted_ca, target.websockets, target.proxy)
    if args.trusted_ca:
        target = CheckTarget(target.host, args.trusted_ca, target.websockets, target.proxy)
    if args.websockets:
        target = CheckTarget(target.host, target.trusted_ca, True, target.proxy)
    if args.proxy_host or args.proxy_port:
        if not (args.proxy_host and args.proxy_port):
            raise UsageError("Proxy needs both --proxy-host and --proxy-port.")
        issue = check_host(args.proxy_host, "proxy_host")
        if issue is not None:
            raise UsageError(issue.message)
        if not 1 <= args.proxy_port <= 65535:
            raise UsageError("Proxy port must be between 1 and 65535.")
        target = CheckTarget(target.host, target.trusted_ca, target.websockets, Proxy(args.proxy_host, args.proxy_port))
    issue = check_host(target.host)
    if issue is not None:
        raise UsageError(issue.message)
    return demo, target


def print_report(report: CheckReport, out: TextIO) -> None:
    for r in report.results:
        print_result(r, out)
    if report.advice:
        print("Advice:", file=out)
        for line in report.advice:
            print(f"  - {line}", file=out)
    failed = sum(1 for r in report.results if r.status is Status.FAILED)
    warnings = sum(1 for r in report.results if r.status is Status.WARNING)
    print(f"Result: {failed} failed, {warnings} warning(s), {len(report.results)} checks in "
          f"{report.duration_s:.1f} s.", file=out, flush=True)


def print_result(r: CheckResult, out: TextIO) -> None:
    print(f"[{_LABEL[r.status]}] {r.title}: {r.summary}", file=out)
    pad = " " * 4
    if r.meaning:
        print(f"{pad}What it means: {r.meaning}", file=out)
    if r.hint:
        print(f"{pad}What to try: {r.hint}", file=out)
    for n, cert in enumerate(r.chain, start=1):
        print(f"{pad}{n}. {cert.subject}", file=out)
        print(f"{pad}   issued by {cert.issuer}; valid {cert.not_before:%Y-%m-%d} to {cert.not_after:%Y-%m-%d}",
              file=out)


def exit_code_for(report: CheckReport) -> int:
    return {Status.OK: EXIT_CHECK_OK, Status.SKIPPED: EXIT_CHECK_OK, Status.WARNING: EXIT_CHECK_WARNINGS,
            Status.FAILED: EXIT_CHECK_FAILED}[report.status]


def check_command(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None,
                  env: dict[str, str] | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    env = dict(os.environ if env is None else env)
    demo = None
    try:
        try:
            demo, target = _target(args, env)
            if args.timeout is not None and not 0.1 <= args.timeout <= 30:
                raise UsageError("Timeout must be between 0.1 and 30 seconds.")
        except UsageError as exc:
            print(f"Invalid input: {exc}", file=err)
            if args.json:
                print(json.dumps({"status": "invalid_input", "exitCode": EXIT_INVALID_INPUT, "message": str(exc)}),
                      file=out)
            return EXIT_INVALID_INPUT
        if not args.json:
            mode = "MQTT over WebSockets, port 443" if target.websockets else "MQTT, port 8883"
            via = f", through the proxy {target.proxy.host}:{target.proxy.port}" if target.proxy else ""
            print(f"Checking {target.host} ({mode}{via}) ...", file=out, flush=True)
        timeout = STEP_TIMEOUT_S if args.timeout is None else args.timeout
        report = asyncio.run(run_checks(target, step_timeout=timeout))
        code = exit_code_for(report)
        if args.json:
            print(json.dumps({**report.to_json(), "exitCode": code}, sort_keys=True), file=out)
        else:
            print_report(report, out)
        return code
    finally:
        if demo is not None:
            demo.stop()
        out.flush()
        err.flush()
