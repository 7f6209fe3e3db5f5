"""`dps-wizard run`: the quickstart's provision_symmetric_key.py as a command, on the same core as the GUI."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import signal
import sys
import threading
from dataclasses import replace
from typing import Any, TextIO

from wizard.cli import (
    EXIT_CANCELLED,
    EXIT_INVALID_INPUT,
    EXIT_OK,
    EXIT_PROVISIONING_FAILED,
    EXIT_TELEMETRY_FAILED,
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



class UsageError(Exception):
    """Invalid input: printed as is (it names the field), exit code 1. str() is English (for --json);
    `human` is the sentence in the person's language."""

    def __init__(self, message: str, field: str | None = None, human: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.human = human if human is not None else message


def _usage_error(source: str, *values: object, field: str | None = None) -> UsageError:
    """A UsageError from a "cli" catalogue sentence (source marked where it is written) and its values."""
    return UsageError(fill(source, *values), field, fill(translate("cli", source), *values))


def _property_pairs(items: list[str]) -> dict[str, str]:
    props: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise _usage_error(QT_TRANSLATE_NOOP("cli", "Custom property '%1' must be written NAME=VALUE."), item)
        props[name.strip()] = value
    return props


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    """Settings given on the command line (only those actually given)."""
    given: dict[str, Any] = {}
    for attr, field in (("host", "host"), ("id_scope", "id_scope"), ("registration_id", "registration_id"),
                        ("count", "count"), ("interval", "interval_s"), ("payload_template", "payload_template"),
                        ("provisioning_payload", "provisioning_payload"), ("trusted_ca", "trusted_ca"),
                        ("timeout", "timeout_s")):
        value = getattr(args, attr)
        if value is not None:
            given[field] = value
    if args.websockets:
        given["websockets"] = True
    if args.read_twin:
        given["read_twin"] = True
    if args.group:
        given["enrollment"] = Enrollment.GROUP
    if args.property:
        given["properties"] = _property_pairs(args.property)
    if args.proxy:
        host, sep, port = args.proxy.rpartition(":")
        if not sep or not host or not port.isdigit():
            raise _usage_error(QT_TRANSLATE_NOOP("cli", "Proxy '%1' must be written HOST:PORT, e.g. "
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
        raise _usage_error(QT_TRANSLATE_NOOP("cli", "Symmetric key is missing: set %1 to the enrollment's key (it "
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
    return {
        Outcome.SUCCESS: EXIT_OK,
        Outcome.PROVISIONING_FAILED: EXIT_PROVISIONING_FAILED,
        Outcome.TELEMETRY_FAILED: EXIT_TELEMETRY_FAILED,
        Outcome.CANCELLED: EXIT_CANCELLED,
    }[finished.outcome]


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
    with contextlib.suppress(NotImplementedError, RuntimeError):  # no signal handlers on Windows' loop
        loop.add_signal_handler(signal.SIGINT, run.cancel)
    # The SDK completes futures of clients the run has already given up on (InvalidStateError), and paho's
    # thread dies noisily on a reset TLS connection: the run explains what happened, so these go to the log.
    loop.set_exception_handler(lambda _loop, context: _quiet_log.debug("%s", redact(str(context.get("message")))))
    threading.excepthook = _quiet_thread_errors
    try:
        return await run.execute()
    finally:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.remove_signal_handler(signal.SIGINT)


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
    logging.basicConfig(level=logging.WARNING, stream=err, format="%(levelname)s %(name)s: %(message)s")
    # The SDK's pipeline chatter (reconnects, unexpected states) is ours to explain, not to print raw.
    logging.getLogger("azure.iot.device").setLevel(logging.CRITICAL)
    # The printer already tells the person what the run's log says.
    run_log = logging.getLogger("wizard.run")
    run_log.propagate = False
    if not run_log.handlers:  # else logging's last-resort handler prints it anyway
        run_log.addHandler(logging.NullHandler())
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
            return _invalid_input(args, [(str(exc), exc.human)], [exc.field], out, err)
        register_secret(key)
        issues = validate(profile, key)
        if errors(issues):
            bad = errors(issues)
            return _invalid_input(args, [(i.message, i.render(tr_core)) for i in bad], [i.field for i in bad], out,
                                  err)
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
        if demo is not None:
            demo.stop()
        out.flush()
        err.flush()


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


def _invalid_input(args: argparse.Namespace, messages: list[tuple[str, str]], fields: list[str | None],
                   out: TextIO, err: TextIO) -> int:
    """messages: (English for --json, the sentence for the person) per problem."""
    human = [h for _english, h in messages]
    if len(human) == 1:
        print(fill(translate("cli", "Invalid input: %1"), human[0]), file=err)
    else:
        print(translate("cli", "Invalid input:") + "\n" + "\n".join(f"  {m}" for m in human), file=err)
    if args.json:
        problems = [{"code": "invalid_input", "field": f, "message": m}
                    for (m, _h), f in zip(messages, fields, strict=True)]
        print(json.dumps({"outcome": "invalid_input", "exitCode": EXIT_INVALID_INPUT, "problems": problems},
                         sort_keys=True), file=out)
    return EXIT_INVALID_INPUT


def _demo_profile(args: argparse.Namespace, printer: Printer) -> tuple[Any, Profile, str]:
    from wizard.demo import DEMO_GROUP_DEVICE_ID, DEMO_INDIVIDUAL_ID, start_demo_emulator

    try:
        demo = start_demo_emulator(args.demo_bind)
    except Exception as exc:  # address in use, not loopback: the message says which and what to do
        raise UsageError(redact(str(exc))) from None
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
        raise _usage_error(QT_TRANSLATE_NOOP("cli", "Profile '%1' does not exist (see: dps-wizard profiles list)."),
                           args.profile)
    try:
        key = SecretStore().get(args.profile, "device-key")
    except SecretStoreError as exc:
        raise UsageError(str(exc), human=exc.render(tr_core)) from None
    if not key:
        raise _usage_error(QT_TRANSLATE_NOOP("cli", "Profile '%1' has no saved key in the keyring: run it once from "
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
