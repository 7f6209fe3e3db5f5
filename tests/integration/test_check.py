"""`dps-wizard check` and wizard.core.netcheck against real sockets on loopback: the emulator (8883 and 443),
a closed port, an unresolvable name, an untrusted certificate, an HTTP CONNECT proxy, and a TLS-inspecting
proxy that presents its own certificate for the Azure host name."""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import io
import json
import ssl
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.integration.conftest import next_loopback_address
from wizard.cli import build_parser
from wizard.cli_check import check_command
from wizard.core.netcheck import CheckTarget, Status, run_checks
from wizard.core.profile import Proxy
from wizard.emulator import Emulator, EmulatorThread

AZURE_HOST = "global.azure-devices-provisioning.net"


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    emu = Emulator(bind=next_loopback_address(), assign_at_once=True, websockets=True)
    with EmulatorThread(emu):
        yield emu


def check(*argv: str) -> tuple[int, str, float]:
    out, err = io.StringIO(), io.StringIO()
    start = time.monotonic()
    code = check_command(build_parser().parse_args(["check", *argv]), out, err, {})
    return code, out.getvalue() + err.getvalue(), time.monotonic() - start


def test_the_emulator_passes_every_check_with_its_ca(emulator):
    code, text, elapsed = check("--host", emulator.dps_host, "--trusted-ca", emulator.ca_file)
    assert code == 0, text
    for line in ("[ok] TCP 8883 direct", "[ok] TCP 443 direct", "[ok] TLS on 8883: TLSv1.2 handshake ok",
                 "[ok] TLS on 443", "issued by CN=DPS Provisioning Wizard emulator CA", "[ok] Clock: within",
                 "provisioning should work from this network"):
        assert line in text
    assert elapsed < 5


def test_json_output(emulator):
    code, text, _ = check("--host", emulator.dps_host, "--trusted-ca", emulator.ca_file, "--json", "--websockets")
    data = json.loads(text)
    assert code == 0 and data["status"] == "ok" and data["exitCode"] == 0 and data["websockets"] is True
    checks = {c["id"]: c for c in data["checks"]}
    assert set(checks) == {"dns", "tcp-8883", "tcp-443", "tls-8883", "tls-443", "clock"}
    assert checks["tls-443"]["chain"][0]["subject"] == "CN=localhost"
    assert "MQTT over WebSockets on port 443" in data["advice"][0]


def test_untrusted_certificate_shows_the_chain_and_what_to_do(emulator):
    code, text, _ = check("--host", emulator.dps_host)  # the system roots do not know the emulator's CA
    assert code == 5
    assert "[FAILED] TLS on 8883: the certificate was not trusted" in text
    assert "issued by DPS Provisioning Wizard emulator CA" in text
    assert "choose its root certificate as the Trusted CA certificate" in text
    assert "2. CN=DPS Provisioning Wizard emulator CA" in text  # the chain the server presented


def test_closed_ports():
    address = next_loopback_address()  # nothing listens there
    code, text, elapsed = check("--host", address, "--timeout", "2")
    assert code == 5 and elapsed < 3
    assert "[FAILED] TCP 8883 direct: port 8883 refused the connection" in text
    assert "Use MQTT over WebSockets (port 443)" in text
    assert "Neither 8883 nor 443 gets through: set your network's HTTP proxy" in text


def test_unresolvable_name():
    code, text, elapsed = check("--host", "nonexistent.invalid", "--json")
    data = json.loads(text)
    checks = {c["id"]: c for c in data["checks"]}
    assert code == 5 and checks["dns"]["status"] == "failed" and "could not be resolved" in checks["dns"]["summary"]
    assert checks["tcp-8883"]["status"] == "skipped" and elapsed < 10
    assert "does not resolve" in data["advice"][0]


def test_bad_input():
    code, text, _ = check("--host", "https://x.example/")
    assert code == 1 and "Provisioning endpoint must be a host name" in text
    code, text, _ = check("--proxy-host", "proxy.example")
    assert code == 1 and "both --proxy-host and --proxy-port" in text


@pytest.mark.asyncio
async def test_a_blackhole_ends_within_the_budget():
    """Listening sockets that never accept: TCP connects (the kernel's backlog), TLS never answers."""
    import socket

    address = next_loopback_address()
    holes = []
    for port in (8883, 443):
        s = socket.socket()
        s.bind((address, port))
        s.listen(8)
        holes.append(s)
    try:
        start = time.monotonic()
        report = await run_checks(CheckTarget(address))
        elapsed = time.monotonic() - start
    finally:
        for s in holes:
            s.close()
    assert elapsed < 10
    assert report.get("tcp-8883").status is Status.OK
    tls = report.get("tls-8883")
    assert tls.status is Status.FAILED and tls.summary == "no TLS answer within 3 s"
    assert "never finished the TLS handshake" in tls.meaning


# -- proxies ------------------------------------------------------------------------------------------------

