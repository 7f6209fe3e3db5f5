"""The Emulator: DPS + IoT Hub on one loopback address, MQTT over TLS (8883) and over WebSockets (443)."""

from __future__ import annotations

import asyncio
import base64
import errno
import ipaddress
import logging
import os
import secrets
import uuid
from typing import Any

from . import dps, hub, tls
from .models import (
    DpsRequest,
    EmulatorAddressInUse,
    EmulatorBindRefused,
    EmulatorError,
    EnrollmentSpec,
    Faults,
    TelemetryRecord,
    _Counters,
    new_key,
)
from .mqtt import MAX_PACKET, NOT_AUTHORISED, Connect, Service, Session
from .transports import StreamTransport, WebSocketTransport

MQTT_PORT = 8883  # fixed in the SDK
WS_PORT = 443  # fixed in the SDK for websockets=True
WS_PATH = "/$iothub/websocket"


def check_bind(bind: str) -> str:
    if bind == "localhost":
        return "127.0.0.1"
    try:
        ip = ipaddress.ip_address(bind)
    except ValueError:
        raise EmulatorBindRefused(
            f"the emulator's bind address must be a loopback IP such as 127.0.0.1, not {bind!r}"
        ) from None
    if not ip.is_loopback:
        raise EmulatorBindRefused(
            f"refusing to listen on {bind}: the emulator lets made-up devices in, so it only binds loopback "
            "addresses (127.0.0.0/8 or ::1)"
        )
    return str(ip)


def bind_error(exc: OSError, address: str) -> EmulatorError:
    code = getattr(exc, "winerror", None) or exc.errno
    if code in (errno.EADDRINUSE, 10048):
        return EmulatorAddressInUse(
            f"{address} is already in use by another program; stop that program (another emulator or a local "
            "MQTT broker?) or give the emulator another loopback address, e.g. --bind 127.0.0.2"
        )
    if code in (errno.EACCES, 10013):
        return EmulatorError(
            f"not allowed to listen on {address}: the port is reserved, in use, or below 1024 without "
            "administrator rights; use --no-websockets to skip port 443"
        )
    if code in (errno.EADDRNOTAVAIL, 10049):
        return EmulatorError(f"{address}: this machine has no such loopback address; use 127.0.0.1")
    return EmulatorError(f"cannot listen on {address}: {exc.strerror or exc}")


