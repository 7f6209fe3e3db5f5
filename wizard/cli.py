"""`dps-wizard`: the GUI by default; `run` (headless, a drop-in for the SDK's provision_symmetric_key.py),
`profiles`, `emulator`."""

from __future__ import annotations

import argparse
import os
import sys
import threading

from wizard import APP_NAME

EXIT_OK = 0
EXIT_INVALID_INPUT = 1
EXIT_PROVISIONING_FAILED = 2
EXIT_TELEMETRY_FAILED = 3
EXIT_CANCELLED = 130

EXIT_CODES_HELP = """exit codes:
  0    success
  1    invalid input (the message names the field and what is wrong)
  2    provisioning failed (DPS refused, could not be reached, or did not assign the device)
  3    IoT hub connection or telemetry failed
  130  cancelled (Ctrl+C)
"""

ENV_HELP = """environment (as in the SDK quickstart):
  PROVISIONING_HOST             provisioning endpoint (default global.azure-devices-provisioning.net)
  PROVISIONING_IDSCOPE          ID scope of the DPS instance
  PROVISIONING_REGISTRATION_ID  registration ID of the enrollment
  PROVISIONING_SYMMETRIC_KEY    the enrollment's key (the group key with --group); never pass it as an argument
  PROVISIONING_PROXY_PASSWORD   the proxy password, with --proxy (never an argument either)
"""


LANG_HELP = "user-interface language: en or zh_TW (default: the saved setting, else the system's)"


def _add_lang(parser: argparse.ArgumentParser) -> None:
    """--lang after a command too; SUPPRESS keeps a --lang given before the command."""
    parser.add_argument("--lang", metavar="LANG", default=argparse.SUPPRESS, help=LANG_HELP)


class _VersionAction(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):  # noqa: ANN001
        import wizard

        print(f"{parser.prog} {wizard.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dps-wizard",
        description=f"{APP_NAME}: provision a device to Azure IoT Hub through DPS with a symmetric key, then send "
                    "test telemetry. Without a command it opens the wizard.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=EXIT_CODES_HELP,
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and exit")
    parser.add_argument("--demo", action="store_true", help="open the wizard with the built-in emulator's demo")
    parser.add_argument("--lang", metavar="LANG", help=LANG_HELP)
    parser.add_argument("--self-check", action="store_true",
                        help="check this installation (versions, keyring, CA roots, resources, emulator) and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="provision and send telemetry without the GUI",
                         description="Provision through DPS and send telemetry, printing what the SDK sample "
                                     "provision_symmetric_key.py prints.",
                         formatter_class=argparse.RawDescriptionHelpFormatter, epilog=ENV_HELP + "\n" + EXIT_CODES_HELP)
    run.add_argument("--host", help="provisioning endpoint (overrides PROVISIONING_HOST)")
    run.add_argument("--id-scope", help="ID scope (overrides PROVISIONING_IDSCOPE)")
    run.add_argument("--registration-id", help="registration ID (overrides PROVISIONING_REGISTRATION_ID)")
    run.add_argument("--group", action="store_true",
                     help="PROVISIONING_SYMMETRIC_KEY is an enrollment group key; derive the device key from it")
    run.add_argument("--count", type=int, default=None, metavar="N", help="telemetry messages to send (default 10)")
    run.add_argument("--interval", type=float, default=None, metavar="SECONDS",
                     help="pause between messages (default 0)")
    run.add_argument("--payload-template", metavar="TEXT",
                     help="JSON body with placeholders ${n}, ${count}, ${timestamp}, ${device_id}, ${message_id}")
    run.add_argument("--property", action="append", default=[], metavar="NAME=VALUE",
                     help="a custom message property (repeatable)")
    run.add_argument("--provisioning-payload", metavar="JSON", help="payload sent with the registration")
    run.add_argument("--trusted-ca", metavar="FILE", help="PEM file of trusted roots (replaces the OS roots)")
    run.add_argument("--websockets", action="store_true", help="MQTT over WebSockets (port 443)")
    run.add_argument("--proxy", metavar="HOST:PORT",
                     help="connect through this proxy (password from PROVISIONING_PROXY_PASSWORD or the keyring)")
    run.add_argument("--proxy-kind", choices=("HTTP", "SOCKS4", "SOCKS5"), default=None, help="proxy type (HTTP)")
    run.add_argument("--proxy-user", metavar="NAME", help="proxy user name")
    run.add_argument("--read-twin", action="store_true", help="read the device twin after connecting")
    run.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                     help="deadline for each network step: registration, hub connection, each message (default 60)")
    run.add_argument("--max-in-flight", type=int, default=1, metavar="N",
                     help="messages awaiting acknowledgement at once (default 1, the safe choice)")
    run.add_argument("--json", action="store_true", help="print one JSON object instead of the sample's lines")
    run.add_argument("--quiet", action="store_true", help="print nothing but errors (and --json output)")
    run.add_argument("--profile", metavar="NAME", help="run a saved profile, its key from the keyring")
    run.add_argument("--save-as", metavar="NAME", help="save these settings as a profile (the key to the keyring)")
    run.add_argument("--demo", action="store_true",
                     help="start the built-in DPS + IoT Hub emulator and run against it (no Azure needed)")
    run.add_argument("--demo-bind", default="127.0.0.1", metavar="ADDRESS",
                     help="loopback address for the --demo emulator (default 127.0.0.1)")
    run.add_argument("--demo-group", action="store_true", help="with --demo: use the demo group enrollment")

    _add_lang(run)
    profiles = sub.add_parser("profiles", help="list, show or delete saved profiles")
    _add_lang(profiles)
    psub = profiles.add_subparsers(dest="action", metavar="ACTION", required=True)
    psub.add_parser("list", help="list saved profiles")
    show = psub.add_parser("show", help="show one profile (never its key)")
    show.add_argument("name")
    delete = psub.add_parser("delete", help="delete a profile and its saved keys")
    delete.add_argument("name")

    _add_batch_parser(sub)
    _add_check_parser(sub)
    for name in ("batch", "check"):
        _add_lang(sub.choices[name])
    sub.add_parser("emulator", help="run the built-in DPS + IoT Hub emulator in the foreground", add_help=False)
    return parser


