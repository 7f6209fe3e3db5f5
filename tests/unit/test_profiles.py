import json
import multiprocessing
import os
import random
import stat
import sys
import time
from pathlib import Path

import pytest

from wizard.core import profiles, redact
from wizard.core.profile import SCHEMA_VERSION, Enrollment, Profile, Proxy
from wizard.core.profiles import FILE_NAME, ProfileStore, ProfileStoreError


def make(name: str, **kw) -> Profile:
    return Profile(name=name, id_scope="0ne00012345", registration_id=f"dev-{len(name)}", **kw)


def side_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{FILE_NAME}.corrupt-*"))


def test_uses_the_config_dir_env(config_dir):
    store = ProfileStore()
    store.save(make("sensor"))
    assert (config_dir / FILE_NAME).is_file()


def test_round_trip_keeps_every_field(config_dir):
    p = make("sensor", enrollment=Enrollment.GROUP, websockets=True, proxy=Proxy("proxy.corp", 8080, "bob"),
             properties={"site": "tpe"}, provisioning_payload='{"a": 1}', count=3, interval_s=0.5)
    ProfileStore().save(p)
    stored = ProfileStore().get("sensor")
    assert stored.profile == p and stored.created_at and stored.updated_at and stored.last_result is None
    doc = json.loads((config_dir / FILE_NAME).read_text("utf-8"))
    assert doc["schemaVersion"] == SCHEMA_VERSION and doc["profiles"][0]["profile"]["name"] == "sensor"


def test_duplicate_name_is_refused_naming_the_field(config_dir):
    store = ProfileStore()
    store.save(make("sensor"))
    with pytest.raises(ProfileStoreError) as info:
        store.save(make("Sensor"))  # names differ only in case: one keyring entry on Windows
    assert info.value.field == "name" and "already used" in str(info.value)
    with pytest.raises(ProfileStoreError) as info:
        store.save(make("  "))
    assert info.value.field == "name"


def test_update_and_rename(config_dir):
    store = ProfileStore()
    store.save(make("a"))
    store.save(make("b"))
    store.save(make("a", count=7), previous_name="a")
    assert store.get("a").profile.count == 7
    store.record_result("a", "succeeded", {"deviceId": "dev-1"})
    store.save(make("c", count=7), previous_name="a")
    names = [s.name for s in ProfileStore().list()]
    assert sorted(names) == ["b", "c"]
    assert store.get("c").last_result["deviceId"] == "dev-1"  # history follows the rename
    with pytest.raises(ProfileStoreError):
        store.save(make("b"), previous_name="c")


def test_duplicate_delete_and_unique_name(config_dir):
    store = ProfileStore()
    store.save(make("sensor"))
    assert store.unique_name("sensor") == "sensor (2)"
    copy = store.duplicate("sensor")
    assert copy.name == "sensor (2)" and copy.last_result is None
    assert store.unique_name("sensor (2)") == "sensor (3)"
    store.duplicate("sensor", "other")
    assert store.delete("sensor") is True and store.delete("sensor") is False
    assert [s.name for s in ProfileStore().list()] == ["other", "sensor (2)"]
    with pytest.raises(ProfileStoreError):
        store.duplicate("missing")


def test_list_is_sorted_by_last_run_then_name(config_dir, monkeypatch):
    store = ProfileStore()
    for n in ("c", "a", "b", "d"):
        store.save(make(n))
    monkeypatch.setattr(profiles, "_now", lambda: "2026-01-01T10:00:00+00:00")
    store.record_result("d", "failed", {"failed": 1})
    monkeypatch.setattr(profiles, "_now", lambda: "2026-01-01T10:00:01+00:00")
    store.record_result("c", "succeeded", {"acknowledged": 10})
    assert [s.name for s in store.list()] == ["c", "d", "a", "b"]
    assert store.get("c").last_result["outcome"] == "succeeded" and store.get("c").last_run_at


def test_settings(config_dir):
    store = ProfileStore()
    store.set_setting("geometry", "AdnQywADAAA=")
    store.set_setting("language", "zh_TW")
    assert ProfileStore().settings == {"geometry": "AdnQywADAAA=", "language": "zh_TW"}
    assert ProfileStore().get_setting("lastProfile", "none") == "none"
    with pytest.raises(ProfileStoreError):
        store.set_setting("x", object())


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_file_is_private(config_dir):
    ProfileStore().save(make("sensor"))
    assert stat.S_IMODE((config_dir / FILE_NAME).stat().st_mode) == 0o600


