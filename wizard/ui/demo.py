"""The demo: the built-in emulator started in-process on first use, and the demo profiles it serves."""

from __future__ import annotations

import asyncio
import os
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from wizard.core.profile import Enrollment, Profile

BIND_ENV = "DPS_WIZARD_DEMO_BIND"


class DemoController:
    def __init__(self, state_dir: Path, bind: str | None = None, assign_at_once: bool = False) -> None:
        self.state_dir = state_dir
        self.bind = bind or os.environ.get(BIND_ENV) or "127.0.0.1"
        self.assign_at_once = assign_at_once
        self.handle: Any = None  # wizard.demo.DemoEmulator
        self._starting: asyncio.Future | None = None

    @property
    def running(self) -> bool:
        return self.handle is not None

    async def ensure_started(self) -> Any:
        """Start the emulator once (on a worker thread: it binds sockets and may make its CA)."""
        if self.handle is not None:
            return self.handle
        if self._starting is None or self._starting.done() and self._starting.exception() is not None:
            from wizard.demo import start_demo_emulator

            loop = asyncio.get_running_loop()
            self._starting = loop.run_in_executor(None, partial(
                start_demo_emulator, self.bind, assign_at_once=self.assign_at_once, state_dir=self.state_dir))
        self.handle = await asyncio.shield(self._starting)
        return self.handle

    async def profile(self, group: bool, name: str) -> tuple[Profile, str]:
        """A demo profile and its key (the group key for the group demo)."""
        from wizard.demo import DEMO_GROUP_DEVICE_ID, DEMO_INDIVIDUAL_ID

        h = await self.ensure_started()
        profile = Profile(
            name=name, host=h.dps_host, id_scope=h.id_scope,
            registration_id=DEMO_GROUP_DEVICE_ID if group else DEMO_INDIVIDUAL_ID,
            enrollment=Enrollment.GROUP if group else Enrollment.INDIVIDUAL, trusted_ca=h.ca_file,
            read_twin=True, demo=True,
        )
        return profile, (h.group_key if group else h.individual_key)

    async def adapt(self, profile: Profile) -> Profile:
        """A saved demo profile pointed at this launch's emulator (its address may differ from last time)."""
        h = await self.ensure_started()
        return replace(profile, host=h.dps_host, id_scope=h.id_scope, trusted_ca=h.ca_file)

    def describe(self) -> str:
        if self.handle is None:
            return ""
        return f"{self.handle.dps_host} / {self.handle.hub_host}"

    def stop(self) -> None:
        handle, self.handle = self.handle, None
        if handle is not None:
            handle.stop()
