"""`dps-wizard run`: the quickstart's provision_symmetric_key.py as a command, on the same core as the GUI."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import sys
import threading
from dataclasses import replace
from typing import Any, TextIO

from wizard.cli import EXIT_CANCELLED
from wizard.cli_common import (
    UsageError,
    ctrl_c_cancels,
    exit_code_for_outcome,
    finish,
    print_invalid_input,
    profile_overrides,
    quiet_console_logging,
    start_demo,
    usage_error,
)
from wizard.core import events as ev
from wizard.core import keys
from wizard.core.events import Outcome, Step
from wizard.core.i18n import QT_TRANSLATE_NOOP, fill
from wizard.core.problems import Problem
from wizard.core.profile import DEFAULT_HOST, Enrollment, Profile, Proxy, errors, validate
from wizard.core.redact import redact, register_secret
from wizard.i18n import render, tr_core, translate
from wizard.quickstart import ENV_HOST, ENV_KEY, ENV_REG_ID, ENV_SCOPE

# Human output (stderr: progress, warnings, errors) goes through translate("cli", ...). The lines the SDK
# sample prints on stdout stay exactly as the sample prints them (scripts written for it read them), and
# --json output is English.

ENV_PROXY_PASSWORD = "PROVISIONING_PROXY_PASSWORD"


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    """Settings given on the command line (only those actually given)."""
    given = profile_overrides(args)
    if args.registration_id is not None:
        given["registration_id"] = args.registration_id
    if args.read_twin:
        given["read_twin"] = True
    if args.group:
        given["enrollment"] = Enrollment.GROUP
    if args.proxy:
        host, sep, port = args.proxy.rpartition(":")
        if not sep or not host or not port.isdigit():
            raise usage_error(QT_TRANSLATE_NOOP("cli", "Proxy '%1' must be written HOST:PORT, e.g. "
                                                       "proxy.example.com:3128."), args.proxy, field="proxy_host")
        given["proxy"] = Proxy(host.strip("[]"), int(port), args.proxy_user or "", args.proxy_kind or "HTTP")
    return given


def profile_from_environment(args: argparse.Namespace, env: dict[str, str]) -> tuple[Profile, str]:
    """The quickstart's four variables, overridden by the options; returns the profile and the raw key."""
    base = Profile(
        name=args.save_as or "",
        host=env.get(ENV_HOST) or DEFAULT_HOST,
        id_scope=env.get(ENV_SCOPE, ""),
        registration_id=env.get(ENV_REG_ID, ""),
    )
    key = env.get(ENV_KEY, "")
    if not key.strip():
        raise usage_error(QT_TRANSLATE_NOOP("cli", "Symmetric key is missing: set %1 to the enrollment's key (it "
                                                    "is never taken as an argument, so it stays out of shell history "
                                                    "and process lists)."), ENV_KEY, field="key")
    return replace(base, **_overrides(args)), key


class Printer:
    """Prints what the SDK sample prints, as the run's events arrive."""

    def __init__(self, out: TextIO, err: TextIO, quiet: bool, as_json: bool) -> None:
        self.out, self.err = out, err
        self.quiet, self.as_json = quiet, as_json

    def status(self, text: str) -> None:
        if not self.quiet and not self.as_json:
            print(text, file=self.err, flush=True)

    def __call__(self, event: ev.Event) -> None:
        if self.quiet or self.as_json:
            return
        if isinstance(event, ev.StepStarted) and event.step == Step.CONNECT_DPS:
            self.status(fill(translate("cli", "Connecting to %1 ..."), event.detail))
        elif isinstance(event, ev.Polling):
            self.status(fill(translate("cli", "Waiting for assignment (poll %1) ..."), event.poll))
        elif isinstance(event, ev.Assigned):
            r = event.registration
            print("The complete registration result is", file=self.out)
            # The sample prints RegistrationState: device ID, hub, substatus, payload, one a line.
            for value in (r.device_id, r.assigned_hub, r.substatus, json.dumps(r.payload)):
                print(value, file=self.out)
            print("Will send telemetry from the provisioned device", file=self.out, flush=True)
        elif isinstance(event, ev.TwinReceived):
            print("Device twin:", json.dumps(event.twin, sort_keys=True), file=self.out, flush=True)
        elif isinstance(event, ev.MessageSent):
            if event.attempt == 1:
                print(f"sending message #{event.index}", file=self.out, flush=True)
        elif isinstance(event, ev.MessageAcknowledged):
            print(f"done sending message #{event.index}", file=self.out, flush=True)
        elif isinstance(event, ev.MessageFailed):
            if event.will_retry:
                line = translate("cli", "message #%1 failed (%2); retrying")
            else:
                line = translate("cli", "message #%1 failed (%2); giving up")
            self.status(fill(line, event.index, event.reason))

    def summary(self, finished: ev.Finished) -> None:
        if self.quiet or self.as_json or finished.registration is None:
            return
        s = finished.telemetry
        if s.requested == 0:
            return
        median, worst = s.latency(0.5), (max(s.latencies_s) if s.latencies_s else None)
        line = fill(translate("cli", "Telemetry: %1 of %2 acknowledged, %3 failed"), s.acknowledged, s.requested,
                    s.failed)
        if s.retried:
            line = fill(translate("cli", "%1, %2 retried"), line, s.retried)
        if median is not None and worst is not None:
            line = fill(translate("cli", "%1; latency median %2 ms, max %3 ms"), line, f"{median * 1000:.1f}",
                        f"{worst * 1000:.1f}")
        line = fill(translate("cli", "%1; %2 s (%3 msg/s)."), line, f"{s.duration_s:.2f}", f"{s.rate_per_s:.1f}")
        self.status(line)


