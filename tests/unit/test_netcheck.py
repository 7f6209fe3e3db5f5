"""The connectivity check's time budget and advice, with the network made slow on purpose."""

import socket
import threading
import time

import pytest

from wizard.core.netcheck import CheckReport, CheckResult, CheckTarget, Status, advice, run_checks
from wizard.core.profile import Proxy


@pytest.fixture
def blackhole():
    """A listener on 127.0.0.1 (random port) that never accepts and never answers."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    yield s.getsockname()[1]
    s.close()


@pytest.mark.asyncio
async def test_everything_slow_still_ends_under_ten_seconds(monkeypatch, blackhole):
    """DNS answers after 2.9 s, every TCP connect takes 2.5 s, TLS and the proxy never answer."""
    real_connect, real_dns = socket.create_connection, socket.getaddrinfo
    never = threading.Event()

    def slow_dns(host, port, *args, **kwargs):
        if host == "127.0.0.1":  # create_connection resolves the address it is given, too
            return real_dns(host, port, *args, **kwargs)
        time.sleep(2.9)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    def slow_connect(address, timeout=None, *args, **kwargs):
        never.wait(min(2.5, timeout or 2.5))
        return real_connect(("127.0.0.1", blackhole), timeout=timeout)

    monkeypatch.setattr(socket, "getaddrinfo", slow_dns)
    monkeypatch.setattr(socket, "create_connection", slow_connect)
    start = time.monotonic()
    report = await run_checks(CheckTarget("dps.example.net", proxy=Proxy("proxy.example.net", 3128)))
    elapsed = time.monotonic() - start
    assert elapsed < 10, elapsed
    assert report.duration_s < 10
    assert report.get("dns").status is Status.OK and report.get("proxy-dns").status is Status.OK
    for port in (8883, 443):
        assert report.get(f"proxy-{port}").status is Status.FAILED  # CONNECT never answered
    assert report.get("clock").status is Status.SKIPPED

    # The longest chain without a proxy: slow DNS, slow connect, then a TLS handshake that never ends.
    start = time.monotonic()
    report = await run_checks(CheckTarget("dps.example.net"))
    assert time.monotonic() - start < 10
    assert report.get("tcp-8883").status is Status.OK and report.get("tls-8883").status is Status.FAILED
    assert report.get("tls-443").summary.startswith("no TLS answer within")


@pytest.mark.asyncio
async def test_dns_that_never_answers_is_abandoned_at_its_timeout(monkeypatch):
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: threading.Event().wait())
    start = time.monotonic()
    report = await run_checks(CheckTarget("dps.example.net"), step_timeout=0.5)
    assert time.monotonic() - start < 2
    assert report.get("dns").summary == "DNS did not answer within 0.5 s"
    assert report.get("tcp-8883").status is Status.SKIPPED


@pytest.mark.asyncio
async def test_results_arrive_as_they_finish_and_a_bad_listener_is_ignored():
    seen = []

    def listener(result):
        seen.append(result.id)
        raise RuntimeError("a listener's bug")

    report = await run_checks(CheckTarget("127.0.0.1"), step_timeout=0.5, on_result=listener, ports=(1,))
    assert seen[0] == "dns" and set(seen) == {r.id for r in report.results}


@pytest.mark.asyncio
async def test_unreadable_trusted_ca_is_reported(tmp_path):
    report = await run_checks(CheckTarget("127.0.0.1", str(tmp_path / "missing.pem")), step_timeout=0.5, ports=(1,))
    assert report.results[0].id == "trusted-ca" and report.results[0].status is Status.FAILED


def result(check_id, status):
    return CheckResult(check_id, check_id, status, "")


@pytest.mark.parametrize("websockets, ok_ids, expected", [
    (False, {"dns", "tcp-8883", "tls-8883", "tcp-443", "tls-443"}, "MQTT on port 8883) gets through"),
    (False, {"dns", "tcp-443", "tls-443"}, "switch to MQTT over WebSockets (port 443)"),
    (True, {"dns", "tcp-443", "tls-443"}, "MQTT over WebSockets on port 443) gets through"),
    (False, {"dns"}, "Neither 8883 nor 443 gets through"),
    (False, set(), "does not resolve"),
])
def test_advice_follows_the_results(websockets, ok_ids, expected):
    ids = ["dns", "tcp-8883", "tcp-443", "tls-8883", "tls-443"]
    report = CheckReport(CheckTarget("h.example", websockets=websockets),
                         [result(i, Status.OK if i in ok_ids else Status.FAILED) for i in ids])
    assert expected in advice(report)[0]
    assert report.status is (Status.OK if len(ok_ids) == 5 else Status.FAILED)