async def start_connect_proxy(address: str, allow_ports=(443,), redirect=None, answer: bytes | None = None):
    """A small HTTP CONNECT proxy: tunnels to allowed ports (optionally elsewhere), 403 for the others."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            method, target, _ = head.split(b"\r\n", 1)[0].decode().split(" ", 2)
            host, _, port = target.rpartition(":")
            if answer is not None:
                writer.write(answer)
                return
            if method != "CONNECT" or int(port) not in allow_ports:
                writer.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                return
            dest = (redirect or {}).get(int(port), (host, int(port)))
            up_reader, up_writer = await asyncio.open_connection(*dest)
            writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")

            async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
                try:
                    while data := await src.read(65536):
                        dst.write(data)
                        await dst.drain()
                finally:
                    dst.close()

            await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer), return_exceptions=True)
        except (OSError, ValueError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, address, 0)
    return server, server.sockets[0].getsockname()[1]


@pytest.mark.asyncio
async def test_connect_proxy_allows_443_and_refuses_8883(make_emulator):
    emu = await make_emulator(websockets=True)
    server, port = await start_connect_proxy(next_loopback_address())
    async with server:
        target = CheckTarget(emu.dps_host, emu.ca_file, websockets=True, proxy=Proxy(server.sockets[0].getsockname()[0],
                                                                                    port))
        report = await run_checks(target)
    assert report.get("proxy-443").status is Status.OK
    refused = report.get("proxy-8883")
    assert refused.status is Status.FAILED and "403 Forbidden" in refused.summary
    assert "Use MQTT over WebSockets (port 443)" in refused.hint
    assert report.get("tls-443").status is Status.OK and report.get("tls-443").title == "TLS on 443 through the proxy"
    assert report.get("tcp-8883").status is Status.OK  # direct works too, here
    assert report.advice[0].startswith("The device's connection (MQTT over WebSockets on port 443) gets through")


@pytest.mark.asyncio
async def test_proxy_that_wants_a_login_or_is_not_there():
    address = next_loopback_address()
    server, port = await start_connect_proxy(address, answer=b"HTTP/1.1 407 Proxy Authentication Required\r\n\r\n")
    async with server:
        report = await run_checks(CheckTarget(address, proxy=Proxy(address, port)), ports=(443,))
    assert "wants a login" in report.get("proxy-443").summary and "without a login" in report.get("proxy-443").hint
    report = await run_checks(CheckTarget(address, proxy=Proxy(next_loopback_address(), 3128)), ports=(443,))
    assert "could not be reached" in report.get("proxy-443").meaning


def make_inspection_certs(folder: Path) -> tuple[Path, Path, Path]:
    """A company CA ('Contoso TLS Inspection Root') and its certificate for the Azure host name."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Contoso TLS Inspection Root")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
          .not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, AZURE_HOST)]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(AZURE_HOST)]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    (folder / "ca.pem").write_bytes(ca.public_bytes(pem))
    (folder / "leaf.pem").write_bytes(leaf.public_bytes(pem) + ca.public_bytes(pem))
    (folder / "key.pem").write_bytes(key.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    return folder / "ca.pem", folder / "leaf.pem", folder / "key.pem"


async def start_inspecting_server(address: str, cert: Path, key: Path, clock_offset_s: float):
    """What a TLS-inspecting proxy does to the client: its own certificate; HTTP answers with its Date."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await reader.readuntil(b"\r\n\r\n")
            date = email.utils.formatdate(time.time() + clock_offset_s, usegmt=True)
            writer.write(f"HTTP/1.1 404 Not Found\r\nDate: {date}\r\nContent-Length: 0\r\n\r\n".encode())
            await writer.drain()
        except (OSError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, address, 0, ssl=ctx)
    return server, server.sockets[0].getsockname()[1]


@pytest.mark.asyncio
async def test_tls_inspection_is_explained_and_the_company_root_fixes_it():
    with tempfile.TemporaryDirectory() as tmp:
        ca, leaf, key = make_inspection_certs(Path(tmp))
        address = next_loopback_address()
        inspector, tls_port = await start_inspecting_server(address, leaf, key, clock_offset_s=3600)
        proxy, proxy_port = await start_connect_proxy(address, redirect={443: (address, tls_port)})
        async with inspector, proxy:
            target = CheckTarget(AZURE_HOST, websockets=True, proxy=Proxy(address, proxy_port))
            report = await run_checks(target, ports=(443,))
            tls = report.get("tls-443")
            assert tls.status is Status.FAILED and "Contoso TLS Inspection Root" in tls.summary
            assert "inspects TLS" in tls.meaning and "DigiCert Global Root G2" in tls.meaning
            assert "company's root certificate" in tls.hint
            assert [c.issuer for c in tls.chain][0] == "CN=Contoso TLS Inspection Root"
            assert any("add the company's root certificate" in a for a in report.advice)
            # The clock hint from the HTTP Date header (the server says it is an hour later).
            clock = report.get("clock")
            assert clock.status is Status.WARNING and "60 min behind" in clock.summary

            # With the company root as trusted CA it works, with a warning that TLS is inspected.
            report = await run_checks(CheckTarget(AZURE_HOST, str(ca), True, Proxy(address, proxy_port)),
                                      ports=(443,))
            tls = report.get("tls-443")
            assert tls.status is Status.WARNING and "not at one of the roots Azure uses" in tls.meaning
            # Local DNS may not know the name behind a proxy: with a working tunnel that is only a warning.
            assert report.get("dns").status in (Status.OK, Status.WARNING)