def print_problem(problem: Problem, err: TextIO) -> None:
    title, meaning, hint = problem.rendered(tr_core)
    print(fill(translate("cli", "Error: %1"), title), file=err)
    print("  " + fill(translate("cli", "What happened: %1"), meaning), file=err)
    print("  " + fill(translate("cli", "What to check: %1"), hint), file=err)
    if problem.dps_error_code is not None or problem.dps_error_message:
        # The service's own words, as received.
        code = problem.dps_error_code if problem.dps_error_code is not None else ""
        said = f"{code} {problem.dps_error_message or ''}".strip()
        print("  " + fill(translate("cli", "DPS error: %1"), said), file=err)
    if problem.detail:
        print("  " + fill(translate("cli", "Detail: %1"), problem.detail), file=err)
    err.flush()


def exit_code_for(finished: ev.Finished) -> int:
    return exit_code_for_outcome(finished.outcome)


def finished_json(finished: ev.Finished, profile: Profile, code: int) -> dict[str, Any]:
    return {
        "outcome": finished.outcome,
        "exitCode": code,
        "registrationId": profile.registration_id,
        "idScope": profile.id_scope,
        "provisioningHost": profile.host,
        "registration": finished.registration.to_json() if finished.registration else None,
        "twin": finished.twin,
        "telemetry": finished.telemetry.to_json(),
        "problem": finished.problem.to_json() if finished.problem else None,
        "failedStep": finished.failed_step,
    }


async def _run(profile: Profile, device_key: str, printer: Printer, proxy_password: str | None,
               max_in_flight: int) -> ev.Finished:
    from wizard.core.run import ProvisioningRun

    run = ProvisioningRun(profile, device_key, printer, proxy_password=proxy_password, max_in_flight=max_in_flight)
    loop = asyncio.get_running_loop()
    with ctrl_c_cancels(run.cancel):
        # The SDK completes futures of clients the run has already given up on (InvalidStateError), and paho's
        # thread dies noisily on a reset TLS connection: the run explains what happened, so these go to the log.
        loop.set_exception_handler(lambda _loop, context: _quiet_log.debug("%s", redact(str(context.get("message")))))
        threading.excepthook = _quiet_thread_errors
        return await run.execute()


_quiet_log = logging.getLogger("wizard.cli.background")
_default_excepthook = threading.excepthook


def _quiet_thread_errors(hook_args: threading.ExceptHookArgs) -> None:
    if isinstance(hook_args.exc_value, OSError | RuntimeError):  # ssl.SSLError is an OSError
        _quiet_log.debug("%s in %s", type(hook_args.exc_value).__name__, getattr(hook_args.thread, "name", "?"))
        return
    _default_excepthook(hook_args)


