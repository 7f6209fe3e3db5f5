"""The QWizard: its pages (built on first need), the profile being edited, navigation to a field, the demo, closing
cleanly. Saved profiles (load, save, duplicate, delete) are in wizard.ui.saved_profiles."""

from __future__ import annotations

import asyncio
import base64
import importlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard, QWizardPage

from wizard.core.i18n import fill
from wizard.core.profile import Profile
from wizard.ui.demo import DemoController
from wizard.ui.form import FIELD_PAGE, Draft, PageId, build_profile, device_key, draft_from_profile
from wizard.ui.pages.start import StartPage
from wizard.ui.saved_profiles import SavedProfiles

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from wizard.core.events import Finished
    from wizard.ui.pages.device import DevicePage
    from wizard.ui.pages.fleet import FleetPage
    from wizard.ui.pages.result import ResultPage
    from wizard.ui.pages.review import ReviewPage
    from wizard.ui.pages.run import RunPage
    from wizard.ui.pages.service import ServicePage
    from wizard.ui.pages.telemetry import TelemetryPage

log = logging.getLogger("wizard.ui")

# The pages after the Start page, built on first need (see DpsWizard.ensure_page): their modules and widgets
# cost more than the whole first frame of a bare QWizard, and most launches use a few of them.
LATER_PAGES = {
    PageId.SERVICE: ("wizard.ui.pages.service", "ServicePage"),
    PageId.DEVICE: ("wizard.ui.pages.device", "DevicePage"),
    PageId.TELEMETRY: ("wizard.ui.pages.telemetry", "TelemetryPage"),
    PageId.REVIEW: ("wizard.ui.pages.review", "ReviewPage"),
    PageId.RUN: ("wizard.ui.pages.run", "RunPage"),
    PageId.RESULT: ("wizard.ui.pages.result", "ResultPage"),
    PageId.FLEET: ("wizard.ui.pages.fleet", "FleetPage"),
}


class PendingPage(QWizardPage):
    """Holds a page's id in the QWizard until the page is built, so that the wizard has every id from the start
    (QWizardPage's default nextId() walks them). Never shown: the page replaces it before it is first visited."""


