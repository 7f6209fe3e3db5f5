"""The emulator's own CA and server certificate (EC P-256: milliseconds to make, unlike RSA)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import ssl
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_NAME = "DPS Provisioning Wizard emulator CA"


@dataclass
class Certificates:
    ca_pem: str
    ca_file: str
    cert_file: str
    key_file: str
    _tmp: tempfile.TemporaryDirectory[str] | None = None  # removed when the Certificates object goes

    def server_context(self) -> ssl.SSLContext:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2  # what the SDK and the real services use
        ctx.load_cert_chain(self.cert_file, self.key_file)
        return ctx


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _make_ca() -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, CA_NAME)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def _san(names: list[str]) -> x509.SubjectAlternativeName:
    entries: list[x509.GeneralName] = []
    seen: set[str] = set()
    for name in ["localhost", "127.0.0.1", "::1", *names]:
        if not name or name.lower() in seen:
            continue
        seen.add(name.lower())
        try:
            entries.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            entries.append(x509.DNSName(name))
    return x509.SubjectAlternativeName(entries)


def _make_server(
    ca_key: ec.EllipticCurvePrivateKey, ca: x509.Certificate, names: list[str]
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(_san(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return key, cert


def _load_or_make_ca(state_dir: Path | None) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """With a state_dir the CA survives restarts, so a CA file handed to a device stays valid."""
    if state_dir is not None:
        ca_file, key_file = state_dir / "ca.pem", state_dir / "ca-key.pem"
        if ca_file.exists() and key_file.exists():
            try:
                key = serialization.load_pem_private_key(key_file.read_bytes(), password=None)
                cert = x509.load_pem_x509_certificate(ca_file.read_bytes())
                if isinstance(key, ec.EllipticCurvePrivateKey) and cert.not_valid_after_utc > dt.datetime.now(
                    dt.UTC
                ) + dt.timedelta(days=1):
                    return key, cert
            except ValueError:
                pass  # unreadable: make a new one
    return _make_ca()


def _write(path: Path, data: bytes, private: bool = False) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o644)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def make_certificates(names: list[str], state_dir: str | os.PathLike[str] | None = None) -> Certificates:
    """CA + server certificate for localhost, 127.0.0.1, ::1 and `names` (bind address, host names)."""
    tmp: tempfile.TemporaryDirectory[str] | None = None
    if state_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="dps-emulator-")
        folder = Path(tmp.name)
    else:
        folder = Path(state_dir)
        folder.mkdir(parents=True, exist_ok=True)
    ca_key, ca = _load_or_make_ca(None if state_dir is None else folder)
    key, cert = _make_server(ca_key, ca, names)
    ca_pem = ca.public_bytes(serialization.Encoding.PEM)
    _write(folder / "ca.pem", ca_pem)
    if state_dir is not None:
        _write(folder / "ca-key.pem", _pem_key(ca_key), private=True)
    _write(folder / "server.pem", cert.public_bytes(serialization.Encoding.PEM) + ca_pem)
    _write(folder / "server-key.pem", _pem_key(key), private=True)
    return Certificates(
        ca_pem=ca_pem.decode("ascii"),
        ca_file=str(folder / "ca.pem"),
        cert_file=str(folder / "server.pem"),
        key_file=str(folder / "server-key.pem"),
        _tmp=tmp,
    )
