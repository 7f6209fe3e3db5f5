"""`dps-wizard batch`: provision many devices of an enrollment group from the command line (core: BatchRun)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
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
from wizard.core.batch import (
    MAX_CONCURRENCY,
    BatchRun,
    BatchSummary,
    DeviceChanged,
    DeviceResult,
    DeviceState,
)
from wizard.core.i18n import PLURAL, QT_TRANSLATE_NOOP, fill
from wizard.core.idlist import ParsedIds, parse_csv_file, parse_id_text
from wizard.core.profile import DEFAULT_HOST, Enrollment, Profile, errors, validate
from wizard.core.redact import register_secret
from wizard.i18n import plural, tr_core, translate
from wizard.quickstart import ENV_HOST, ENV_KEY, ENV_SCOPE

# Human output (progress, summary, warnings, errors) goes through translate("cli", ...) and the core's sentences
# through tr_core; --json output and the export files are English.

DEMO_IDS = "demo-sensor-{001..010}"
KEYS_WARNING = QT_TRANSLATE_NOOP("cli", "Warning: the export files will contain every device's derived key. Anyone "
                                        "with a file can connect as those devices: keep it private and delete it "
                                        "when done. The group key is never exported.")
_DEVICES_FAILED = PLURAL.translate("cli", "Error: %1: %n device(s): %2", None, 1)
_BATCH_SUMMARY = PLURAL.translate("cli", "Batch: %n devices: %1 in %2 s (%3 at once, %4 devices/s).", None, 1)
_PROVISIONING = PLURAL.translate("cli", "Provisioning %n devices of the group on %1, %2 at once ...", None, 1)
_QUIET_FAILED = PLURAL.translate("cli", "%1 of %n devices failed.", None, 1)


def _device_list(args: argparse.Namespace) -> ParsedIds:
    if args.csv:
        return parse_csv_file(args.csv)
    if args.registration_ids is not None:
        return parse_id_text(args.registration_ids)
    if args.demo:
        return parse_id_text(DEMO_IDS)
    raise usage_error(QT_TRANSLATE_NOOP("cli", "Registration IDs are missing: give --registration-ids "
                                                "'sensor-{001..100}' (or a comma list) or --csv FILE."),
                       field="registration_id")


def _target(args: argparse.Namespace, env: dict[str, str], err: TextIO, quiet: bool) -> tuple[Any, Profile, str]:
    """(demo emulator or None, the base profile, the group key)."""
    base = Profile(enrollment=Enrollment.GROUP, count=0)
    if args.demo:
        demo = start_demo(args.demo_bind)
        if not quiet:
            print(fill(translate("cli", "Demo: built-in emulator at %1 (DPS) and %2 (IoT hub), ID scope %3, group "
                                        "enrollment '%4'."), demo.dps_host, demo.hub_host, demo.id_scope,
                       "demo-group"), file=err)
        profile = replace(base, name="Demo batch", host=demo.dps_host, id_scope=demo.id_scope,
                          trusted_ca=demo.ca_file, demo=True)
        overrides = {k: v for k, v in profile_overrides(args, "properties").items()
                     if k not in ("host", "id_scope", "trusted_ca")}
        return demo, replace(profile, **overrides), demo.group_key
    if args.profile:
        from wizard.core.profiles import ProfileStore
        from wizard.core.secrets import SecretStore, SecretStoreError

        stored = ProfileStore().get(args.profile)
        if stored is None:
            raise usage_error(QT_TRANSLATE_NOOP("cli", "Profile '%1' does not exist (see: dps-wizard profiles "
                                                        "list)."), args.profile)
        key = env.get(ENV_KEY, "")
        if not key.strip():
            try:
                key = SecretStore().get(args.profile, "group-key") or ""
            except SecretStoreError as exc:
                raise UsageError(str(exc), human=exc.render(tr_core)) from None
        if not key.strip():
            raise usage_error(QT_TRANSLATE_NOOP("cli", "Profile '%1' has no saved group key in the keyring (the "
                                                        "wizard saves it only when asked to): set %2 to the enrollment "
                                                        "group's key."), args.profile, ENV_KEY, field="key")
        profile = replace(stored.profile, enrollment=Enrollment.GROUP, count=0, registration_id="")
        return None, replace(profile, **profile_overrides(args, "properties")), key
    key = env.get(ENV_KEY, "")
    if not key.strip():
        raise usage_error(QT_TRANSLATE_NOOP("cli", "Group key is missing: set %1 to the enrollment group's primary "
                                                    "key (it is never taken as an argument, so it stays out of shell "
                                                    "history and process lists)."), ENV_KEY, field="key")
    profile = replace(base, host=env.get(ENV_HOST) or DEFAULT_HOST, id_scope=env.get(ENV_SCOPE, ""))
    return None, replace(profile, **profile_overrides(args, "properties")), key


class BatchPrinter:
    """A progress bar on a terminal; otherwise one line per device as it finishes."""

    def __init__(self, out: TextIO, err: TextIO, total: int, quiet: bool, as_json: bool, tty: bool) -> None:
        self.out, self.err, self.total = out, err, total
        self.silent = quiet or as_json
        self.tty = tty and not self.silent
        self.done = self.running = self.failed = 0
        self._states: dict[int, DeviceState] = {}
        self._last_draw = 0.0

    def __call__(self, event: ev.Event) -> None:
        if self.silent or not isinstance(event, DeviceChanged):
            return
        r = event.result
        before = self._states.get(r.row)
        self._states[r.row] = r.state
        if before == r.state:
            if self.tty:
                self._bar()
            return
        self.done = sum(1 for s in self._states.values() if s.finished)
        self.running = sum(1 for s in self._states.values() if s in (DeviceState.PROVISIONING, DeviceState.SENDING))
        self.failed = sum(1 for s in self._states.values() if s is DeviceState.FAILED)
        if self.tty:
            self._bar(force=r.state.finished)
        elif r.state.finished:
            print(device_line(r), file=self.out, flush=True)

    def _bar(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last_draw < 0.1:
            return
        self._last_draw = now
        width = 30
        filled = int(width * self.done / self.total) if self.total else width
        counts = fill(translate("cli", "%1/%2 done, %3 running, %4 failed"), self.done, self.total, self.running,
                      self.failed)
        text = f"\r[{'#' * filled}{'.' * (width - filled)}] {counts} "
        print(text, end="", file=self.err, flush=True)

    def close(self) -> None:
        if self.tty:
            self._bar(force=True)
            print(file=self.err, flush=True)


def device_line(r: DeviceResult) -> str:
    """One finished device, for a person (in the current language)."""

    def timed(line: str) -> str:
        return line if r.duration_s is None else fill(translate("cli", "%1 (%2 s)"), line, f"{r.duration_s:.1f}")

    if r.state is DeviceState.SUCCEEDED:
        line = fill(translate("cli", "%1: succeeded: device %2 on %3 (%4)"), r.registration_id, r.device_id,
                    r.assigned_hub, r.substatus)
        if r.messages_requested:
            line = fill(translate("cli", "%1, %2/%3 messages"), line, r.messages_acknowledged, r.messages_requested)
        return timed(line)
    if r.state is DeviceState.SKIPPED:
        return fill(translate("cli", "%1: skipped: %2"), r.registration_id, tr_core(r.note) if r.note else "")
    if r.state is DeviceState.CANCELLED:
        return timed(fill(translate("cli", "%1: cancelled"), r.registration_id))
    title = r.problem.rendered(tr_core)[0] if r.problem else translate("cli", "failed")
    return timed(fill(translate("cli", "%1: failed: %2"), r.registration_id, title))


def print_summary(summary: BatchSummary, results: list[DeviceResult], concurrency: int, out: TextIO,
                  err: TextIO) -> None:
    parts = [fill(translate("cli", "%1 succeeded"), summary.succeeded)]
    if summary.failed:
        parts.append(fill(translate("cli", "%1 failed (%2 provisioning, %3 hub/telemetry)"), summary.failed,
                          summary.provisioning_failed, summary.telemetry_failed))
    else:
        parts.append(fill(translate("cli", "%1 failed"), summary.failed))
    if summary.cancelled:
        parts.append(fill(translate("cli", "%1 cancelled"), summary.cancelled))
    if summary.skipped:
        parts.append(fill(translate("cli", "%1 skipped"), summary.skipped))
    rate = summary.total / summary.duration_s if summary.duration_s > 0 else 0.0
    print(plural("cli", _BATCH_SUMMARY, summary.total, translate("cli", ", ").join(parts), f"{summary.duration_s:.1f}",
                 concurrency, f"{rate:.1f}"), file=out, flush=True)
    groups: dict[str, list[DeviceResult]] = {}
    for r in results:
        if r.state is DeviceState.FAILED and r.problem is not None:
            groups.setdefault(r.problem.title, []).append(r)
    for rows in groups.values():
        problem = rows[0].problem
        assert problem is not None
        title, meaning, hint = problem.rendered(tr_core)
        names = ", ".join(r.registration_id for r in rows[:10])
        if len(rows) > 10:
            names = fill(translate("cli", "%1 and %2 more"), names, len(rows) - 10)
        print(plural("cli", _DEVICES_FAILED, len(rows), title, names), file=err)
        print("  " + fill(translate("cli", "What happened: %1"), meaning), file=err)
        print("  " + fill(translate("cli", "What to check: %1"), hint), file=err)
    err.flush()


def exit_code_for(summary: BatchSummary) -> int:
    return exit_code_for_outcome(summary.outcome)


async def _execute(batch: BatchRun) -> BatchSummary:
    loop = asyncio.get_running_loop()
    # The SDK awaits every call through run_in_executor(None, ...): give it enough workers for the devices
    # running at once (the default pool has min(32, CPUs + 4)). Only the command does this, not the library.
    loop.set_default_executor(ThreadPoolExecutor(max_workers=batch.concurrency * 2 + 4,
                                                 thread_name_prefix="batch-sdk"))
    with ctrl_c_cancels(batch.cancel):
        return await batch.execute()


def batch_command(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None,
                  env: dict[str, str] | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    env = dict(os.environ if env is None else env)
    quiet_console_logging(err)  # the summary explains each failure; the devices' runs log the same
    demo = None
    try:
        try:
            if not 1 <= args.concurrency <= MAX_CONCURRENCY:
                raise usage_error(QT_TRANSLATE_NOOP("cli", "Concurrency must be between 1 and %1."), MAX_CONCURRENCY,
                                   field="concurrency")
            parsed = _device_list(args)
            if not parsed.ok:
                ids_label = translate("cli", "Registration IDs: %1")
                return _invalid(args, [("Registration IDs: " + line, fill(ids_label, human)) for line, human
                                       in zip(parsed.error_lines(20), parsed.error_lines(20, tr_core), strict=True)],
                                "registration_id", out, err)
            for dup in parsed.duplicates[:10]:
                print(fill(translate("cli", "Warning: %1"), dup.render(tr_core)), file=err)
            demo, profile, key = _target(args, env, err, args.quiet or args.json)
        except UsageError as exc:
            return _invalid(args, [(str(exc), exc.human)], exc.field, out, err)
        register_secret(key)
        issues = validate(replace(profile, registration_id=parsed.ids[0]), key)
        if errors(issues):
            return _invalid(args, [(i.message, i.render(tr_core)) for i in errors(issues)], errors(issues)[0].field,
                            out, err)
        for warning in (i for i in issues if not i.is_error):
            print(fill(translate("cli", "Warning: %1"), warning.render(tr_core)), file=err)
        if args.include_derived_keys:
            if args.export_csv or args.export_json:
                print(translate("cli", KEYS_WARNING), file=err)
            else:
                print(translate("cli", "Warning: --include-derived-keys has no effect without --export-csv or "
                                       "--export-json."), file=err)
        tty = bool(getattr(err, "isatty", lambda: False)())
        printer = BatchPrinter(out, err, len(parsed.items), args.quiet, args.json, tty)
        batch = BatchRun(profile, key, parsed.items, concurrency=args.concurrency, on_event=printer)
        if not (args.quiet or args.json):
            print(plural("cli", _PROVISIONING, len(parsed.items), batch.base_profile.host, args.concurrency),
                  file=err, flush=True)
        try:
            summary = asyncio.run(_execute(batch))
        except KeyboardInterrupt:
            print(translate("cli", "Cancelled."), file=err)
            return EXIT_CANCELLED
        finally:
            printer.close()
        code = exit_code_for(summary)
        _export(args, batch, err)
        if args.json:
            data = {"outcome": summary.outcome, "exitCode": code, **batch.to_json(include_keys=False)}
            print(json.dumps(data, sort_keys=True), file=out)
        elif not args.quiet:
            print_summary(summary, batch.results, args.concurrency, out, err)
        elif summary.failed:
            print(plural("cli", _QUIET_FAILED, summary.total, summary.failed), file=err)
        return code
    finally:
        finish(demo, out, err)


def _export(args: argparse.Namespace, batch: BatchRun, err: TextIO) -> None:
    for path, write in ((args.export_csv, batch.write_csv), (args.export_json, batch.write_json)):
        if not path:
            continue
        try:
            write(path, include_keys=args.include_derived_keys)
        except OSError as exc:
            print(fill(translate("cli", "Warning: could not write %1: %2"), path, exc.strerror or exc), file=err)
        else:
            if not (args.quiet or args.json):
                written = (translate("cli", "Results written to %1 (with derived keys)") if args.include_derived_keys
                           else translate("cli", "Results written to %1"))
                print(fill(written, path), file=err)


def _invalid(args: argparse.Namespace, messages: list[tuple[str, str]], field: str | None, out: TextIO,
             err: TextIO) -> int:
    """messages: (English for --json, the sentence for the person) per problem, all about one field."""
    return print_invalid_input(args.json, messages, [field] * len(messages), out, err)
