"""Test connection: wizard.core.netcheck for the Service page's settings, each check's result as it arrives.

The check runs on the loop (its socket work in daemon threads that netcheck abandons at their deadline) and
ends within netcheck's budget (9 s) even when everything times out. Each row: state icon, what was checked,
what was found; below it what a warning or failure means and what to try, and the certificate chain.
"""

from __future__ import annotations

import asyncio

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStyle, QTreeWidgetItem, QVBoxLayout, QWidget

from wizard.core import netcheck
from wizard.core.i18n import fill
from wizard.core.netcheck import CheckReport, CheckResult, CheckTarget, Status
from wizard.i18n import tr_core
from wizard.ui.widgets import WrappingTree, set_text_accent, state_icon, status_headline


class ConnectionCheckView(QWidget):
    """The results panel; run(target) fills it. `report` holds the last CheckReport."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.headline = status_headline(self, self.tr("Connection test status"))
        layout.addWidget(self.headline)
        self.tree = WrappingTree(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Check"), self.tr("Result")])
        self.tree.setAccessibleName(self.tr("Connection test results"))
        self.tree.setAccessibleDescription(self.tr("Each network check, what it found, what it means and what to "
                                                   "try."))
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.resizeSection(0, 210)
        layout.addWidget(self.tree, 1)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.PlainText)
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.advice.setAccessibleName(self.tr("What to do next"))
        layout.addWidget(self.advice)
        self.report: CheckReport | None = None
        self.task: asyncio.Future | None = None
        self._active = False
        self.status_names = {Status.OK: self.tr("passed"), Status.WARNING: self.tr("warning"),
                             Status.FAILED: self.tr("failed"), Status.SKIPPED: self.tr("not tried")}
        self.hide()

    @property
    def running(self) -> bool:
        return self._active

    def title(self, result: CheckResult) -> str:
        """What was checked, in the person's language (the core's titles are English)."""
        kind, _, port = result.id.partition("-")
        titles = {
            "dns": self.tr("Name lookup (DNS)"), "proxy-dns": self.tr("Name lookup of the proxy (DNS)"),
            "clock": self.tr("Clock"), "trusted-ca": self.tr("Trusted CA certificate"), "proxy": self.tr("Proxy"),
        }
        if result.id in titles:
            return titles[result.id]
        if kind == "tcp":
            return fill(self.tr("TCP port %1, direct"), port)
        if kind == "proxy":
            return fill(self.tr("TCP port %1 through the proxy"), port)
        if kind == "tls":
            return fill(self.tr("TLS on port %1"), port)
        return result.rendered(tr_core)[0]

    def icon(self, status: Status):  # noqa: ANN201
        if status is Status.WARNING:
            return self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return state_icon({Status.OK: "done", Status.FAILED: "failed"}.get(status, "skipped"))

    # -- running ---------------------------------------------------------------------------------------------
    def run(self, target: CheckTarget) -> asyncio.Future:
        if self.running and self.task is not None:
            return self.task
        self.report = None
        self.tree.clear()
        self.advice.clear()
        self.show()
        self.headline.setText(fill(self.tr("Testing the connection to %1…"), target.host))
        set_text_accent(self.headline, None)
        self._active = True
        self.task = asyncio.ensure_future(self._run(target))
        return self.task

    def stop(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()

    async def _run(self, target: CheckTarget) -> None:
        try:
            report = await netcheck.run_checks(target, on_result=self._add)
        except asyncio.CancelledError:
            self._active = False
            if shiboken6.isValid(self):
                self.headline.setText(self.tr("The connection test was stopped."))
            return
        except Exception as exc:  # noqa: BLE001 - shown, never a traceback dialog
            self._active = False
            if shiboken6.isValid(self):
                self.headline.setText(fill(self.tr("The connection test could not run: %1"), exc))
                set_text_accent(self.headline, "error")
            return
        self._active = False
        if shiboken6.isValid(self):
            self.show_report(report)

    def _add(self, result: CheckResult) -> None:
        """A check's result as soon as it finished (the final report re-orders them)."""
        if shiboken6.isValid(self):
            self._item(result)

    def _item(self, r: CheckResult) -> QTreeWidgetItem:
        _title, summary, meaning, hint = r.rendered(tr_core)
        item = QTreeWidgetItem([self.title(r), summary])
        item.setIcon(0, self.icon(r.status))
        item.setToolTip(1, summary)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                     fill(self.tr("%1: %2"), self.title(r), self.status_names.get(r.status, r.status.value)))
        self.tree.addTopLevelItem(item)
        children = []
        if meaning:
            children.append((self.tr("What it means"), meaning))
        if hint:
            children.append((self.tr("What to try"), hint))
        for n, cert in enumerate(r.chain):
            label = self.tr("Certificate") if n == 0 else self.tr("Issued by")
            children.append((label, fill(self.tr("%1 · issuer %2 · valid until %3"), cert.subject, cert.issuer,
                                         f"{cert.not_after:%Y-%m-%d}")))
        for label, text in children:
            child = QTreeWidgetItem([label, text])
            child.setToolTip(1, text)
            item.addChild(child)
        item.setExpanded(r.status in (Status.WARNING, Status.FAILED) or bool(r.chain))
        return item

    def show_report(self, report: CheckReport) -> None:
        self.report = report
        self.tree.clear()
        for r in report.results:
            self._item(r)
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, self.tree.columnWidth(0) + 28)  # room the wrap measure keeps for the icon
        status = report.status
        took = f"{report.duration_s:.2f}"
        if status is Status.OK:
            text, kind = fill(self.tr("Every check passed (%1 s)."), took), None
        elif status is Status.WARNING:
            text, kind = fill(self.tr("The connection works, with warnings (%1 s)."), took), "warning"
        else:
            failed = sum(1 for r in report.results if r.status is Status.FAILED)
            text, kind = self.tr("%n check(s) failed", "", failed) + " " + fill(self.tr("(%1 s)."), took), "error"
        self.headline.setText(text)
        self.headline.setAccessibleDescription(text)
        set_text_accent(self.headline, kind)
        advice = [t.render(tr_core) for t in report.advice_texts] if report.advice_texts else report.advice
        self.advice.setText("\n".join(f"• {line}" for line in advice))
        self.advice.setVisible(bool(report.advice))
