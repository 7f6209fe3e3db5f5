"""`dps-wizard --self-check`: is this installation complete and able to work? Also the data of the GUI's
"About / Diagnostics" page (`run_checks()`), and the CA-roots fallback the frozen app applies at start-up.

Checks: the app's and its libraries' versions (and that they import), the keyring backend (a real, encrypted
one, and a write/read/delete round trip), the CA roots the SDK will trust, the translations and icons, Qt's
plugins for showing the window and the SVG icons, and a brief start of the built-in emulator on a random
loopback address. Exit 0 when everything passed, 1 otherwise. Works from source and from the PyInstaller
bundle. Only the standard library is imported at module level (the runtime hook imports this module).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import platform
import secrets
import socket
import ssl
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# The libraries whose versions are shown: (label, distribution, import name, module attribute fallback).
LIBRARIES = (
    ("PySide6", "PySide6-Essentials", "PySide6.QtWidgets", "PySide6.__version__"),
    ("qasync", "qasync", "qasync", "qasync.__version__"),
    ("azure-iot-device", "azure-iot-device", "azure.iot.device.aio", "azure.iot.device.constant.VERSION"),
    ("paho-mqtt", "paho-mqtt", "paho.mqtt.client", "paho.mqtt.__version__"),
    ("keyring", "keyring", "keyring", None),
)
AZURE_ROOT = "DigiCert Global Root G2"  # the root of Azure IoT Hub's and DPS's TLS certificates since 2023
CERT_ENV = "SSL_CERT_FILE"
FALLBACK_MARK = "DPS_WIZARD_CA_FALLBACK"  # set when the app pointed SSL_CERT_FILE at certifi's bundle


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


# ---- where things are ----------------------------------------------------------------------------------

def frozen_dir() -> Path | None:
    """The PyInstaller bundle's data folder (`_internal`), or None when running from source."""
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) if base and getattr(sys, "frozen", False) else None


@cache
def resources_dir() -> Path:
    """The same search as wizard/ui/resources.py (which imports Qt through wizard.ui): bundle, source tree,
    installed package, data prefix. The spec bundles the folder as `resources` next to the modules."""
    candidates = []
    if frozen_dir():
        candidates.append(frozen_dir() / "resources")
    here = Path(__file__).resolve()
    candidates += [here.parents[1] / "resources", here.parent / "resources",
                   Path(sys.prefix) / "share" / "dps-wizard" / "resources"]
    for candidate in candidates:
        if (candidate / "icons").is_dir():
            return candidate
    return candidates[0]


# ---- CA roots --------------------------------------------------------------------------------------------

