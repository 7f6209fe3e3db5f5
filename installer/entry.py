"""Entry script of both frozen executables (the windowed `dps-wizard` and the console `dps-wizard-cli`).

They run exactly what the `dps-wizard` console script runs (wizard.cli:main). `purge` is dispatched here until
wizard.cli routes it to wizard.purge itself (the uninstaller calls `dps-wizard-cli purge --yes`).
"""

import sys


def _main() -> int:
    argv = sys.argv[1:]
    if argv[:1] == ["purge"]:
        from wizard.purge import main as purge_main

        return purge_main(argv[1:])
    from wizard.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(_main())
