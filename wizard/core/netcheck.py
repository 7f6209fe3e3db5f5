"""Connectivity check: can this machine reach a DPS endpoint the way the SDK will, and if not, why.

DNS, TCP to 8883 and 443 (directly and through an HTTP proxy with CONNECT), the TLS handshake the SDK makes
(TLS 1.2, the trusted-CA file replacing the system roots) with the chain shown, a TLS-inspection warning when
an Azure endpoint's chain does not end at one of the roots Azure uses, and a clock hint. Every step has its
own short timeout, ports and paths run in parallel, and the whole check ends within `budget` seconds (9 s by
default) even when everything times out: the blocking socket work runs in daemon threads that are abandoned
at their deadline, so nothing waits for them.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from wizard.core.i18n import QT_TRANSLATE_NOOP, Text, Translate
from wizard.core.profile import Profile, Proxy

PORTS = (8883, 443)
STEP_TIMEOUT_S = 3.0
BUDGET_S = 9.0
CLOCK_SKEW_WARN_S = 120
AZURE_ROOT_CNS = ("DigiCert Global Root G2", "Baltimore CyberTrust Root",
                  "Microsoft RSA Root Certificate Authority 2017")
AZURE_SUFFIXES = (".azure-devices-provisioning.net", ".azure-devices.net", ".azure-devices-provisioning.cn",
                  ".azure-devices.cn", ".azure-devices-provisioning.us", ".azure-devices.us")
ADD_ROOT_HINT = QT_TRANSLATE_NOOP(
    "core", "Ask IT for the company's root certificate (or export it from the browser's certificate view as Base-64 "
            ".pem) and choose it as the Trusted CA certificate. It replaces the system roots, so to reach Azure "
            "directly as well, put the Azure roots (DigiCert Global Root G2, Baltimore CyberTrust Root, Microsoft RSA "
            "Root Certificate Authority 2017) in the same file.")


def _t(source: str, *args: Any) -> Text:
    return Text(source, args)


class Status(StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAILED = "failed"
    SKIPPED = "skipped"


_RANK = {Status.SKIPPED: 0, Status.OK: 1, Status.WARNING: 2, Status.FAILED: 3}


@dataclass(frozen=True)
class CertInfo:
    subject: str
    issuer: str
    not_before: dt.datetime
    not_after: dt.datetime

    def to_json(self) -> dict[str, Any]:
        return {"subject": self.subject, "issuer": self.issuer, "notBefore": self.not_before.isoformat(),
                "notAfter": self.not_after.isoformat()}


@dataclass(frozen=True)
class CheckResult:
    id: str  # dns, tcp-8883, tcp-443, proxy-8883, proxy-443, tls-8883, tls-443, clock
    title: str
    status: Status
    summary: str
    meaning: str = ""  # for warnings and failures: what it means
    hint: str = ""  # ... and what to try
    duration_s: float = 0.0
    chain: tuple[CertInfo, ...] = ()
    # title, summary, meaning and hint as translatable sentences (CheckResult.of); the English is in the fields.
    texts: tuple[Text, Text, Text | None, Text | None] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, check_id: str, title: Text, status: Status, summary: Text, meaning: Text | None = None,
           hint: Text | None = None, duration_s: float = 0.0, chain: tuple[CertInfo, ...] = ()) -> CheckResult:
        return cls(check_id, title.render(), status, summary.render(), meaning.render() if meaning else "",
                   hint.render() if hint else "", duration_s, chain, texts=(title, summary, meaning, hint))

    def rendered(self, translate: Translate | None = None) -> tuple[str, str, str, str]:
        """(title, summary, meaning, hint) for a person, translated by `translate` when given."""
        if self.texts is not None:
            title, summary, meaning, hint = (t.render(translate) if t is not None else "" for t in self.texts)
            return title, summary, meaning, hint
        plain = (self.title, self.summary, self.meaning, self.hint)
        if translate is None:
            return plain
        title, summary, meaning, hint = (translate(x) if x else "" for x in plain)
        return title, summary, meaning, hint

    def softened(self, meaning: Text) -> CheckResult:
        """This failure as a warning that means `meaning` (a blocked path that another one replaces)."""
        title, summary = self.texts[:2] if self.texts is not None else (Text(self.title), Text(self.summary))
        return CheckResult.of(self.id, title, Status.WARNING, summary, meaning, None, self.duration_s, self.chain)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "status": self.status.value, "summary": self.summary,
                "meaning": self.meaning or None, "hint": self.hint or None,
                "durationMs": round(self.duration_s * 1000, 1), "chain": [c.to_json() for c in self.chain]}


@dataclass(frozen=True)
class CheckTarget:
    host: str
    trusted_ca: str | None = None  # path of a PEM file, as in the Profile
    websockets: bool = False
    proxy: Proxy | None = None

    @classmethod
    def from_profile(cls, profile: Profile) -> CheckTarget:
        p = profile.normalised()
        return cls(p.host, p.trusted_ca, p.websockets, p.proxy)

    @property
    def is_azure(self) -> bool:
        return self.host.lower().endswith(AZURE_SUFFIXES)


@dataclass
class CheckReport:
    target: CheckTarget
    results: list[CheckResult] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)  # English (for --json); advice_texts to show translated
    duration_s: float = 0.0
    advice_texts: list[Text] = field(default_factory=list)

    @property
    def status(self) -> Status:
        worst = max((r.status for r in self.results), key=_RANK.__getitem__, default=Status.SKIPPED)
        return Status.OK if worst is Status.SKIPPED else worst

    def get(self, check_id: str) -> CheckResult | None:
        return next((r for r in self.results if r.id == check_id), None)

    def to_json(self) -> dict[str, Any]:
        t = self.target
        return {"host": t.host, "websockets": t.websockets, "trustedCa": t.trusted_ca,
                "proxy": f"{t.proxy.host}:{t.proxy.port}" if t.proxy else None, "status": self.status.value,
                "durationSeconds": round(self.duration_s, 3), "checks": [r.to_json() for r in self.results],
                "advice": self.advice}


class _Failed(Exception):
    """A step failed; carries the person-facing summary, meaning and hint."""

    def __init__(self, summary: Text, meaning: Text | None = None, hint: Text | None = None) -> None:
        super().__init__(summary.render())
        self.summary, self.meaning, self.hint = summary, meaning, hint


async def _in_thread(fn: Callable[[], Any], timeout: float) -> Any:
    """Run blocking socket work in a daemon thread; give up on it at the timeout (it is never waited for)."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Any] = loop.create_future()

    def settle(value: Any, error: BaseException | None) -> None:
        if not future.done():
            future.set_exception(error) if error is not None else future.set_result(value)

    def work() -> None:
        try:
            value, error = fn(), None
        except BaseException as exc:  # noqa: BLE001 - handed to the awaiting coroutine
            value, error = None, exc
        try:
            loop.call_soon_threadsafe(settle, value, error)
        except RuntimeError:  # the loop is gone: nobody waits any more
            _close(value)

    threading.Thread(target=work, name="netcheck", daemon=True).start()
    return await asyncio.wait_for(future, max(0.01, timeout))


