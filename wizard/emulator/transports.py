"""Byte-stream adapters that feed the MQTT session: TLS over TCP, and binary WebSocket frames."""

from __future__ import annotations

import asyncio
import socket
import struct
from typing import Any

from .mqtt import ProtocolViolation


def _reset_on_close(transport: asyncio.BaseTransport) -> None:
    """SO_LINGER 0: closing sends a TCP RST, as a crashing or overloaded service would."""
    if transport.is_closing():
        return
    try:
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except (OSError, AttributeError):  # already torn down
        pass


class StreamTransport:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer
        peer = writer.get_extra_info("peername")
        self.peer = f"{peer[0]}:{peer[1]}" if peer else "?"

    async def read_exactly(self, n: int) -> bytes:
        return await self.reader.readexactly(n)

    async def write(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    def abort(self) -> None:
        _reset_on_close(self.writer.transport)
        self.writer.transport.abort()

    async def close(self) -> None:
        self.writer.close()
        try:
            await asyncio.wait_for(self.writer.wait_closed(), 2)
        except (OSError, TimeoutError):
            pass


class WebSocketTransport:
    """MQTT packets may span WebSocket messages or share one: buffer the bytes."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.buffer = bytearray()
        peer = ws.remote_address
        self.peer = f"ws {peer[0]}:{peer[1]}" if peer else "ws ?"

    async def read_exactly(self, n: int) -> bytes:
        from websockets.exceptions import ConnectionClosed

        while len(self.buffer) < n:
            try:
                message = await self.ws.recv()
            except ConnectionClosed:
                raise EOFError("WebSocket closed") from None
            if isinstance(message, str):
                raise ProtocolViolation("MQTT over WebSockets needs binary frames")
            self.buffer += message
        chunk = bytes(self.buffer[:n])
        del self.buffer[:n]
        return chunk

    async def write(self, data: bytes) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            await self.ws.send(data)
        except ConnectionClosed:
            raise EOFError("WebSocket closed") from None

    def abort(self) -> None:
        _reset_on_close(self.ws.transport)
        self.ws.transport.abort()

    async def close(self) -> None:
        await self.ws.close()
