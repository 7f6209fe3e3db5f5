"""Cold start of the app's GUI to its first page shown, for startup_ratio.

Calls wizard.ui.app.main() unchanged (the function behind `dps-wizard` without a command once a display is
found). The app offers no hook that says "first page shown", so this launcher learns of the app's qasync
loop through asyncio's own extension point (an event-loop policy: app.main() calls asyncio.set_event_loop
right after creating the QApplication) and installs shown_probe's application event filter there. Nothing of
the app is patched; what is not measured: `wizard.cli`'s argument parsing before it calls the GUI (~1 ms).
"""

import asyncio
import sys

import common  # noqa: F401 - sys.path
import shown_probe


class _Policy(asyncio.DefaultEventLoopPolicy):
    probe = None

    def set_event_loop(self, loop):  # noqa: ANN001, ANN201
        super().set_event_loop(loop)
        if loop is not None and _Policy.probe is None:
            from PySide6.QtWidgets import QApplication

            app = QApplication.instance()
            if app is not None:
                _Policy.probe = shown_probe.install(app)


if __name__ == "__main__":
    asyncio.set_event_loop_policy(_Policy())
    from wizard.ui.app import main

    sys.exit(main(sys.argv[1:]))
