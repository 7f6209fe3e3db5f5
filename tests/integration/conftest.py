"""Integration fixtures: a unique loopback address per test, and emulators that are stopped afterwards."""

from __future__ import annotations

import itertools
import os
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
import pytest_asyncio

from wizard.emulator import Emulator

# Linux routes all of 127/8 to lo. The second octet comes from the pid so parallel pytest runs (and other
# tests that use 127.0.0.x) never meet on port 8883.
_PREFIX = f"127.{100 + os.getpid() % 150}"
_counter = itertools.count(0)


def next_loopback_address() -> str:
    n = next(_counter)
    return f"{_PREFIX}.{n // 250}.{n % 250 + 2}"


@pytest.fixture
def loopback_address() -> str:
    """A loopback address no other test (in this run or a parallel one) listens on."""
    return next_loopback_address()


@pytest_asyncio.fixture
async def make_emulator() -> AsyncIterator[Callable[..., Any]]:
    """`emu = await make_emulator(**Emulator kwargs, enroll=callable)`: started on a fresh address, stopped later."""
    started: list[Emulator] = []

    async def make(**kwargs: Any) -> Emulator:
        kwargs.setdefault("bind", next_loopback_address())
        kwargs.setdefault("assign_at_once", True)
        kwargs.setdefault("websockets", False)
        emu = Emulator(**kwargs)
        await emu.start()
        started.append(emu)
        return emu

    yield make
    for emu in started:
        await emu.stop()