def _close(value: Any) -> None:
    if isinstance(value, socket.socket):
        try:
            value.close()
        except OSError:
            pass


def _cert_info(der: bytes) -> CertInfo:
    from cryptography import x509

    cert = x509.load_der_x509_certificate(der)
    return CertInfo(cert.subject.rfc4514_string(), cert.issuer.rfc4514_string(), cert.not_valid_before_utc,
                    cert.not_valid_after_utc)


def _chain(tls: ssl.SSLSocket, verified: bool) -> tuple[CertInfo, ...]:
    sslobj = getattr(tls, "_sslobj", None)
    getter = getattr(sslobj, "get_verified_chain" if verified else "get_unverified_chain", None)
    try:
        if getter is not None:  # private before Python 3.13, public after
            return tuple(_cert_info(c.public_bytes(ssl._ssl.ENCODING_DER)) for c in getter())  # type: ignore[attr-defined]
        leaf = tls.getpeercert(binary_form=True)
        return (_cert_info(leaf),) if leaf else ()
    except Exception:  # noqa: BLE001 - the chain is shown when it can be read, never needed
        return ()


def _cn(name: str) -> str:
    for part in name.split(","):
        if part.startswith("CN="):
            return part[3:]
    return name


def _azure_rooted(chain: tuple[CertInfo, ...]) -> bool:
    names = {_cn(c.issuer) for c in chain} | {_cn(c.subject) for c in chain}
    return any(root in names for root in AZURE_ROOT_CNS)


def _describe_os_error(exc: BaseException, what: Text, timeout: float) -> Text:
    if isinstance(exc, TimeoutError | socket.timeout):
        return _t(QT_TRANSLATE_NOOP("core", "no answer from %1 within %2 s"), what, f"{timeout:g}")
    if isinstance(exc, ConnectionRefusedError):
        return _t(QT_TRANSLATE_NOOP("core", "%1 refused the connection"), what)
    if isinstance(exc, ConnectionResetError):
        return _t(QT_TRANSLATE_NOOP("core", "%1 reset the connection"), what)
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return _t(QT_TRANSLATE_NOOP("core", "%1: %2"), what, text)


