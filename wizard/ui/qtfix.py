"""Work-around for a reference-count bug of PySide6 6.12.0 on Python 3.11.

Measured here (PySide6-Essentials 6.12.0, CPython 3.11.7): calls into PySide6 that return None or a bool give
back the singleton without a new reference. `app.processEvents()` x200 -> None's refcount -200;
`QObject.killTimer`, the timerEvent/event overrides and `SignalInstance.emit()` (True) do the same. qasync
goes through these for every callback, so a few thousand loop iterations later CPython aborts with
"Fatal Python error: none_dealloc" (or bool_dealloc) - in the middle of a run or at exit.

From Python 3.12 these singletons are immortal (PEP 683) and the bug is harmless. On 3.11 install() gives
None, True and False the same property by adding a very large count to their refcounts, which the leak can
never use up. The singletons are never freed in any case (freeing one is itself the fatal error).
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 40
_done = False


def _has_bug() -> bool:
    """Probe without an event loop: emit() on an unconnected signal returns True (and leaks it when buggy)."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        sig = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(16):
        probe.sig.emit()
    return sys.getrefcount(True) < before - 8


def install() -> bool:
    """Apply the work-around once when needed; returns True when it is in place."""
    global _done
    if _done:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not _has_bug():
        return False
    for singleton in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(singleton))
        refcnt.value += _BOOST
    _done = True
    return True
