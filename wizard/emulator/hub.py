"""The IoT Hub side: device CONNECT checks, telemetry records, a minimal twin, faults."""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote

from . import sas
from .models import TelemetryRecord
from .mqtt import (
    ACCEPTED,
    BAD_CREDENTIALS,
    ID_REJECTED,
    NOT_AUTHORISED,
    SUB_FAILURE,
    Connect,
    Publish,
    Session,
)

if TYPE_CHECKING:
    from .server import Emulator

SYSTEM_PROPERTIES = {
    "$.mid": "message_id",
    "$.cid": "correlation_id",
    "$.ct": "content_type",
    "$.ce": "content_encoding",
}
OTHER_TOPICS = ("$iothub/twin/GET/?", "$iothub/twin/PATCH/properties/reported/?", "$iothub/methods/res/")


def parse_username(username: str) -> tuple[str, str] | None:
    """`{hubHost}/{deviceId}/?api-version=...` -> (hub host, device id)."""
    parts = username.split("/")
    if len(parts) != 3 or not parts[0] or not parts[1] or not parts[2].startswith("?"):
        return None
    if "api-version" not in parse_qs(parts[2][1:]):
        return None
    return parts[0], parts[1]


def parse_property_bag(bag: str) -> dict[str, str]:
    """`%24.mid=m1&%24.ct=application%2Fjson&k=v` -> {"$.mid": "m1", ...}. `+` stays a plus (as in the SDK)."""
    props: dict[str, str] = {}
    for entry in bag.split("&"):
        if entry:
            key, _, value = entry.partition("=")
            props[unquote(key)] = unquote(value)
    return props


def route(emu: Emulator, session: Session, connect: Connect) -> tuple[int, HubService | None]:
    parsed = parse_username(connect.username or "")
    if parsed is None:
        return NOT_AUTHORISED, None
    host, device_id = parsed
    if host.lower() != emu.hub_host.lower():
        emu.log.info("hub CONNECT for unknown hub %r", host)
        return NOT_AUTHORISED, None
    if connect.client_id != device_id:
        return ID_REJECTED, None
    device = emu.assigned_device(device_id)
    if device is None:
        emu.log.info("hub CONNECT refused: %s was not assigned by DPS", device_id)
        return NOT_AUTHORISED, None
    key, enrollment = device
    try:
        token = sas.parse(connect.password or "")
        host_part, _, rest = token.resource.partition("/")
        if host_part.lower() != host.lower() or rest != f"devices/{device_id}" or token.key_name:
            raise sas.SasError(f"token is for {token.resource!r}")
        sas.check_fresh(token)
        if not sas.signature_ok(token, key):
            raise sas.SasError("signature does not match the device key")
    except sas.SasError as exc:
        emu.log.info("hub CONNECT refused for %s: %s", device_id, exc)
        return BAD_CREDENTIALS, None
    if emu.effective_faults(enrollment).hub_refuse:
        return NOT_AUTHORISED, None
    service = HubService(emu, session, device_id)
    emu.claim_hub_connection(device_id, session)  # one connection per device: the old one goes
    return ACCEPTED, service


class HubService:
    def __init__(self, emu: Emulator, session: Session, device_id: str) -> None:
        self.emu, self.session, self.device_id = emu, session, device_id
        self.events = f"devices/{device_id}/messages/events/"
        self.filters = {
            f"devices/{device_id}/messages/devicebound/#",
            "$iothub/methods/POST/#",
            "$iothub/twin/PATCH/properties/desired/#",
            "$iothub/twin/res/#",
        }

    def subscribe(self, topic_filter: str, qos: int) -> int:
        return qos if topic_filter in self.filters else SUB_FAILURE

    def closed(self) -> None:
        self.emu.release_hub_connection(self.device_id, self.session)

    def accept(self, msg: Publish) -> bool:
        topic = msg.topic
        if topic.startswith(self.events) or topic == self.events[:-1]:
            return self._telemetry(msg, parse_property_bag(topic[len(self.events) :]))
        return topic.startswith(OTHER_TOPICS)

    def _telemetry(self, msg: Publish, props: dict[str, str]) -> bool:
        system = {attr: props.pop(name, None) for name, attr in SYSTEM_PROPERTIES.items()}
        self.emu.record_telemetry(
            TelemetryRecord(
                device_id=self.device_id,
                properties=props,
                body=msg.payload,
                at=time.monotonic(),
                dup=msg.dup,
                **system,
            )
        )
        if self.emu.take_stall(self.device_id):
            self.session.silent = True  # reads on, answers nothing: a half-open connection
        return not self.emu.take_drop(self.device_id)

    async def handle(self, msg: Publish) -> None:
        topic = msg.topic
        if not topic.startswith("$iothub/twin/"):
            return
        params = dict(p.partition("=")[::2] for p in topic.split("?", 1)[1].split("&") if p)
        rid = params.get("$rid", "")
        twin = self.emu.twin(self.device_id)
        if topic.startswith("$iothub/twin/GET/"):
            await self.session.publish(f"$iothub/twin/res/200/?$rid={rid}", json.dumps(twin).encode())
            return
        try:
            patch = json.loads(msg.payload)
        except ValueError:
            patch = None
        if not isinstance(patch, dict):
            await self.session.publish(f"$iothub/twin/res/400/?$rid={rid}", b'{"message":"bad patch"}')
            return
        version = _merge(twin["reported"], patch)
        await self.session.publish(f"$iothub/twin/res/204/?$rid={rid}&$version={version}", b"")


def _merge(reported: dict[str, Any], patch: dict[str, Any]) -> int:
    """JSON merge patch as the hub applies it (null deletes); bumps and returns $version."""

    def merge(target: dict[str, Any], changes: dict[str, Any]) -> None:
        for key, value in changes.items():
            if value is None:
                target.pop(key, None)
            elif isinstance(value, dict) and isinstance(target.get(key), dict):
                merge(target[key], value)
            else:
                target[key] = value

    merge(reported, {k: v for k, v in patch.items() if not k.startswith("$")})
    reported["$version"] = int(reported.get("$version", 1)) + 1
    return int(reported["$version"])