DAMAGED = [b"", b'{"schemaVersion": 1, "profiles": [{"prof', b"not json at all \xff", b"[]",
           b'{"schemaVersion": 1, "profiles": {}}', b'{"profiles": []}']


@pytest.mark.parametrize("content", DAMAGED, ids=["empty", "cut", "not-json", "list", "shape", "no-version"])
def test_damaged_file_is_set_aside_with_its_bytes(config_dir, content):
    config_dir.mkdir()
    (config_dir / FILE_NAME).write_bytes(content)
    store = ProfileStore()
    assert store.load() == []
    [side] = side_files(config_dir)
    assert side.read_bytes() == content
    assert "damaged" in store.last_problem and side.name in store.last_problem
    store.save(make("fresh"))
    assert [s.name for s in ProfileStore().load()] == ["fresh"]
    assert side.read_bytes() == content


def test_side_files_are_never_overwritten(config_dir):
    config_dir.mkdir()
    for content in (b"one", b"two", b"three"):
        (config_dir / FILE_NAME).write_bytes(content)
        ProfileStore().load()
    assert sorted(p.read_bytes() for p in side_files(config_dir)) == [b"one", b"three", b"two"]


def test_file_damaged_while_open_keeps_what_this_window_saw(config_dir):
    store = ProfileStore()
    store.save(make("a"))
    (config_dir / FILE_NAME).write_bytes(b"{garbage")
    store.save(make("b"))
    assert sorted(s.name for s in ProfileStore().load()) == ["a", "b"]
    assert len(side_files(config_dir)) == 1 and store.last_problem


def test_one_unreadable_entry_is_kept_untouched(config_dir):
    store = ProfileStore()
    store.save(make("good"))
    doc = json.loads((config_dir / FILE_NAME).read_text())
    doc["profiles"].append({"profile": {"name": "bad", "count": "many"}})
    (config_dir / FILE_NAME).write_text(json.dumps(doc))
    store = ProfileStore()
    assert [s.name for s in store.load()] == ["good"] and "could not be read" in store.last_problem
    store.save(make("other"))
    entries = json.loads((config_dir / FILE_NAME).read_text())["profiles"]
    assert {"profile": {"name": "bad", "count": "many"}} in entries


def test_newer_schema_is_read_but_never_written(config_dir):
    config_dir.mkdir()
    entry = {"profile": make("from-the-future").to_json() | {"newField": 1}, "lastResult": None}
    blob = json.dumps({"schemaVersion": SCHEMA_VERSION + 1, "profiles": [entry], "settings": {},
                       "moreStuff": True}).encode()
    (config_dir / FILE_NAME).write_bytes(blob)
    store = ProfileStore()
    assert [s.name for s in store.load()] == ["from-the-future"]
    assert store.read_only and "newer version" in store.last_problem
    attempts = (lambda: store.save(make("x")), lambda: store.delete("from-the-future"),
                lambda: store.set_setting("language", "en"),
                lambda: store.record_result("from-the-future", "ok", {}))
    for attempt in attempts:
        with pytest.raises(ProfileStoreError, match="newer version"):
            attempt()
    assert (config_dir / FILE_NAME).read_bytes() == blob and side_files(config_dir) == []


def test_save_refuses_a_profile_holding_a_registered_secret(config_dir):
    key = "Jsm0lyGpjaVYVP2g3FnmnmG9dI/9qU24wNoykUmermc="
    redact.register_secret(key)
    store = ProfileStore()
    with pytest.raises(ProfileStoreError) as info:
        store.save(make("oops", properties={"k": key}))
    assert key not in str(info.value)
    with pytest.raises(ProfileStoreError):
        store.record_result("oops", "ok", {"deviceKey": key})
    assert not (config_dir / FILE_NAME).exists() or key not in (config_dir / FILE_NAME).read_text()


