"""What the Run and Fleet pages share about their one running task: the wizard's Esc, close and shutdown only
need `running`, `cancel()` and `wait_stopped()`, whichever of the two is busy."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton


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
