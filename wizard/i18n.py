"""The user-interface language (GUI and command line): which one, its compiled catalogue, the translators.

Which language: `--lang en|zh_TW`, else the saved setting "language", else the system's (the first of the
system's UI languages that the app has; Traditional Chinese of any region means zh_TW).

The catalogue: English is the source; `resources/translations/dps_wizard_<lang>.ts` is compiled to `.qm` by
`pyside6-lrelease` (PySide6-Essentials ships it). A `.qm` beside the `.ts` that is not older than it is used
as is (a PyInstaller bundle ships one); otherwise the `.ts` is compiled once into the user's cache folder,
under a name that carries the hash of the `.ts`, so an updated `.ts` (an upgrade, an edited checkout) gets a
fresh build and no stale binary is ever used. `python -m wizard.i18n build` compiles beside the `.ts` (for the
installer build).

The GUI installs the app's and Qt's own (`qtbase_<lang>`: the wizard's Back/Next/Cancel) translators on the
QApplication. The command line makes no QCoreApplication: `translate()` asks a QTranslator directly, and only
when the language is not English.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from wizard.core.i18n import CONTEXT as CORE_CONTEXT
from wizard.core.i18n import Text, fill

log = logging.getLogger("wizard.i18n")

ENGLISH, TRADITIONAL_CHINESE = "en", "zh_TW"
LANGUAGES = (ENGLISH, TRADITIONAL_CHINESE)
CATALOGUE = "dps_wizard"
SETTING = "language"
CACHE_ENV = "DPS_WIZARD_CACHE_DIR"


# -- which language ---------------------------------------------------------------------------------------------
def normalise(name: str | None) -> str | None:
    """en / zh_TW for the spellings people and systems use (zh-TW, zh_Hant, zh-Hant-HK, en_US.UTF-8, C), else None."""
    if not name:
        return None
    parts = name.split(".")[0].split("@")[0].replace("-", "_").lower().split("_")
    if parts[0] in ("en", "c", "posix"):
        return ENGLISH
    if parts[0] == "zh" and ({"hant", "tw", "hk", "mo"} & set(parts[1:])):
        return TRADITIONAL_CHINESE
    return None


def system_language() -> str:
    """The first of the system's UI languages that the app has (English when none is).

    The GUI asks Qt, which it has loaded anyway; the command line reads the environment (or, on Windows, the
    user's UI language) instead, because importing Qt costs it ~0.1 s on every run."""
    for name in _system_language_names():
        lang = normalise(name)
        if lang is not None:
            return lang
    return ENGLISH


def _system_language_names() -> list[str]:
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QLocale

        names = list(QLocale.system().uiLanguages())
    elif sys.platform == "win32":
        import ctypes
        import locale

        names = [locale.windows_locale.get(ctypes.windll.kernel32.GetUserDefaultUILanguage(), "")]
    else:
        # POSIX precedence: LANGUAGE (a list), then LC_ALL, LC_MESSAGES, LANG.
        names = os.environ.get("LANGUAGE", "").split(":") + [
            os.environ.get(var, "") for var in ("LC_ALL", "LC_MESSAGES", "LANG")]
    return [n for n in names if n]  # e.g. Simplified Chinese normalises to None: a later entry may match


def choose_language(requested: str | None = None, setting: Any = None) -> str:
    """--lang wins, then the saved setting, then the system."""
    for candidate in (requested, setting if isinstance(setting, str) else None):
        lang = normalise(candidate)
        if lang is not None:
            return lang
    return system_language()


def saved_language(store: Any = None) -> str | None:
    """The "language" setting of the profile store (None when unset or unreadable)."""
    try:
        if store is None:
            from wizard.core.profiles import ProfileStore

            store = ProfileStore()
        value = store.get_setting(SETTING)
    except Exception as exc:  # noqa: BLE001 - a damaged store must not stop the app from starting
        log.debug("language setting not read: %s", exc)
        return None
    return value if isinstance(value, str) else None


# -- the compiled catalogue --------------------------------------------------------------------------------------
def translations_dir() -> Path:
    from wizard.ui.resources import translations_dir as where

    return where()


def ts_file(lang: str) -> Path:
    return translations_dir() / f"{CATALOGUE}_{lang}.ts"


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("dps-wizard", appauthor=False)) / "translations"


