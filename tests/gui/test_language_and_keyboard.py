"""Traditional Chinese on every page, the keyboard alone through the demo, accessible names and descriptions."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QTableWidget,
    QTreeWidget,
    QWidget,
    QWizard,
)

from tests.gui.conftest import commit_button, next_button, until
from wizard import i18n
from wizard.core.events import Outcome, Step
from wizard.ui.form import PageId

# Proper names and technical words that stay as they are in Microsoft's zh-TW documentation.
PROPER = ["Azure", "IoT Hub", "IoT Edge", "IoT", "DPS", "MQTT", "JSON", "WebSockets", "SAS", "PEM", "HTTP", "TLS",
          "CA", "SDK", "Base64", "Proxy", "DNS", "CSV", "ms", "F2", "Enter", "Esc", "dps-wizard run", "dps-wizard",
          "PROVISIONING_SYMMETRIC_KEY", "TCP", "IP", "IT", "UTC"]
URL_OR_PLACEHOLDER = re.compile(r"[\w-]*\{\d+\.\.\d+\}|https?://\S+|--[\w-]+|[\w.-]+\.(?:net|com|pem|crt|cer|json|txt)\b|\$\{\w+\}|\*\.\w+|\b0ne\w*")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def english_left(text: str, values: list[str]) -> list[str]:
    """English words in `text` once typed values, URLs, placeholders and proper names are taken out."""
    text = re.sub(r"\(&\w\)|&(?=\w)", "", text)
    for value in sorted((v for v in values if v), key=len, reverse=True):
        text = text.replace(value, " ")
    text = URL_OR_PLACEHOLDER.sub(" ", text)
    for name in PROPER:
        text = re.sub(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", " ", text)
    return ENGLISH_WORD.findall(text)


def visible_texts(w: QWizard) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a person sees or a screen reader says on the current page."""
    page = w.currentPage()
    yield "window title", w.windowTitle()
    yield "page title", page.title()
    yield "page subtitle", page.subTitle()
    for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                  QWizard.WizardButton.CommitButton, QWizard.WizardButton.FinishButton,
                  QWizard.WizardButton.CancelButton):
        button = w.button(which)
        if button.isVisible():
            yield f"wizard button {which}", button.text()
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page):
            continue
        name = f"{type(widget).__name__} {widget.objectName() or ''}".strip()
        yield f"{name} accessible name", widget.accessibleName()
        yield f"{name} accessible description", widget.accessibleDescription()
        yield f"{name} tooltip", widget.toolTip()
        if isinstance(widget, QLabel):
            yield name, widget.text()
        elif isinstance(widget, QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QLineEdit) and not widget.text():
            yield f"{name} placeholder", widget.placeholderText()
        elif isinstance(widget, QPlainTextEdit) and not widget.toPlainText():
            yield f"{name} placeholder", widget.placeholderText()
        elif isinstance(widget, QAbstractSpinBox):
            yield f"{name} suffix", getattr(widget, "suffix", lambda: "")()
        elif isinstance(widget, QComboBox):
            yield name, widget.currentText()
        elif isinstance(widget, QProgressBar):
            yield name, widget.text()
        elif isinstance(widget, QTableWidget):
            for c in range(widget.columnCount()):
                yield f"{name} header", widget.horizontalHeaderItem(c).text()
        elif isinstance(widget, QTreeWidget):
            for c in range(widget.columnCount()):
                yield f"{name} header", widget.headerItem().text(c)
            for r in range(widget.topLevelItemCount()):
                item = widget.topLevelItem(r)
                yield f"{name} row", item.text(0)
                yield f"{name} row (screen reader)", item.data(0, Qt.ItemDataRole.AccessibleTextRole) or ""


@pytest.fixture
def zh_tw(qapp, tmp_path, monkeypatch) -> Iterator[None]:  # noqa: ANN001
    monkeypatch.setenv(i18n.CACHE_ENV, str(tmp_path / "qm"))
    installed = i18n.install_translators(qapp, "zh_TW")
    assert len(installed) == 2, "the app's catalogue and Qt's qtbase_zh_TW"
    yield
    i18n.remove_translators(qapp, installed)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def typed_values(w) -> list[str]:  # noqa: ANN001
    p = w.current_profile()
    values = [p.name, p.host, p.id_scope, p.registration_id, p.trusted_ca or "", p.payload_template,
              w.secrets.backend_name, w.demo.describe(), w.device_page.typed_key()[:4],
              (w.current_device_key() or "")[:4]]
    values += [f"{k}={v}" for k, v in p.properties.items()] + list(p.properties) + list(p.properties.values())
    f = w.last_finished
    if f is not None and f.registration is not None:
        values += [f.registration.device_id, f.registration.assigned_hub, f.registration.substatus or "",
                   f.registration.created or "", f.registration.updated or ""]
    return values


