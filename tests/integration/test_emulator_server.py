"""The emulator's own guarantees: loopback only, clear bind errors, strict MQTT, thread and CLI faces."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import signal
import socket
import ssl
import struct
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from wizard.emulator import (
    Emulator,
    EmulatorAddressInUse,
    EmulatorBindRefused,
    EmulatorError,
    EmulatorThread,
    load_config,
)
from wizard.emulator.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[2]


def sas(resource: str, key: str, ttl: int = 3600) -> str:
    sr = quote(resource, safe="")
    se = int(time.time() + ttl)
    sig = hmac.new(base64.b64decode(key), f"{sr}\n{se}".encode(), hashlib.sha256).digest()
    return f"SharedAccessSignature sr={sr}&sig={quote(base64.b64encode(sig).decode(), safe='')}&se={se}"


def mqtt_str(s: str) -> bytes:
    return struct.pack("!H", len(s.encode())) + s.encode()


def packet(first: int, body: bytes) -> bytes:
    assert len(body) < 16384
    length = bytes([len(body)]) if len(body) < 128 else bytes([(len(body) & 0x7F) | 0x80, len(body) >> 7])
    return bytes([first]) + length + body


def connect_packet(client_id: str, username: str, password: str, level: int = 4) -> bytes:
    body = mqtt_str("MQTT") + bytes([level, 0xC2]) + struct.pack("!H", 60)
    return packet(0x10, body + mqtt_str(client_id) + mqtt_str(username) + mqtt_str(password))


class Raw:
    """A bare MQTT client over the emulator's TLS, to poke at what the SDK never sends."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, emu: Emulator) -> Raw:
        ctx = ssl.create_default_context(cadata=emu.ca_pem)
        reader, writer = await asyncio.open_connection(emu.bind, 8883, ssl=ctx, server_hostname=emu.dps_host)
        return cls(reader, writer)

    async def send(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    async def recv(self, timeout: float = 2) -> tuple[int, bytes]:
        first, byte = await asyncio.wait_for(self.reader.readexactly(2), timeout)
        length, shift = byte & 0x7F, 7
        while byte & 0x80:
            byte = (await self.reader.readexactly(1))[0]
            length, shift = length | (byte & 0x7F) << shift, shift + 7
        return first, await self.reader.readexactly(length)

    async def closed(self, timeout: float = 2) -> bool:
        try:
            return await asyncio.wait_for(self.reader.read(1), timeout) == b""
        except (ConnectionError, ssl.SSLError):
            return True

    def close(self) -> None:
        self.writer.transport.abort()


async def dps_session(emu: Emulator, reg_id: str, key: str) -> Raw:
    raw = await Raw.open(emu)
    user = f"{emu.id_scope}/registrations/{reg_id}/api-version=2019-03-31"
    await raw.send(connect_packet(reg_id, user, sas(f"{emu.id_scope}/registrations/{reg_id}", key)))
    assert await raw.recv() == (0x20, b"\x00\x00")
    await raw.send(packet(0x82, struct.pack("!H", 1) + mqtt_str("$dps/registrations/res/#") + b"\x01"))
    assert await raw.recv() == (0x90, b"\x00\x01\x01")
    return raw


# --- addresses ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("bind", ["0.0.0.0", "192.168.1.10", "::", "example.com"])
def test_non_loopback_bind_is_refused(bind: str) -> None:
    with pytest.raises(EmulatorBindRefused, match="loopback"):
        Emulator(bind=bind)


@pytest.mark.asyncio
async def test_address_in_use_says_so(make_emulator: Any, loopback_address: str) -> None:
    first = await make_emulator()
    with pytest.raises(EmulatorAddressInUse, match=rf"{first.bind}:8883 is already in use by another program"):
        await Emulator(bind=first.bind).start()
    with socket.socket() as blocker:  # any program, not only another emulator
        blocker.bind((loopback_address, 443))
        blocker.listen()
        second = Emulator(bind=loopback_address, websockets=True)
        with pytest.raises(EmulatorAddressInUse, match=f"{loopback_address}:443"):
            await second.start()
        assert not second.running  # the 8883 listener it had opened is closed again
    third = await make_emulator(bind=loopback_address)  # and the address is free again
    assert third.running


def test_default_host_names() -> None:
    emu = Emulator(bind="127.0.0.1")
    assert (emu.dps_host, emu.hub_host) == ("localhost", "127.0.0.1")
    other = Emulator(bind="127.0.0.7")
    assert (other.dps_host, other.hub_host) == ("127.0.0.7", "127.0.0.7")
    assert other.ca_pem.startswith("-----BEGIN CERTIFICATE-----")
    assert Path(other.ca_file).read_text() == other.ca_pem


# --- strict MQTT -------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_bad_protocol_level_and_malformed_packets_close_the_connection(make_emulator: Any) -> None:
    emu = await make_emulator()
    spec = emu.add_individual("raw-1")
    raw = await Raw.open(emu)
    await raw.send(connect_packet("raw-1", "x", "y", level=3))
    assert await raw.recv() == (0x20, b"\x00\x01")  # unacceptable protocol version
    assert await raw.closed()

    raw = await Raw.open(emu)
    await raw.send(packet(0x82, b"\x00\x01"))  # SUBSCRIBE before CONNECT
    assert await raw.closed()

    raw = await dps_session(emu, "raw-1", spec.key)
    await raw.send(b"\x30\xff\xff\xff\xff\x01")  # remaining length longer than 4 bytes
    assert await raw.closed()

    raw = await dps_session(emu, "raw-1", spec.key)
    await raw.send(packet(0x34, mqtt_str("$dps/registrations/PUT/iotdps-register/?$rid=1") + b"\x00\x01{}"))
    assert await raw.closed()  # QoS 2 is not supported by the services


@pytest.mark.asyncio
async def test_answers_go_only_to_the_connection_that_asked(make_emulator: Any) -> None:
    emu = await make_emulator()
    a, b = emu.add_individual("raw-a"), emu.add_individual("raw-b")
    conn_a, conn_b = await dps_session(emu, "raw-a", a.key), await dps_session(emu, "raw-b", b.key)
    topic = "$dps/registrations/PUT/iotdps-register/?$rid=r1"
    body = json.dumps({"payload": None, "registrationId": "raw-a"}).encode()
    await conn_a.send(packet(0x32, mqtt_str(topic) + b"\x00\x07" + body))
    assert await conn_a.recv() == (0x40, b"\x00\x07")  # PUBACK
    first, response = await conn_a.recv()
    assert first == 0x32 and b"$dps/registrations/res/200/?$rid=r1" in response
    with pytest.raises(TimeoutError):
        await conn_b.recv(timeout=0.3)
    conn_a.close()
    conn_b.close()


# --- the thread and the command line -----------------------------------------------------------------


def test_emulator_thread_runs_and_reports_start_errors(loopback_address: str) -> None:
    emu = Emulator(bind=loopback_address, websockets=False)
    with EmulatorThread(emu):
        with socket.create_connection((loopback_address, 8883), timeout=2):
            pass
        with pytest.raises(EmulatorAddressInUse):
            EmulatorThread(Emulator(bind=loopback_address, websockets=False)).start()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((loopback_address, 8883), timeout=2).close()


def test_config_file(tmp_path: Path) -> None:
    config = {
        "idScope": "0ne00000123", "assignAtOnce": True, "websockets": False,
        "faults": {"authMode": "register_401"},
        "enrollments": [
            {"kind": "individual", "registrationId": "c-1", "deviceId": "dev-c1", "faults": {"throttle": 2}},
            {"kind": "group", "groupId": "g", "key": base64.b64encode(b"g" * 32).decode(), "enabled": False},
        ],
    }
    path = tmp_path / "emu.json"
    path.write_text(json.dumps(config))
    emu = load_config(path, bind="127.0.0.9")
    assert (emu.id_scope, emu.assign_at_once, emu.websockets, emu.bind) == ("0ne00000123", True, False, "127.0.0.9")
    individual, group = emu.enrollments
    assert individual.device_id == "dev-c1" and len(base64.b64decode(individual.key)) == 64
    assert emu.effective_faults(individual).throttle == 2
    assert emu.effective_faults(individual).auth_mode == "register_401"
    assert group.kind == "group" and not group.enabled
    path.write_text(json.dumps({"enrollments": [{"kind": "individual", "registrationId": "x", "bogus": 1}]}))
    with pytest.raises(EmulatorError, match="bogus"):
        load_config(path)


def test_cli_json_first_line_then_ctrl_c(loopback_address: str) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "wizard.emulator.cli", "--json", "--bind", loopback_address, "--no-websockets"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        info = json.loads(proc.stdout.readline())
        assert set(info) == {"dpsHost", "hubHost", "idScope", "caFile", "enrollments"}
        kinds = [(e["kind"], e.get("registrationId") or e.get("groupId")) for e in info["enrollments"]]
        assert kinds == [("individual", "demo-device-001"), ("group", "demo-group")]
        assert Path(info["caFile"]).read_text().startswith("-----BEGIN CERTIFICATE-----")
        assert cli_main(["--bind", loopback_address, "--no-websockets"]) == 2  # address taken
        proc.send_signal(signal.SIGINT)
        assert proc.wait(10) == 0
    finally:
        proc.kill()
        proc.wait()
