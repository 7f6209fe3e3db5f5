"""The translation catalogues: complete, in step with the code, placeholders and mnemonics kept; language choice."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from wizard import i18n
from wizard.core.i18n import Text, fill

PLACEHOLDER = re.compile(r"%(?:[1-9]|n|v|m)")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    found = {}
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.findall("message"):
            found[(name, m.findtext("source") or "")] = m
    return found


def translations(m: ET.Element) -> list[str]:
    tr = m.find("translation")
    if m.get("numerus") == "yes":
        return [f.text or "" for f in tr.findall("numerusform")]
    return [tr.text or ""]


@pytest.fixture(scope="module")
def from_code(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], ET.Element]:
    """What pyside6-lupdate extracts from the code now (a fresh catalogue in a temporary file)."""
    ts = tmp_path_factory.mktemp("lupdate") / "fresh_zh_TW.ts"
    i18n.run_lupdate(ts)
    return messages(ts)


def test_every_string_in_the_code_is_translated_and_nothing_is_left_over(from_code) -> None:
    shipped = messages(i18n.ts_file("zh_TW"))
    missing = sorted(set(from_code) - set(shipped))
    obsolete = sorted(set(shipped) - set(from_code))
    assert not missing, f"in the code but not in dps_wizard_zh_TW.ts (run: python -m wizard.i18n update): {missing}"
    assert not obsolete, f"in dps_wizard_zh_TW.ts but no longer in the code: {obsolete}"
    assert len(shipped) > 300


def test_no_entry_is_unfinished_obsolete_or_empty() -> None:
    for key, m in messages(i18n.ts_file("zh_TW")).items():
        assert m.find("translation").get("type") is None, f"{key} is marked {m.find('translation').get('type')}"
        forms = translations(m)
        assert forms and all(f.strip() for f in forms), f"{key} has an empty translation"


def test_translations_keep_placeholders_and_mnemonics() -> None:
    for (ctx, source), m in messages(i18n.ts_file("zh_TW")).items():
        for text in translations(m):
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (ctx, source, text)
            if re.search(r"&[^&\s]", source):
                letter = re.search(r"&([^&\s])", source).group(1).lower()
                assert re.search(r"&([^&\s])", text), f"{ctx}: {source!r} lost its mnemonic in {text!r}"
                assert re.search(r"&([^&\s])", text).group(1).lower() == letter, (ctx, source, text)


def test_the_microsoft_terms_are_used() -> None:
    """The zh-TW Azure documentation's words (the seed quickstart), not ad-hoc ones."""
    shipped = {s: translations(m)[0] for (_c, s), m in messages(i18n.ts_file("zh_TW")).items()}
    expected = {"Device Provisioning Service": "裝置佈建服務", "ID scope": "識別碼範圍",
                "Registration ID": "註冊識別碼",
                "Symmetric key": "對稱金鑰", "Individual enrollment": "個別註冊", "Enrollment group": "註冊群組",
                "Telemetry": "遙測"}
    for source, term in expected.items():
        assert shipped[source] == term
    assert "IoT 中樞" in shipped["the IoT hub"]


def test_english_plural_catalogue_covers_every_plural(from_code) -> None:
    plurals = {k for k, m in from_code.items() if m.get("numerus") == "yes"}
    english = messages(i18n.ts_file("en"))
    assert set(english) == plurals
    for key, m in english.items():
        one, many = translations(m)
        assert "%n" in one and "%n" in many and one != many, key


def test_catalogues_compile_with_lrelease(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.CACHE_ENV, str(tmp_path / "cache"))
    for lang in i18n.LANGUAGES:
        qm = i18n.qm_file(lang)
        assert qm is not None and qm.stat().st_size > 100
        assert qm.parent == tmp_path / "cache" or qm.parent == i18n.translations_dir()


def test_a_changed_ts_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(i18n.ts_file("zh_TW"), folder)
    monkeypatch.setattr(i18n, "translations_dir", lambda: folder)
    monkeypatch.setenv(i18n.CACHE_ENV, str(tmp_path / "cache"))
    first = i18n.qm_file("zh_TW")
    assert first is not None and first.is_file() and i18n.qm_file("zh_TW") == first  # built once, then reused
    ts = folder / "dps_wizard_zh_TW.ts"
    ts.write_text(ts.read_text(encoding="utf-8").replace("歡迎使用", "歡迎"), encoding="utf-8")
    second = i18n.qm_file("zh_TW")
    assert second != first and second.is_file() and not first.exists()  # the stale build is gone


