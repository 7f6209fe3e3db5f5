"""The telemetry plan: how many messages, how often, and what each one carries."""

from __future__ import annotations

import json
import string
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from wizard.core.i18n import QT_TRANSLATE_NOOP, Text, english_fragment, json_reason

# ${n} message number (1-based), ${count} total, ${timestamp} UTC ISO 8601, ${device_id}, ${message_id}
PLACEHOLDERS = ("n", "count", "timestamp", "device_id", "message_id")
DEFAULT_PAYLOAD_TEMPLATE = (
    '{"message": "test wind speed ${n}", "windSpeed": ${n}, "deviceId": "${device_id}", "sentAt": "${timestamp}"}'
)
CONTENT_TYPE = "application/json"
CONTENT_ENCODING = "utf-8"
# IoT Hub's limit is 256 KB per device-to-cloud message; the SDK refuses larger ones.
MAX_PAYLOAD_BYTES = 256 * 1024 - 1024
MAX_COUNT = 100_000  # the most messages one run sends (profile validation)


def render(template: str, n: int, count: int, device_id: str, message_id: str, timestamp: str | None = None) -> str:
    values = {
        "n": str(n),
        "count": str(count),
        "timestamp": timestamp or datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        # Only escape what could break the JSON string it sits in.
        "device_id": json.dumps(device_id)[1:-1],
        "message_id": message_id,
    }
    return string.Template(template).substitute(values)


def template_problem(template: str) -> str | None:
    """Why this payload template cannot be used, as the end of a sentence ("is empty: ..."), or None."""
    problem = template_problem_text(template)
    return english_fragment(problem) if problem else None


def template_problem_text(template: str) -> Text | None:
    """The same as a translatable sentence about %1 (the field's label), or None."""
    if not template.strip():
        return Text(QT_TRANSLATE_NOOP("core", "%1 is empty: enter a JSON document (placeholders: ${n}, ${count}, "
                                              "${timestamp}, ${device_id})."))
    not_placeholder = Text(QT_TRANSLATE_NOOP("core", "%1 has a '$' that is not a placeholder (write $$ for a "
                                                     "literal dollar sign)."))
    try:
        names = {m.group("named") or m.group("braced") for m in string.Template.pattern.finditer(template)}
    except (ValueError, TypeError):
        return not_placeholder
    unknown = sorted(n for n in names if n and n not in PLACEHOLDERS)
    if unknown:
        return Text(QT_TRANSLATE_NOOP("core", "%1 uses an unknown placeholder %2; known: %3."),
                    (f"${{{unknown[0]}}}", ", ".join(f"${{{p}}}" for p in PLACEHOLDERS)))
    try:
        sample = render(template, 1, 1, "device-1", str(uuid.UUID(int=0)), "2026-01-01T00:00:00.000Z")
    except (ValueError, KeyError):
        return not_placeholder
    try:
        json.loads(sample)
    except json.JSONDecodeError as exc:
        return Text(QT_TRANSLATE_NOOP("core", "%1 does not give valid JSON for message 1: %2 (column %3)."),
                    (json_reason(exc.msg), exc.colno))
    # Sized for the largest message: number and count at their limit, the longest device ID.
    largest = render(template, MAX_COUNT, MAX_COUNT, "d" * 128, str(uuid.UUID(int=0)), "2026-01-01T00:00:00.000Z")
    if len(largest.encode("utf-8")) > MAX_PAYLOAD_BYTES:
        return Text(QT_TRANSLATE_NOOP("core", "%1 gives a message larger than IoT Hub's 256 KB limit."))
    return None


@dataclass(frozen=True)
class PlannedMessage:
    index: int  # 1-based, as the SDK sample counts
    message_id: str
    correlation_id: str
    body: str
    properties: dict[str, str]
    content_type: str = CONTENT_TYPE
    content_encoding: str = CONTENT_ENCODING


@dataclass
class TelemetryPlan:
    count: int = 10
    interval_s: float = 0.0
    payload_template: str = DEFAULT_PAYLOAD_TEMPLATE
    properties: dict[str, str] = field(default_factory=dict)
    correlation_id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def message(self, index: int, device_id: str) -> PlannedMessage:
        message_id = str(uuid.uuid4())
        body = render(self.payload_template, index, self.count, device_id, message_id)
        # The sample's own "count" property, then the person's (theirs win on a clash).
        props = {"count": str(index), **self.properties}
        return PlannedMessage(index, message_id, self.correlation_id, body, props)
