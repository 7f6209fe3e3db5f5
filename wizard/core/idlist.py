"""Registration-ID lists for a batch: typed or pasted lists, numeric-range patterns, and CSV files.

- A list: IDs separated by commas, spaces or new lines (`sensor-1, sensor-2`).
- A pattern: `sensor-{001..100}`, a numeric range in braces; leading zeros set the width (as in bash).
  Several ranges in one pattern multiply (`line{1..2}-dev{01..10}` is 20 IDs). Patterns may appear in a list.
- A CSV file with a header row naming a `registration_id` column and, optionally, a `provisioning_payload`
  column holding JSON.

Every ID is checked with wizard.core.profile.check_registration_id; every message names where the item is
(line and item number), duplicates are reported and dropped (the first one stays), and the total is capped.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wizard.core.i18n import PLURAL, QT_TRANSLATE_NOOP, Text, Translate, plural
from wizard.core.profile import FieldIssue, check_provisioning_payload, check_registration_id

MAX_IDS = 10_000
MAX_REPORTED = 50  # problems listed one by one; the rest are counted
ID_COLUMN = "registration_id"
PAYLOAD_COLUMN = "provisioning_payload"
_ID_COLUMN_ALIASES = {"registration_id", "registrationid", "registration id", "registration-id"}
_PAYLOAD_COLUMN_ALIASES = {"provisioning_payload", "provisioningpayload", "provisioning payload", "payload"}
_RANGE = re.compile(r"\{([^{}]*)\}")
_NUMERIC_RANGE = re.compile(r"^\s*(\d{1,9})\s*\.\.\s*(\d{1,9})\s*$")


class IdListError(ValueError):
    """A pattern that cannot be expanded; the message is for a person (str() English, `text` translatable)."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.render())
        self.text = text


def _t(source: str, *args: object) -> Text:
    return Text(source, args)


def _issue_text(issue: FieldIssue) -> Text | str:
    return issue.text if issue.text is not None else issue.message


def _line(n: int) -> Text:
    return _t(QT_TRANSLATE_NOOP("core", "line %1"), n)


@dataclass(frozen=True)
class DeviceItem:
    """One device of a batch: its registration ID and, from a CSV, its own provisioning payload (JSON text)."""

    registration_id: str
    provisioning_payload: str | None = None
    where: str = ""  # "line 3", "item 2", "line 2, item 4"


@dataclass(frozen=True)
class ListIssue:
    where: str  # English, as `message`; `texts` holds both to show translated
    message: str
    texts: tuple[Text | str, Text] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, where: Text | str, message: Text) -> ListIssue:
        english = where.render() if isinstance(where, Text) else where
        return cls(english, message.render(), (where, message))

    def __str__(self) -> str:
        return self.render()

    def render(self, translate: Translate | None = None) -> str:
        """"where: message" for a person, translated by `translate` when given."""
        if self.texts is None:
            where, message = ((translate(self.where) if self.where else "", translate(self.message)) if translate
                              else (self.where, self.message))
        else:
            place, text = self.texts
            where = place.render(translate) if isinstance(place, Text) else place
            message = text.render(translate)
        if not where:
            return message
        return Text(QT_TRANSLATE_NOOP("core", "%1: %2"), (where, message)).render(translate)


@dataclass
class ParsedIds:
    items: list[DeviceItem] = field(default_factory=list)
    errors: list[ListIssue] = field(default_factory=list)  # the batch cannot start while there are any
    duplicates: list[ListIssue] = field(default_factory=list)  # warnings: each repeated ID runs once
    omitted_errors: int = 0  # errors beyond MAX_REPORTED, counted only

    @property
    def ids(self) -> list[str]:
        return [i.registration_id for i in self.items]

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.items)

    def error_lines(self, limit: int = MAX_REPORTED, translate: Translate | None = None) -> list[str]:
        """The errors as lines for a person (translated by `translate` when given), with a count of the ones not
        shown."""
        lines = [e.render(translate) for e in self.errors[:limit]]
        hidden = len(self.errors) - len(lines) + self.omitted_errors
        if hidden > 0:
            more = PLURAL.translate("core", "... and %n more problem(s).", None, 1)
            lines.append(plural(more, hidden).render(translate))
        return lines

    def _error(self, where: Text | str, message: Text) -> None:
        if len(self.errors) < MAX_REPORTED:
            self.errors.append(ListIssue.of(where, message))
        else:
            self.omitted_errors += 1


