"""Test connection on the Service page: netcheck against the in-process emulator, a closed port, a bad name."""

from __future__ import annotations

import time

import pytest

from tests.gui.conftest import click, next_bind, until
from wizard.core.netcheck import Status


def rows(view) -> dict[str, tuple[str, list[tuple[str, str]]]]:  # noqa: ANN001
    """Title -> (result text, [(child label, child text)]) as shown."""
    out = {}
    for n in range(view.tree.topLevelItemCount()):
        item = view.tree.topLevelItem(n)
        children = [(item.child(c).text(0), item.child(c).text(1)) for c in range(item.childCount())]
        out[item.text(0)] = (item.text(1), children)
    return out


async def check(qtbot, page, timeout: float = 12):  # noqa: ANN001, ANN201
    assert page.test_button.isEnabled()
    started = time.monotonic()
    click(qtbot, page.test_button)
    assert page.connection.isVisible() and page.connection.running
    assert page.connection.headline.text().startswith("Testing the connection to ")
    await until(lambda: not page.connection.running, timeout, "the connection test to finish")
    took = time.monotonic() - started
    assert took < 10, took
    return page.connection.report


@pytest.mark.asyncio
async def test_the_emulator_passes_with_its_certificate_chain_shown(qtbot, make_wizard) -> None:  # noqa: ANN001
    w = make_wizard()
    await w.start_demo()
    page = w.service_page
    assert not page.connection.isVisible()
    report = await check(qtbot, page)
    for check_id in ("dns", "tcp-8883", "tls-8883"):
        assert report.get(check_id).status is Status.OK, report.get(check_id)
    assert report.status in (Status.OK, Status.WARNING), report.to_json()
    shown = rows(page.connection)
    assert "Name lookup (DNS)" in shown and "TCP port 8883, direct" in shown
    tls_text, tls_children = shown["TLS on port 8883"]
    assert "handshake ok" in tls_text
    assert tls_children and tls_children[0][0] == "Certificate" and "valid until" in tls_children[0][1]
    assert page.connection.advice.text().startswith("• ")
    assert "gets through" in page.connection.advice.text()
    assert page.isComplete()  # the check never blocks the page


@pytest.mark.asyncio
async def test_a_closed_port_and_an_unresolvable_name_say_what_to_try(qtbot, make_wizard) -> None:  # noqa: ANN001
    w = make_wizard()
    await w.start_demo()
    page = w.service_page
    page.host.setText(next_bind())  # a loopback address nothing listens on
    report = await check(qtbot, page)
    closed = report.get("tcp-8883")
    assert closed.status is Status.FAILED and "refused" in closed.summary
    assert report.status is Status.FAILED
    text, children = rows(page.connection)["TCP port 8883, direct"]
    assert "refused" in text
    assert [label for label, _ in children] == ["What it means", "What to try"]
    assert page.connection.tree.topLevelItem(list(rows(page.connection)).index("TCP port 8883, direct")).isExpanded()
    assert "failed" in page.connection.headline.text()

    page.host.setText("dps-wizard-test.invalid")
    report = await check(qtbot, page)
    dns = report.get("dns")
    assert dns.status is Status.FAILED and "could not be resolved" in dns.summary
    assert report.get("tcp-8883").status is Status.SKIPPED
    text, children = rows(page.connection)["Name lookup (DNS)"]
    assert "could not be resolved" in text and children
    assert "resolve" in page.connection.advice.text()

    page.host.setText("not a host name!")
    assert not page.test_button.isEnabled()
