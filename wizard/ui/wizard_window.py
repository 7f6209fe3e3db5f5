"""The QWizard: its pages, the profile being edited, navigation to a field, saving, shutting down cleanly."""

from __future__ import annotations

import asyncio
import base64
import importlib
import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard, QWizardPage

from wizard.core.i18n import fill
from wizard.core.profile import Profile
from wizard.i18n import tr_core
from wizard.ui.demo import DemoController
from wizard.ui.form import FIELD_PAGE, Draft, PageId, build_profile, device_key, draft_from_profile
from wizard.ui.pages.start import StartPage

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
DEVICE_KEY, GROUP_KEY, PROXY_PASSWORD = "device-key", "group-key", "proxy-password"

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


def run_summary(f: Finished) -> dict:
    r = f.registration
    return {"deviceId": r.device_id if r else None, "assignedHub": r.assigned_hub if r else None,
            "sent": f.telemetry.sent, "acknowledged": f.telemetry.acknowledged, "failed": f.telemetry.failed}


class DpsWizard(QWizard):
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

    def saved_name(self) -> str | None:
        if self.loaded_name and self.store.get(self.loaded_name) is not None:
            return self.loaded_name
        return None

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

    # -- saved profiles -------------------------------------------------------------------------------------
    def _read_secrets(self, name: str, profile: Profile) -> tuple[str, str | None, str]:
        """(text for the key field, saved device key of a group profile, proxy password) from the keyring."""
        if not self.secrets.usable:
            return "", None, ""
        from wizard.core.secrets import SecretStoreError

        try:
            device = self.secrets.get(name, DEVICE_KEY) or ""
            group = self.secrets.get(name, GROUP_KEY) or "" if profile.is_group else ""
            proxy = self.secrets.get(name, PROXY_PASSWORD) or "" if profile.proxy else ""
        except SecretStoreError as exc:
            self.start_page.keyring_banner.show_text(exc.render(tr_core))
            return "", None, ""
        if profile.is_group:
            return group, device or None, proxy
        return device, None, proxy

    def _load_saved(self, name: str) -> bool:
        sp = self.store.get(name)
        if sp is None:
            self.start_page.refresh()
            return False
        key, saved_device, proxy = self._read_secrets(sp.name, sp.profile)
        self.load_profile(sp.profile, key, proxy_password=proxy, loaded_name=sp.name, saved_device_key=saved_device)
        return True

    def run_again(self, name: str) -> None:
        """Start page -> Run page with the key from the keyring; to the key field when there is none."""
        if not self._load_saved(name):
            return
        if self.current_device_key() is None:
            self.go_to_field("key")
            self.device_page.show_missing_key(name)
            return
        self.go_to_page(PageId.RUN)

    def run_current_again(self) -> None:
        self.go_to_page(PageId.RUN)

    def edit_profile(self, name: str) -> None:
        if self._load_saved(name):
            self.go_to_page(PageId.SERVICE)

    def duplicate_profile(self, name: str) -> None:
        from wizard.core.profiles import ProfileStoreError

        try:
            copy = self.store.duplicate(name)
        except ProfileStoreError as exc:
            self.start_page.store_banner.show_text(exc.render(tr_core))
            return
        self.start_page.refresh(select=copy.name)

    def delete_profile(self, name: str) -> None:
        from wizard.core.profiles import ProfileStoreError
        from wizard.core.secrets import SecretStoreError

        try:
            self.store.delete(name)
        except ProfileStoreError as exc:
            self.start_page.store_banner.show_text(exc.render(tr_core))
            return
        if self.secrets.usable:
            try:
                self.secrets.delete_all(name)
            except SecretStoreError as exc:
                self.start_page.keyring_banner.show_text(exc.render(tr_core))
        if self.loaded_name == name:
            self.loaded_name = None
        self.start_page.refresh()

    def _save_secrets(self, name: str, key: str | None) -> str:
        """Keys go to the keyring only when Remember is ticked; returns a sentence for the person."""
        from wizard.core.secrets import SecretStoreError

        if not self.secrets.usable:
            return self.tr("The key was not saved: no usable keyring.")
        try:
            if not self.device_page.remember.isChecked():
                self.secrets.delete(name, DEVICE_KEY)
                return self.tr("The key was not saved (Remember is off).")
            if key:
                self.secrets.set(name, DEVICE_KEY, key)
            password = self.proxy_password()
            if password:
                self.secrets.set(name, PROXY_PASSWORD, password)
        except SecretStoreError as exc:
            return exc.render(tr_core)
        return fill(self.tr("The key is saved in %1."), self.secrets.backend_name)

    def save_current_profile(self) -> str:
        from wizard.core.profiles import ProfileStoreError
        from wizard.core.secrets import SecretStoreError

        profile = self.last_profile or self.current_profile()
        previous = self.saved_name()
        try:
            if previous is None:
                profile = replace(profile, name=self.store.unique_name(profile.name))
                self.store.save(profile)
            else:
                self.store.save(profile, previous_name=previous)
                if previous != profile.name and self.secrets.usable:
                    try:
                        self.secrets.rename(previous, profile.name)
                    except SecretStoreError as exc:
                        log.warning("renaming the keys failed: %s", exc)
            if self.last_finished is not None:
                self.store.record_result(profile.name, self.last_finished.outcome, run_summary(self.last_finished))
            self.store.set_setting("last_profile", profile.name)
        except ProfileStoreError as exc:
            return exc.render(tr_core)
        self.loaded_name = profile.name
        self.device_page.name.setText(profile.name)
        self.last_profile = profile
        note = self._save_secrets(profile.name, self.current_device_key())
        return fill(self.tr("Saved as “%1”. %2"), profile.name, note)

    def on_run_finished(self, f: Finished, profile: Profile, key: str | None) -> None:
        from wizard.core.events import Outcome
        from wizard.core.profiles import ProfileStoreError

        self.last_finished = f
        self.last_profile = profile
        name = self.saved_name()
        if name is None:
            return
        try:
            self.store.record_result(name, f.outcome, run_summary(f))
            self.store.set_setting("last_profile", name)
        except ProfileStoreError as exc:
            log.warning("recording the result failed: %s", exc)
        if f.outcome == Outcome.SUCCESS:
            self._save_secrets(name, key)

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