def test_the_command_line_translates_without_a_qt_application(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    monkeypatch.setenv(i18n.CACHE_ENV, str(tmp_path))
    try:
        assert i18n.use_language("zh_TW") == "zh_TW"
        assert i18n.translate("cli", "Cancelled.") == "已取消。"
        assert fill(i18n.translate("cli", "Error: %1"), "x") == "錯誤：x"
        assert i18n.render(Text("%1 is empty.", (Text("Symmetric key"),))) == "對稱金鑰是空的。"
        assert i18n.translate("cli", "not in the catalogue") == "not in the catalogue"
    finally:
        i18n.use_language("en")
    assert i18n.translate("cli", "Cancelled.") == "Cancelled."


@pytest.mark.parametrize("name, expected", [
    ("zh_TW", "zh_TW"), ("zh-TW", "zh_TW"), ("zh_tw.UTF-8", "zh_TW"), ("zh-Hant", "zh_TW"), ("zh-Hant-HK", "zh_TW"),
    ("zh_HK", "zh_TW"), ("en", "en"), ("en_GB.UTF-8", "en"), ("C", "en"), ("zh_CN", None), ("zh-Hans", None),
    ("de_DE", None), ("", None), (None, None),
])
def test_language_names_are_understood(name, expected) -> None:
    assert i18n.normalise(name) == expected


def test_the_option_wins_over_the_setting_which_wins_over_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "system_language", lambda: "en")
    assert i18n.choose_language(None, None) == "en"
    assert i18n.choose_language(None, "zh_TW") == "zh_TW"
    assert i18n.choose_language("en", "zh_TW") == "en"
    assert i18n.choose_language("klingon", "zh_TW") == "zh_TW"
    monkeypatch.setattr(i18n, "system_language", lambda: "zh_TW")
    assert i18n.choose_language(None, None) == "zh_TW"
    assert i18n.choose_language(None, 42) == "zh_TW"


def test_the_saved_setting_is_read_from_the_profile_store(config_dir) -> None:  # noqa: ANN001
    from wizard.core.profiles import ProfileStore

    assert i18n.saved_language() is None
    ProfileStore().set_setting(i18n.SETTING, "zh_TW")
    assert i18n.saved_language() == "zh_TW"


def test_keyring_and_profile_store_messages_are_translated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Why the keyring cannot be used, SecretStoreError and ProfileStoreError, the damaged-file banner: whole
    sentences in zh_TW (values such as names and paths filled in after), English in str()."""
    from keyring.backends.fail import Keyring as FailKeyring

    from wizard.core.profile import Profile
    from wizard.core.profiles import ProfileStore, ProfileStoreError
    from wizard.core.secrets import SecretStore, SecretStoreError

    secrets = SecretStore(FailKeyring())
    with pytest.raises(SecretStoreError) as raised:
        secrets.set("lab", "device-key", "c2VjcmV0LXZhbHVlLWZvci10ZXN0cw==")
    assert str(raised.value).startswith("Could not save the device key of profile 'lab'. No secure keyring")
    store = ProfileStore(tmp_path)
    store.save(Profile(name="lab"))
    with pytest.raises(ProfileStoreError) as clash:
        store.save(Profile(name="LAB"))
    assert str(clash.value).startswith("Profile name 'LAB' is already used")
    store.path.write_text("{not json", encoding="utf-8")
    store.load()
    assert store.last_problem.startswith("The saved profiles file was damaged")
    monkeypatch.setenv(i18n.CACHE_ENV, str(tmp_path / "qm"))
    try:
        assert i18n.use_language("zh_TW") == "zh_TW"
        assert i18n.render(secrets.why_unusable_text).startswith("這部電腦上找不到安全的金鑰環")
        assert raised.value.render(i18n.tr_core).startswith("無法儲存設定檔 'lab' 的裝置金鑰。這部電腦上找不到")
        assert clash.value.render(i18n.tr_core) == "設定檔名稱 'LAB' 已被另一個設定檔使用；請選擇其他名稱。"
        banner = i18n.render(store.last_problem_text)
        assert banner.startswith("已儲存的設定檔檔案已損毀；已將它另存為 ") and str(tmp_path) in banner
    finally:
        i18n.use_language("en")