class _Checker:
    def __init__(self, target: CheckTarget, step_timeout: float, budget: float,
                 on_result: Callable[[CheckResult], None] | None) -> None:
        self.t, self.step, self.on_result = target, step_timeout, on_result
        self.deadline = time.monotonic() + budget
        self.report = CheckReport(target)
        self.addresses: list[str] = []
        self.proxy_addresses: list[str] = []
        self.ca_pem: str | None = None
        self.http_date: dt.datetime | None = None
        self.leaf: CertInfo | None = None

    def timeout(self) -> float:
        return max(0.05, min(self.step, self.deadline - time.monotonic()))

    def add(self, result: CheckResult) -> CheckResult:
        self.report.results.append(result)
        if self.on_result is not None:
            try:
                self.on_result(result)
            except Exception:  # noqa: BLE001 - a listener's bug must not break the check
                pass
        return result

    # -- DNS ------------------------------------------------------------------------------------------------
    async def resolve(self, host: str, check_id: str, label: Text) -> list[str]:
        start = time.monotonic()
        timeout = self.timeout()
        try:
            infos = await _in_thread(lambda: socket.getaddrinfo(host, 443, type=socket.SOCK_STREAM), timeout)
        except TimeoutError:
            self.add(CheckResult.of(check_id, label, Status.FAILED,
                                    _t(QT_TRANSLATE_NOOP("core", "DNS did not answer within %1 s"), f"{timeout:g}"),
                                    _t(QT_TRANSLATE_NOOP("core", "The name server did not answer in time.")),
                                    self._dns_hint(), time.monotonic() - start))
            return []
        except OSError as exc:
            self.add(CheckResult.of(check_id, label, Status.FAILED,
                                    _t(QT_TRANSLATE_NOOP("core", "%1 could not be resolved (%2)"), host,
                                       exc.strerror or exc),
                                    _t(QT_TRANSLATE_NOOP("core", "DNS does not know this name.")), self._dns_hint(),
                                    time.monotonic() - start))
            return []
        addresses = list(dict.fromkeys(info[4][0] for info in infos))
        summary = (_t(QT_TRANSLATE_NOOP("core", "%1 is an IP address: nothing to resolve"), host)
                   if addresses == [host]
                   else _t(QT_TRANSLATE_NOOP("core", "%1 is %2"), host, ", ".join(addresses[:4])))
        self.add(CheckResult.of(check_id, label, Status.OK, summary, duration_s=time.monotonic() - start))
        return addresses

    def _dns_hint(self) -> Text:
        return _t(QT_TRANSLATE_NOOP("core", "Check the spelling of the endpoint (for Azure: "
                                            "global.azure-devices-provisioning.net) and the network. Networks that "
                                            "reach the internet only through a proxy often do not resolve outside "
                                            "names: set the proxy (it resolves names itself)."))

    # -- TCP, direct and through the proxy ------------------------------------------------------------------
    def _connect(self, addresses: list[str], port: int, deadline: float) -> socket.socket:
        error: BaseException = OSError("no address")
        for address in addresses[:3]:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            try:
                return socket.create_connection((address, port), timeout=left)
            except OSError as exc:
                error = exc
        raise error

    def _tunnel(self, port: int, deadline: float) -> socket.socket:
        assert self.t.proxy is not None
        sock = self._connect(self.proxy_addresses, self.t.proxy.port, deadline)
        try:
            sock.settimeout(max(0.05, deadline - time.monotonic()))
            sock.sendall(f"CONNECT {self.t.host}:{port} HTTP/1.1\r\nHost: {self.t.host}:{port}\r\n\r\n".encode())
            head = b""
            while b"\r\n\r\n" not in head and len(head) < 16384:
                chunk = sock.recv(1)  # byte by byte: nothing past the headers may be consumed
                if not chunk:
                    raise _Failed(_t(QT_TRANSLATE_NOOP("core", "the proxy closed the connection without answering "
                                                               "CONNECT")),
                                  _t(QT_TRANSLATE_NOOP("core", "The proxy did not open a tunnel.")),
                                  _t(QT_TRANSLATE_NOOP("core", "Check the proxy host and port.")))
                head += chunk
            line = head.split(b"\r\n", 1)[0].decode("latin-1")
            parts = line.split(" ", 2)
            code = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
            if code != 200:
                raise self._proxy_refusal(code, line, port)
            return sock
        except BaseException:
            sock.close()
            raise

    def _proxy_refusal(self, code: int, line: str, port: int) -> _Failed:
        if code == 407:
            return _Failed(_t(QT_TRANSLATE_NOOP("core", "the proxy wants a login (%1)"), line),
                           _t(QT_TRANSLATE_NOOP("core", "The proxy requires authentication, which the SDK does not "
                                                        "send to an HTTP proxy.")),
                           _t(QT_TRANSLATE_NOOP("core", "Ask IT to let *.azure-devices-provisioning.net and "
                                                        "*.azure-devices.net through without a login, or use a SOCKS "
                                                        "proxy.")))
        hint = (_t(QT_TRANSLATE_NOOP("core", "Use MQTT over WebSockets (port 443): proxies usually allow only 443."))
                if port != 443 else
                _t(QT_TRANSLATE_NOOP("core", "Ask IT to allow CONNECT to *.azure-devices-provisioning.net and "
                                             "*.azure-devices.net on port 443.")))
        status_line = line or _t(QT_TRANSLATE_NOOP("core", "no status line"))
        return _Failed(_t(QT_TRANSLATE_NOOP("core", "the proxy refused the tunnel to port %1 (%2)"), port, status_line),
                       _t(QT_TRANSLATE_NOOP("core", "The proxy does not allow connections to %1 on port %2."),
                          self.t.host, port), hint)

    async def tcp(self, port: int, via_proxy: bool) -> socket.socket | None:
        check_id = f"{'proxy' if via_proxy else 'tcp'}-{port}"
        proxy = self.t.proxy
        label = (_t(QT_TRANSLATE_NOOP("core", "TCP %1 through the proxy %2:%3"), port, proxy.host, proxy.port)
                 if via_proxy and proxy else _t(QT_TRANSLATE_NOOP("core", "TCP %1 direct"), port))
        start = time.monotonic()
        timeout = self.timeout()
        deadline = start + timeout
        if not (self.proxy_addresses if via_proxy else self.addresses):
            why = (_t(QT_TRANSLATE_NOOP("core", "not tried: the proxy's name did not resolve")) if via_proxy
                   else _t(QT_TRANSLATE_NOOP("core", "not tried: the name did not resolve")))
            self.add(CheckResult.of(check_id, label, Status.SKIPPED, why))
            return None
        try:
            sock = await _in_thread(lambda: self._tunnel(port, deadline) if via_proxy
                                    else self._connect(self.addresses, port, deadline), timeout + 0.05)
        except _Failed as exc:
            self.add(CheckResult.of(check_id, label, Status.FAILED, exc.summary, exc.meaning, exc.hint,
                                    time.monotonic() - start))
            return None
        except (OSError, TimeoutError) as exc:
            what = (_t(QT_TRANSLATE_NOOP("core", "the proxy %1:%2"), proxy.host, proxy.port) if via_proxy and proxy
                    else _t(QT_TRANSLATE_NOOP("core", "port %1"), port))
            summary = _describe_os_error(exc, what, timeout)
            if via_proxy:
                meaning = _t(QT_TRANSLATE_NOOP("core", "The proxy could not be reached, so no tunnel was tried."))
                hint = _t(QT_TRANSLATE_NOOP("core", "Check the proxy host and port (the ones your browser uses; on "
                                                    "Windows: Settings > Network & internet > Proxy)."))
            elif isinstance(exc, ConnectionRefusedError):
                meaning = _t(QT_TRANSLATE_NOOP("core", "Nothing accepts connections on port %1 there, or a firewall "
                                                       "rejects them."), port)
                hint = self._port_hint(port)
            else:
                meaning = _t(QT_TRANSLATE_NOOP("core", "Connections to port %1 are dropped, as a firewall that blocks "
                                                       "the port does."), port)
                hint = self._port_hint(port)
            self.add(CheckResult.of(check_id, label, Status.FAILED, summary, meaning, hint, time.monotonic() - start))
            return None
        took = f"{(time.monotonic() - start) * 1000:.0f}"
        if via_proxy:
            summary = _t(QT_TRANSLATE_NOOP("core", "connected to %1:%2 through the proxy in %3 ms"), self.t.host, port,
                         took)
        else:
            summary = _t(QT_TRANSLATE_NOOP("core", "connected to %1 in %2 ms"),
                         "{}:{}".format(*sock.getpeername()[:2]), took)
        self.add(CheckResult.of(check_id, label, Status.OK, summary, duration_s=time.monotonic() - start))
        return sock

    def _port_hint(self, port: int) -> Text:
        if port == 8883:
            return _t(QT_TRANSLATE_NOOP("core", "Use MQTT over WebSockets (port 443): Advanced > WebSockets, or "
                                                "--websockets. If 443 is blocked too, set your network's proxy."))
        return _t(QT_TRANSLATE_NOOP("core", "Set your network's HTTP proxy (Advanced > Proxy), or ask IT to allow "
                                            "outbound 8883 or 443 to *.azure-devices-provisioning.net and "
                                            "*.azure-devices.net."))

    # -- TLS --------------------------------------------------------------------------------------------------
    def _context(self, verify: bool) -> ssl.SSLContext:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.minimum_version = ctx.maximum_version = ssl.TLSVersion.TLSv1_2  # what the SDK speaks
        if not verify:
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
        elif self.ca_pem:
            ctx.load_verify_locations(cadata=self.ca_pem)  # replaces the system roots, as in the SDK
        else:
            ctx.load_default_certs()
        return ctx

    def _handshake(self, sock: socket.socket, verify: bool, deadline: float,
                   port: int) -> tuple[tuple[CertInfo, ...], str]:
        sock.settimeout(max(0.05, deadline - time.monotonic()))
        try:
            tls = self._context(verify).wrap_socket(sock, server_hostname=self.t.host)
        except BaseException:
            sock.close()
            raise
        try:
            chain = _chain(tls, verify)
            if port == 443 and self.http_date is None:
                self._read_date(tls, deadline)
            return chain, tls.version() or "TLS"
        finally:
            tls.close()

    def _read_date(self, tls: ssl.SSLSocket, deadline: float) -> None:
        """The HTTP Date header of port 443, when the server answers HTTP there (a clock hint only)."""
        try:
            tls.settimeout(max(0.05, min(1.5, deadline - time.monotonic())))
            tls.sendall(f"GET / HTTP/1.1\r\nHost: {self.t.host}\r\nConnection: close\r\n\r\n".encode())
            head = b""
            while b"\r\n\r\n" not in head and len(head) < 16384:
                chunk = tls.recv(4096)
                if not chunk:
                    break
                head += chunk
            for line in head.decode("latin-1").split("\r\n")[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "date":
                    self.http_date = email.utils.parsedate_to_datetime(value.strip())
                    return
        except (OSError, ValueError, TypeError):
            return

    async def tls(self, port: int, sock: socket.socket, via_proxy: bool) -> None:
        check_id = f"tls-{port}"
        label = (_t(QT_TRANSLATE_NOOP("core", "TLS on %1 through the proxy"), port) if via_proxy
                 else _t(QT_TRANSLATE_NOOP("core", "TLS on %1"), port))
        start = time.monotonic()
        timeout = self.timeout()
        try:
            chain, version = await _in_thread(lambda: self._handshake(sock, True, start + timeout, port),
                                              timeout + 0.05)
        except ssl.SSLCertVerificationError as exc:
            chain = await self._unverified_chain(port, via_proxy)
            self.leaf = self.leaf or (chain[0] if chain else None)
            self.add(self._untrusted(check_id, label, exc, chain, time.monotonic() - start))
            return
        except TimeoutError:
            _close(sock)
            self.add(CheckResult.of(
                check_id, label, Status.FAILED,
                _t(QT_TRANSLATE_NOOP("core", "no TLS answer within %1 s"), f"{timeout:g}"),
                _t(QT_TRANSLATE_NOOP("core", "The connection opened but the server never finished the TLS handshake: "
                                             "something on the path accepts connections without speaking TLS (a "
                                             "firewall or proxy).")),
                _t(QT_TRANSLATE_NOOP("core", "Set the proxy your network uses, or try MQTT over WebSockets (port "
                                             "443).")),
                time.monotonic() - start))
            return
        except (OSError, ssl.SSLError) as exc:
            self.add(CheckResult.of(
                check_id, label, Status.FAILED, _t(QT_TRANSLATE_NOOP("core", "TLS failed: %1"), exc),
                _t(QT_TRANSLATE_NOOP("core", "The TLS handshake (TLS 1.2, as the SDK uses) did not succeed.")),
                _t(QT_TRANSLATE_NOOP("core", "A proxy or firewall may be interfering; set the proxy or try "
                                             "WebSockets.")),
                time.monotonic() - start))
            return
        leaf = chain[0] if chain else None
        self.leaf = self.leaf or leaf
        issuer = _cn(chain[-1].issuer) if chain else "?"
        summary = (_t(QT_TRANSLATE_NOOP("core", "%1 handshake ok; certificate for %2 issued by %3, valid until %4"),
                      version, _cn(leaf.subject), _cn(leaf.issuer), f"{leaf.not_after:%Y-%m-%d}") if leaf
                   else _t(QT_TRANSLATE_NOOP("core", "%1 handshake ok"), version))
        if self.t.is_azure and chain and not _azure_rooted(chain):
            self.add(CheckResult.of(
                check_id, label, Status.WARNING, _t(QT_TRANSLATE_NOOP("core", "%1; root %2"), summary, issuer),
                _t(QT_TRANSLATE_NOOP("core", "The chain ends at '%1', not at one of the roots Azure uses: a proxy or "
                                             "firewall inspects TLS. It works here because that root is trusted."),
                   issuer),
                _t(QT_TRANSLATE_NOOP("core", "Keep that root in the Trusted CA certificate on every machine that runs "
                                             "the device.")),
                time.monotonic() - start, chain))
            return
        self.add(CheckResult.of(check_id, label, Status.OK, summary, duration_s=time.monotonic() - start, chain=chain))

    async def _unverified_chain(self, port: int, via_proxy: bool) -> tuple[CertInfo, ...]:
        """A second handshake without verification, only to show the chain the server presents."""
        timeout = self.timeout()
        deadline = time.monotonic() + timeout

        def fetch() -> tuple[CertInfo, ...]:
            sock = self._tunnel(port, deadline) if via_proxy else self._connect(self.addresses, port, deadline)
            return self._handshake(sock, False, deadline, port)[0]

        try:
            return await _in_thread(fetch, timeout + 0.05)
        except (OSError, TimeoutError, ssl.SSLError, _Failed):
            return ()

    def _untrusted(self, check_id: str, label: Text, exc: ssl.SSLCertVerificationError,
                   chain: tuple[CertInfo, ...], duration: float) -> CheckResult:
        reason = exc.verify_message or str(exc)  # OpenSSL's words, shown as they are
        root = _cn(chain[-1].issuer) if chain else ""
        summary = (_t(QT_TRANSLATE_NOOP("core", "the certificate was not trusted (%1); issued by %2"), reason, root)
                   if chain else _t(QT_TRANSLATE_NOOP("core", "the certificate was not trusted (%1)"), reason))

        def failed(meaning: Text, hint: Text) -> CheckResult:
            return CheckResult.of(check_id, label, Status.FAILED, summary, meaning, hint, duration, chain)

        if "hostname mismatch" in reason.lower() or "ip address mismatch" in reason.lower():
            return failed(_t(QT_TRANSLATE_NOOP("core", "The certificate is not for %1."), self.t.host),
                          _t(QT_TRANSLATE_NOOP("core", "Check the endpoint name; a gateway or proxy may be answering "
                                                       "instead.")))
        if "expired" in reason.lower() or "not yet valid" in reason.lower():
            return failed(_t(QT_TRANSLATE_NOOP("core", "The certificate is outside its validity period by this "
                                                       "computer's clock.")),
                          _t(QT_TRANSLATE_NOOP("core", "Check the computer's date and time (SAS tokens need it "
                                                       "too).")))
        if self.t.is_azure and chain and not _azure_rooted(chain):
            return failed(_t(QT_TRANSLATE_NOOP("core", "A proxy or firewall on this network inspects TLS: the chain "
                                                       "ends at '%1', not at one of the roots Azure uses (DigiCert "
                                                       "Global Root G2, Baltimore CyberTrust Root, Microsoft RSA Root "
                                                       "Certificate Authority 2017)."), root),
                          _t(ADD_ROOT_HINT))
        if not chain:
            root = _t(QT_TRANSLATE_NOOP("core", "an unknown issuer"))
        if self.t.is_azure:
            meaning = (_t(QT_TRANSLATE_NOOP("core", "The chain ends at '%1', a root Azure uses, but it is not trusted "
                                                    "here. The trusted CA file replaces the system roots and does not "
                                                    "contain it."), root) if self.ca_pem else
                       _t(QT_TRANSLATE_NOOP("core", "The chain ends at '%1', a root Azure uses, but it is not trusted "
                                                    "here. This machine's root store lacks it."), root))
            return failed(meaning, _t(QT_TRANSLATE_NOOP("core", "Add DigiCert Global Root G2, Baltimore CyberTrust "
                                                                "Root and Microsoft RSA Root Certificate Authority "
                                                                "2017 to the Trusted CA file (or clear the field).")))
        meaning = (_t(QT_TRANSLATE_NOOP("core", "The server's chain ends at '%1', which is not trusted by the trusted "
                                                "CA file."), root) if self.ca_pem else
                   _t(QT_TRANSLATE_NOOP("core", "The server's chain ends at '%1', which is not trusted by this "
                                                "machine."), root))
        return failed(meaning, _t(QT_TRANSLATE_NOOP("core", "If this is an IoT Edge gateway, the emulator or a "
                                                            "TLS-inspecting proxy, choose its root certificate as the "
                                                            "Trusted CA certificate.")))

    # -- clock ------------------------------------------------------------------------------------------------
    def clock(self) -> None:
        title = _t(QT_TRANSLATE_NOOP("core", "Clock"))
        now = dt.datetime.now(dt.UTC)
        if self.http_date is not None and self.http_date.tzinfo is not None:
            skew = (self.http_date - now).total_seconds()
            if abs(skew) > CLOCK_SKEW_WARN_S:
                minutes = f"{abs(skew) / 60:.0f}"
                summary = (_t(QT_TRANSLATE_NOOP("core", "this computer's clock is %1 min behind the server's (from its "
                                                        "HTTP Date header: a hint)"), minutes) if skew > 0 else
                           _t(QT_TRANSLATE_NOOP("core", "this computer's clock is %1 min ahead of the server's (from "
                                                        "its HTTP Date header: a hint)"), minutes))
                self.add(CheckResult.of(
                    "clock", title, Status.WARNING, summary,
                    _t(QT_TRANSLATE_NOOP("core", "SAS tokens carry an expiry time; a clock this far off makes DPS or "
                                                 "the hub refuse them.")),
                    _t(QT_TRANSLATE_NOOP("core", "Set the clock automatically (Windows: Settings > Time & language > "
                                                 "Date & time > Sync now)."))))
            else:
                self.add(CheckResult.of("clock", title, Status.OK, _t(QT_TRANSLATE_NOOP(
                    "core", "within %1 s of the server's clock (from its HTTP Date header: a hint)"),
                    f"{abs(skew):.0f}")))
            return
        if self.leaf is not None:
            if self.leaf.not_before > now:
                self.add(CheckResult.of(
                    "clock", title, Status.WARNING,
                    _t(QT_TRANSLATE_NOOP("core", "the server's certificate is not valid yet by this computer's clock "
                                                 "(valid from %1 UTC)"), f"{self.leaf.not_before:%Y-%m-%d %H:%M}"),
                    _t(QT_TRANSLATE_NOOP("core", "This computer's clock is probably behind.")),
                    _t(QT_TRANSLATE_NOOP("core", "Set the clock automatically; SAS tokens depend on it."))))
                return
            self.add(CheckResult.of("clock", title, Status.OK, _t(QT_TRANSLATE_NOOP(
                "core", "the server's certificate is valid by this computer's clock (a coarse hint; no HTTP Date "
                        "header was available)"))))
            return
        self.add(CheckResult.of("clock", title, Status.SKIPPED,
                                _t(QT_TRANSLATE_NOOP("core", "could not be told (no TLS or HTTP answer)"))))


async def run_checks(target: CheckTarget, *, step_timeout: float = STEP_TIMEOUT_S, budget: float = BUDGET_S,
                     on_result: Callable[[CheckResult], None] | None = None, ports: tuple[int, ...] = PORTS,
                     ) -> CheckReport:
    """Run every check; results arrive through on_result as they finish (on the loop's thread)."""
    from wizard.core.run import InputProblem, read_trusted_ca

    started = time.monotonic()
    c = _Checker(target, step_timeout, budget, on_result)
    try:
        c.ca_pem = read_trusted_ca(target.trusted_ca)
    except InputProblem as exc:
        problem = exc.problem
        title, meaning, hint = problem.texts or (Text(problem.title), Text(problem.meaning), Text(problem.hint))
        c.add(CheckResult.of("trusted-ca", _t(QT_TRANSLATE_NOOP("core", "Trusted CA certificate")), Status.FAILED,
                             meaning, _t(QT_TRANSLATE_NOOP("core", "%1."), title), hint))
    proxy = target.proxy if target.proxy is not None and target.proxy.kind.upper() == "HTTP" else None
    if target.proxy is not None and proxy is None:
        c.add(CheckResult.of("proxy", _t(QT_TRANSLATE_NOOP("core", "Proxy")), Status.SKIPPED,
                             _t(QT_TRANSLATE_NOOP("core", "%1 proxies are not checked; only HTTP"), target.proxy.kind)))
    lookups = [c.resolve(target.host, "dns", _t(QT_TRANSLATE_NOOP("core", "DNS %1"), target.host))]
    if proxy is not None:
        lookups.append(c.resolve(proxy.host, "proxy-dns", _t(QT_TRANSLATE_NOOP("core", "DNS of the proxy %1"),
                                                              proxy.host)))
    found = await asyncio.gather(*lookups)
    c.addresses = found[0]
    c.proxy_addresses = found[1] if proxy is not None else []

    async def path(port: int, via_proxy: bool, primary: bool) -> None:
        sock = await c.tcp(port, via_proxy)
        if sock is None:
            return
        if primary:
            await c.tls(port, sock, via_proxy)
        else:
            _close(sock)

    paths = [path(port, False, proxy is None) for port in ports]
    if proxy is not None:
        paths += [path(port, True, True) for port in ports]
    await asyncio.gather(*paths)
    if proxy is not None:
        _soften_direct_failures(c.report)
    c.clock()
    c.report.results.sort(key=lambda r: (_ORDER.get(r.id.split("-")[0], 9), r.id.endswith("-443")))
    c.report.advice_texts = advice_texts(c.report)
    c.report.advice = [t.render() for t in c.report.advice_texts]
    c.report.duration_s = time.monotonic() - started
    return c.report


_ORDER = {"trusted": 0, "proxy": 3, "dns": 1, "tcp": 2, "tls": 4, "clock": 5}


def _soften_direct_failures(report: CheckReport) -> None:
    """Behind a working proxy, blocked direct connections and local DNS failures are expected: warnings."""
    for port in PORTS:
        tunnel = report.get(f"proxy-{port}")
        direct = report.get(f"tcp-{port}")
        if tunnel and tunnel.status is Status.OK and direct and direct.status is Status.FAILED:
            i = report.results.index(direct)
            report.results[i] = direct.softened(_t(QT_TRANSLATE_NOOP(
                "core", "Direct connections are blocked, but the proxy gets through: keep the proxy set.")))
    dns = report.get("dns")
    if dns and dns.status is Status.FAILED and any(r.id.startswith("proxy-") and r.id != "proxy-dns"
                                                   and r.status is Status.OK for r in report.results):
        i = report.results.index(dns)
        report.results[i] = dns.softened(_t(QT_TRANSLATE_NOOP("core", "Local DNS does not resolve the name, but the "
                                                                      "proxy resolves it itself: this is fine.")))


def advice(report: CheckReport) -> list[str]:
    """What to do next (English), from the results, in the order a person should try them."""
    return [t.render() for t in advice_texts(report)]


def advice_texts(report: CheckReport) -> list[Text]:
    """What to do next, as translatable sentences, in the order a person should try them."""
    t = report.target
    out: list[Text] = []
    mode_port = 443 if t.websockets else 8883
    ok = {r.id for r in report.results if r.status in (Status.OK, Status.WARNING)}
    via = "proxy" if t.proxy is not None else "tcp"
    reachable = {p for p in PORTS if f"{via}-{p}" in ok}
    tls_ok = {p for p in PORTS if f"tls-{p}" in ok}
    if "dns" not in ok and t.proxy is None:
        out.append(_t(QT_TRANSLATE_NOOP("core", "The endpoint's name does not resolve: check its spelling, or set "
                                                "the proxy if your network needs one.")))
    elif mode_port in reachable and mode_port in tls_ok:
        out.append(_t(QT_TRANSLATE_NOOP("core", "The device's connection (MQTT over WebSockets on port 443) gets "
                                                "through: provisioning should work from this network.")) if t.websockets
                   else _t(QT_TRANSLATE_NOOP("core", "The device's connection (MQTT on port 8883) gets through: "
                                                     "provisioning should work from this network.")))
    elif not t.websockets and 443 in reachable and 443 in tls_ok:
        out.append(_t(QT_TRANSLATE_NOOP("core", "Port 8883 does not get through but 443 does: switch to MQTT over "
                                                "WebSockets (port 443).")))
    elif not reachable and t.proxy is None:
        out.append(_t(QT_TRANSLATE_NOOP("core", "Neither 8883 nor 443 gets through: set your network's HTTP proxy and "
                                                "use MQTT over WebSockets.")))
    tls_failed = [r for r in report.results if r.id.startswith("tls-") and r.status is Status.FAILED]
    if any(r.id.startswith("tls-") and "inspects TLS" in r.meaning for r in report.results):
        out.append(_t(QT_TRANSLATE_NOOP("core", "TLS is inspected on this network: add the company's root certificate "
                                                "as the Trusted CA.")))
    elif any("not trusted" in r.summary for r in tls_failed):
        out.append(_t(QT_TRANSLATE_NOOP("core", "The port is open but the server's certificate is not trusted: set the "
                                                "Trusted CA certificate (see the TLS lines above).")))
    if (clock := report.get("clock")) and clock.status is Status.WARNING:
        out.append(_t(QT_TRANSLATE_NOOP("core", "Fix the computer's clock: SAS tokens depend on it.")))
    return out