def _add_batch_parser(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("batch", help="provision many devices of an enrollment group",
                       description="Provision many devices of an enrollment group (device keys derived from "
                                   "PROVISIONING_SYMMETRIC_KEY, the group key), a bounded number at once.",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog=ENV_HELP + "\n" + EXIT_CODES_HELP.replace("0    success", "0    every device succeeded"))
    ids = b.add_mutually_exclusive_group()
    ids.add_argument("--registration-ids", metavar="LIST",
                     help="comma- or space-separated IDs and/or a pattern such as 'sensor-{001..100}'")
    ids.add_argument("--csv", metavar="FILE", help="CSV with a registration_id column (optional provisioning_payload)")
    b.add_argument("--group", action="store_true", help="accepted for symmetry with run; batch always uses a group key")
    b.add_argument("--host", help="provisioning endpoint (overrides PROVISIONING_HOST)")
    b.add_argument("--id-scope", help="ID scope (overrides PROVISIONING_IDSCOPE)")
    b.add_argument("--count", type=int, default=None, metavar="N", help="telemetry messages per device (default 0)")
    b.add_argument("--interval", type=float, default=None, metavar="SECONDS", help="pause between messages")
    b.add_argument("--payload-template", metavar="TEXT", help="JSON body with placeholders, as in run")
    b.add_argument("--property", action="append", default=[], metavar="NAME=VALUE", help="a custom message property")
    b.add_argument("--provisioning-payload", metavar="JSON", help="payload sent with every registration")
    b.add_argument("--trusted-ca", metavar="FILE", help="PEM file of trusted roots (replaces the OS roots)")
    b.add_argument("--websockets", action="store_true", help="MQTT over WebSockets (port 443)")
    b.add_argument("--timeout", type=float, default=None, metavar="SECONDS", help="deadline for each network step")
    b.add_argument("--concurrency", type=int, default=8, metavar="N", help="devices provisioned at once (default 8)")
    b.add_argument("--export-csv", metavar="FILE", help="write the results as CSV")
    b.add_argument("--export-json", metavar="FILE", help="write the results as JSON")
    b.add_argument("--include-derived-keys", action="store_true",
                   help="also export each derived device key (secret!); the group key is never exported")
    b.add_argument("--json", action="store_true", help="print one JSON object with every device's result")
    b.add_argument("--quiet", action="store_true", help="print nothing but errors (and --json output)")
    b.add_argument("--profile", metavar="NAME", help="use a saved profile, its group key from the keyring")
    b.add_argument("--demo", action="store_true", help="start the built-in emulator with a group enrollment")
    b.add_argument("--demo-bind", default="127.0.0.1", metavar="ADDRESS", help="loopback address for --demo")


def _add_check_parser(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("check", help="check the network path to DPS: DNS, ports 8883/443, proxy, TLS, clock",
                       description="Check DNS, TCP to 8883 and 443 (directly and through the proxy), the TLS "
                                   "certificate chain and the clock, and say what to try for each failure.",
                       epilog="exit codes: 0 all checks passed, 4 some warnings, 5 some checks failed, 1 bad input")
    c.add_argument("--host", help="the endpoint to check (default PROVISIONING_HOST or the global endpoint)")
    c.add_argument("--profile", metavar="NAME", help="check a saved profile's endpoint, proxy and trusted CA")
    c.add_argument("--trusted-ca", metavar="FILE", help="PEM file of trusted roots (replaces the OS roots)")
    c.add_argument("--websockets", action="store_true", help="the device will use MQTT over WebSockets (443)")
    c.add_argument("--proxy-host", metavar="HOST", help="HTTP proxy host")
    c.add_argument("--proxy-port", type=int, metavar="PORT", help="HTTP proxy port")
    c.add_argument("--timeout", type=float, default=None, metavar="SECONDS", help="per-check timeout (default 3)")
    c.add_argument("--json", action="store_true", help="print one JSON object")
    c.add_argument("--demo", action="store_true", help="start the built-in emulator and check it")
    c.add_argument("--demo-bind", default="127.0.0.1", metavar="ADDRESS", help="loopback address for --demo")


def main(argv: list[str] | None = None) -> int:
    """Console entry point: runs, then ends the process even if an SDK timer thread lingers."""
    code = run_main(argv)
    _finish(code)
    return code


def run_main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["emulator"]:
        from wizard.emulator.cli import main as emulator_main

        return emulator_main(args_list[1:])
    if args_list[:1] == ["purge"]:  # the uninstaller's "remove my profiles and saved keys"; not in --help
        from wizard.purge import main as purge_main

        return purge_main(args_list[1:])
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is not None:
        _use_language(getattr(args, "lang", None))
    if args.self_check:
        from wizard.selfcheck import main as selfcheck_main

        return selfcheck_main()
    if args.command == "run":
        from wizard.cli_run import run_command

        return run_command(args)
    if args.command == "batch":
        from wizard.cli_batch import batch_command

        return batch_command(args)
    if args.command == "check":
        from wizard.cli_check import check_command

        return check_command(args)
    if args.command == "profiles":
        from wizard.cli_profiles import profiles_command

        return profiles_command(args)
    return _open_gui(args_list, args.lang)


def _use_language(requested: str | None) -> None:
    """The command line's human output in --lang, else the saved setting, else the system's language."""
    from wizard import i18n

    if requested and i18n.normalise(requested) is None:
        print(f"dps-wizard: unknown language '{requested}' (use en or zh_TW); using the system's.", file=sys.stderr)
    i18n.use_language(i18n.choose_language(requested, i18n.saved_language()))


def _open_gui(argv: list[str], lang: str | None = None) -> int:
    if _no_display():
        # A fresh server or SSH session: Qt would abort; show the same flow on the console instead.
        from wizard.i18n import translate

        _use_language(lang)
        print(translate("cli", "No display found (DISPLAY and WAYLAND_DISPLAY are unset): running the command-line "
                               "demo instead.\nRun 'dps-wizard run --help' for the headless command."),
              file=sys.stderr)
        lang_args = ["--lang", lang] if lang else []
        return run_main([*lang_args, "run", "--demo"] if not _has_azure_settings() else [*lang_args, "run"])
    from wizard.ui.app import main as gui_main

    return gui_main(argv)


def _no_display() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _has_azure_settings() -> bool:
    return all(os.environ.get(v) for v in ("PROVISIONING_IDSCOPE", "PROVISIONING_REGISTRATION_ID",
                                             "PROVISIONING_SYMMETRIC_KEY"))


def _finish(code: int) -> None:
    """The SDK leaves non-daemon timer threads behind after a cancelled or timed-out registration (up to
    30 s, reference §12); the command has printed its answer, so it ends now rather than then."""
    lingering = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
    if lingering:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