def lrelease_command() -> list[str] | None:
    """PySide6's own lrelease (the wheel ships it), else one on PATH."""
    try:
        import PySide6

        folder = Path(PySide6.__file__).resolve().parent
        for name in ("lrelease.exe", "lrelease") if sys.platform == "win32" else ("lrelease",):
            if (folder / name).is_file():
                return [str(folder / name)]
    except ImportError:
        pass
    for name in ("pyside6-lrelease", "lrelease-qt6", "lrelease"):
        found = shutil.which(name)
        if found:
            return [found]
    return None


def compile_ts(ts: Path, qm: Path) -> None:
    """pyside6-lrelease ts -> qm, written atomically. Raises RuntimeError with lrelease's words on failure."""
    command = lrelease_command()
    if command is None:
        raise RuntimeError("pyside6-lrelease was not found (it comes with PySide6-Essentials)")
    qm.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=qm.stem + "-", suffix=".qm", dir=qm.parent)
    os.close(fd)
    try:
        done = subprocess.run([*command, "-silent", str(ts), "-qm", tmp], capture_output=True, text=True,
                              timeout=120, check=False)
        if done.returncode != 0 or os.path.getsize(tmp) == 0:
            raise RuntimeError(f"lrelease failed on {ts.name}: {(done.stderr or done.stdout).strip()}")
        os.replace(tmp, qm)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def qm_file(lang: str) -> Path | None:
    """The compiled catalogue for `lang`, building it from the .ts when needed; None when there is none."""
    ts = ts_file(lang)
    shipped = ts.with_suffix(".qm")
    if shipped.is_file() and (not ts.is_file() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.is_file():
        return None
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    for folder in (cache_dir(), Path(tempfile.gettempdir()) / "dps-wizard-translations"):
        built = folder / f"{CATALOGUE}_{lang}-{digest}.qm"
        if built.is_file() and built.stat().st_size > 0:
            return built
        try:
            compile_ts(ts, built)
        except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
            log.warning("could not build the %s translation in %s: %s", lang, folder, exc)
            continue
        for old in folder.glob(f"{CATALOGUE}_{lang}-*.qm"):
            if old != built:
                try:
                    old.unlink()
                except OSError:
                    pass
        return built
    return shipped if shipped.is_file() else None


def build_all(into_resources: bool = True) -> list[Path]:
    """Compile every .ts (beside it, for an installer build; else into the cache). Returns the .qm files."""
    made = []
    for ts in sorted(translations_dir().glob(f"{CATALOGUE}_*.ts")):
        if into_resources:
            compile_ts(ts, ts.with_suffix(".qm"))
            made.append(ts.with_suffix(".qm"))
        else:
            qm = qm_file(ts.stem.removeprefix(CATALOGUE + "_"))
            if qm is not None:
                made.append(qm)
    return made


# -- the catalogue sources --------------------------------------------------------------------------------------
def source_files() -> list[Path]:
    """The Python files whose tr()/translate()/QT_TRANSLATE_NOOP strings make up the catalogue."""
    package = Path(__file__).resolve().parent
    return sorted(p for p in package.rglob("*.py") if "emulator" not in p.relative_to(package).parts)


def lupdate_command() -> list[str]:
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lupdate.exe", "lupdate"):
        if (folder / name).is_file():
            return [str(folder / name)]
    found = shutil.which("pyside6-lupdate")
    if found is None:
        raise RuntimeError("pyside6-lupdate was not found (it comes with PySide6-Essentials)")
    return [found]


def run_lupdate(ts: Path, *, plural_only: bool = False, language: str = TRADITIONAL_CHINESE) -> str:
    """pyside6-lupdate the source files into `ts` (merging what it holds); returns lupdate's report."""
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as lst:
        lst.write("\n".join(str(p) for p in source_files()))
    try:
        extra = ["-pluralonly"] if plural_only else []
        done = subprocess.run([*lupdate_command(), f"@{lst.name}", "-locations", "none", "-no-obsolete",
                               "-source-language", "en", "-target-language", language, *extra, "-ts", str(ts)],
                              capture_output=True, text=True, timeout=300, check=False)
    finally:
        os.unlink(lst.name)
    if done.returncode != 0:
        raise RuntimeError(f"lupdate failed: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout + done.stderr


def update_catalogues() -> None:
    """After changing texts in the code: refresh both .ts files (then translate what lupdate marks unfinished)."""
    print(run_lupdate(ts_file(TRADITIONAL_CHINESE)))
    print(run_lupdate(ts_file(ENGLISH), plural_only=True, language=ENGLISH))


# -- translators ------------------------------------------------------------------------------------------------
def qt_locale(lang: str):  # noqa: ANN201
    from PySide6.QtCore import QLocale

    return QLocale("zh_TW") if lang == TRADITIONAL_CHINESE else QLocale(QLocale.Language.English,
                                                                         QLocale.Country.UnitedStates)


def install_translators(app, lang: str) -> list:  # noqa: ANN001
    """The app's catalogue and, for zh_TW, Qt's own (wizard buttons, standard dialogs) on `app`.

    English needs the app's catalogue too: it holds the plural forms ("1 message", "10 messages")."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(qt_locale(lang))
    installed = []
    qm = qm_file(lang)
    files = [str(qm)] if qm is not None else []
    if lang != ENGLISH:
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        files.append(str(qt_dir / f"qtbase_{lang}.qm"))
    for path in files:
        translator = QTranslator(app)
        if translator.load(path):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("translation %s could not be loaded", path)
    return installed


def remove_translators(app, translators: list) -> None:  # noqa: ANN001
    for translator in translators:
        app.removeTranslator(translator)


_cli_translator: Any = None
_cli_language = ENGLISH


def use_language(lang: str) -> str:
    """For the command line (no QCoreApplication): translate() uses this language from now on."""
    global _cli_translator, _cli_language
    _cli_translator, _cli_language = None, ENGLISH
    if lang == ENGLISH:
        return ENGLISH
    qm = qm_file(lang)
    if qm is None:
        return ENGLISH
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if not translator.load(str(qm)):
        log.warning("translation %s could not be loaded", qm)
        return ENGLISH
    _cli_translator, _cli_language = translator, lang
    return lang


def current_language() -> str:
    return _cli_language


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """QCoreApplication.translate when a Qt application runs, else the command line's translator."""
    if _cli_translator is None:
        if "PySide6.QtCore" in sys.modules:
            from PySide6.QtCore import QCoreApplication

            if QCoreApplication.instance() is not None:
                return QCoreApplication.translate(context, source, disambiguation, n)
        result = source
    else:
        result = _cli_translator.translate(context, source, disambiguation, n) or source
    return result.replace("%n", str(n)) if n >= 0 else result


def tr_core(source: str, n: int = -1) -> str:
    """A core text (context "core"), looked up as is (with its count, for a plural)."""
    return translate(CORE_CONTEXT, source, None, n)


def plural(context: str, source: str, n: int, *values: object) -> str:
    """A plural text (marked with PLURAL.translate) in the current language, %n and %1.. filled."""
    return fill(translate(context, source, None, n), *values)


def render(value: Text | str) -> str:
    """A core Text (or plain English looked up in the core context) in the current language."""
    return value.render(tr_core) if isinstance(value, Text) else tr_core(value)


def main(argv: list[str] | None = None) -> int:
    """`python -m wizard.i18n build`: compile every .ts beside it (installer and bundle builds);
    `python -m wizard.i18n update`: refresh the .ts files from the code (pyside6-lupdate)."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["update"]:
        update_catalogues()
        return 0
    if args[:1] != ["build"]:
        print("usage: python -m wizard.i18n build|update", file=sys.stderr)
        return 2
    for qm in build_all(into_resources=True):
        print(qm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
