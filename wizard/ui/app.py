"""GUI entry: QApplication, translators, ONE qasync loop started once, the wizard; exit without hanging."""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import sys
import time

from wizard import APP_NAME

DEMO_START_DELAY_S = 0.3


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="dps-wizard", add_help=True)
    parser.add_argument("--demo", action="store_true", help="start with the demo filled in")
    parser.add_argument("--demo-group", action="store_true", help="start with the group demo filled in")
    parser.add_argument("--lang", metavar="LANG", help="en or zh_TW (default: the system's language)")
    args, _unknown = parser.parse_known_args(argv)  # Qt's own options (-platform, -style) pass through
    return args


def install_translators(app, lang: str | None, store=None) -> list:  # noqa: ANN001
    """The app's catalogue and Qt's own (wizard buttons) for --lang, else the saved setting, else the system."""
    from wizard import i18n

    if lang and i18n.normalise(lang) is None:
        print(f"dps-wizard: unknown language '{lang}' (use en or zh_TW); using the system's.", file=sys.stderr)
    chosen = i18n.choose_language(lang, i18n.saved_language(store))
    return i18n.install_translators(app, chosen)


def create_app(argv: list[str]):  # noqa: ANN201
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from wizard.ui.resources import icon_path

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "dps-wizard", *argv])
    app.setApplicationName("dps-wizard")
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("dps-wizard")
    app.setWindowIcon(QIcon(str(icon_path("app.svg"))))
    # The wizard's coroutine decides when to leave (after cancelling a run), not the last window closing.
    app.setQuitOnLastWindowClosed(False)
    return app


async def run_wizard(args: argparse.Namespace, store=None) -> tuple[int, bool]:  # noqa: ANN001
    """Show the wizard until it closes; returns (exit code, whether a run or thread had to be cut short)."""
    from PySide6.QtWidgets import QDialog

    from wizard.ui.wizard_window import DpsWizard

    wizard = DpsWizard(store)
    closed = asyncio.Event()
    result = {"code": 0}

    def on_finished(code: int) -> None:
        result["code"] = 0 if code in (QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected, 0, 1) else code
        closed.set()

    wizard.finished.connect(on_finished)
    wizard.show()
    _report_first_paint(wizard)
    # Everything imported so far lives as long as the app: keep it out of the cyclic collector, whose full
    # passes otherwise pause the UI for 25-45 ms when the SDK loads at the start of a run (measured).
    gc.freeze()
    from wizard.quickstart import profile_from_variables

    quickstart = profile_from_variables(dict(os.environ))
    if args.demo or args.demo_group:
        wizard.start_demo(group=args.demo_group)
    elif quickstart is not None:
        # Someone who followed the quickstart has its four variables set: start from them.
        wizard.load_profile(*quickstart)
        wizard.next()
    elif not wizard.store.list():
        # First launch with no Azure settings: the demo, so the whole flow can be tried at once. Started
        # once the first frame is up: the emulator's start-up (imports, its CA) would hold that frame back.
        asyncio.get_running_loop().call_later(DEMO_START_DELAY_S, wizard.start_demo)
    await closed.wait()
    await wizard.shutdown()
    return result["code"], wizard.interrupted


def _report_first_paint(wizard) -> None:  # noqa: ANN001
    """DPS_WIZARD_REPORT_SHOWN=FILE: write the monotonic time of the first frame (for tests/bench)."""
    path = os.environ.get("DPS_WIZARD_REPORT_SHOWN")
    if not path:
        return
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # noqa: ANN001, N802 - Qt API
            if event.type() == QEvent.Type.Paint:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(f"{time.monotonic()}\n")
                wizard.removeEventFilter(self)
            return False

    wizard._first_paint_filter = FirstPaint(wizard)
    wizard.installEventFilter(wizard._first_paint_filter)


def main(argv: list[str] | None = None) -> int:
    """The desktop app. Returns the exit code (0 when the window was closed normally)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    from wizard.single_instance import hold

    hold()  # Windows: a named mutex the installer checks before replacing files
    app = create_app(argv)
    translators = install_translators(app, args.lang)  # noqa: F841 - kept alive with the app

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    interrupted = True
    code = 1
    try:
        code, interrupted = loop.run_until_complete(run_wizard(args))
    except BaseException:
        import traceback

        traceback.print_exc()  # before os._exit below, which would swallow it
        raise
    finally:
        if interrupted:
            # A cancelled SDK call can keep a worker thread in a TLS handshake for up to 60 s; closing the
            # loop would join it. Everything that matters (profiles, keyring) is already written.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    loop.close()
    asyncio.set_event_loop(None)
    return code
