"""The MQTT 3.1.1 server subset the Azure IoT SDK needs: codec and one connection's session.

Written here rather than taken from a library: amqtt (the maintained asyncio broker) is a pub/sub broker
with its own plugin and persistence stack; DPS and IoT Hub are not pub/sub. We need a reply on the one
connection that asked, strict CONNECT validation with chosen CONNACK codes, and the power to drop a
connection abruptly on command. That is ~300 lines on asyncio, with no further dependency.

Strict on purpose: any malformed or unsupported packet closes the connection (as the services do).
"""

from __future__ import annotations

import asyncio
import logging
import struct
from dataclasses import dataclass
from typing import Protocol

log = logging.getLogger(__name__)

CONNECT, CONNACK, PUBLISH, PUBACK, PUBREC, PUBREL, PUBCOMP = 1, 2, 3, 4, 5, 6, 7
SUBSCRIBE, SUBACK, UNSUBSCRIBE, UNSUBACK, PINGREQ, PINGRESP, DISCONNECT = 8, 9, 10, 11, 12, 13, 14

# CONNACK return codes
ACCEPTED, BAD_PROTOCOL, ID_REJECTED, UNAVAILABLE, BAD_CREDENTIALS, NOT_AUTHORISED = 0, 1, 2, 3, 4, 5
SUB_FAILURE = 0x80

MAX_CONNECT = 16 * 1024  # a CONNECT is ids, a user name and a SAS token
MAX_PACKET = 256 * 1024 + 8 * 1024  # IoT Hub's 256 KB message limit plus topic and header
CONNECT_TIMEOUT = 10.0


class ProtocolViolation(Exception):
    """The peer broke MQTT 3.1.1 (or asked for something the services do not support)."""


class Transport(Protocol):
    """A byte stream: TLS socket or WebSocket binary frames."""

    peer: str

    async def read_exactly(self, n: int) -> bytes: ...
    async def write(self, data: bytes) -> None: ...
    def abort(self) -> None: ...  # reset: no DISCONNECT, no close_notify
    async def close(self) -> None: ...


@dataclass(frozen=True)
class Connect:
    client_id: str
    username: str | None
    password: str | None
    keepalive: int
    clean_session: bool


@dataclass(frozen=True)
class Publish:
    topic: str
    payload: bytes
    qos: int
    packet_id: int | None
    dup: bool
    retain: bool


class Service(Protocol):
    """What a session hands its publishes and subscriptions to (DPS or hub)."""

    def subscribe(self, topic_filter: str, qos: int) -> int: ...  # granted QoS or SUB_FAILURE
    def accept(self, msg: Publish) -> bool: ...  # False: drop the connection without PUBACK
    async def handle(self, msg: Publish) -> None: ...  # after the PUBACK
    def closed(self) -> None: ...


# --- codec -----------------------------------------------------------------------------------------


def encode_remaining_length(n: int) -> bytes:
    out = bytearray()
    while True:
        n, digit = divmod(n, 128)
        out.append(digit | (0x80 if n else 0))
        if not n:
            return bytes(out)


def packet(ptype: int, flags: int, body: bytes) -> bytes:
    return bytes([(ptype << 4) | flags]) + encode_remaining_length(len(body)) + body


def mqtt_string(s: str) -> bytes:
    raw = s.encode("utf-8")
    return struct.pack("!H", len(raw)) + raw


class Reader:
    """Reads fields from one packet's variable header and payload; running short is a violation."""

    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise ProtocolViolation("packet shorter than its fields")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def u8(self) -> int:
        return self.take(1)[0]

    def u16(self) -> int:
        return int(struct.unpack("!H", self.take(2))[0])

    def binary(self) -> bytes:
        return self.take(self.u16())

    def string(self) -> str:
        try:
            s = self.binary().decode("utf-8")
        except UnicodeDecodeError:
            raise ProtocolViolation("string is not UTF-8") from None
        if "\x00" in s:
            raise ProtocolViolation("string contains U+0000")
        return s

    def rest(self) -> bytes:
        return self.take(len(self.data) - self.pos)

    def done(self) -> None:
        if self.pos != len(self.data):
            raise ProtocolViolation("trailing bytes in packet")


