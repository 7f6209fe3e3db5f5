"""What the Run and Fleet pages share about their one running task. The wizard's Esc, close and shutdown only
need `running`, `cancel()` and `wait_stopped()` of whichever is busy; both pages import the SDK off the UI thread."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Coroutine
from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton


async def import_sdk() -> None:
    """Import the SDK on a worker thread: it takes a quarter of a second, too long for the UI thread."""
    await asyncio.get_running_loop().run_in_executor(None, importlib.import_module, "azure.iot.device.aio")


class RunControl:
    """Mixin for a page (put it before BasePage) with `cancel_button`, `headline` and one asyncio task."""

    task: asyncio.Future | None
    cancel_button: QPushButton
    headline: QLabel

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done()

    def start_task(self, work: Coroutine[Any, Any, None]) -> asyncio.Future:
        self.task = asyncio.ensure_future(work)
        return self.task

    def cancel(self) -> None:
        if not self.running:
            return
        self.cancel_button.setEnabled(False)
        self.headline.setText(self.cancelling_text())
        if not self.stop_work():
            self.task.cancel()  # the work has not started its run yet: cancelling the task is enough

    def cancelling_text(self) -> str:
        """The headline while stopping (the page's own tr(), so the text keeps its translation context)."""
        raise NotImplementedError

    def stop_work(self) -> bool:
        """Ask the run under way to stop (it shuts the SDK down itself); False when there is none yet."""
        return False

    async def wait_stopped(self, timeout: float = 3.0) -> None:
        if self.task is not None and not self.task.done():
            try:
                await asyncio.wait_for(asyncio.shield(self.task), timeout)
            except (TimeoutError, asyncio.CancelledError):
                pass
