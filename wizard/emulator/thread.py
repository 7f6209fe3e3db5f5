"""Run an Emulator on its own thread and asyncio loop (the Qt GUI and the CLI's --demo use this)."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future
from typing import Any

from .server import Emulator


class EmulatorThread:
    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._stopped: asyncio.Event | None = None

    def start(self, timeout: float = 30) -> None:
        """Returns once the emulator listens; raises its start error (e.g. EmulatorAddressInUse)."""
        if self._thread is not None:
            raise RuntimeError("EmulatorThread already started")
        ready: Future[None] = Future()
        self._thread = threading.Thread(target=self._main, args=(ready,), name="dps-emulator", daemon=True)
        self._thread.start()
        try:
            ready.result(timeout)
        except BaseException:
            self._thread.join(5)
            self._thread = None
            raise

    def _main(self, ready: Future[None]) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._run(ready))
        finally:
            loop.close()

    async def _run(self, ready: Future[None]) -> None:
        self._stopped = asyncio.Event()
        try:
            await self.emulator.start()
        except BaseException as exc:
            ready.set_exception(exc)
            return
        ready.set_result(None)
        await self._stopped.wait()
        await self.emulator.stop()

    def call(self, fn: Any, *args: Any) -> Any:
        """Run fn(*args) on the emulator's loop and return its result (to change state while it runs)."""
        if self._loop is None:
            return fn(*args)
        result: Future[Any] = Future()

        def run() -> None:
            try:
                result.set_result(fn(*args))
            except BaseException as exc:
                result.set_exception(exc)

        self._loop.call_soon_threadsafe(run)
        return result.result(10)

    def stop(self, timeout: float = 10) -> None:
        thread, loop, stopped = self._thread, self._loop, self._stopped
        if thread is None or loop is None or stopped is None:
            return
        try:
            loop.call_soon_threadsafe(stopped.set)
        except RuntimeError:
            pass  # loop already closed
        thread.join(timeout)
        self._thread = None

    def __enter__(self) -> EmulatorThread:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