async def read_packet(transport: Transport, limit: int) -> tuple[int, int, bytes]:
    first = (await transport.read_exactly(1))[0]
    length, shift = 0, 0
    for _ in range(4):
        byte = (await transport.read_exactly(1))[0]
        length |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            break
    else:
        raise ProtocolViolation("remaining length longer than 4 bytes")
    if length > limit:
        raise ProtocolViolation(f"packet of {length} bytes exceeds the limit of {limit}")
    body = await transport.read_exactly(length) if length else b""
    return first >> 4, first & 0x0F, body


def parse_connect(flags: int, body: bytes) -> Connect | int:
    """A Connect, or the CONNACK code to refuse with; raises ProtocolViolation when it must just close."""
    if flags:
        raise ProtocolViolation("CONNECT flags must be 0")
    r = Reader(body)
    name, level, cflags, keepalive = r.string(), r.u8(), r.u8(), r.u16()
    if name != "MQTT" or level != 4:
        return BAD_PROTOCOL
    if cflags & 0x01:
        raise ProtocolViolation("reserved CONNECT flag set")
    will, will_qos, will_retain = bool(cflags & 0x04), (cflags >> 3) & 0x03, bool(cflags & 0x20)
    has_password, has_user = bool(cflags & 0x40), bool(cflags & 0x80)
    if will_qos == 3 or (not will and (will_qos or will_retain)):
        raise ProtocolViolation("bad will flags")
    if has_password and not has_user:
        raise ProtocolViolation("password without user name")
    client_id = r.string()
    if will:
        r.string()
        r.binary()
    username = r.string() if has_user else None
    password = None
    if has_password:
        try:
            password = r.binary().decode("utf-8")
        except UnicodeDecodeError:
            return BAD_CREDENTIALS
    r.done()
    if not client_id:
        return ID_REJECTED  # the services need the registration / device id here
    return Connect(client_id, username, password, keepalive, bool(cflags & 0x02))


def topic_matches(topic_filter: str, topic: str) -> bool:
    fparts, tparts = topic_filter.split("/"), topic.split("/")
    if tparts[0].startswith("$") != fparts[0].startswith("$"):
        return False  # wildcards at the start never match $-topics
    for i, f in enumerate(fparts):
        if f == "#":
            return True
        if i >= len(tparts) or (f != "+" and f != tparts[i]):
            return False
    return len(fparts) == len(tparts)


def valid_filter(topic_filter: str) -> bool:
    if not topic_filter:
        return False
    parts = topic_filter.split("/")
    for i, part in enumerate(parts):
        if "#" in part and (part != "#" or i != len(parts) - 1):
            return False
        if "+" in part and part != "+":
            return False
    return True


# --- session ---------------------------------------------------------------------------------------


class Router(Protocol):
    def route(self, session: Session, connect: Connect) -> tuple[int, Service | None]: ...


