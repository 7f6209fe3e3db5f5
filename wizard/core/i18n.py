"""Translatable texts without Qt: core marks its sentences, the GUI and the CLI translate them at the edge.

`QT_TRANSLATE_NOOP("core", "...")` returns its text unchanged; `pyside6-lupdate` recognises the call and
extracts the string into the .ts catalogue (context "core"). A sentence with values is a `Text`: the English
source with Qt-style placeholders %1..%9 and its values. The edge translates the source first and fills the
values afterwards, so the placeholders survive translation and a value is never looked up in the catalogue
(a Text given as a value is translated too: a field label inside a sentence).

A sentence with a count is a plural `Text` (`n` set): its source has %n, marked with
`PLURAL.translate("core", "...%n...", None, 1)` - pyside6-lupdate's Python parser knows no
QT_TRANSLATE_N_NOOP, but takes a translate() call whose count is a number literal for a plural text. The edge
looks it up with the count, so the catalogue's plural forms apply; untranslated, %n is simply the number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

CONTEXT = "core"  # the catalogue context of every core text
_PLACEHOLDER = re.compile(r"%([1-9])")


def QT_TRANSLATE_NOOP(context: str, source: str, disambiguation: str | None = None) -> str:  # noqa: N802 - Qt's name
    """Marks `source` for extraction by pyside6-lupdate; returns it unchanged."""
    return source


class _PluralMarker:
    """`PLURAL.translate(context, source, None, 1)` marks a plural text for pyside6-lupdate; returns `source`."""

    @staticmethod
    def translate(context: str, source: str, disambiguation: str | None = None, n: int = 1) -> str:
        return source


PLURAL = _PluralMarker()


def fill(template: str, *values: object) -> str:
    """QString.arg for %1..%9 in one pass: a value that itself contains "%2" is left alone."""

    def value(m: re.Match[str]) -> str:
        i = int(m.group(1))
        return str(values[i - 1]) if i <= len(values) else m.group(0)

    return _PLACEHOLDER.sub(value, template)


# source text -> translated text; called with a second argument, the count, for a plural Text.
Translate = Callable[..., str]


@dataclass(frozen=True)
class Text:
    """A sentence to show a person: English source (marked with QT_TRANSLATE_NOOP) and the values for %1..%9."""

    source: str
    args: tuple[Any, ...] = ()
    n: int | None = None  # the count of a plural text (its source has %n)

    def render(self, translate: Translate | None = None) -> str:
        """The sentence, translated by `translate` (source text -> translated text) when given."""
        values = [a.render(translate) if isinstance(a, Text) else str(a) for a in self.args]
        if self.n is None:
            return fill(translate(self.source) if translate else self.source, *values)
        template = translate(self.source, self.n) if translate else self.source
        return fill(template.replace("%n", str(self.n)), *values)

    def __str__(self) -> str:
        return self.render()

    def about(self, subject: Any) -> Text:
        """A fragment whose %1 is the thing it is about ("%1 is empty") with that subject filled in."""
        return Text(self.source, (subject, *self.args), self.n)


def text(source: str, *args: Any) -> Text:
    return Text(source, tuple(args))


def plural(source: str, n: int, *args: Any) -> Text:
    """A sentence with a count: `source` (marked with PLURAL.translate) has %n for `n`, %1.. for `args`."""
    return Text(source, tuple(args), n)


def english_fragment(fragment: Text) -> str:
    """The English of a "%1 ..." fragment without its subject ("is empty"), for callers that prefix their own."""
    return fragment.about("").render().strip()


# What Python's json module says about a document it cannot parse: translated when shown, as received otherwise.
JSON_ERRORS = (
    QT_TRANSLATE_NOOP("core", "Expecting value"),
    QT_TRANSLATE_NOOP("core", "Expecting property name enclosed in double quotes"),
    QT_TRANSLATE_NOOP("core", "Expecting ':' delimiter"),
    QT_TRANSLATE_NOOP("core", "Expecting ',' delimiter"),
    QT_TRANSLATE_NOOP("core", "Extra data"),
    QT_TRANSLATE_NOOP("core", "Unterminated string starting at"),
    QT_TRANSLATE_NOOP("core", "Invalid \\escape"),
    QT_TRANSLATE_NOOP("core", "Invalid control character at"),
)


def json_reason(message: str) -> Text | str:
    """json.JSONDecodeError.msg as a value: a Text (translated at the edge) when it is one of the known ones."""
    return Text(message) if message in JSON_ERRORS else message