def assert_no_english(w) -> None:  # noqa: ANN001
    left = []
    for where, text in visible_texts(w):
        words = english_left(text, typed_values(w))
        if words:
            left.append(f"{where}: {text!r} -> {words}")
    assert not left, f"English left on page {w.currentId()}:\n" + "\n".join(left)


@pytest.mark.asyncio
async def test_every_page_is_in_traditional_chinese(qtbot, zh_tw, make_wizard) -> None:  # noqa: ANN001
    w = make_wizard()
    assert w.button(QWizard.WizardButton.NextButton).text().startswith("下一")  # Qt's own catalogue
    assert_no_english(w)
    await w.start_demo(group=True)  # the group demo shows the most widgets (derived key)
    w.telemetry_page.add_prop.click()
    w.telemetry_page.properties.item(0, 0).setText("site")
    w.telemetry_page.properties.item(0, 1).setText("lab")
    w.service_page.advanced.expand()
    w.service_page.use_proxy.setChecked(True)
    w.service_page.proxy_host.setText("proxy.example.com")
    assert_no_english(w)
    w.service_page.use_proxy.setChecked(False)
    for expected in (PageId.DEVICE, PageId.TELEMETRY, PageId.REVIEW):
        w.next()
        assert w.currentId() == expected
        assert_no_english(w)
    commit_button(w).click()
    await until(lambda: w.run_page.finished is not None, 30, "the run to finish")
    assert w.run_page.finished.outcome == Outcome.SUCCESS, w.run_page.finished.problem
    assert_no_english(w)
    log = re.sub(r"^(INFO|WARNING|ERROR)\s+", "", w.run_page.log.toPlainText(), flags=re.M)
    assert log.count("\n") >= 3 and not english_left(log, typed_values(w)), log  # the run's log lines too
    w.next()
    assert w.currentId() == PageId.RESULT
    assert_no_english(w)


@pytest.mark.asyncio
async def test_problems_and_field_messages_are_shown_translated(qtbot, zh_tw, make_wizard) -> None:  # noqa: ANN001
    w = make_wizard()
    await w.start_demo()
    w.service_page.id_scope.setText("")
    assert w.service_page.id_scope_msg.text().startswith("識別碼範圍是空的")
    assert "識別碼範圍是空的" in w.service_page.id_scope.accessibleDescription()  # said on focus
    w.service_page.id_scope.setText("0ne0000E001")
    w.next()
    w.device_page.key.setText("not a key!")
    assert w.device_page.key_msg.text().startswith("對稱金鑰不是有效的 Base64")
    w.device_page.key.setText("bm90IHRoZSByaWdodCBrZXkgYXQgYWxsIG5vIHNpcg==")
    w.next()
    w.next()
    commit_button(w).click()
    await until(lambda: w.run_page.finished is not None, 30, "the run to fail")
    page = w.run_page
    assert page.problem_title.text() == "DPS 拒絕了裝置的認證"
    assert page.back_button.text() == "返回對稱金鑰(&B)"
    assert page.headline.text() == "執行失敗。"
    assert_no_english(w)