def run_command(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None,
                env: dict[str, str] | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    env = dict(os.environ if env is None else env)
    quiet_console_logging(err)  # the printer tells the person what the SDK's and the run's logs say
    printer = Printer(out, err, args.quiet, args.json)
    demo = None
    try:
        try:
            if args.demo:
                demo, profile, key = _demo_profile(args, printer)
            elif args.profile:
                profile, key = _saved_profile(args)
            else:
                profile, key = profile_from_environment(args, env)
        except UsageError as exc:
            return print_invalid_input(args.json, [(str(exc), exc.human)], [exc.field], out, err)
        register_secret(key)
        issues = validate(profile, key)
        if errors(issues):
            bad = errors(issues)
            return print_invalid_input(args.json, [(i.message, i.render(tr_core)) for i in bad], [i.field for i in bad],
                                       out, err)
        for warning in (i for i in issues if not i.is_error):
            print(fill(translate("cli", "Warning: %1"), warning.render(tr_core)), file=err)
        profile = profile.normalised()
        device_key = (keys.derive_device_key(key, profile.registration_id) if profile.is_group
                      else keys.normalise_key(key))
        register_secret(device_key)
        proxy_password = _proxy_password(args, profile, env)
        try:
            finished = asyncio.run(_run(profile, device_key, printer, proxy_password, args.max_in_flight))
        except KeyboardInterrupt:
            print(translate("cli", "Cancelled."), file=err)
            return EXIT_CANCELLED
        code = exit_code_for(finished)
        if args.json:
            print(json.dumps(finished_json(finished, profile, code), indent=None, sort_keys=True), file=out)
        else:
            printer.summary(finished)
        if finished.problem is not None and finished.outcome != Outcome.SUCCESS:
            print_problem(finished.problem, err)
        elif finished.outcome == Outcome.CANCELLED:
            print(translate("cli", "Cancelled."), file=err)
        if args.save_as and not args.profile:
            _save_profile(args.save_as, profile, device_key, err)
        if args.profile:
            _record(args.profile, finished)
        return code
    finally:
        finish(demo, out, err)


def _proxy_password(args: argparse.Namespace, profile: Profile, env: dict[str, str]) -> str | None:
    if profile.proxy is None:
        return None
    if env.get(ENV_PROXY_PASSWORD):
        register_secret(env[ENV_PROXY_PASSWORD])
        return env[ENV_PROXY_PASSWORD]
    if args.profile:
        from wizard.core.secrets import SecretStore, SecretStoreError

        with contextlib.suppress(SecretStoreError):
            return SecretStore().get(args.profile, "proxy-password")
    return None


def _demo_profile(args: argparse.Namespace, printer: Printer) -> tuple[Any, Profile, str]:
    from wizard.demo import DEMO_GROUP_DEVICE_ID, DEMO_INDIVIDUAL_ID

    demo = start_demo(args.demo_bind)
    if args.demo_group:
        profile = Profile(name=args.save_as or "Demo (group)", enrollment=Enrollment.GROUP,
                          registration_id=args.registration_id or DEMO_GROUP_DEVICE_ID)
        key = demo.group_key
    else:
        profile = Profile(name=args.save_as or "Demo", registration_id=args.registration_id or DEMO_INDIVIDUAL_ID)
        key = demo.individual_key
    profile = replace(profile, host=demo.dps_host, id_scope=demo.id_scope, trusted_ca=demo.ca_file, demo=True)
    overrides = {k: v for k, v in _overrides(args).items()
                 if k not in ("host", "id_scope", "registration_id", "trusted_ca", "enrollment")}
    printer.status(fill(translate("cli", "Demo: built-in emulator at %1 (DPS) and %2 (IoT hub), ID scope %3."),
                        demo.dps_host, demo.hub_host, demo.id_scope))
    return demo, replace(profile, **overrides), key


def _saved_profile(args: argparse.Namespace) -> tuple[Profile, str]:
    from wizard.core.profiles import ProfileStore
    from wizard.core.secrets import SecretStore, SecretStoreError

    stored = ProfileStore().get(args.profile)
    if stored is None:
        raise usage_error(QT_TRANSLATE_NOOP("cli", "Profile '%1' does not exist (see: dps-wizard profiles list)."),
                           args.profile)
    try:
        key = SecretStore().get(args.profile, "device-key")
    except SecretStoreError as exc:
        raise UsageError(str(exc), human=exc.render(tr_core)) from None
    if not key:
        raise usage_error(QT_TRANSLATE_NOOP("cli", "Profile '%1' has no saved key in the keyring: run it once from "
                                                    "the wizard with 'Remember the key' ticked, or use the "
                                                    "environment variables."), args.profile)
    # The keyring holds the device key (already derived for a group), so the run uses it as is.
    profile = replace(stored.profile, enrollment=Enrollment.INDIVIDUAL,
                      **{k: v for k, v in _overrides(args).items() if k != "enrollment"})
    return profile, key


def _save_profile(name: str, profile: Profile, device_key: str, err: TextIO) -> None:
    from wizard.core.profiles import ProfileStore, ProfileStoreError
    from wizard.core.secrets import SecretStore, SecretStoreError

    store = ProfileStore()
    existing = store.get(name)
    try:
        # --save-as an existing name updates that profile (the person asked for that name).
        store.save(replace(profile, name=existing.name if existing else name),
                   previous_name=existing.name if existing else None)
    except ProfileStoreError as exc:
        print(fill(translate("cli", "Warning: the profile was not saved: %1"), exc.render(tr_core)), file=err)
        return
    secrets = SecretStore()
    if not secrets.usable:
        why = secrets.why_unusable_text
        print(fill(translate("cli", "Warning: profile '%1' saved without its key: %2"), name,
                   render(why) if why is not None else ""), file=err)
        return
    try:
        secrets.set(name, "device-key", device_key)
    except SecretStoreError as exc:
        print(fill(translate("cli", "Warning: profile '%1' saved without its key: %2"), name, exc.render(tr_core)),
              file=err)
        return
    print(fill(translate("cli", "Saved profile '%1' (key in %2)."), name, secrets.backend_name), file=err)


def _record(name: str, finished: ev.Finished) -> None:
    from wizard.core.profiles import ProfileStore, ProfileStoreError

    summary: dict[str, Any] = {"acknowledged": finished.telemetry.acknowledged, "failed": finished.telemetry.failed}
    if finished.registration:
        summary.update(deviceId=finished.registration.device_id, assignedHub=finished.registration.assigned_hub)
    if finished.problem:
        summary["problem"] = finished.problem.title
    with contextlib.suppress(ProfileStoreError, OSError):
        ProfileStore().record_result(name, finished.outcome, summary)
