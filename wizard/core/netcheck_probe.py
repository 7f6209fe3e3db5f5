"""The connectivity check's probes: DNS, TCP (direct and through an HTTP proxy), the TLS handshake, the clock.

Blocking socket work runs in daemon threads that are abandoned at their deadline (see netcheck.py); each probe
adds one CheckResult, worded by wizard.core.netcheck_explain.
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
from typing import Any

from wizard.core.i18n import QT_TRANSLATE_NOOP, Text
from wizard.core.netcheck_explain import describe_os_error, dns_hint, port_hint, proxy_refusal, untrusted
from wizard.core.netcheck_report import CertInfo, CheckReport, CheckResult, CheckTarget, Status, azure_rooted, cn

CLOCK_SKEW_WARN_S = 120


def _t(source: str, *args: Any) -> Text:
    return Text(source, args)


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
            close_quietly(value)

    threading.Thread(target=work, name="netcheck", daemon=True).start()
    return await asyncio.wait_for(future, max(0.01, timeout))


def close_quietly(value: Any) -> None:
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



class Checker:
    """One check's state: the addresses found, the CA text, the clock hints; each probe adds a result."""


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
                                    dns_hint(), time.monotonic() - start))
            return []
        except OSError as exc:
            self.add(CheckResult.of(check_id, label, Status.FAILED,
                                    _t(QT_TRANSLATE_NOOP("core", "%1 could not be resolved (%2)"), host,
                                       exc.strerror or exc),
                                    _t(QT_TRANSLATE_NOOP("core", "DNS does not know this name.")), dns_hint(),
                                    time.monotonic() - start))
            return []
        addresses = list(dict.fromkeys(info[4][0] for info in infos))
        summary = (_t(QT_TRANSLATE_NOOP("core", "%1 is an IP address: nothing to resolve"), host)
                   if addresses == [host]
                   else _t(QT_TRANSLATE_NOOP("core", "%1 is %2"), host, ", ".join(addresses[:4])))
        self.add(CheckResult.of(check_id, label, Status.OK, summary, duration_s=time.monotonic() - start))
        return addresses

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
                raise _Failed(*proxy_refusal(code, line, port, self.t.host))
            return sock
        except BaseException:
            sock.close()
            raise

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
            summary = describe_os_error(exc, what, timeout)
            if via_proxy:
                meaning = _t(QT_TRANSLATE_NOOP("core", "The proxy could not be reached, so no tunnel was tried."))
                hint = _t(QT_TRANSLATE_NOOP("core", "Check the proxy host and port (the ones your browser uses; on "
                                                    "Windows: Settings > Network & internet > Proxy)."))
            elif isinstance(exc, ConnectionRefusedError):
                meaning = _t(QT_TRANSLATE_NOOP("core", "Nothing accepts connections on port %1 there, or a firewall "
                                                       "rejects them."), port)
                hint = port_hint(port)
            else:
                meaning = _t(QT_TRANSLATE_NOOP("core", "Connections to port %1 are dropped, as a firewall that blocks "
                                                       "the port does."), port)
                hint = port_hint(port)
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
            self.add(untrusted(self.t, bool(self.ca_pem), check_id, label, exc, chain, time.monotonic() - start))
            return
        except TimeoutError:
            close_quietly(sock)
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
        issuer = cn(chain[-1].issuer) if chain else "?"
        summary = (_t(QT_TRANSLATE_NOOP("core", "%1 handshake ok; certificate for %2 issued by %3, valid until %4"),
                      version, cn(leaf.subject), cn(leaf.issuer), f"{leaf.not_after:%Y-%m-%d}") if leaf
                   else _t(QT_TRANSLATE_NOOP("core", "%1 handshake ok"), version))
        if self.t.is_azure and chain and not azure_rooted(chain):
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