def tree_texts(tree: QTreeWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every row and child row of a results tree, both columns, and what a screen reader says."""
    for r in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(r)
        yield f"row {r}", item.text(0)
        yield f"row {r} result", item.text(1)
        yield f"row {r} (screen reader)", item.data(0, Qt.ItemDataRole.AccessibleTextRole) or ""
        for c in range(item.childCount()):
            yield f"row {r} child {c}", item.child(c).text(0)
            yield f"row {r} child {c} text", item.child(c).text(1)


@pytest.mark.asyncio
async def test_the_connection_test_against_a_closed_port_is_in_traditional_chinese(qtbot, zh_tw,  # noqa: ANN001
                                                                                    make_wizard) -> None:
    from tests.gui.conftest import click, next_bind

    w = make_wizard()
    await w.start_demo()
    page = w.service_page
    host = next_bind()  # a loopback address nothing listens on
    page.host.setText(host)
    click(qtbot, page.test_button)
    await until(lambda: not page.connection.running, 12, "the connection test to finish")
    view = page.connection
    assert view.report.get("tcp-8883").status.value == "failed"
    texts = [("headline", view.headline.text()), ("advice", view.advice.text()), *tree_texts(view.tree)]
    assert any("拒絕了連線" in text for _where, text in texts), texts  # "port 8883 refused the connection"
    assert any("[進階]" in text for _where, text in texts), texts  # the hint: Advanced > WebSockets
    left = [f"{where}: {text!r} -> {words}" for where, text in texts
            if (words := english_left(text, [host]))]
    assert not left, "English left in the connection test:\n" + "\n".join(left)


def mnemonic(text: str) -> str | None:
    m = re.search(r"&([^&\s])", text)
    return m.group(1).lower() if m else None


def assert_page_is_accessible(w) -> None:  # noqa: ANN001
    page = w.currentPage()
    problems = []
    keys: dict[str, str] = {}
    for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                  QWizard.WizardButton.CommitButton, QWizard.WizardButton.FinishButton):
        button = w.button(which)
        if button.isVisible() and button.isEnabled() and mnemonic(button.text()):
            keys[mnemonic(button.text())] = button.text()
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page) or isinstance(widget, QHeaderView) or widget.parent() is None:
            continue
        if isinstance(widget, QLineEdit | QAbstractSpinBox | QPlainTextEdit | QComboBox | QAbstractItemView
                      | QProgressBar) and not isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
            if type(widget.parentWidget()).__name__ == "QWidget" and isinstance(widget.parentWidget().parentWidget(),
                                                                               QAbstractItemView):
                continue  # an item view's own viewport/editor
            if not widget.accessibleName():
                problems.append(f"{type(widget).__name__} without an accessible name")
            if not widget.accessibleDescription():
                problems.append(f"{type(widget).__name__} {widget.accessibleName()!r} without a description")
        if (isinstance(widget, QLabel) and widget.buddy() is not None and not mnemonic(widget.text())
                and widget.buddy().focusPolicy() & Qt.FocusPolicy.TabFocus):
            problems.append(f"label {widget.text()!r} has a buddy but no mnemonic")
        if isinstance(widget, QLabel | QAbstractButton) and widget.isEnabled():
            key = mnemonic(widget.text())
            if key and isinstance(widget, QLabel) and widget.buddy() is None:
                continue
            if key and key in keys and keys[key] != widget.text():
                problems.append(f"mnemonic {key!r} used by {keys[key]!r} and {widget.text()!r}")
            elif key:
                keys[key] = widget.text()
    assert not problems, f"page {w.currentId()}: " + "; ".join(problems)


@pytest.mark.asyncio
@pytest.mark.parametrize("lang", ["en", "zh_TW"])
async def test_every_input_has_a_name_a_description_and_a_unique_mnemonic(qtbot, make_wizard, qapp, lang,
                                                                          tmp_path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv(i18n.CACHE_ENV, str(tmp_path))
    installed = i18n.install_translators(qapp, lang) if lang != "en" else []
    try:
        w = make_wizard()
        assert_page_is_accessible(w)
        await w.start_demo(group=True)
        w.service_page.advanced.expand()
        w.service_page.use_proxy.setChecked(True)
        assert_page_is_accessible(w)
        w.service_page.use_proxy.setChecked(False)
        for _ in range(3):
            w.next()
            assert_page_is_accessible(w)
        commit_button(w).click()
        await until(lambda: w.run_page.finished is not None, 30, "the run to finish")
        assert_page_is_accessible(w)
        w.next()
        assert_page_is_accessible(w)
    finally:
        i18n.remove_translators(qapp, installed)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


# -- keyboard only -------------------------------------------------------------------------------------------------
def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    """A key press where a person's would go: to the widget with the focus (shortcuts and mnemonics included)."""
    qtbot.keyClick(focused(), key, modifier)


def alt(qtbot, letter: str) -> None:  # noqa: ANN001
    press(qtbot, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)


def tab_chain(page: QWidget, start: QWidget, limit: int = 60) -> list[QWidget]:
    """The widgets Tab visits from `start`, in order, while it stays on the page."""
    chain, widget = [], start
    for _ in range(limit):
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        if (widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and page.isAncestorOf(widget)):
            chain.append(widget)
    return chain


@pytest.mark.asyncio
async def test_the_demo_flow_with_the_keyboard_alone(qtbot, make_wizard) -> None:  # noqa: ANN001
    w = make_wizard()
    w.activateWindow()
    await until(lambda: QApplication.focusWidget() is not None, 5, "the window to take the focus")
    page = w.start_page
    alt(qtbot, "d")  # Try the &demo
    await until(lambda: w.currentId() == PageId.SERVICE, 30, "the demo to open the service page")

    # Service page: Tab walks the fields top to bottom; Alt+A opens Advanced; Enter moves on.
    page = w.service_page
    chain = tab_chain(page, page.host)
    assert chain.index(page.id_scope) < chain.index(page.advanced.toggle)
    alt(qtbot, "i")
    assert focused() is page.id_scope
    alt(qtbot, "a")  # a mnemonic "animates" the click: it lands a moment later
    await until(lambda: page.advanced.expanded, 2, "Advanced to open")
    alt(qtbot, "i")
    press(qtbot, Qt.Key.Key_Return)
    assert w.currentId() == PageId.DEVICE

    # Device page: the registration ID gets a typo, Enter does nothing until it is fixed.
    page = w.device_page
    alt(qtbot, "r")
    assert focused() is page.registration_id
    press(qtbot, Qt.Key.Key_End)
    qtbot.keyClicks(focused(), "/")
    assert not page.isComplete() and page.registration_id_msg.isVisible()
    press(qtbot, Qt.Key.Key_Return)
    assert w.currentId() == PageId.DEVICE
    press(qtbot, Qt.Key.Key_Backspace)
    assert page.isComplete()
    chain = tab_chain(page, page.individual)
    assert chain.index(page.registration_id) < chain.index(page.key) < chain.index(page.name)
    press(qtbot, Qt.Key.Key_Return)
    assert w.currentId() == PageId.TELEMETRY

    # Telemetry page: three messages, typed; a property added and filled in with the keyboard.
    page = w.telemetry_page
    alt(qtbot, "m")
    assert focused() is page.count
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "3")
    alt(qtbot, "d")  # A&dd: a row, its name cell being edited
    await until(lambda: page.properties.rowCount() == 1 and page.properties.state()
                == QAbstractItemView.State.EditingState and isinstance(QApplication.focusWidget(), QLineEdit),
                2, "a property row being edited")
    qtbot.keyClicks(focused(), "site")
    press(qtbot, Qt.Key.Key_Return)  # the delegate commits on the next turn of the loop
    await until(lambda: page.property_pairs() == [("site", "")], 2, "the property name to be committed")
    alt(qtbot, "t")  # out of the table, into the payload template
    assert focused() is page.template
    press(qtbot, Qt.Key.Key_Tab)  # a code box hands Tab on instead of typing it
    assert focused() is not page.template
    alt(qtbot, "m")
    press(qtbot, Qt.Key.Key_Return)
    assert w.currentId() == PageId.REVIEW
    assert w.current_profile().count == 3

    # Review (the commit page): Enter runs.
    assert commit_button(w).isDefault()
    press(qtbot, Qt.Key.Key_Return)
    assert w.currentId() == PageId.RUN
    await until(lambda: w.run_page.finished is not None, 30, "the run to finish")
    assert w.run_page.finished.outcome == Outcome.SUCCESS, w.run_page.finished.problem
    assert focused() is next_button(w)
    press(qtbot, Qt.Key.Key_Return)
    assert w.currentId() == PageId.RESULT
    assert w.result_page.values["device_id"].text() == "demo-device-001"
    press(qtbot, Qt.Key.Key_Return)  # Finish
    await until(lambda: not w.isVisible(), 5, "the wizard to close")