def _width(text: str) -> int:
    return len(text) if len(text) > 1 and text.startswith("0") else 0


def expand_range(spec: str) -> list[str]:
    """`001..100` -> ['001', ..., '100']; leading zeros on either end pad to the wider end (as bash does)."""
    m = _NUMERIC_RANGE.match(spec)
    if not m:
        raise IdListError(_t(QT_TRANSLATE_NOOP("core", "{%1} is not a numeric range; write it like {1..50} or "
                                                       "{001..100}"), spec))
    first, last = m.group(1), m.group(2)
    width = max(_width(first), _width(last))
    if width:
        width = max(width, len(first), len(last))
    a, b = int(first), int(last)
    step = 1 if b >= a else -1
    count = abs(b - a) + 1
    if count > MAX_IDS:
        raise IdListError(_t(QT_TRANSLATE_NOOP("core", "{%1} is %2 IDs; a batch holds at most %3"), spec,
                             f"{count:,}", f"{MAX_IDS:,}"))
    return [str(n).zfill(width) for n in range(a, b + step, step)]


def is_pattern(token: str) -> bool:
    return "{" in token or "}" in token


def expand_pattern(pattern: str, limit: int = MAX_IDS) -> list[str]:
    """Every ID a pattern stands for, in order. Raises IdListError for a malformed pattern or too many IDs."""
    parts = _RANGE.split(pattern)
    literals, ranges = parts[0::2], parts[1::2]
    if any("{" in lit or "}" in lit for lit in literals):
        raise IdListError(_t(QT_TRANSLATE_NOOP("core", "'%1' has unmatched or nested braces; write a range like "
                                                       "sensor-{001..100}"), pattern))
    if not ranges:
        return [pattern]
    expanded = [expand_range(r) for r in ranges]
    total = 1
    for values in expanded:
        total *= len(values)
    if total > limit:
        raise IdListError(_t(QT_TRANSLATE_NOOP("core", "'%1' stands for %2 IDs; a batch holds at most %3"), pattern,
                             f"{total:,}", f"{limit:,}"))
    out: list[str] = []
    for combo in itertools.product(*expanded):
        text = literals[0]
        for value, literal in zip(combo, literals[1:], strict=True):
            text += value + literal
        out.append(text)
    return out


class _Collector:
    """Validates, de-duplicates and caps IDs as they come, remembering where each one came from."""

    def __init__(self) -> None:
        self.result = ParsedIds()
        self._first_seen: dict[str, Text] = {}
        self._capped = False

    def add(self, registration_id: str, where: Text, payload: str | None = None) -> None:
        if self._capped:
            return
        reg = registration_id.strip()
        issue = check_registration_id(reg)
        if issue is not None:
            self.result._error(where, _t(QT_TRANSLATE_NOOP("core", "'%1': %2"), reg[:60], _issue_text(issue)))
            return
        first = self._first_seen.get(reg)
        if first is not None:
            self.result.duplicates.append(ListIssue.of(where, _t(QT_TRANSLATE_NOOP(
                "core", "'%1' is listed again (first at %2); it runs once"), reg, first)))
            return
        if len(self.result.items) >= MAX_IDS:
            self._capped = True
            self.result.errors.insert(0, ListIssue.of(where, _t(QT_TRANSLATE_NOOP(
                "core", "more than %1 IDs; a batch holds at most %2: split the list"), f"{MAX_IDS:,}", f"{MAX_IDS:,}")))
            return
        self._first_seen[reg] = where
        self.result.items.append(DeviceItem(reg, payload, where.render()))


def _where(line: int, item: int, multiline: bool) -> Text:
    return (_t(QT_TRANSLATE_NOOP("core", "line %1, item %2"), line, item) if multiline
            else _t(QT_TRANSLATE_NOOP("core", "item %1"), item))


