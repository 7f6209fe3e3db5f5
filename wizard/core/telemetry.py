"""The telemetry plan: how many messages, how often, and what each one carries."""

from __future__ import annotations

import json
import string
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

# ${n} message number (1-based), ${count} total, ${timestamp} UTC ISO 8601, ${device_id}, ${message_id}
PLACEHOLDERS = ("n", "count", "timestamp", "device_id", "message_id")
DEFAULT_PAYLOAD_TEMPLATE = (
    '{"message": "test wind speed ${n}", "windSpeed": ${n}, "deviceId": "${device_id}", "sentAt": "${timestamp}"}'
)
CONTENT_TYPE = "application/json"
CONTENT_ENCODING = "utf-8"
# IoT Hub's limit is 256 KB per device-to-cloud message; the SDK refuses larger ones.
MAX_PAYLOAD_BYTES = 256 * 1024 - 1024


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
    """Why this payload template cannot be used, as the end of a sentence, or None."""
    if not template.strip():
        return "is empty: enter a JSON document (placeholders: ${n}, ${count}, ${timestamp}, ${device_id})."
    try:
        names = {m.group("named") or m.group("braced") for m in string.Template.pattern.finditer(template)}
    except (ValueError, TypeError):
        return "has a '$' that is not a placeholder (write $$ for a literal dollar sign)."
    unknown = sorted(n for n in names if n and n not in PLACEHOLDERS)
    if unknown:
        return f"uses an unknown placeholder ${{{unknown[0]}}}; known: " + ", ".join(f"${{{p}}}" for p in PLACEHOLDERS) + "."
    try:
        sample = render(template, 1, 1, "device-1", str(uuid.UUID(int=0)), "2026-01-01T00:00:00.000Z")
    except (ValueError, KeyError):
        return "has a '$' that is not a placeholder (write $$ for a literal dollar sign)."
    try:
        json.loads(sample)
    except json.JSONDecodeError as exc:
        return f"does not give valid JSON for message 1: {exc.msg} (column {exc.colno})."
    if len(sample.encode("utf-8")) > MAX_PAYLOAD_BYTES:
        return "gives a message larger than IoT Hub's 256 KB limit."
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
