"""The frozen app, built once per session from installer/dps-wizard.spec by installer/build.sh (the Linux bundle:
the Windows one needs Windows, see .github/workflows/windows.yml): it checks itself, runs the demo, removes what
it saved, opens its window under Xvfb (screenshot), and the NSIS installer script compiles around it.

Needs PyInstaller (skipped without it), binutils, Xvfb and nsis. Runs under the real Secret Service when started by
tests/run-all.sh. DPS_WIZARD_ARTIFACTS=DIR keeps the screenshot, the self-check output and the sizes there.
"""

from __future__ import annotations

import importlib.util
import os
import random
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
SIZE_GOAL_MB = 150


@dataclass
class Bundle:
    dir: Path
    cli: Path
    gui: Path
    build_seconds: float
    artifacts: Path


def _load_gui_probe():
    spec = importlib.util.spec_from_file_location("gui_probe", ROOT / "installer" / "gui_probe.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["gui_probe"] = module  # dataclasses look the module up while the class is created
    spec.loader.exec_module(module)
    return module


def _loopback() -> str:
    """A loopback address of its own: the integration tests use 127.<pid-based>.0-3.x; this takes .200-.254."""
    return f"127.{100 + os.getpid() % 150}.{random.randint(200, 254)}.{random.randint(2, 254)}"


def _du_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1024 / 1024


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    pytest.importorskip("PyInstaller", reason="pyinstaller is not installed (pip install pyinstaller==6.22.3)")
    missing = [tool for tool, package in (("objcopy", "binutils"), ("ldd", "libc-bin")) if not shutil.which(tool)]
    assert not missing, f"PyInstaller needs {', '.join(missing)} (Debian package binutils)"
    work = tmp_path_factory.mktemp("frozen")
    artifacts = Path(os.environ.get("DPS_WIZARD_ARTIFACTS") or work / "artifacts")
    artifacts.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    build = subprocess.run(
        [str(ROOT / "installer" / "build.sh"), "--out", str(work / "dist"), "--work", str(work / "build"),
         "--no-installer"],
        env={**os.environ, "PYTHON": sys.executable}, capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, f"build.sh failed:\n{build.stdout[-3000:]}\n{build.stderr[-6000:]}"
    folder = work / "dist" / "dps-wizard"
    (artifacts / "build.txt").write_text(build.stdout)
    return Bundle(folder, folder / "dps-wizard-cli", folder / "dps-wizard", time.perf_counter() - started, artifacts)


@pytest.fixture
def app_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a frozen run: an empty config folder of its own; the session's D-Bus and keyring."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PYTEST", "QT_QPA"))}
    env["DPS_WIZARD_CONFIG_DIR"] = str(tmp_path / "config")
    return env


def run(exe: Path, *args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, timeout=timeout)


def test_one_folder_two_executables_lean(bundle: Bundle) -> None:
    internal = bundle.dir / "_internal"
    assert bundle.gui.is_file() and bundle.cli.is_file() and internal.is_dir()
    assert sorted(p.name for p in bundle.dir.iterdir()) == ["_internal", "dps-wizard", "dps-wizard-cli"]
    assert (internal / "resources" / "icons" / "app.svg").is_file()
    assert not (internal / "keyrings").exists(), "keyrings.alt must never be bundled"
    assert list(internal.glob("dps_provisioning_wizard*-info")), "the app's metadata (its version) is not bundled"
    for ts in (ROOT / "resources" / "translations").glob("*.ts"):
        assert (internal / "resources" / "translations" / f"{ts.stem}.qm").is_file(), f"{ts.name} was not compiled"
    qt_translations = sorted(p.name for p in (internal / "PySide6" / "Qt" / "translations").glob("*.qm"))
    assert qt_translations == ["qtbase_zh_TW.qm"]
    plugins = internal / "PySide6" / "Qt" / "plugins"
    assert (plugins / "platforms" / "libqxcb.so").is_file() and (plugins / "iconengines" / "libqsvgicon.so").is_file()
    assert not (plugins / "platformthemes").exists() and not list(internal.glob("libgtk-3*"))
    size = _du_mb(bundle.dir)
    (bundle.artifacts / "sizes.txt").write_text(f"bundle {size:.1f} MB, built in {bundle.build_seconds:.1f} s\n")
    assert size < SIZE_GOAL_MB, f"the bundle is {size:.0f} MB (goal < {SIZE_GOAL_MB} MB)"


def _version() -> str:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def test_frozen_self_check_passes_under_the_secret_service(bundle: Bundle, app_env: dict[str, str]) -> None:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        pytest.skip("no D-Bus session: run through tests/run-all.sh (gnome-keyring in dbus-run-session)")
    r = run(bundle.cli, "--self-check", env=app_env)
    (bundle.artifacts / "self-check.txt").write_text(r.stdout + r.stderr)
    assert r.returncode == 0, r.stdout + r.stderr
    lines = {m.group(2): (m.group(1), m.group(3)) for m in re.finditer(r"^  (OK  |FAIL)  (.+?)\s{2,}(.*)$", r.stdout,
                                                                        re.M)}
    assert lines["app"] == ("OK  ", f"DPS Provisioning Wizard {_version()} (frozen bundle {bundle.dir / '_internal'})")
    assert "Secret Service" in lines["keyring backend"][1] and "write, read and delete" in lines["keyring backend"][1]
    assert "Azure's root): present" in lines["CA roots"][1]
    assert str(bundle.dir) in lines["icons"][1] and "Qt renders SVG" in lines["icons"][1]
    assert "MQTT CONNACK" in lines["emulator"][1]
    for ts in (ROOT / "resources" / "translations").glob("dps_wizard_*.ts"):
        lang = ts.stem.removeprefix("dps_wizard_")
        assert lang in lines["translations"][1] and "built into" not in lines["translations"][1]  # shipped .qm
    assert r.stderr == "", r.stderr  # nothing leaks to the console (the emulator stops cleanly)


def test_frozen_self_check_fails_without_a_keyring(bundle: Bundle, app_env: dict[str, str]) -> None:
    env = {k: v for k, v in app_env.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    r = run(bundle.cli, "--self-check", env=env)
    assert r.returncode == 1
    assert re.search(r"^  FAIL  keyring backend ", r.stdout, re.M) and "checks FAILED: keyring backend" in r.stdout


def test_frozen_demo_run(bundle: Bundle, app_env: dict[str, str]) -> None:
    r = run(bundle.cli, "run", "--demo", "--demo-bind", _loopback(), "--count", "3", env=app_env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "The complete registration result is" in r.stdout and "done sending message #3" in r.stdout
    assert "Telemetry: 3 of 3 acknowledged" in r.stderr


def test_frozen_purge_removes_saved_keys_and_profiles(bundle: Bundle, app_env: dict[str, str]) -> None:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        pytest.skip("no D-Bus session: run through tests/run-all.sh")
    from wizard.core.secrets import DEVICE_KEY, SecretStore

    name = f"frozen-demo-{os.getpid()}"
    r = run(bundle.cli, "run", "--demo", "--demo-bind", _loopback(), "--count", "1", "--quiet", "--save-as", name,
            env=app_env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert SecretStore().get(name, DEVICE_KEY), "the frozen app saved no key in the Secret Service"
    r = run(bundle.cli, "purge", "--yes", env=app_env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert SecretStore().get(name, DEVICE_KEY) is None
    assert not Path(app_env["DPS_WIZARD_CONFIG_DIR"]).exists()


def test_frozen_gui_opens_its_first_page(bundle: Bundle, app_env: dict[str, str]) -> None:
    if not shutil.which("Xvfb"):
        pytest.fail("Xvfb is missing (Debian package xvfb, in tests/debian-packages.txt)")
    probe = _load_gui_probe()
    shot = bundle.artifacts / "frozen-gui.png"
    result = probe.probe([str(bundle.gui)], env=app_env, screenshot=shot, quiet=0.7)
    assert result.exit_code is None, "the GUI ended by itself"
    assert result.screenshot == shot and shot.stat().st_size > 10_000
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert image.width() >= 500 and image.height() >= 400, "a whole wizard page, not a blank screen"
    (bundle.artifacts / "start-up.txt").write_text(
        f"first paint {result.first_paint:.3f} s, settled {result.settled:.3f} s (one warm run)\n")


def test_nsis_script_compiles_around_the_bundle(bundle: Bundle, tmp_path: Path) -> None:
    """The script with the bundle as payload, stored uncompressed (-DFAST: the same script in seconds; build.sh
    makes the compressed one). -WX: a warning is an error."""
    if not shutil.which("makensis"):
        pytest.fail("makensis is missing (Debian package nsis, in tests/debian-packages.txt)")
    setup = tmp_path / f"dps-wizard-{_version()}-setup.exe"  # not "setup.exe": makensis warns (Windows shims)
    r = subprocess.run(
        ["makensis", "-V2", "-WX", "-DFAST", f"-DVERSION={_version()}", f"-DSRCDIR={bundle.dir}", f"-DOUTFILE={setup}",
         str(ROOT / "installer" / "dps-wizard.nsi")], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    data = setup.read_bytes()
    assert data[:2] == b"MZ" and b"Nullsoft" in data
    assert len(data) > _du_mb(bundle.dir) * 1024 * 1024 * 0.9, "the whole bundle is in the installer"
