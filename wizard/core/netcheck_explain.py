"""The connectivity check's explanations: what a failed step means, what to try, and the advice at the end.

The probing (wizard.core.netcheck_probe) finds what happened; this says it in words a person can act on.
"""

from __future__ import annotations

import socket
import ssl
from typing import Any

from wizard.core.i18n import QT_TRANSLATE_NOOP, Text
from wizard.core.netcheck_report import PORTS, CertInfo, CheckReport, CheckResult, CheckTarget, Status, azure_rooted, cn

ADD_ROOT_HINT = QT_TRANSLATE_NOOP(
    "core", "Ask IT for the company's root certificate (or export it from the browser's certificate view as Base-64 "
            ".pem) and choose it as the Trusted CA certificate. It replaces the system roots, so to reach Azure "
            "directly as well, put the Azure roots (DigiCert Global Root G2, Baltimore CyberTrust Root, Microsoft RSA "
            "Root Certificate Authority 2017) in the same file.")


def _t(source: str, *args: Any) -> Text:
    return Text(source, args)


def describe_os_error(exc: BaseException, what: Text, timeout: float) -> Text:
    if isinstance(exc, TimeoutError | socket.timeout):
        return _t(QT_TRANSLATE_NOOP("core", "no answer from %1 within %2 s"), what, f"{timeout:g}")
    if isinstance(exc, ConnectionRefusedError):
        return _t(QT_TRANSLATE_NOOP("core", "%1 refused the connection"), what)
    if isinstance(exc, ConnectionResetError):
        return _t(QT_TRANSLATE_NOOP("core", "%1 reset the connection"), what)
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return _t(QT_TRANSLATE_NOOP("core", "%1: %2"), what, text)


def dns_hint() -> Text:
    return _t(QT_TRANSLATE_NOOP("core", "Check the spelling of the endpoint (for Azure: "
                                        "global.azure-devices-provisioning.net) and the network. Networks that "
                                        "reach the internet only through a proxy often do not resolve outside "
                                        "names: set the proxy (it resolves names itself)."))


def proxy_refusal(code: int, line: str, port: int, host: str) -> tuple[Text, Text, Text]:
    """(summary, meaning, hint) for a proxy that answered CONNECT with anything but 200."""
    if code == 407:
        return (_t(QT_TRANSLATE_NOOP("core", "the proxy wants a login (%1)"), line),
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
    return (_t(QT_TRANSLATE_NOOP("core", "the proxy refused the tunnel to port %1 (%2)"), port, status_line),
            _t(QT_TRANSLATE_NOOP("core", "The proxy does not allow connections to %1 on port %2."), host, port), hint)


def port_hint(port: int) -> Text:
    if port == 8883:
        return _t(QT_TRANSLATE_NOOP("core", "Use MQTT over WebSockets (port 443): Advanced > WebSockets, or "
                                            "--websockets. If 443 is blocked too, set your network's proxy."))
    return _t(QT_TRANSLATE_NOOP("core", "Set your network's HTTP proxy (Advanced > Proxy), or ask IT to allow "
                                        "outbound 8883 or 443 to *.azure-devices-provisioning.net and "
                                        "*.azure-devices.net."))


def untrusted(target: CheckTarget, has_ca_file: bool, check_id: str, label: Text,
              exc: ssl.SSLCertVerificationError, chain: tuple[CertInfo, ...], duration: float) -> CheckResult:
    """A failed certificate verification, explained: wrong name, clock, TLS inspection or a missing root."""
    reason = exc.verify_message or str(exc)  # OpenSSL's words, shown as they are
    root = cn(chain[-1].issuer) if chain else ""
    summary = (_t(QT_TRANSLATE_NOOP("core", "the certificate was not trusted (%1); issued by %2"), reason, root)
               if chain else _t(QT_TRANSLATE_NOOP("core", "the certificate was not trusted (%1)"), reason))

    def failed(meaning: Text, hint: Text) -> CheckResult:
        return CheckResult.of(check_id, label, Status.FAILED, summary, meaning, hint, duration, chain)

    if "hostname mismatch" in reason.lower() or "ip address mismatch" in reason.lower():
        return failed(_t(QT_TRANSLATE_NOOP("core", "The certificate is not for %1."), target.host),
                      _t(QT_TRANSLATE_NOOP("core", "Check the endpoint name; a gateway or proxy may be answering "
                                                   "instead.")))
    if "expired" in reason.lower() or "not yet valid" in reason.lower():
        return failed(_t(QT_TRANSLATE_NOOP("core", "The certificate is outside its validity period by this "
                                                   "computer's clock.")),
                      _t(QT_TRANSLATE_NOOP("core", "Check the computer's date and time (SAS tokens need it "
                                                   "too).")))
    if target.is_azure and chain and not azure_rooted(chain):
        return failed(_t(QT_TRANSLATE_NOOP("core", "A proxy or firewall on this network inspects TLS: the chain "
                                                   "ends at '%1', not at one of the roots Azure uses (DigiCert "
                                                   "Global Root G2, Baltimore CyberTrust Root, Microsoft RSA Root "
                                                   "Certificate Authority 2017)."), root),
                      _t(ADD_ROOT_HINT))
    if not chain:
        root = _t(QT_TRANSLATE_NOOP("core", "an unknown issuer"))
    if target.is_azure:
        meaning = (_t(QT_TRANSLATE_NOOP("core", "The chain ends at '%1', a root Azure uses, but it is not trusted "
                                                "here. The trusted CA file replaces the system roots and does not "
                                                "contain it."), root) if has_ca_file else
                   _t(QT_TRANSLATE_NOOP("core", "The chain ends at '%1', a root Azure uses, but it is not trusted "
                                                "here. This machine's root store lacks it."), root))
        return failed(meaning, _t(QT_TRANSLATE_NOOP("core", "Add DigiCert Global Root G2, Baltimore CyberTrust "
                                                            "Root and Microsoft RSA Root Certificate Authority "
                                                            "2017 to the Trusted CA file (or clear the field).")))
    meaning = (_t(QT_TRANSLATE_NOOP("core", "The server's chain ends at '%1', which is not trusted by the trusted "
                                            "CA file."), root) if has_ca_file else
               _t(QT_TRANSLATE_NOOP("core", "The server's chain ends at '%1', which is not trusted by this "
                                            "machine."), root))
    return failed(meaning, _t(QT_TRANSLATE_NOOP("core", "If this is an IoT Edge gateway, the emulator or a "
                                                        "TLS-inspecting proxy, choose its root certificate as the "
                                                        "Trusted CA certificate.")))


def soften_direct_failures(report: CheckReport) -> None:
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
