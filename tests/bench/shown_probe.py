"""Tells when the first QWizard of this process has been shown, for the cold-start figures.

Installed as an application event filter. It records three moments (time.monotonic(), which is the same
clock in every process on Linux, so the parent can subtract its own start time):

- `show`: the first QWizard receives its Show event;
- `paint`: the first Paint event of that wizard or any of its children has been handled (first frame drawn);
- `idle`: a QTimer.singleShot(0) posted at the Show event has fired, i.e. the event loop came back to idle
  once after showing; anything queued before it (zero-timers, posted events) has run by then. This is the
  figure used for startup_ratio: the page is drawn *and* the window answers.

Then the process reports and ends at once (os._exit: the teardown is not part of start-up).
"""

from __future__ import annotations

import os
import time
from typing import Any

from common import emit_result, peak_rss_kb


def install(app: Any) -> Any:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QWizard

    class FirstShown(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.times: dict[str, float] = {}
            self.window: Any = None

        def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 - Qt API
            kind = event.type()
            if kind == QEvent.Type.Show and self.window is None and isinstance(obj, QWizard):
                self.window = obj
                self.times["show"] = time.monotonic()
                QTimer.singleShot(0, self._idle)
            elif kind == QEvent.Type.Paint and self.window is not None and "paint" not in self.times:
                if obj is self.window or (hasattr(obj, "window") and obj.window() is self.window):
                    QTimer.singleShot(0, lambda: self.times.setdefault("paint", time.monotonic()))
            return False

        def _idle(self) -> None:
            self.times["idle"] = time.monotonic()
            if "paint" in self.times:
                self._report()
            else:  # not painted yet: wait for it, a little
                QTimer.singleShot(5, self._idle_wait)

        def _idle_wait(self, tries: list[int] = [0]) -> None:  # noqa: B006 - a counter
            tries[0] += 1
            if "paint" in self.times or tries[0] > 200:
                self._report()
            else:
                QTimer.singleShot(5, self._idle_wait)

        def _report(self) -> None:
            emit_result({"times": self.times, "maxrss_kb": peak_rss_kb(),
                         "title": self.window.windowTitle(), "page": self.window.currentId()})
            os._exit(0)

    probe = FirstShown()
    app.installEventFilter(probe)
    return probe
