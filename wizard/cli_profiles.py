"""`dps-wizard profiles list|show|delete`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from wizard.core.i18n import fill
from wizard.i18n import render, tr_core, translate


def profiles_command(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from wizard.core.profiles import ProfileStore, ProfileStoreError
    from wizard.core.secrets import SecretStore, SecretStoreError

    out, err = out or sys.stdout, err or sys.stderr
    store = ProfileStore()
    try:
        stored = store.list()
    except ProfileStoreError as exc:
        print(fill(translate("cli", "Error: %1"), exc.render(tr_core)), file=err)
        return 1
    if store.last_problem:
        problem = store.last_problem_text
        print(fill(translate("cli", "Warning: %1"), render(problem) if problem is not None else store.last_problem),
              file=err)
    if args.action == "list":
        if not stored:
            print(translate("cli", "No saved profiles. Save one from the wizard or with: dps-wizard run ... --save-as "
                                   "NAME"), file=err)
            return 0
        width = max(len(s.profile.name) for s in stored)
        for s in stored:
            last = _outcome((s.last_result or {}).get("outcome"))
            when = f" ({s.last_run_at})" if s.last_run_at else ""
            print(f"{s.profile.name:<{width}}  {s.profile.registration_id:<30}  {last}{when}", file=out)
        return 0
    found = store.get(args.name)
    if found is None:
        print(fill(translate("cli", "Error: profile '%1' does not exist."), args.name), file=err)
        return 1
    if args.action == "show":
        print(json.dumps({"profile": found.profile.to_json(), "lastResult": found.last_result,
                          "lastRunAt": found.last_run_at}, indent=2, sort_keys=True), file=out)
        return 0
    store.delete(found.name)
    try:
        # The stored spelling: names match ignoring case, the keyring does not.
        SecretStore().delete_all(found.name)
    except SecretStoreError as exc:
        print(fill(translate("cli", "Warning: the profile was deleted but its keys could not be removed from the "
                                    "keyring: %1"), exc.render(tr_core)), file=err)
    print(fill(translate("cli", "Deleted profile '%1' and its saved keys."), found.name), file=err)
    return 0


def _outcome(code: str | None) -> str:
    texts = {
        None: translate("cli", "never run"),
        "success": translate("cli", "succeeded"),
        "provisioning_failed": translate("cli", "provisioning failed"),
        "telemetry_failed": translate("cli", "telemetry failed"),
        "cancelled": translate("cli", "cancelled"),
    }
    return texts.get(code, code or "")
