"""Plain-Python core: no Qt import anywhere below here (the CLI and the GUI share it)."""