class Session:
    """One client connection: CONNECT, then packets until DISCONNECT, a violation, or abort()."""

    def __init__(self, transport: Transport, router: Router) -> None:
        self.transport = transport
        self.router = router
        self.service: Service | None = None
        self.client_id = ""
        self.subscriptions: dict[str, int] = {}
        self._next_id = 0
        self._inflight: set[int] = set()
        self._aborted = False
        self.silent = False  # the hub_stall_after fault: keep reading, never write again
        self._write_lock = asyncio.Lock()

    @property
    def aborted(self) -> bool:
        return self._aborted

    async def send(self, data: bytes) -> None:
        if self._aborted or self.silent:
            return
        async with self._write_lock:  # WebSocket sends must not interleave
            await self.transport.write(data)

    def abort(self) -> None:
        """Reset the connection: what a crashing or throttling service does, no goodbye."""
        self._aborted = True
        self.transport.abort()

    async def publish(self, topic: str, payload: bytes) -> bool:
        """Send to this client if it subscribed to a matching filter (QoS 1 if granted). False if not."""
        granted = [q for f, q in self.subscriptions.items() if topic_matches(f, topic)]
        if not granted:
            log.debug("%s: not subscribed to %s; dropped", self.client_id, topic)
            return False
        qos = max(granted)
        body = mqtt_string(topic)
        if qos:
            self._next_id = self._next_id % 0xFFFF + 1
            self._inflight.add(self._next_id)
            body += struct.pack("!H", self._next_id)
        await self.send(packet(PUBLISH, qos << 1, body + payload))
        return True

    async def run(self) -> None:
        try:
            await self._run()
        except (ProtocolViolation, asyncio.IncompleteReadError, ConnectionError, EOFError) as exc:
            log.debug("%s: closing: %r", self.transport.peer, exc)
        except TimeoutError:
            log.debug("%s: timed out", self.transport.peer)
        finally:
            if self.service is not None:
                self.service.closed()
            if not self._aborted:
                try:
                    await self.transport.close()
                except Exception:  # the peer may already be gone
                    pass

    async def _run(self) -> None:
        ptype, flags, body = await asyncio.wait_for(read_packet(self.transport, MAX_CONNECT), CONNECT_TIMEOUT)
        if ptype != CONNECT:
            raise ProtocolViolation("first packet is not CONNECT")
        parsed = parse_connect(flags, body)
        if isinstance(parsed, int):
            await self.send(packet(CONNACK, 0, bytes([0, parsed])))
            return
        self.client_id = parsed.client_id
        code, service = self.router.route(self, parsed)
        await self.send(packet(CONNACK, 0, bytes([0, code])))
        if code != ACCEPTED or service is None:
            return
        self.service = service
        idle = parsed.keepalive * 1.5 if parsed.keepalive else None
        while not self._aborted:
            ptype, flags, body = await asyncio.wait_for(read_packet(self.transport, MAX_PACKET), idle)
            if not await self._dispatch(ptype, flags, body):
                return

    async def _dispatch(self, ptype: int, flags: int, body: bytes) -> bool:
        assert self.service is not None
        if ptype == PUBLISH:
            msg = self._parse_publish(flags, body)
            if not self.service.accept(msg) or self._aborted:
                self.abort()
                return False
            if msg.qos == 1:
                await self.send(packet(PUBACK, 0, struct.pack("!H", msg.packet_id or 0)))
            await self.service.handle(msg)
            return not self._aborted
        if flags != (0x02 if ptype in (SUBSCRIBE, UNSUBSCRIBE) else 0):
            raise ProtocolViolation(f"bad flags {flags:#x} for packet type {ptype}")
        if ptype == PUBACK:
            r = Reader(body)
            self._inflight.discard(r.u16())
            r.done()
        elif ptype == SUBSCRIBE:
            await self._subscribe(body)
        elif ptype == UNSUBSCRIBE:
            r = Reader(body)
            pid = r.u16()
            if pid == 0 or r.pos == len(body):
                raise ProtocolViolation("UNSUBSCRIBE without packet id or filters")
            while r.pos < len(body):
                self.subscriptions.pop(r.string(), None)
            await self.send(packet(UNSUBACK, 0, struct.pack("!H", pid)))
        elif ptype == PINGREQ:
            if body:
                raise ProtocolViolation("PINGREQ with a body")
            await self.send(packet(PINGRESP, 0, b""))
        elif ptype == DISCONNECT:
            if body:
                raise ProtocolViolation("DISCONNECT with a body")
            return False
        else:  # a second CONNECT, QoS 2 flow packets, server-only packets, reserved types
            raise ProtocolViolation(f"unexpected packet type {ptype}")
        return True

    def _parse_publish(self, flags: int, body: bytes) -> Publish:
        qos, dup, retain = (flags >> 1) & 0x03, bool(flags & 0x08), bool(flags & 0x01)
        if qos > 1:
            raise ProtocolViolation("QoS 2 publish (IoT Hub closes the connection too)")
        if dup and qos == 0:
            raise ProtocolViolation("DUP set on a QoS 0 publish")
        r = Reader(body)
        topic = r.string()
        if not topic or "+" in topic or "#" in topic:
            raise ProtocolViolation("bad topic name in PUBLISH")
        packet_id = r.u16() if qos else None
        if packet_id == 0:
            raise ProtocolViolation("packet id 0")
        return Publish(topic, r.rest(), qos, packet_id, dup, retain)

    async def _subscribe(self, body: bytes) -> None:
        assert self.service is not None
        r = Reader(body)
        pid = r.u16()
        if pid == 0 or r.pos == len(body):
            raise ProtocolViolation("SUBSCRIBE without packet id or filters")
        codes = bytearray()
        while r.pos < len(body):
            topic_filter, requested = r.string(), r.u8()
            if requested & 0xFC or requested == 3 or not valid_filter(topic_filter):
                raise ProtocolViolation("bad subscription")
            granted = self.service.subscribe(topic_filter, min(requested, 1))  # QoS 2 -> 1, like the services
            if granted != SUB_FAILURE:
                self.subscriptions[topic_filter] = granted
            codes.append(granted)
        await self.send(packet(SUBACK, 0, struct.pack("!H", pid) + bytes(codes)))