def test_export_and_import(config_dir, tmp_path):
    store = ProfileStore()
    store.save(make("a", proxy=Proxy("proxy.corp", 3128)))
    store.save(make("b"))
    store.record_result("a", "succeeded", {"deviceId": "x"})
    out = tmp_path / "export.json"
    assert store.export(["a"], out) == 1
    exported = json.loads(out.read_text())
    assert [e["profile"]["name"] for e in exported["profiles"]] == ["a"]
    assert "lastResult" not in exported["profiles"][0]
    with pytest.raises(ProfileStoreError):
        store.export(["nope"], out)

    incoming = tmp_path / "incoming.json"
    incoming.write_text(json.dumps({"schemaVersion": 1, "profiles": [
        {"profile": make("a").to_json()},                           # name taken -> "a (2)"
        {"profile": {"name": "c", "enrollment": "sideways"}},       # bad enum
        "just a string",                                            # not an object
        make("d").to_json() | {"symmetricKey": "c2VjcmV0c2VjcmV0c2VjcmV0"},  # bare profile; key field dropped
        {"profile": {"name": "", "host": "x"}},                     # no name
    ]}))
    assert store.import_file(incoming) == ["a (2)", "d"]
    assert len(store.last_import_problems) == 3
    assert all("was not imported" in p for p in store.last_import_problems)
    assert "symmetricKey" not in (config_dir / FILE_NAME).read_text()
    assert ProfileStore().get("a (2)").profile.proxy is None

    store2 = ProfileStore(tmp_path / "elsewhere")
    assert sorted(store2.import_file(out)) == ["a"]
    assert store2.get("a").profile.proxy == Proxy("proxy.corp", 3128)
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    with pytest.raises(ProfileStoreError, match="not a valid JSON"):
        store2.import_file(bad)


def test_disk_errors_become_profilestoreerror(config_dir, monkeypatch):
    store = ProfileStore()
    store.save(make("kept"))

    def full(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(profiles, "_write_atomically", full)
    with pytest.raises(ProfileStoreError, match="No space left on device"):
        store.save(make("lost"))
    monkeypatch.undo()
    assert [s.name for s in store.list()] == ["kept"]  # the cache is not ahead of the disk


def test_a_busy_lock_times_out_with_a_clear_error(config_dir, monkeypatch):
    store = ProfileStore()
    store.save(make("a"))
    monkeypatch.setattr(profiles, "LOCK_TIMEOUT_S", 0.2)
    with profiles._file_lock(config_dir / (FILE_NAME + ".lock")):  # another window in the middle of a save
        with pytest.raises(ProfileStoreError, match="busy"):
            store.save(make("b"))
    store.save(make("b"))


# ---- several processes -----------------------------------------------------------------------------

def _saver(folder: str, prefix: str, count: int, start) -> None:
    start.wait()
    store = ProfileStore(folder)
    for i in range(count):
        store.save(make(f"{prefix}-{i}"))
        store.record_result(f"{prefix}-{i}", "succeeded", {"i": i})
        store.set_setting(f"last-{prefix}", i)


def test_two_processes_saving_at_once_both_survive(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    procs = [ctx.Process(target=_saver, args=(str(tmp_path), p, 20, start)) for p in ("a", "b")]
    for p in procs:
        p.start()
    start.set()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    store = ProfileStore(tmp_path)
    names = {s.name for s in store.load()}
    assert names == {f"{p}-{i}" for p in "ab" for i in range(20)} and store.last_problem is None
    assert all(s.last_result["outcome"] == "succeeded" for s in store.list())
    assert store.settings == {"last-a": 19, "last-b": 19}


def _save_forever(folder: str, ready) -> None:
    store = ProfileStore(folder)
    i = 0
    while True:
        i += 1
        big = '{"n": ${seq}, "pad": "' + "x" * 2000 + '"}'  # a bigger file: more time spent mid-write
        store.save(make(f"p-{os.getpid()}-{i}", count=i, payload_template=big))
        if i % 3 == 0:
            store.delete(f"p-{os.getpid()}-{i - 1}")
        ready.set()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_writer_never_leaves_an_unreadable_file(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    rng = random.Random(1234)
    for _ in range(20):
        ready = ctx.Event()
        proc = ctx.Process(target=_save_forever, args=(str(tmp_path), ready))
        proc.start()
        assert ready.wait(30)
        time.sleep(rng.uniform(0, 0.15))
        proc.kill()
        proc.join(10)
        json.loads((tmp_path / FILE_NAME).read_bytes())  # always whole, never half-written
        store = ProfileStore(tmp_path)
        assert store.load() and store.last_problem is None and side_files(tmp_path) == []
    store.save(make("after"))  # a lock left by a killed process never blocks the next one
    assert list(tmp_path.glob(f".{FILE_NAME}.*.tmp")) == []
