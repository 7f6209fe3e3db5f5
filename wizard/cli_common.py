"""What the console commands (run, batch, check) share: invalid input, the options that set Profile fields,
the demo emulator, the console's logging, Ctrl+C, exit codes, and closing up at the end."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TextIO

from wizard.cli import EXIT_CANCELLED, EXIT_INVALID_INPUT, EXIT_OK, EXIT_PROVISIONING_FAILED, EXIT_TELEMETRY_FAILED
from wizard.core.events import Outcome
from wizard.core.i18n import QT_TRANSLATE_NOOP, fill
from wizard.core.redact import redact
from wizard.i18n import translate

# The options `run` and `batch` both have, and the Profile field each one sets.
SHARED_PROFILE_OPTIONS = (("host", "host"), ("id_scope", "id_scope"), ("count", "count"), ("interval", "interval_s"),
                          ("payload_template", "payload_template"), ("provisioning_payload", "provisioning_payload"),
                          ("trusted_ca", "trusted_ca"), ("timeout", "timeout_s"))


class UsageError(Exception):
    """Invalid input: printed as is (it names the field), exit code 1. str() is English (for --json);
    `human` is the sentence in the person's language."""

    def __init__(self, message: str, field: str | None = None, human: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.human = human if human is not None else message


def usage_error(source: str, *values: object, field: str | None = None) -> UsageError:
    """A UsageError from a "cli" catalogue sentence (source marked where it is written) and its values."""
    return UsageError(fill(source, *values), field, fill(translate("cli", source), *values))


def property_pairs(items: list[str], field: str | None = None) -> dict[str, str]:
    """--property NAME=VALUE options as a dict."""
    props: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise usage_error(QT_TRANSLATE_NOOP("cli", "Custom property '%1' must be written NAME=VALUE."), item,
                              field=field)
        props[name.strip()] = value
    return props


def profile_overrides(args: argparse.Namespace, properties_field: str | None = None) -> dict[str, Any]:
    """The Profile fields set by the options run and batch share (only those actually given)."""
    given: dict[str, Any] = {}
    for attr, name in SHARED_PROFILE_OPTIONS:
        value = getattr(args, attr)
        if value is not None:
            given[name] = value
    if args.websockets:
        given["websockets"] = True
    if args.property:
        given["properties"] = property_pairs(args.property, properties_field)
    return given


def start_demo(bind: str | None) -> Any:
    """The built-in emulator for --demo, started; UsageError when it cannot start."""
    from wizard.demo import start_demo_emulator

    try:
        return start_demo_emulator(bind)
    except Exception as exc:  # address in use, not loopback: the message says which and what to do
        raise UsageError(redact(str(exc))) from None


def print_invalid_input(as_json: bool, messages: list[tuple[str, str]], fields: Sequence[str | None], out: TextIO,
                        err: TextIO) -> int:
    """messages: (English for --json, the sentence for the person) per problem, with its field. Exit code 1."""
    human = [h for _english, h in messages]
    if len(human) == 1:
        print(fill(translate("cli", "Invalid input: %1"), human[0]), file=err)
    else:
        print(translate("cli", "Invalid input:") + "\n" + "\n".join(f"  {m}" for m in human), file=err)
    if as_json:
        problems = [{"code": "invalid_input", "field": f, "message": m}
                    for (m, _h), f in zip(messages, fields, strict=True)]
        print(json.dumps({"outcome": "invalid_input", "exitCode": EXIT_INVALID_INPUT, "problems": problems},
                         sort_keys=True), file=out)
    return EXIT_INVALID_INPUT


def quiet_console_logging(err: TextIO) -> None:
    """Warnings on stderr; the SDK's pipeline chatter and the runs' own log stay off the console, because the
    command explains what happened itself."""
    logging.basicConfig(level=logging.WARNING, stream=err, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("azure.iot.device").setLevel(logging.CRITICAL)
    run_log = logging.getLogger("wizard.run")
    run_log.propagate = False
    if not run_log.handlers:  # else logging's last-resort handler prints it anyway
        run_log.addHandler(logging.NullHandler())


@contextlib.contextmanager
def ctrl_c_cancels(cancel: Callable[[], None]) -> Iterator[None]:
    """Ctrl+C calls `cancel` (a clean stop) instead of interrupting, while inside; call on the running loop."""
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError, RuntimeError):  # no signal handlers on Windows' loop
        loop.add_signal_handler(signal.SIGINT, cancel)
    try:
        yield
    finally:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.remove_signal_handler(signal.SIGINT)


def exit_code_for_outcome(outcome: str) -> int:
    return {Outcome.SUCCESS: EXIT_OK, Outcome.PROVISIONING_FAILED: EXIT_PROVISIONING_FAILED,
            Outcome.TELEMETRY_FAILED: EXIT_TELEMETRY_FAILED, Outcome.CANCELLED: EXIT_CANCELLED}[outcome]


def finish(demo: Any, out: TextIO, err: TextIO) -> None:
    """The end of every command: stop the demo emulator if one was started, flush what was printed."""
    if demo is not None:
        demo.stop()
    out.flush()
    err.flush()