def _fmt(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


class Emulator:
    def __init__(
        self,
        bind: str = "127.0.0.1",
        id_scope: str = "0ne0000E001",
        assign_at_once: bool = False,
        retry_after: float = 1.0,
        websockets: bool = True,
        dps_host: str | None = None,
        hub_host: str | None = None,
        state_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        self.bind = check_bind(bind)
        self.id_scope = id_scope
        self.assign_at_once = assign_at_once
        self.retry_after = retry_after
        self.websockets = websockets
        # Different names when we can: a client that ignores assignedHub would then fail, as with Azure.
        self.dps_host = dps_host or ("localhost" if self.bind == "127.0.0.1" else self.bind)
        self.hub_host = hub_host or self.bind
        self.faults = Faults()
        self.enrollments: list[EnrollmentSpec] = []
        self.telemetry: list[TelemetryRecord] = []  # append-only: safe to read from other threads
        self.dps_requests: list[DpsRequest] = []
        self.registrations: dict[str, dict[str, Any]] = {}
        self.log = logging.getLogger("wizard.emulator")
        self._certs = tls.make_certificates([self.bind, self.dps_host, self.hub_host], state_dir)
        self._devices: dict[str, tuple[str, EnrollmentSpec]] = {}
        self._twins: dict[str, dict[str, Any]] = {}
        self._operations: dict[str, dict[str, Any]] = {}
        self._hub_sessions: dict[str, Session] = {}
        self._counters = _Counters()
        self._servers: list[Any] = []
        self._sessions: set[Session] = set()
        self._tasks: set[asyncio.Task[Any]] = set()

    # --- configuration ------------------------------------------------------------------------

    @property
    def ca_pem(self) -> str:
        return self._certs.ca_pem

    @property
    def ca_file(self) -> str:
        return self._certs.ca_file

    def add_individual(
        self,
        registration_id: str,
        key: str | None = None,
        device_id: str | None = None,
        initial_twin: dict[str, Any] | None = None,
        enabled: bool = True,
        faults: Faults | None = None,
        return_payload: Any = None,
    ) -> EnrollmentSpec:
        if self.find_individual(registration_id) is not None:
            raise ValueError(f"an individual enrollment {registration_id!r} already exists")
        spec = EnrollmentSpec(
            "individual", key or new_key(), registration_id=registration_id, device_id=device_id,
            initial_twin=initial_twin, enabled=enabled, faults=faults, return_payload=return_payload,
        )
        self.enrollments.append(spec)
        return spec

    def add_group(
        self,
        group_id: str,
        key: str | None = None,
        initial_twin: dict[str, Any] | None = None,
        enabled: bool = True,
        faults: Faults | None = None,
        return_payload: Any = None,
    ) -> EnrollmentSpec:
        spec = EnrollmentSpec(
            "group", key or new_key(), group_id=group_id, initial_twin=initial_twin, enabled=enabled,
            faults=faults, return_payload=return_payload,
        )
        self.enrollments.append(spec)
        return spec

    def describe(self) -> dict[str, Any]:
        enrollments: list[dict[str, Any]] = []
        for e in self.enrollments:
            name = "registrationId" if e.kind == "individual" else "groupId"
            enrollments.append({"kind": e.kind, name: e.name, "key": e.key})
        return {
            "dpsHost": self.dps_host, "hubHost": self.hub_host, "idScope": self.id_scope,
            "caFile": self.ca_file, "enrollments": enrollments,
        }

    # --- state used by the DPS and hub services -----------------------------------------------

    def find_individual(self, registration_id: str) -> EnrollmentSpec | None:
        wanted = registration_id.lower()  # registration ids are case-insensitive in DPS
        for e in self.enrollments:
            if e.kind == "individual" and (e.registration_id or "").lower() == wanted:
                return e
        return None

    def effective_faults(self, enrollment: EnrollmentSpec | None) -> Faults:
        if enrollment is None or enrollment.faults is None:
            return self.faults
        return enrollment.faults.merged_over(self.faults)

    def take_throttle(self, reg_id: str, limit: int) -> bool:
        used = self._counters.throttled.get(reg_id, 0)
        if used < limit:
            self._counters.throttled[reg_id] = used + 1
            return True
        return False

    def new_operation(self, reg_id: str) -> str:
        op_id = f"4.{secrets.token_hex(8)}.{uuid.uuid4()}"
        self._operations[op_id] = {"registrationId": reg_id, "result": None}
        return op_id

    def operation_owner(self, op_id: str) -> str | None:
        op = self._operations.get(op_id)
        return None if op is None else str(op["registrationId"])

    def complete(self, op_id: str, reg_id: str, enrollment: EnrollmentSpec, device_key: str) -> dict[str, Any]:
        """The operation's final RegistrationOperationStatus; assigns the device to the hub on success."""
        op = self._operations[op_id]
        if op["result"] is not None:
            return dict(op["result"])
        now = dps.now_utc()
        previous = self.registrations.get(reg_id)
        state: dict[str, Any] = {
            "registrationId": reg_id,
            "createdDateTimeUtc": previous["createdDateTimeUtc"] if previous else now,
        }
        faults = self.effective_faults(enrollment)
        if not enrollment.enabled:
            state["status"] = "disabled"
        elif faults.fail_with is not None:
            state.update(status="failed", errorCode=faults.fail_with.get("errorCode", 400000),
                         errorMessage=faults.fail_with.get("errorMessage", "Registration failed."))
        else:
            device_id = (enrollment.device_id if enrollment.kind == "individual" else None) or reg_id
            reprovisioned = previous is not None and previous.get("status") == "assigned"
            state.update(
                assignedHub=self.hub_host, deviceId=device_id, status="assigned",
                substatus="reprovisionedToInitialAssignment" if reprovisioned else "initialAssignment",
            )
            if enrollment.kind == "group":
                state["symmetricKey"] = {"enrollmentGroupId": enrollment.group_id}
            self._devices[device_id] = (device_key, enrollment)
            desired = {**enrollment.initial_desired(), "$version": 1}
            self._twins[device_id] = {"desired": desired, "reported": {"$version": 1}}
        state["lastUpdatedDateTimeUtc"] = now
        state["etag"] = base64.b64encode(f'"{uuid.uuid4()}"'.encode()).decode("ascii")
        if enrollment.return_payload is not None and state["status"] == "assigned":
            state["payload"] = enrollment.return_payload
        self.registrations[reg_id] = state
        op["result"] = {"operationId": op_id, "status": state["status"], "registrationState": state}
        return dict(op["result"])

    def assigned_device(self, device_id: str) -> tuple[str, EnrollmentSpec] | None:
        return self._devices.get(device_id)

    def twin(self, device_id: str) -> dict[str, Any]:
        return self._twins.setdefault(device_id, {"desired": {"$version": 1}, "reported": {"$version": 1}})

    def claim_hub_connection(self, device_id: str, session: Session) -> None:
        old = self._hub_sessions.get(device_id)
        if old is not None and old is not session:
            self.log.info("hub: new connection for %s replaces the old one", device_id)
            old.abort()
        self._hub_sessions[device_id] = session

    def release_hub_connection(self, device_id: str, session: Session) -> None:
        if self._hub_sessions.get(device_id) is session:
            del self._hub_sessions[device_id]

    def take_drop(self, device_id: str) -> bool:
        """Count a telemetry message; True when the hub_drop_after fault says: reset the connection now."""
        device = self._devices.get(device_id)
        faults = self.effective_faults(device[1] if device else None)
        count = self._counters.telemetry.get(device_id, 0) + 1
        self._counters.telemetry[device_id] = count
        drops = self._counters.drops.get(device_id, 0)
        if faults.hub_drop_after and count >= faults.hub_drop_after and drops < faults.hub_drop_times:
            self._counters.drops[device_id] = drops + 1
            self._counters.telemetry[device_id] = 0
            self.log.info("hub: dropping %s's connection after %d messages (fault)", device_id, count)
            return True
        return False

    def take_stall(self, device_id: str) -> bool:
        """Count a telemetry message; True (once per device) when hub_stall_after says: go silent now."""
        device = self._devices.get(device_id)
        faults = self.effective_faults(device[1] if device else None)
        if not faults.hub_stall_after:
            return False
        seen = self._counters.stall_seen.get(device_id, 0) + 1
        self._counters.stall_seen[device_id] = seen
        if seen == faults.hub_stall_after:
            self.log.info("hub: %s's connection goes silent after %d messages (fault)", device_id, seen)
            return True
        return False

    def record_dps(self, request: DpsRequest) -> None:
        self.log.info("DPS %s %s -> %s", request.kind, request.registration_id, request.status)
        self.dps_requests.append(request)

    def record_telemetry(self, record: TelemetryRecord) -> None:
        self.log.debug("hub: telemetry from %s id=%s dup=%s", record.device_id, record.message_id, record.dup)
        self.telemetry.append(record)

    # --- routing and listeners ----------------------------------------------------------------

    def route(self, session: Session, connect: Connect) -> tuple[int, Service | None]:
        """DPS and hub share the ports: the CONNECT user name tells them apart."""
        username = connect.username or ""
        if dps.parse_username(username) is not None:
            return dps.route(self, session, connect)
        if hub.parse_username(username) is not None:
            return hub.route(self, session, connect)
        return NOT_AUTHORISED, None

    async def _serve(self, session: Session) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._sessions.add(session)
        self._tasks.add(task)
        try:
            await session.run()
        finally:
            self._sessions.discard(session)
            self._tasks.discard(task)

    async def _on_tcp(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await self._serve(Session(StreamTransport(reader, writer), self))

    async def _on_ws(self, ws: Any) -> None:
        await self._serve(Session(WebSocketTransport(ws), self))

    async def _listen(self, host: str, port: int) -> Any:
        ctx = self._certs.server_context()
        if port == MQTT_PORT:
            return await asyncio.start_server(self._on_tcp, host, port, ssl=ctx, ssl_handshake_timeout=10)
        from websockets.asyncio.server import serve

        def only_mqtt_path(connection: Any, request: Any) -> Any:
            if request.path.split("?", 1)[0] != WS_PATH:
                return connection.respond(404, "MQTT over WebSockets lives at /$iothub/websocket\n")
            return None

        return await serve(
            self._on_ws, host, port, ssl=ctx, subprotocols=["mqtt"], process_request=only_mqtt_path,
            ping_interval=None, compression=None, max_size=2 * MAX_PACKET, logger=self.log.getChild("ws"),
        )

    async def start(self) -> None:
        if self._servers:
            raise EmulatorError("the emulator is already running")
        ports = [MQTT_PORT] + ([WS_PORT] if self.websockets else [])
        try:
            for port in ports:
                try:
                    self._servers.append(await self._listen(self.bind, port))
                except OSError as exc:
                    raise bind_error(exc, _fmt(self.bind, port)) from None
        except BaseException:
            await self.stop()
            raise
        if self.bind == "127.0.0.1" and self.dps_host == "localhost":
            # Windows resolves localhost to ::1 first; a refused ::1 costs ~2 s there. Best effort.
            for port in ports:
                try:
                    self._servers.append(await self._listen("::1", port))
                except OSError as exc:
                    self.log.debug("not listening on [::1]:%d: %s", port, exc)
        self.log.info("emulator listening on %s (DPS %s, hub %s)", self.bind, self.dps_host, self.hub_host)

    async def stop(self) -> None:
        servers, self._servers = self._servers, []
        for server in servers:
            server.close()
        for session in list(self._sessions):
            session.abort()
        if self._tasks:
            await asyncio.wait(list(self._tasks), timeout=5)
        for server in servers:
            try:
                await asyncio.wait_for(server.wait_closed(), 5)
            except TimeoutError:
                self.log.warning("a listener did not close in time")

    @property
    def running(self) -> bool:
        return bool(self._servers)

    async def __aenter__(self) -> Emulator:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()