def _sdk_context() -> ssl.SSLContext:
    """What the SDK builds without a trusted-CA override: a client context filled by load_default_certs()."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_default_certs()
    return ctx


def count_ca_roots() -> tuple[int, bool]:
    """(number of roots the SDK will trust, whether Azure's root is among them). On Linux OpenSSL may read a
    hashed folder lazily; those files count too (Azure's root is then looked up by file name)."""
    ctx = _sdk_context()
    loaded = ctx.cert_store_stats().get("x509_ca", 0)
    names = {value for cert in ctx.get_ca_certs() for rdn in cert.get("subject", ()) for key, value in rdn
             if key == "commonName"}
    azure = AZURE_ROOT in names
    if loaded:
        return loaded, azure
    paths = ssl.get_default_verify_paths()
    folder = Path(os.environ.get(paths.openssl_capath_env) or paths.openssl_capath or "")
    if folder.is_dir() and str(folder) not in ("", "."):
        hashed = [p for p in folder.iterdir() if len(p.name) == 10 and p.name[8] == "."]
        azure = any("DigiCert_Global_Root_G2" in p.resolve().name for p in hashed)
        return len(hashed), azure
    return 0, False


def windows_store_count() -> int:
    """The certificates load_default_certs() takes from the Windows ROOT and CA stores (for TLS servers)."""
    seen = set()
    for store in ("CA", "ROOT"):
        for cert, encoding, trust in ssl.enum_certificates(store):  # type: ignore[attr-defined]
            if encoding == "x509_asn" and (trust is True or ssl.Purpose.SERVER_AUTH.oid in trust):
                seen.add(cert)
    return len(seen)


def certifi_bundle() -> Path | None:
    try:
        import certifi
    except ImportError:
        return None
    path = Path(certifi.where())
    return path if path.is_file() else None


def use_certifi_if_needed() -> str | None:
    """Make sure the SDK's load_default_certs() finds Azure's root: when the system store has no roots, or on
    Windows lacks Azure's root (Windows fetches roots on demand only for its own TLS, not for OpenSSL), point
    SSL_CERT_FILE at certifi's bundle. load_default_certs() reads it IN ADDITION to the Windows stores, so a
    company root deployed to Windows is still trusted. Returns the bundle used, or None. Never overrides a
    SSL_CERT_FILE someone set."""
    if os.environ.get(CERT_ENV):
        return None
    count, azure = count_ca_roots()
    if count and (azure or sys.platform != "win32"):
        return None
    bundle = certifi_bundle()
    if bundle is None:
        return None
    os.environ[CERT_ENV] = str(bundle)
    os.environ[FALLBACK_MARK] = "1"
    return str(bundle)


def check_ca_roots() -> Check:
    fallback = use_certifi_if_needed()
    count, azure = count_ca_roots()
    paths = ssl.get_default_verify_paths()
    if os.environ.get(FALLBACK_MARK):
        system = (f"{windows_store_count()} from the Windows stores" if sys.platform == "win32"
                  else "none from the system")
        source = f"{system} plus certifi's bundle ({os.environ.get(CERT_ENV)})"
        if fallback:
            source += ", added now because the system store lacks Azure's root"
    elif os.environ.get(CERT_ENV):
        source = f"{CERT_ENV}={os.environ[CERT_ENV]}"
    elif sys.platform == "win32":
        source = "the Windows certificate stores"
    else:
        source = paths.cafile or paths.capath or paths.openssl_cafile
    azure_text = f"{AZURE_ROOT} (Azure's root): {'present' if azure else 'NOT found'}"
    detail = f"{count} trusted CA roots from {source}; {azure_text}; {ssl.OPENSSL_VERSION}"
    if count == 0 and certifi_bundle() is None:
        detail += "; certifi is not available either"
    return Check("CA roots", count > 0 and azure, detail)


# ---- individual checks -------------------------------------------------------------------------------

def _version(dist: str, attr: str | None) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        pass
    if attr:
        module, _, name = attr.rpartition(".")
        try:
            return str(getattr(importlib.import_module(module), name))
        except (ImportError, AttributeError):
            pass
    return "unknown version"


def check_app() -> Check:
    from wizard import APP_NAME, __version__

    where = f"frozen bundle {frozen_dir()}" if frozen_dir() else f"source {Path(__file__).resolve().parent}"
    ok = __version__ != "0.0.0+src" or not frozen_dir()  # the bundle must carry the app's metadata
    return Check("app", ok, f"{APP_NAME} {__version__} ({where})")


def check_python() -> Check:
    impl = platform.python_implementation()
    return Check("Python", True, f"{impl} {platform.python_version()} on {platform.system()} {platform.release()} "
                                 f"{platform.machine()}")


def check_library(label: str, dist: str, module: str, attr: str | None) -> Check:
    try:
        importlib.import_module(module)
    except Exception as exc:  # an ImportError, or a missing Qt library raising something else
        return Check(label, False, f"cannot import {module}: {type(exc).__name__}: {exc}")
    detail = _version(dist, attr)
    if label == "PySide6":
        from PySide6.QtCore import qVersion

        detail += f" (Qt {qVersion()})"
    return Check(label, True, detail)


def check_keyring(write_test: bool = True) -> Check:
    from wizard.core.secrets import SecretStore, SecretStoreError

    try:
        store = SecretStore()
        name = store.backend_name
        backend = type(store.backend)
        reason = store.why_unusable
    except Exception as exc:
        return Check("keyring backend", False, f"the keyring could not be set up: {type(exc).__name__}: {exc}")
    detail = f"{name} ({backend.__module__}.{backend.__name__})"
    if reason:
        return Check("keyring backend", False, f"{detail}: {reason}")
    if frozen_dir() and importlib.util.find_spec("keyrings") is not None:
        return Check("keyring backend", False, f"{detail}; keyrings.alt is in the bundle (it must be excluded)")
    if write_test:
        try:
            store.self_test()
        except SecretStoreError as exc:
            return Check("keyring backend", False, f"{detail}: {exc}")
        detail += "; write, read and delete test passed"
    return Check("keyring backend", True, detail)


def check_translations() -> Check:
    """Each language the app has (a .ts source or a shipped .qm) has a loadable catalogue, found the way the GUI
    finds it (wizard.i18n.qm_file: the shipped .qm, else compiled from the .ts into the cache), and Qt's own
    catalogue for the wizard's buttons (the spec keeps only those)."""
    folder = resources_dir() / "translations"
    prefix = "dps_wizard_"
    sources = [*folder.glob(f"{prefix}*.qm"), *folder.glob(f"{prefix}*.ts")] if folder.is_dir() else []
    languages = sorted({p.stem.removeprefix(prefix) for p in sources})
    if not languages:
        return Check("translations", True, f"none yet in {folder} (English only)")
    try:
        from PySide6.QtCore import QLibraryInfo
    except ImportError as exc:
        return Check("translations", False, f"{', '.join(languages)} in {folder}, but PySide6 is missing: {exc}")
    try:
        from wizard.i18n import qm_file
    except ImportError:  # an older GUI without wizard.i18n: shipped catalogues only
        def qm_file(lang: str) -> Path | None:
            shipped = folder / f"{prefix}{lang}.qm"
            return shipped if shipped.is_file() else None
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    found, missing = [], []
    for lang in languages:
        qm = qm_file(lang)
        if qm is None:
            missing.append(f"{prefix}{lang}.qm (not shipped and could not be built)")
        elif not _catalogue_loads(Path(qm)):
            missing.append(f"the translations in {qm} (it is empty or not a catalogue)")
        else:
            found.append(lang if Path(qm).parent == folder else f"{lang} (built into {qm})")
        if lang != "en" and not (qt_dir / f"qtbase_{lang}.qm").is_file():
            missing.append(f"Qt's qtbase_{lang}.qm in {qt_dir}")
    detail = f"{', '.join(found) or 'none'} in {folder}"
    if missing:
        return Check("translations", False, f"{detail}; missing {', '.join(missing)}")
    return Check("translations", True, detail)


def _catalogue_loads(qm: Path) -> bool:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    return translator.load(str(qm)) and not translator.isEmpty()


def check_icons() -> Check:
    folder = resources_dir() / "icons"
    app_icon = folder / "app.svg"
    if not app_icon.is_file():
        return Check("icons", False, f"{app_icon} is missing")
    count = len(list(folder.glob("*.svg")))
    try:
        from PySide6.QtGui import QImage, QImageReader
    except ImportError as exc:
        return Check("icons", False, f"{count} SVG icons in {folder}, but Qt cannot be loaded: {exc}")
    formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
    if "svg" not in formats or QImage(str(app_icon)).isNull():
        return Check("icons", False, f"{count} SVG icons in {folder}, but Qt's SVG image plugin is missing")
    return Check("icons", True, f"{count} SVG icons in {folder}; Qt renders SVG")


def check_qt_platform() -> Check:
    try:
        from PySide6.QtCore import QLibraryInfo
    except ImportError as exc:
        return Check("Qt plugins", False, f"PySide6 is missing: {exc}")
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    wanted = {"win32": ["platforms/qwindows.dll"], "darwin": ["platforms/libqcocoa.dylib"]}.get(
        sys.platform, ["platforms/libqxcb.so"])
    wanted.append("iconengines/" + ("qsvgicon.dll" if sys.platform == "win32" else "libqsvgicon.so"
                                    if sys.platform != "darwin" else "libqsvgicon.dylib"))
    missing = [w for w in wanted if not (plugins / w).is_file()]
    if missing:
        return Check("Qt plugins", False, f"missing {', '.join(missing)} in {plugins}")
    return Check("Qt plugins", True, f"{', '.join(Path(w).name for w in wanted)} in {plugins}")


def _loopback_addresses() -> list[str]:
    # Random 127.x.y.z first (never collides with a running demo on 127.0.0.1); 127.0.0.1 as the last resort
    # for systems with only that one loopback address (macOS).
    picks = [f"127.{secrets.randbelow(254) + 1}.{secrets.randbelow(256)}.{secrets.randbelow(254) + 1}"
             for _ in range(3)]
    return picks + ["127.0.0.1"]


def _mqtt_hello(address: str, ca_pem: str, id_scope: str, timeout: float) -> str:
    """TLS with the emulator's CA, then an MQTT CONNECT with a made-up token: the CONNACK (refused) proves the
    TLS stack and the emulator's DPS end to end without provisioning anything."""

    def text(value: str) -> bytes:
        data = value.encode()
        return len(data).to_bytes(2, "big") + data

    body = (text("MQTT") + bytes([4, 0xC2]) + (60).to_bytes(2, "big") + text("selfcheck")
            + text(f"{id_scope}/registrations/selfcheck/api-version=2019-03-31")
            + text("SharedAccessSignature sr=selfcheck&sig=c2VsZmNoZWNr&se=1&skn=registration"))
    length, remaining = b"", len(body)
    while True:  # MQTT's variable-length "remaining length"
        remaining, digit = divmod(remaining, 128)
        length += bytes([digit | (0x80 if remaining else 0)])
        if not remaining:
            break
    packet = b"\x10" + length + body
    ctx = ssl.create_default_context(cadata=ca_pem)
    with socket.create_connection((address, 8883), timeout=timeout) as raw, \
            ctx.wrap_socket(raw, server_hostname=address) as tls:
        tls.sendall(packet)
        connack = b""
        while len(connack) < 4:
            chunk = tls.recv(4 - len(connack))
            if not chunk:
                break
            connack += chunk
        version = tls.version()
    if len(connack) != 4 or connack[0] != 0x20:
        raise ValueError(f"no MQTT CONNACK after {version} (got {connack!r})")
    return f"answered {version} with its own CA and MQTT CONNACK (code {connack[3]}, a made-up token)"


def check_emulator(timeout: float = 15) -> Check:
    from wizard.emulator import Emulator, EmulatorAddressInUse, EmulatorError, EmulatorThread

    started = time.perf_counter()
    last = "no loopback address was free"
    with tempfile.TemporaryDirectory(prefix="dps-wizard-selfcheck-") as state:
        for address in _loopback_addresses():
            try:
                emulator = Emulator(bind=address, websockets=False, state_dir=state)
                thread = EmulatorThread(emulator)
                thread.start(timeout)
            except EmulatorAddressInUse as exc:
                last = str(exc)
                continue
            except EmulatorError as exc:
                last = str(exc)
                continue
            except Exception as exc:
                return Check("emulator", False, f"could not start: {type(exc).__name__}: {exc}")
            try:
                answer = _mqtt_hello(address, emulator.ca_pem, emulator.id_scope, timeout)
            except (OSError, ssl.SSLError, ValueError) as exc:
                return Check("emulator", False, f"started on {address}:8883 but did not answer: {exc}")
            finally:
                thread.stop()
            took = time.perf_counter() - started
            return Check("emulator", True, f"started on {address}:8883, {answer}, stopped ({took:.2f} s)")
    return Check("emulator", False, f"could not start: {last}")


def check_app_modules() -> Check:
    """Everything the GUI and the CLI import later, so a module left out of the bundle shows up here."""
    modules = ("wizard.cli_run", "wizard.cli_profiles", "wizard.core.run", "wizard.purge", "wizard.ui.app",
               "wizard.ui.wizard_window")
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception as exc:
            return Check("app modules", False, f"cannot import {name}: {type(exc).__name__}: {exc}")
    return Check("app modules", True, f"{len(modules)} entry modules import")


def run_checks(*, emulator: bool = True, keyring_write: bool = True) -> list[Check]:
    """All checks, in display order. Blocking (the emulator start and the keyring round trip take up to a
    second): a GUI calls it in an executor thread."""
    steps: list[Callable[[], Check]] = [check_app, check_python]
    steps += [lambda lib=lib: check_library(*lib) for lib in LIBRARIES]
    steps += [lambda: check_keyring(keyring_write), check_ca_roots, check_translations, check_icons,
              check_qt_platform, check_app_modules]
    if emulator:
        steps.append(check_emulator)
    results = []
    for step in steps:
        try:
            results.append(step())
        except Exception as exc:  # a check must never take the report down with it
            results.append(Check(getattr(step, "__name__", "check"), False, f"{type(exc).__name__}: {exc}"))
    return results


def format_report(checks: list[Check]) -> str:
    from wizard import APP_NAME

    width = max(len(c.name) for c in checks)
    lines = [f"{APP_NAME} self-check"]
    lines += [f"  {'OK  ' if c.ok else 'FAIL'}  {c.name:<{width}}  {c.detail}" for c in checks]
    failed = [c.name for c in checks if not c.ok]
    lines.append(f"{len(checks)} checks passed." if not failed else
                 f"{len(failed)} of {len(checks)} checks FAILED: {', '.join(failed)}")
    return "\n".join(lines)


def main() -> int:
    checks = run_checks()
    report = format_report(checks)
    if sys.stdout is None:  # the windowed exe has no console: leave the report where it can be found
        path = Path(tempfile.gettempdir()) / "dps-wizard-self-check.txt"
        path.write_text(report + "\n", encoding="utf-8")
    else:
        print(report, flush=True)
    return 0 if all(c.ok for c in checks) else 1