@pytest.mark.asyncio
async def test_escape_asks_before_cancelling_a_run(qtbot, make_wizard) -> None:  # noqa: ANN001
    w = make_wizard()
    w.activateWindow()
    await w.start_demo()
    w.demo.handle.emulator.faults.no_answer = True
    for _ in range(3):
        w.next()
    commit_button(w).click()
    await until(lambda: w.run_page.steps.states.get(Step.REGISTER) == "running"
                or w.run_page.steps.states.get(Step.ASSIGNING) == "running", 15, "registration to start")
    press(qtbot, Qt.Key.Key_Escape)
    await until(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), 5, "the question")
    box = QApplication.activeModalWidget()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # No: the run goes on
    await until(lambda: QApplication.activeModalWidget() is None, 5, "the question to close")
    assert w.run_page.running and w.isVisible()
    press(qtbot, Qt.Key.Key_Escape)
    await until(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), 5, "the question")
    box = QApplication.activeModalWidget()
    box.button(QMessageBox.StandardButton.Yes).setFocus()
    qtbot.keyClick(box.button(QMessageBox.StandardButton.Yes), Qt.Key.Key_Space)
    await until(lambda: w.run_page.finished is not None, 5, "the cancelled run to end")
    assert w.run_page.finished.outcome == Outcome.CANCELLED and w.isVisible()
    await until(lambda: QApplication.activeModalWidget() is None, 5, "the question to close")
    assert w.focusWidget() is w.run_page.retry_button, w.focusWidget()
