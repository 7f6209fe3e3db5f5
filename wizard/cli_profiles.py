"""`dps-wizard profiles list|show|delete`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO


def profiles_command(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from wizard.core.profiles import ProfileStore, ProfileStoreError
    from wizard.core.secrets import SecretStore, SecretStoreError

    out, err = out or sys.stdout, err or sys.stderr
    store = ProfileStore()
    try:
        stored = store.list()
    except ProfileStoreError as exc:
        print(f"Error: {exc}", file=err)
        return 1
    if store.last_problem:
        print(f"Warning: {store.last_problem}", file=err)
    if args.action == "list":
        if not stored:
            print("No saved profiles. Save one from the wizard or with: dps-wizard run ... --save-as NAME", file=err)
            return 0
        width = max(len(s.profile.name) for s in stored)
        for s in stored:
            last = (s.last_result or {}).get("outcome", "never run") if s.last_result else "never run"
            when = f" ({s.last_run_at})" if s.last_run_at else ""
            print(f"{s.profile.name:<{width}}  {s.profile.registration_id:<30}  {last}{when}", file=out)
        return 0
    found = store.get(args.name)
    if found is None:
        print(f"Error: profile '{args.name}' does not exist.", file=err)
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
        print(f"Warning: the profile was deleted but its keys could not be removed from the keyring: {exc}",
              file=err)
    print(f"Deleted profile '{found.name}' and its saved keys.", file=err)
    return 0