class DpsWizard(SavedProfiles, QWizard):
    def __init__(self, store=None, secrets=None, *, demo_bind: str | None = None,  # noqa: ANN001
                 demo_assign_at_once: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if store is None:
            from wizard.core.profiles import ProfileStore

            store = ProfileStore()
        self.store = store
        self._secrets = secrets
        self.demo = DemoController(store.folder / "emulator", demo_bind, demo_assign_at_once)
        self.setWindowTitle(self.tr("DPS Provisioning Wizard"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(760, 640)

        self.start_page = StartPage(self)
        self.setPage(PageId.START, self.start_page)
        self._built: dict[int, QWizardPage] = {PageId.START: self.start_page}
        for pid in LATER_PAGES:
            self.setPage(pid, PendingPage(self))
        self.setStartId(PageId.START)

        self.loaded_name: str | None = None  # the saved profile being edited or re-run
        self.saved_device_key: str | None = None  # a group profile's saved device key (group key not kept)
        self._demo_profile = False
        self.last_finished: Finished | None = None
        self.last_profile: Profile | None = None
        self.demo_task: asyncio.Future | None = None
        self.interrupted = False  # a run was cut short by closing: the app may have to skip joining threads
        self._closing = False
        self._confirm: QMessageBox | None = None
        self.diagnostics = None  # wizard.ui.diagnostics.DiagnosticsDialog, made on first use
        self.currentIdChanged.connect(self._page_changed)
        self._restore_geometry()

    # -- pages -----------------------------------------------------------------------------------------------
    def ensure_page(self, pid: int) -> QWizardPage:
        """The page with this id, built now if it was not yet: its module imported, its widgets made, and put in
        the place of its PendingPage (same id, so navigation and nextId() are as if it had always been there)."""
        page = self._built.get(pid)
        if page is None:
            if pid in self.visitedIds():  # never: a page is built before QWizard goes to it
                raise RuntimeError(f"page {pid} was visited before it was built")
            module, name = LATER_PAGES[pid]
            page = getattr(importlib.import_module(module), name)(self)
            pending = self.page(pid)
            self.removePage(pid)
            self.setPage(pid, page)
            pending.deleteLater()
            self._built[pid] = page
        return page

    def built_page(self, pid: int) -> QWizardPage | None:
        """The page with this id if it has been built, else None (without building it)."""
        return self._built.get(pid)

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt API
        """QWizard.next() asks this just before it goes forward: the page it goes to is built here."""
        if not super().validateCurrentPage():
            return False
        upcoming = self.nextId()
        if upcoming in LATER_PAGES:
            self.ensure_page(upcoming)
        return True

    @property
    def service_page(self) -> ServicePage:
        return self.ensure_page(PageId.SERVICE)  # type: ignore[return-value]

    @property
    def device_page(self) -> DevicePage:
        return self.ensure_page(PageId.DEVICE)  # type: ignore[return-value]

    @property
    def telemetry_page(self) -> TelemetryPage:
        return self.ensure_page(PageId.TELEMETRY)  # type: ignore[return-value]

    @property
    def review_page(self) -> ReviewPage:
        return self.ensure_page(PageId.REVIEW)  # type: ignore[return-value]

    @property
    def run_page(self) -> RunPage:
        return self.ensure_page(PageId.RUN)  # type: ignore[return-value]

    @property
    def result_page(self) -> ResultPage:
        return self.ensure_page(PageId.RESULT)  # type: ignore[return-value]

    @property
    def fleet_page(self) -> FleetPage:
        return self.ensure_page(PageId.FLEET)  # type: ignore[return-value]

    # -- services --------------------------------------------------------------------------------------------
    @property
    def secrets(self):  # noqa: ANN201
        if self._secrets is None:
            from wizard.core.secrets import SecretStore

            self._secrets = SecretStore()
        return self._secrets

    # -- the profile being edited -------------------------------------------------------------------------
    def current_profile(self) -> Profile:
        draft = Draft(demo=self._demo_profile)
        for page in (self.service_page, self.device_page, self.telemetry_page):
            page.save(draft)
        return build_profile(draft)

    def registration_id(self) -> str:
        return self.device_page.registration_id.text().strip()

    def current_device_key(self) -> str | None:
        group = self.device_page.group.isChecked()
        typed = self.device_page.typed_key()
        if group and not typed.strip() and self.saved_device_key:
            return self.saved_device_key
        return device_key(typed, group, self.registration_id())

    def proxy_password(self) -> str | None:
        return self.service_page.proxy_password.text() or None if self.service_page.use_proxy.isChecked() else None

    def load_profile(self, profile: Profile, key: str = "", *, proxy_password: str = "",
                     loaded_name: str | None = None, saved_device_key: str | None = None) -> None:
        draft = draft_from_profile(profile)
        self._demo_profile = profile.demo
        self.loaded_name = loaded_name
        self.saved_device_key = saved_device_key
        self.service_page.load(draft)
        self.service_page.proxy_password.setText(proxy_password)
        self.device_page.load(draft, key)
        self.telemetry_page.load(draft)

    def new_profile(self) -> None:
        self.load_profile(Profile())

    # -- navigation -----------------------------------------------------------------------------------------
    def _page_changed(self, pid: int) -> None:
        if pid == PageId.START:
            self.start_page.route_to_run = False
            self.start_page.refresh(select=self.loaded_name)

    def go_to_page(self, pid: int) -> None:
        if self.currentId() == pid:
            return
        if pid in self.visitedIds():
            while self.currentId() != pid and len(self.visitedIds()) > 1:
                self.back()
            return
        while self.currentId() != PageId.START and len(self.visitedIds()) > 1:
            self.back()
        self.start_page.route_to_run = pid == PageId.RUN
        while self.currentId() != pid:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    def go_to_field(self, field: str) -> None:
        pid = FIELD_PAGE.get(field, PageId.SERVICE)
        self.go_to_page(pid)
        page = self.ensure_page(pid)
        if hasattr(page, "focus_field"):
            page.focus_field(field)

    def focus_next_button(self) -> None:
        button = self.button(QWizard.WizardButton.NextButton)
        button.setDefault(True)
        button.setFocus()

    # -- about and diagnostics --------------------------------------------------------------------------------
    def show_diagnostics(self):  # noqa: ANN201
        """Open (or bring forward) the non-modal About and diagnostics window; the checks start at once."""
        from PySide6.QtCore import Qt

        from wizard.ui.diagnostics import DiagnosticsDialog

        if self.diagnostics is None:
            self.diagnostics = DiagnosticsDialog(self)
        dialog = self.diagnostics
        if not dialog.isVisible():
            # show(), not open(): open() makes a dialog window-modal, and this one stays beside the wizard
            # (never exec() on the qasync loop either way).
            dialog.setWindowModality(Qt.WindowModality.NonModal)
            dialog.show()
            dialog.start()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    # -- demo -------------------------------------------------------------------------------------------------
    def start_demo(self, group: bool = False) -> asyncio.Future:
        self.demo_task = asyncio.ensure_future(self._start_demo(group))
        return self.demo_task

    async def _start_demo(self, group: bool) -> None:
        page = self.start_page
        page.demo.setEnabled(False)
        page.group_demo.setEnabled(False)
        page.demo_banner.show_text(self.tr("Starting the built-in emulator…"))
        base = self.tr("Demo group device") if group else self.tr("Demo device")
        try:
            profile, key = await self.demo.profile(group, self.store.unique_name(base))
        except Exception as exc:  # noqa: BLE001 - shown on the page
            page.demo_banner.show_text(fill(self.tr("The demo emulator could not start: %1"), exc))
            return
        finally:
            page.demo.setEnabled(True)
            page.group_demo.setEnabled(True)
        page.demo_banner.show_text(fill(self.tr("The built-in emulator is running (%1). Demo profiles need no "
                                                "Azure."), self.demo.describe()))
        self.load_profile(profile, key)
        if self.currentId() == PageId.START:
            self.next()

    # -- closing ------------------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self._closing = True
        super().closeEvent(event)

    @property
    def busy_page(self):  # noqa: ANN201
        """The page whose run (one device or a batch) is going, or None."""
        for pid in (PageId.RUN, PageId.FLEET):
            page = self.built_page(pid)
            if page is not None and page.running:
                return page
        return None

    def reject(self) -> None:
        """Cancel/Esc during a run asks first; closing the window cancels the run and closes."""
        busy = self.busy_page
        if busy is not None and not self._closing:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Cancel the run?"),
                              self.tr("The run is still going. Stop it?"),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.finished.connect(lambda _r: self._confirm_answer(box))
            self._confirm = box
            box.open()  # never exec() on the qasync loop
            return
        if busy is not None:
            self.interrupted = True
            busy.cancel()
        super().reject()

    def _confirm_answer(self, box: QMessageBox) -> None:
        if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
            busy = self.busy_page
            if busy is not None:
                busy.cancel()
        self._confirm = None

    def done(self, result: int) -> None:
        self._save_geometry()
        super().done(result)

    async def shutdown(self) -> None:
        """After the window closed: stop the run (bounded), then the demo emulator."""
        busy = self.busy_page
        if busy is not None:
            self.interrupted = True
            busy.cancel()
        for pid in (PageId.RUN, PageId.FLEET):
            page = self.built_page(pid)
            if page is not None:
                await page.wait_stopped(3.0)
        if self.diagnostics is not None:
            self.diagnostics.stop()
        if self.demo.running:
            loop = asyncio.get_running_loop()
            try:
                await asyncio.wait_for(loop.run_in_executor(None, self.demo.stop), 3.0)
            except (TimeoutError, Exception):  # noqa: BLE001 - closing anyway
                self.interrupted = True

    def _save_geometry(self) -> None:
        try:
            self.store.set_setting("geometry", base64.b64encode(bytes(self.saveGeometry())).decode("ascii"))
        except Exception as exc:  # noqa: BLE001 - a setting is not worth an error on close
            log.debug("geometry not saved: %s", exc)

    def _restore_geometry(self) -> None:
        try:
            data = self.store.get_setting("geometry")
            if data:
                self.restoreGeometry(QByteArray(base64.b64decode(data)))
            else:
                self.resize(820, 700)
        except Exception:  # noqa: BLE001
            self.resize(820, 700)


