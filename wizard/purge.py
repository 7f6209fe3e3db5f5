"""`dps-wizard purge --yes`: remove every saved profile's keys from the keyring, then the config folder.

What the uninstaller runs when the person ticks "Also remove my profiles and saved keys" (the keyring holds
the keys outside the install folder, so deleting files alone would leave them behind). Not in --help: it is
for the uninstaller and for support. Exit codes: 0 done; 1 refused (no --yes, or bad arguments); 2 some keys
could not be removed, so the config folder (the only record of which keys exist) was kept.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import TextIO

SELF_TEST_NAME = "__dps-wizard-self-test__"  # wizard.core.secrets.SecretStore.self_test's throw-away profile


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dps-wizard purge",
                                     description="Remove all saved profiles, their keys in the keyring, and the "
                                                 "app's settings. Cannot be undone.")
    parser.add_argument("--yes", action="store_true", help="really do it (required)")
    parser.add_argument("--keep-config", action="store_true",
                        help="remove the keys only; keep the profiles, settings and emulator files")
    return parser


def purge(*, keep_config: bool = False, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from wizard.core.profiles import ProfileStore, ProfileStoreError
    from wizard.core.secrets import SecretStore, SecretStoreError

    out, err = out or sys.stdout, err or sys.stderr
    store = ProfileStore()
    folder = Path(store.folder)
    try:
        names = [s.name for s in store.list()]
    except ProfileStoreError as exc:
        print(f"Error: {exc} Nothing was removed.", file=err)
        return 2
    secrets = SecretStore()
    failures = []
    if names and not secrets.usable:
        failures.append(f"the keyring cannot be used ({secrets.backend_name}): {secrets.why_unusable}")
    else:
        for name in [*names, SELF_TEST_NAME]:
            try:
                secrets.delete_all(name)
            except SecretStoreError as exc:
                failures.append(str(exc))
    if failures:
        for failure in failures:
            print(f"Error: {failure}", file=err)
        print(f"The saved keys could not all be removed, so {folder} was kept (it lists the profiles whose keys "
              "remain). Fix the keyring and run 'dps-wizard purge --yes' again.", file=err)
        return 2
    print(f"Removed the saved keys of {len(names)} profile(s) from {secrets.backend_name if names else 'the keyring'}.",
          file=out)
    if keep_config:
        return 0
    if folder.exists():
        try:
            shutil.rmtree(folder)
        except OSError as exc:
            print(f"Error: could not remove {folder}: {exc.strerror or exc}", file=err)
            return 2
        print(f"Removed {folder}.", file=out)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if not args.yes:
        print("dps-wizard purge removes all saved profiles and their keys; add --yes to do it.", file=sys.stderr)
        return 1
    return purge(keep_config=args.keep_config)
