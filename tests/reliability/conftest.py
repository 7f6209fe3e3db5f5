"""Reliability tests: faults during a run, secrets on disk, fuzzed input, a soak run.

Fast by default (CI). The long runs are opt-in with one command::

    HYPOTHESIS_PROFILE=long QT_QPA_PLATFORM=offscreen timeout -s KILL 10800 \
        python -m pytest -p no:cacheprovider -q tests/reliability

`HYPOTHESIS_PROFILE=long` gives every fuzzed field 10,000 examples (the default profile `ci` gives 300) and
switches on the tests marked `slow` (the soak at 10,000 messages). `-m slow` also switches them on, without
the long hypothesis profile. Hypothesis's database is off in both profiles, so every run draws fresh examples;
the profiles apply to the tests here (decorated with FUZZ), not to other folders' hypothesis tests.
"""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from tests.integration.clitools import Result as Result
from tests.integration.clitools import cli as cli
from tests.integration.clitools import env_for as env_for
from tests.integration.clitools import run as run
from tests.integration.conftest import next_loopback_address
from wizard.emulator import Emulator, EmulatorThread

PROFILE_ENV = "HYPOTHESIS_PROFILE"
settings.register_profile("ci", max_examples=300, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=10_000, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = os.environ.get(PROFILE_ENV, "ci")
LONG = PROFILE == "long"
# Applied per test (@FUZZ) rather than loaded globally, so other folders' hypothesis tests keep their settings.
FUZZ = settings.get_profile(PROFILE)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`slow` tests run only when asked for: HYPOTHESIS_PROFILE=long, or a -m expression naming slow."""
    asked = LONG or "slow" in (config.getoption("-m") or "")
    for item in items:
        if item.get_closest_marker("slow") is not None:
            if not asked:
                item.add_marker(pytest.mark.skip(reason="long run: HYPOTHESIS_PROFILE=long (see conftest)"))
            else:
                item.add_marker(pytest.mark.timeout(3 * 3600))
        elif LONG and item.get_closest_marker("fuzz") is not None:
            item.add_marker(pytest.mark.timeout(3600))


# What the long runs report at the end of the session (examples per fuzzed field, soak figures).
SEEN: Counter[str] = Counter()
RESULTS: list[str] = []


def pytest_terminal_summary(terminalreporter: Any) -> None:
    # Read through the package name: the test modules import this file as tests.reliability.conftest.
    import importlib

    mod = importlib.import_module("tests.reliability.conftest")
    if not mod.SEEN and not mod.RESULTS:
        return
    terminalreporter.section(f"reliability results (hypothesis profile {PROFILE})")
    for field, n in sorted(mod.SEEN.items()):
        terminalreporter.write_line(f"fuzz {field}: {n} examples")
    for line in mod.RESULTS:
        terminalreporter.write_line(line)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "fuzz: hypothesis tests whose example count follows HYPOTHESIS_PROFILE")


# --- running `dps-wizard run` in this process against an emulator on its own thread ----------------------------
# The runner is shared with the integration tests; the reliability tests import it from here.

class Running:
    """An emulator on its own thread that a test can stop and start again mid-run."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("bind", next_loopback_address())
        kwargs.setdefault("assign_at_once", True)
        kwargs.setdefault("websockets", False)
        self.emu = Emulator(**kwargs)
        self.thread: EmulatorThread | None = None
        self.stopped_at: float | None = None

    def start(self) -> Running:
        self.thread = EmulatorThread(self.emu)
        self.thread.start()
        return self

    def stop(self) -> None:
        if self.thread is not None:
            self.thread.stop()
            self.thread = None
            self.stopped_at = time.monotonic()

    def when(self, messages: int, action: Callable[[Running], None]) -> threading.Thread:
        """Call action(self) on a helper thread once the hub has recorded `messages` telemetry messages."""

        def watch() -> None:
            deadline = time.monotonic() + 60
            while len(self.emu.telemetry) < messages and time.monotonic() < deadline:
                time.sleep(0.005)
            action(self)

        t = threading.Thread(target=watch, name="fault-trigger", daemon=True)
        t.start()
        return t


@pytest.fixture
def running() -> Iterator[Callable[..., Running]]:
    made: list[Running] = []

    def make(**kwargs: Any) -> Running:
        r = Running(**kwargs).start()
        made.append(r)
        return r

    yield make
    for r in made:
        r.stop()


def recorded_ids(emu: Emulator, device_id: str) -> list[str]:
    return [m.message_id for m in list(emu.telemetry) if m.device_id == device_id and m.message_id]
