"""A named mutex that tells the installer the app is running (Windows; a no-op elsewhere).

The GUI calls `hold()` once at start-up; the handle stays open until the process ends, and the installer and
uninstaller (installer/dps-wizard.nsi) refuse to replace files while OpenMutexW finds this name. "Local\\" is
the session's namespace: the per-user installer runs in the same session as the person's app.
"""

from __future__ import annotations

import sys

MUTEX_NAME = "Local\\DPSProvisioningWizard"  # keep in sync with APP_MUTEX in installer/dps-wizard.nsi

_handle: int | None = None


def hold(name: str = MUTEX_NAME) -> bool:
    """Create (or open) the mutex and keep it for the life of the process. True when held."""
    global _handle
    if _handle or sys.platform != "win32":
        return bool(_handle)
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateMutexW.restype = wintypes.HANDLE
    kernel32.CreateMutexW.argtypes = [ctypes.c_void_p, wintypes.BOOL, wintypes.LPCWSTR]
    _handle = kernel32.CreateMutexW(None, False, name) or None
    return bool(_handle)
