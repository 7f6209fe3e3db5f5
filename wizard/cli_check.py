"""`dps-wizard check`: the connectivity check (wizard.core.netcheck) for a profile or a host, on the console."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from typing import Any, TextIO

from wizard.cli import EXIT_INVALID_INPUT
from wizard.cli_common import UsageError, finish, start_demo, usage_error
from wizard.core.i18n import PLURAL, QT_TRANSLATE_NOOP, fill
from wizard.core.netcheck import STEP_TIMEOUT_S, CheckReport, CheckResult, CheckTarget, Status, run_checks
from wizard.core.profile import DEFAULT_HOST, Proxy, check_host
from wizard.i18n import plural, tr_core, translate

# The human report is in the person's language (translate("cli"), the checks' own sentences through tr_core);
# --json output is English.

EXIT_CHECK_OK = 0
EXIT_CHECK_WARNINGS = 4
EXIT_CHECK_FAILED = 5
_LABEL = {Status.OK: QT_TRANSLATE_NOOP("cli", "ok"), Status.WARNING: QT_TRANSLATE_NOOP("cli", "WARNING"),
          Status.FAILED: QT_TRANSLATE_NOOP("cli", "FAILED"), Status.SKIPPED: QT_TRANSLATE_NOOP("cli", "skipped")}
_RESULT = PLURAL.translate("cli", "Result: %1 failed, %n warning(s), %2 checks in %3 s.", None, 1)


def _target(args: argparse.Namespace, env: dict[str, str]) -> tuple[Any, CheckTarget]:
    demo = None
    if args.demo:
        demo = start_demo(args.demo_bind)
        target = CheckTarget(demo.dps_host, demo.ca_file)
    elif args.profile:
        from wizard.core.profiles import ProfileStore

        stored = ProfileStore().get(args.profile)
        if stored is None:
            raise usage_error(QT_TRANSLATE_NOOP("cli", "Profile '%1' does not exist (see: dps-wizard profiles "
                                                        "list)."), args.profile)
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
            raise usage_error(QT_TRANSLATE_NOOP("cli", "Proxy needs both --proxy-host and --proxy-port."))
        issue = check_host(args.proxy_host, "proxy_host")
        if issue is not None:
            raise UsageError(issue.message, human=issue.render(tr_core))
        if not 1 <= args.proxy_port <= 65535:
            raise usage_error(QT_TRANSLATE_NOOP("cli", "Proxy port must be between 1 and 65535."))
        target = CheckTarget(target.host, target.trusted_ca, target.websockets, Proxy(args.proxy_host, args.proxy_port))
    issue = check_host(target.host)
    if issue is not None:
        raise UsageError(issue.message, human=issue.render(tr_core))
    return demo, target


def print_report(report: CheckReport, out: TextIO) -> None:
    for r in report.results:
        print_result(r, out)
    advice = [t.render(tr_core) for t in report.advice_texts] if report.advice_texts else report.advice
    if advice:
        print(translate("cli", "Advice:"), file=out)
        for line in advice:
            print(f"  - {line}", file=out)
    failed = sum(1 for r in report.results if r.status is Status.FAILED)
    warnings = sum(1 for r in report.results if r.status is Status.WARNING)
    print(plural("cli", _RESULT, warnings, failed, len(report.results), f"{report.duration_s:.1f}"), file=out,
          flush=True)


def print_result(r: CheckResult, out: TextIO) -> None:
    title, summary, meaning, hint = r.rendered(tr_core)
    print(f"[{translate('cli', _LABEL[r.status])}] {title}: {summary}", file=out)
    pad = " " * 4
    if meaning:
        print(pad + fill(translate("cli", "What it means: %1"), meaning), file=out)
    if hint:
        print(pad + fill(translate("cli", "What to try: %1"), hint), file=out)
    for n, cert in enumerate(r.chain, start=1):
        print(f"{pad}{n}. {cert.subject}", file=out)
        print(f"{pad}   " + fill(translate("cli", "issued by %1; valid %2 to %3"), cert.issuer,
                                 f"{cert.not_before:%Y-%m-%d}", f"{cert.not_after:%Y-%m-%d}"), file=out)


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
                raise usage_error(QT_TRANSLATE_NOOP("cli", "Timeout must be between 0.1 and 30 seconds."))
        except UsageError as exc:
            print(fill(translate("cli", "Invalid input: %1"), exc.human), file=err)
            if args.json:
                print(json.dumps({"status": "invalid_input", "exitCode": EXIT_INVALID_INPUT, "message": str(exc)}),
                      file=out)
            return EXIT_INVALID_INPUT
        if not args.json:
            if target.proxy:
                line = fill(translate("cli", "Checking %1 (MQTT over WebSockets, port 443, through the proxy %2) ...")
                            if target.websockets else
                            translate("cli", "Checking %1 (MQTT, port 8883, through the proxy %2) ..."),
                            target.host, f"{target.proxy.host}:{target.proxy.port}")
            else:
                line = fill(translate("cli", "Checking %1 (MQTT over WebSockets, port 443) ...") if target.websockets
                            else translate("cli", "Checking %1 (MQTT, port 8883) ..."), target.host)
            print(line, file=out, flush=True)
        timeout = STEP_TIMEOUT_S if args.timeout is None else args.timeout
        report = asyncio.run(run_checks(target, step_timeout=timeout))
        code = exit_code_for(report)
        if args.json:
            print(json.dumps({**report.to_json(), "exitCode": code}, sort_keys=True), file=out)
        else:
            print_report(report, out)
        return code
    finally:
        finish(demo, out, err)
