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
import time
from collections.abc import Callable

from wizard.core.i18n import QT_TRANSLATE_NOOP, Text
from wizard.core.netcheck_explain import ADD_ROOT_HINT, advice, advice_texts, soften_direct_failures
from wizard.core.netcheck_probe import CLOCK_SKEW_WARN_S, Checker, close_quietly
from wizard.core.netcheck_report import (
    AZURE_ROOT_CNS,
    AZURE_SUFFIXES,
    PORTS,
    CertInfo,
    CheckReport,
    CheckResult,
    CheckTarget,
    Status,
)

__all__ = ["ADD_ROOT_HINT", "AZURE_ROOT_CNS", "AZURE_SUFFIXES", "BUDGET_S", "CLOCK_SKEW_WARN_S", "PORTS",
           "STEP_TIMEOUT_S", "CertInfo", "CheckReport", "CheckResult", "CheckTarget", "Status", "advice",
           "advice_texts", "run_checks"]

STEP_TIMEOUT_S = 3.0
BUDGET_S = 9.0


def _t(source: str, *args: object) -> Text:
    return Text(source, args)


async def run_checks(target: CheckTarget, *, step_timeout: float = STEP_TIMEOUT_S, budget: float = BUDGET_S,
                     on_result: Callable[[CheckResult], None] | None = None, ports: tuple[int, ...] = PORTS,
                     ) -> CheckReport:
    """Run every check; results arrive through on_result as they finish (on the loop's thread)."""
    from wizard.core.run import InputProblem, read_trusted_ca

    started = time.monotonic()
    c = Checker(target, step_timeout, budget, on_result)
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
            close_quietly(sock)

    paths = [path(port, False, proxy is None) for port in ports]
    if proxy is not None:
        paths += [path(port, True, True) for port in ports]
    await asyncio.gather(*paths)
    if proxy is not None:
        soften_direct_failures(c.report)
    c.clock()
    c.report.results.sort(key=lambda r: (_ORDER.get(r.id.split("-")[0], 9), r.id.endswith("-443")))
    c.report.advice_texts = advice_texts(c.report)
    c.report.advice = [t.render() for t in c.report.advice_texts]
    c.report.duration_s = time.monotonic() - started
    return c.report


_ORDER = {"trusted": 0, "proxy": 3, "dns": 1, "tcp": 2, "tls": 4, "clock": 5}

