"""PySide6 6.12.0 returns None/True/False without a reference on Python 3.11: qasync calls those paths on every
callback and CPython aborts after a few thousand (measured: "Fatal Python error: bool_dealloc"). The project pins
a release without the bug; this test fails clearly if an upgrade brings it back."""

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Probe(QObject):
    sig = Signal()
probe = Probe()
true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
for _ in range(200):
    probe.sig.emit()
    app.processEvents()
print(sys.getrefcount(True) - true_before, sys.getrefcount(None) - none_before)
"""


def test_the_qt_binding_does_not_leak_singleton_references():
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-500:]
    true_delta, none_delta = map(int, proc.stdout.split())
    assert true_delta > -50 and none_delta > -50, (true_delta, none_delta)
