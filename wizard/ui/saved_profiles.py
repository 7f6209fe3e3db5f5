"""Saved profiles from the wizard: load one (its keys from the keyring) to re-run or edit, duplicate, delete,
save the profile being edited, and record a run's result under its name."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from wizard.core.i18n import fill
from wizard.core.profile import Profile
from wizard.i18n import tr_core
from wizard.ui.form import PageId

if TYPE_CHECKING:
    from wizard.core.events import Finished

log = logging.getLogger("wizard.ui")
DEVICE_KEY, GROUP_KEY, PROXY_PASSWORD = "device-key", "group-key", "proxy-password"


def run_summary(f: Finished) -> dict:
    r = f.registration
    return {"deviceId": r.device_id if r else None, "assignedHub": r.assigned_hub if r else None,
            "sent": f.telemetry.sent, "acknowledged": f.telemetry.acknowledged, "failed": f.telemetry.failed}


class SavedProfiles:
    """Mixin for DpsWizard (put it before QWizard): uses its store, secrets, pages, loaded_name, last_finished and
    last_profile, and its load_profile() and navigation. tr() texts here have the context "SavedProfiles"."""

    def saved_name(self) -> str | None:
        if self.loaded_name and self.store.get(self.loaded_name) is not None:
            return self.loaded_name
        return None

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