def parse_id_text(text: str) -> ParsedIds:
    """A typed or pasted list: IDs and patterns separated by commas, spaces, tabs or new lines."""
    collector = _Collector()
    lines = text.splitlines() or [""]
    multiline = sum(1 for line in lines if line.strip()) > 1
    for line_no, line in enumerate(lines, start=1):
        tokens = [t for t in re.split(r"[,;\s]+", line) if t]
        for item_no, token in enumerate(tokens, start=1):
            where = _where(line_no, item_no, multiline)
            if is_pattern(token):
                try:
                    expanded = expand_pattern(token)
                except IdListError as exc:
                    collector.result._error(where, exc.text)
                    continue
                failing = [reg for reg in expanded if check_registration_id(reg) is not None]
                if expanded and len(failing) == len(expanded) and len(expanded) > 1:
                    # The fixed part is wrong for every ID: say so once, not a thousand times.
                    issue = check_registration_id(failing[0])
                    assert issue is not None
                    collector.result._error(where, _t(QT_TRANSLATE_NOOP("core", "'%1' gives IDs like '%2': %3"), token,
                                                      failing[0][:60], _issue_text(issue)))
                    continue
                for reg in expanded:
                    collector.add(reg, _t(QT_TRANSLATE_NOOP("core", "%1 (%2)"), where, reg) if reg != token else where)
            else:
                collector.add(token, where)
    if not collector.result.items and not collector.result.errors:
        collector.result.errors.append(ListIssue.of("", _t(QT_TRANSLATE_NOOP(
            "core", "No registration IDs: type or paste IDs separated by commas or new lines, or a pattern such as "
                    "sensor-{001..100}"))))
    return collector.result


def _header_index(header: list[str], aliases: set[str]) -> int | None:
    for i, name in enumerate(header):
        if name.strip().lower() in aliases:
            return i
    return None


def parse_csv_text(text: str) -> ParsedIds:
    """A CSV with a header row: a `registration_id` column and, optionally, `provisioning_payload` (JSON)."""
    collector = _Collector()
    result = collector.result
    text = text.lstrip("\ufeff")
    # The header row tells the delimiter (Excel writes ';' in many locales); csv.Sniffer guesses from data.
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",;\t", key=lambda d: (first.count(d), d == ","))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header: list[str] | None = None
    id_col = payload_col = None
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = row
                id_col = _header_index(row, _ID_COLUMN_ALIASES)
                payload_col = _header_index(row, _PAYLOAD_COLUMN_ALIASES)
                if id_col is None:
                    shown = ", ".join(repr(c.strip()) for c in row[:6])
                    result.errors.append(ListIssue.of(_line(line), _t(QT_TRANSLATE_NOOP(
                        "core", "the header row (%1) has no '%2' column"), shown, ID_COLUMN)))
                    return result
                continue
            assert id_col is not None
            where = _line(line)
            if id_col >= len(row) or not row[id_col].strip():
                result._error(where, _t(QT_TRANSLATE_NOOP("core", "the %1 cell is empty"), ID_COLUMN))
                continue
            payload = row[payload_col].strip() if payload_col is not None and payload_col < len(row) else ""
            if payload:
                issue = check_provisioning_payload(payload)
                if issue is not None:
                    result._error(where, _t(QT_TRANSLATE_NOOP("core", "'%1': %2"), row[id_col].strip()[:60],
                                            _issue_text(issue)))
                    continue
            collector.add(row[id_col], where, payload or None)
    except csv.Error as exc:
        result.errors.append(ListIssue.of(_line(reader.line_num),
                                          _t(QT_TRANSLATE_NOOP("core", "not readable as CSV: %1"), exc)))
        return result
    if header is None:
        result.errors.append(ListIssue.of("", _t(QT_TRANSLATE_NOOP(
            "core", "the CSV file is empty; it needs a header row with a '%1' column"), ID_COLUMN)))
    elif not result.items and not result.errors:
        result.errors.append(ListIssue.of("", _t(QT_TRANSLATE_NOOP("core", "the CSV file has a header but no "
                                                                           "devices"))))
    return result


def parse_csv_file(path: str | Path) -> ParsedIds:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return ParsedIds(errors=[ListIssue.of(str(path), _t(QT_TRANSLATE_NOOP("core", "cannot be read: %1"),
                                                             exc.strerror or exc))])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("cp1252")
        except UnicodeDecodeError:
            return ParsedIds(errors=[ListIssue.of(str(path), _t(QT_TRANSLATE_NOOP(
                "core", "is not a text file (save it as CSV UTF-8)")))])
    return parse_csv_text(text)


def items_from_ids(ids: Iterable[str]) -> list[DeviceItem]:
    """Already-checked IDs as items (for callers that hold a plain list)."""
    return [DeviceItem(i, None, _t(QT_TRANSLATE_NOOP("core", "item %1"), n).render())
            for n, i in enumerate(ids, start=1)]
