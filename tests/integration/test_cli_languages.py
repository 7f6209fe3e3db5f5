"""The command line's human output in Traditional Chinese (`--lang zh_TW`): `check` and `batch` leave no English
sentence (proper names, host names, registration IDs and other values aside); --json stays English."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from tests.integration.conftest import next_loopback_address
from wizard import i18n
from wizard.cli import run_main

# Proper names and technical words that Microsoft's zh-TW documentation leaves as they are.
PROPER = ["Azure", "IoT Hub", "IoT", "DPS", "MQTT", "JSON", "WebSockets", "SAS", "PEM", "HTTP", "TLS", "TLSv1.2",
          "CA", "SDK", "Base64", "Proxy", "DNS", "CSV", "TCP", "IP", "IT", "ms", "CN", "UTC",
          "DPS Provisioning Wizard emulator CA"]
VALUE = re.compile(r"[\w-]*\{\d+\.\.\d+\}|--[\w-]+|[\w.-]+\.(?:net|com|invalid|csv|json)\b|\*\.[\w.-]+|\b0ne\w*"
                   r"|\b[A-Z][A-Z0-9_]{3,}\b|'[^']*'")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def english_left(text: str, values: list[str]) -> list[str]:
    for value in sorted((v for v in values if v), key=len, reverse=True):
        text = text.replace(value, " ")
    text = VALUE.sub(" ", text)
    for name in sorted(PROPER, key=len, reverse=True):
        text = re.sub(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", " ", text)
    return ENGLISH_WORD.findall(text)


def assert_no_english(text: str, values: list[str]) -> None:
    left = [f"{line!r} -> {words}" for line in text.splitlines() if (words := english_left(line, values))]
    assert not left, "English left:\n" + "\n".join(left)


@pytest.fixture
def zh_tw_cli(config_dir, tmp_path, monkeypatch) -> Iterator[None]:  # noqa: ANN001
    monkeypatch.setenv(i18n.CACHE_ENV, str(tmp_path / "qm"))
    yield
    i18n.use_language("en")


def test_check_in_traditional_chinese_against_a_closed_port(zh_tw_cli, capsys) -> None:  # noqa: ANN001
    host = next_loopback_address()  # nothing listens there
    code = run_main(["check", "--lang", "zh_TW", "--host", host, "--timeout", "1"])
    out, err = capsys.readouterr()
    assert code == 5, out + err
    assert "拒絕了連線" in out and "結果：2 項失敗" in out and "建議：" in out, out
    assert_no_english(out + err, [host])


def test_check_in_traditional_chinese_for_a_name_that_does_not_resolve(zh_tw_cli, capsys) -> None:  # noqa: ANN001
    code = run_main(["check", "--lang", "zh_TW", "--host", "dps-wizard-test.invalid", "--timeout", "1"])
    out, err = capsys.readouterr()
    assert code == 5, out + err
    assert "無法解析" in out, out
    # The system's own reason for the failed lookup (getaddrinfo's words) is shown as received, in parentheses.
    assert_no_english(re.sub(r"（[^）]*）|\([^)]*\)", " ", out + err), [])


def test_check_json_stays_english_in_traditional_chinese(zh_tw_cli, capsys) -> None:  # noqa: ANN001
    host = next_loopback_address()
    run_main(["check", "--lang", "zh_TW", "--host", host, "--timeout", "1", "--json"])
    data = json.loads(capsys.readouterr().out)
    tcp = next(c for c in data["checks"] if c["id"] == "tcp-8883")
    assert tcp["summary"] == "port 8883 refused the connection" and tcp["title"] == "TCP 8883 direct"
    assert data["advice"][0].startswith("Neither 8883 nor 443 gets through")


def test_check_invalid_input_in_traditional_chinese(zh_tw_cli, capsys) -> None:  # noqa: ANN001
    code = run_main(["check", "--lang", "zh_TW", "--host", "h.example.net", "--proxy-host", "p.example.net"])
    _out, err = capsys.readouterr()
    assert code == 1 and err.startswith("輸入無效：")
    assert_no_english(err, [])


def test_batch_in_traditional_chinese_with_failing_devices(zh_tw_cli, capsys, monkeypatch) -> None:  # noqa: ANN001
    from wizard.core.keys import derive_device_key
    from wizard.emulator import Emulator, EmulatorThread, Faults

    emu = Emulator(bind=next_loopback_address(), assign_at_once=True, websockets=False)
    with EmulatorThread(emu):
        group = emu.add_group("plant-7")
        failing = {"sensor-002": dict(enabled=False), "sensor-003": dict(faults=Faults(hub_refuse=True)),
                   "sensor-004": dict(faults=Faults(fail_with={"errorCode": 400209, "errorMessage": "No hub linked"}))}
        for reg_id, kwargs in failing.items():
            emu.add_individual(reg_id, key=derive_device_key(group.key, reg_id), **kwargs)
        for name, value in (("PROVISIONING_HOST", emu.dps_host), ("PROVISIONING_IDSCOPE", emu.id_scope),
                            ("PROVISIONING_SYMMETRIC_KEY", group.key)):
            monkeypatch.setenv(name, value)
        code = run_main(["batch", "--lang", "zh_TW", "--trusted-ca", emu.ca_file, "--registration-ids",
                         "sensor-{001..005}, sensor-001", "--count", "1", "--timeout", "4"])
        out, err = capsys.readouterr()
        hub = emu.hub_host
    assert code == 2, out + err
    assert "sensor-001：成功：裝置 sensor-001" in out and "sensor-002：失敗：註冊已停用" in out, out
    assert "批次：5 個裝置：成功 2 個、失敗 3 個" in out, out
    assert "錯誤：註冊已停用：1 個裝置：sensor-002" in err and "重複列出" in err, err
    ids = [f"sensor-{n:03}" for n in range(1, 6)]
    # Values: registration and device IDs, hosts, the substatus and the DPS error text as the service sent them.
    assert_no_english(out + err, [*ids, hub, emu.dps_host, "initialAssignment", "No hub linked", "400209"])


def test_batch_invalid_ids_in_traditional_chinese(zh_tw_cli, capsys, monkeypatch) -> None:  # noqa: ANN001
    from wizard.core.keys import generate_key

    monkeypatch.setenv("PROVISIONING_SYMMETRIC_KEY", generate_key())
    monkeypatch.setenv("PROVISIONING_IDSCOPE", "0ne0001A2B3")
    for ids, expected in (("ok-1, Bad-2", "第 2 項：'Bad-2'：註冊識別碼必須是小寫"),
                          ("s-{1..20000}", "一個批次最多 10,000 個"), ("a{1..2", "大括號不成對")):
        code = run_main(["batch", "--lang", "zh_TW", "--registration-ids", ids])
        _out, err = capsys.readouterr()
        assert code == 1 and err.startswith("輸入無效：註冊識別碼：") and expected in err, err
        assert_no_english(err, [ids, "Bad-2"])


def test_check_with_an_unreadable_trusted_ca_in_traditional_chinese(zh_tw_cli, capsys, tmp_path) -> None:  # noqa: ANN001
    import errno
    import os

    missing = str(tmp_path / "missing.pem")
    host = next_loopback_address()
    code = run_main(["check", "--lang", "zh_TW", "--host", host, "--timeout", "1", "--trusted-ca", missing])
    out, err = capsys.readouterr()
    assert code == 5 and "無法讀取信任的 CA 憑證檔案" in out, out
    assert_no_english(out + err, [host, missing, os.strerror(errno.ENOENT)])
