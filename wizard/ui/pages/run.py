"""Run page: renders the events of a ProvisioningRun (steps, progress, log); Cancel, Retry, Back to <field>."""

from __future__ import annotations

import asyncio
import time
import traceback

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core import events as ev
from wizard.core.events import Outcome, Step
from wizard.core.i18n import QT_TRANSLATE_NOOP, Text, fill
from wizard.core.problems import Problem
from wizard.core.profile import field_label
from wizard.core.redact import redact
from wizard.ui.pages.base import BasePage
from wizard.ui.pages.run_control import RunControl, import_sdk
from wizard.ui.widgets import StepList, render, set_text_accent, status_headline, tr_core

FLUSH_MS = 100  # counters and the log are drawn at most this often, whatever the message rate


class RunPage(RunControl, BasePage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Run"))
        self.setSubTitle(self.tr("Registering the device with DPS, connecting it to its IoT hub and sending "
                                 "telemetry."))
        outer = QVBoxLayout(self)
        self.step_names = {
            Step.CONNECT_DPS: self.tr("Connect to DPS"), Step.REGISTER: self.tr("Register"),
            Step.ASSIGNING: self.tr("Waiting for assignment"), Step.ASSIGNED: self.tr("Assigned"),
            Step.CONNECT_HUB: self.tr("Connect to hub"), Step.READ_TWIN: self.tr("Read twin"),
            Step.TELEMETRY: self.tr("Send telemetry"),
        }
        self.steps = StepList([(s, self.step_names[s]) for s in Step.ALL], self)
        self.headline = status_headline(self, self.tr("Run status"))
        top = QHBoxLayout()
        top.addWidget(self.steps, 1)
        outer.addLayout(top)
        outer.addWidget(self.headline)

        self.progress = QProgressBar(self)
        self.progress.setFormat(self.tr("message %v of %m"))
        self.progress.setAccessibleName(self.tr("Telemetry progress"))
        self.progress.setAccessibleDescription(self.tr("Messages acknowledged or failed out of those planned."))
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.counts.setAccessibleName(self.tr("Telemetry counts"))
        self.counts.setAccessibleDescription(self.tr("Messages sent, acknowledged and failed, and the rate."))
        outer.addWidget(self.progress)
        outer.addWidget(self.counts)

        # The problem panel: title, meaning, hint, details one click away.
        self.problem_box = QFrame(self)
        self.problem_box.setFrameShape(QFrame.Shape.StyledPanel)
        pl = QVBoxLayout(self.problem_box)
        self.problem_title = QLabel(self.problem_box)
        self.problem_title.setFont(self.headline.font())
        set_text_accent(self.problem_title, "error")
        self.problem_meaning = QLabel(self.problem_box)
        self.problem_hint = QLabel(self.problem_box)
        for w in (self.problem_title, self.problem_meaning, self.problem_hint):
            w.setWordWrap(True)
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            pl.addWidget(w)
        self.details_toggle = QToolButton(self.problem_box)
        self.details_toggle.setText(self.tr("&Details"))
        self.details_toggle.setCheckable(True)
        self.details_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.details_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_toggle.setAutoRaise(True)
        self.details = QPlainTextEdit(self.problem_box)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Problem details"))
        self.details.setAccessibleDescription(self.tr("The raw error, keys removed, for a report."))
        self.details_toggle.setAccessibleName(self.tr("Show the details"))
        self.details.setMaximumHeight(90)
        self.details.hide()
        self.details_toggle.toggled.connect(self._toggle_details)
        pl.addWidget(self.details_toggle)
        pl.addWidget(self.details)
        outer.addWidget(self.problem_box)
        self.problem_box.hide()

        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("&Cancel run"), self)
        self.retry_button = QPushButton(self.tr("R&etry"), self)
        self.back_button = QPushButton(self)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)

        self.log = QPlainTextEdit(self)
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(3000)
        self.log.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.log.setAccessibleName(self.tr("Run log"))
        self.log.setAccessibleDescription(self.tr("What the run did, line by line."))
        self.cancel_button.setAccessibleDescription(self.tr("Stops the run; Esc asks first."))
        self.log.setMinimumHeight(80)
        outer.addWidget(self.log, 1)

        self.cancel_button.clicked.connect(self.cancel)
        self.retry_button.clicked.connect(self.start_run)
        self.back_button.clicked.connect(self._back_to_field)

        self.timer = QTimer(self)
        self.timer.setInterval(FLUSH_MS)
        self.timer.timeout.connect(self._flush)
        self.run = None
        self.task: asyncio.Future | None = None
        self.finished: ev.Finished | None = None
        self.profile = None
        self._reset_counters()
        self._set_idle_buttons()

    # -- state -------------------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return super().running and self.finished is None

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        f = self.finished
        return (f is not None and f.registration is not None
                and f.outcome in (Outcome.SUCCESS, Outcome.TELEMETRY_FAILED))

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.start_run()

    def _reset_counters(self) -> None:
        self.sent = self.acked = self.failed = 0
        self.telemetry_started: float | None = None
        self._log_buffer: list[str] = []
        self._dirty = False

    def _set_idle_buttons(self) -> None:
        self.cancel_button.hide()
        self.retry_button.hide()
        self.back_button.hide()

    # -- starting and stopping ------------------------------------------------------------------------------------
    def start_run(self) -> None:
        if self.running:
            return
        wiz = self.wiz()
        profile = wiz.current_profile()
        key = wiz.current_device_key()
        self.profile = profile
        self.finished = None
        self._reset_counters()
        self.steps.reset_steps()
        self.log.clear()
        self.problem_box.hide()
        self.details_toggle.setChecked(False)
        self.headline.setText(self.tr("Running…"))
        self.progress.setRange(0, max(profile.count, 1))
        self.progress.setValue(0)
        self._draw_counts()
        self.retry_button.hide()
        self.back_button.hide()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setFocus()
        self.completeChanged.emit()
        self.timer.start()
        self.start_task(self._execute(profile, key, wiz.proxy_password()))

    def cancelling_text(self) -> str:
        return self.tr("Cancelling…")

    def stop_work(self) -> bool:
        if self.run is None:
            return False
        self.run.cancel()
        return True

    async def _execute(self, profile, key: str | None, proxy_password: str | None) -> None:  # noqa: ANN001
        started = time.monotonic()
        try:
            if not key:
                raise _NoKey
            if profile.demo:
                profile = await self.wiz().demo.adapt(profile)
            await import_sdk()
            from wizard.core.run import ProvisioningRun

            self.run = ProvisioningRun(profile, key, self._on_event, proxy_password=proxy_password)
            finished = await self.run.execute()
        except asyncio.CancelledError:
            finished = ev.Finished(time.monotonic(), Outcome.CANCELLED, None, None,
                                   ev.TelemetrySummary(requested=profile.count), None, None)
        except _NoKey:
            finished = self._failed(profile, Problem.of(
                "no_key", Text(QT_TRANSLATE_NOOP("core", "There is no key to run with")),
                Text(QT_TRANSLATE_NOOP("core", "The key field is empty.")),
                Text(QT_TRANSLATE_NOOP("core", "Enter the enrollment's key on the Device page.")), field="key"))
        except Exception as exc:  # noqa: BLE001 - shown to the person, never a traceback dialog
            finished = self._failed(profile, _problem_from(exc))
        finally:
            self.run = None
        self._finish(finished, profile, key, time.monotonic() - started)

    @staticmethod
    def _failed(profile, problem: Problem) -> ev.Finished:  # noqa: ANN001
        return ev.Finished(time.monotonic(), Outcome.PROVISIONING_FAILED, None, None,
                           ev.TelemetrySummary(requested=profile.count), problem, Step.CONNECT_DPS)

    # -- events -------------------------------------------------------------------------------------------------
    def _elapsed(self, seconds: float) -> str:
        return fill(self.tr("%1 s"), f"{seconds:.1f}")

    def _on_event(self, e: ev.Event) -> None:
        """Called on the loop (= UI) thread for every event; cheap: heavy drawing waits for the flush timer."""
        if isinstance(e, ev.MessageSent):
            if e.attempt == 1:
                self.sent += 1
            self._dirty = True
        elif isinstance(e, ev.MessageAcknowledged):
            self.acked += 1
            self._dirty = True
        elif isinstance(e, ev.MessageFailed):
            if not e.will_retry:
                self.failed += 1
            self._dirty = True
        elif isinstance(e, ev.LogLine):
            text = redact(e.message.render(tr_core)) if e.message is not None else e.text
            self._log_buffer.append(f"{e.level.upper():7} {text}")
        elif isinstance(e, ev.StepStarted):
            if e.step == Step.TELEMETRY:
                self.telemetry_started = e.at
            self.steps.set_state(e.step, "running", at=e.at)
        elif isinstance(e, ev.StepDone):
            self.steps.set_state(e.step, "done", at=e.at, elapsed=self._elapsed)
        elif isinstance(e, ev.Polling):
            label = fill(self.tr("Waiting for assignment (poll %1)"), e.poll)
            state = self.steps.states.get(Step.ASSIGNING)
            self.steps.set_state(Step.ASSIGNING, "running" if state != "running" else state,
                                 at=None if state == "running" else e.at, label=label)
        elif isinstance(e, ev.Assigned):
            r = e.registration
            text = fill(self.tr("Assigned to %1 as %2"), r.assigned_hub, r.device_id)
            self._log_buffer.append(f"INFO    {text}")

    def _draw_counts(self) -> None:
        rate = 0.0
        if self.telemetry_started is not None and self.acked:
            rate = self.acked / max(time.monotonic() - self.telemetry_started, 1e-3)
        self.counts.setText(fill(self.tr("Sent %1 · acknowledged %2 · failed %3 · %4 messages/s"),
                                 self.sent, self.acked, self.failed, f"{rate:.1f}"))
        self.progress.setValue(min(self.acked + self.failed, self.progress.maximum()))

    def _flush(self) -> None:
        if self._dirty:
            self._dirty = False
            self._draw_counts()
        if self._log_buffer:
            text = "\n".join(self._log_buffer[-3000:])
            self._log_buffer.clear()
            self.log.appendPlainText(text)

    # -- the end ------------------------------------------------------------------------------------------------
    def _finish(self, f: ev.Finished, profile, key: str | None, wall_s: float) -> None:  # noqa: ANN001
        self.timer.stop()
        s = f.telemetry
        if s.sent or s.acknowledged or s.failed:
            self.sent, self.acked, self.failed = s.sent, s.acknowledged, s.failed
        self._dirty = True
        self._flush()
        self.finished = f
        ok = f.outcome == Outcome.SUCCESS
        for step, state in list(self.steps.states.items()):
            if state == "running":
                self.steps.set_state(step, "done" if ok else "failed", at=f.at, elapsed=self._elapsed)
            elif state == "pending":
                self.steps.set_state(step, "skipped")
        if f.failed_step and not ok and f.outcome != Outcome.CANCELLED:
            self.steps.set_state(f.failed_step, "failed")
        self.cancel_button.hide()
        if ok:
            self.headline.setText(self.tr("Done: the device is provisioned and %n message(s) were acknowledged.",
                                          "", s.acknowledged))
        elif f.outcome == Outcome.CANCELLED:
            self.headline.setText(self.tr("The run was cancelled."))
        else:
            self.headline.setText(self.tr("The run failed."))
        self._show_problem(f.problem)
        self.retry_button.setVisible(not ok)
        self.wiz().on_run_finished(f, profile, key)
        self.completeChanged.emit()
        if ok:
            self.wiz().focus_next_button()
        elif f.outcome == Outcome.CANCELLED:
            self.retry_button.setFocus()
        elif self.back_button.isVisible():
            self.back_button.setFocus()

    def _show_problem(self, problem: Problem | None) -> None:
        if problem is None:
            self.problem_box.hide()
            self.back_button.hide()
            return
        title, meaning, hint = problem.rendered(tr_core)
        self.problem_title.setText(title)
        self.problem_meaning.setText(meaning)
        if problem.dps_error_code is not None or problem.dps_error_message:
            # The service's own words, as received, beside the translation.
            said = " ".join(str(v) for v in (problem.dps_error_code, problem.dps_error_message) if v is not None)
            hint += "\n" + fill(self.tr("DPS said: %1"), said)
        self.problem_hint.setText(hint)
        detail = problem.detail or ""
        if problem.dps_error_code:
            detail = f"errorCode {problem.dps_error_code}\n" + detail
        self.details.setPlainText(redact(detail) or self.tr("No further detail."))
        self.problem_box.show()
        self.problem_box.setAccessibleName(title)
        self.problem_box.setAccessibleDescription(meaning)
        if problem.field:
            self.back_button.setText(fill(self.tr("&Back to %1"), render(field_label(problem.field))))
        else:
            self.back_button.setText(self.tr("&Back to the settings"))
        self.back_button.show()

    def _toggle_details(self, on: bool) -> None:
        self.details_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.details.setVisible(on)

    def _back_to_field(self) -> None:
        problem = self.finished.problem if self.finished else None
        self.wiz().go_to_field(problem.field if problem and problem.field else "host")


class _NoKey(Exception):
    pass


def _problem_from(exc: BaseException) -> Problem:
    title = getattr(exc, "problem", None)
    if isinstance(title, Problem):
        return title
    name = type(exc).__name__
    if name.startswith("Emulator"):
        return Problem.of("emulator", Text(QT_TRANSLATE_NOOP("core", "The demo emulator could not start")),
                          Text("%1", (redact(str(exc)),)),
                          Text(QT_TRANSLATE_NOOP("core", "Close the other program that uses this address, or try "
                                                         "again later.")),
                          detail=redact("".join(traceback.format_exception(exc))))
    return Problem.of("internal", Text(QT_TRANSLATE_NOOP("core", "The run stopped unexpectedly")),
                      Text("%1", (redact(f"{name}: {exc}"),)),
                      Text(QT_TRANSLATE_NOOP("core", "Open the details, and report them if the problem stays.")),
                      detail=redact("".join(traceback.format_exception(exc))))
