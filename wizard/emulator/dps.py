"""The Device Provisioning Service side: CONNECT checks, register, operation-status polls, faults."""

from __future__ import annotations

import json
import math
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote

from . import sas
from .models import DpsRequest, EnrollmentSpec, Faults
from .mqtt import ACCEPTED, ID_REJECTED, NOT_AUTHORISED, SUB_FAILURE, Connect, Publish, Session

if TYPE_CHECKING:
    from .server import Emulator

RES_FILTER = "$dps/registrations/res/#"
REGISTER = "$dps/registrations/PUT/iotdps-register/?"
POLL = "$dps/registrations/GET/iotdps-get-operationstatus/?"


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


@dataclass
class Attestation:
    """Who the CONNECT turned out to be. `error` set: authentication failed; `enrollment` None: unknown."""

    enrollment: EnrollmentSpec | None = None
    device_key: str = ""
    error: str | None = None


def parse_username(username: str) -> tuple[str, str] | None:
    """`{idScope}/registrations/{regId}/api-version=...&ClientVersion=...` -> (scope, reg id)."""
    parts = username.split("/")
    if len(parts) != 4 or parts[1] != "registrations" or not parts[0] or not parts[2]:
        return None
    if "api-version" not in parse_qs(parts[3]):
        return None
    return parts[0], parts[2]


def attest(emu: Emulator, scope: str, reg_id: str, password: str | None) -> Attestation:
    """Check the SAS token the way DPS does; individual enrollment first, then every group key."""
    if scope.lower() != emu.id_scope.lower():
        return Attestation(error=f"unknown ID scope {scope!r}")
    try:
        token = sas.parse(password or "")
        if token.resource.lower() != f"{scope}/registrations/{reg_id}".lower():
            raise sas.SasError(f"token is for {token.resource!r}, not this registration")
        if token.key_name not in (None, "registration"):
            raise sas.SasError("skn must be 'registration' or absent")
        sas.check_fresh(token)
    except sas.SasError as exc:
        return Attestation(error=str(exc))
    individual = emu.find_individual(reg_id)
    if individual is not None:
        if sas.signature_ok(token, individual.key):
            return Attestation(individual, individual.key)
        return Attestation(individual, error="signature does not match the enrollment key")
    groups = [e for e in emu.enrollments if e.kind == "group"]
    for group in groups:
        derived = sas.derive_device_key(group.key, reg_id)
        if sas.signature_ok(token, derived):
            return Attestation(group, derived)
    if groups:  # it may be a group device with a wrong key: the service cannot tell, so: unauthorised
        return Attestation(error="signature matches no enrollment")
    return Attestation()  # no enrollment can match: 404 on register


def route(emu: Emulator, session: Session, connect: Connect) -> tuple[int, DpsService | None]:
    parsed = parse_username(connect.username or "")
    if parsed is None:
        return NOT_AUTHORISED, None
    scope, reg_id = parsed
    if connect.client_id != reg_id:
        return ID_REJECTED, None
    att = attest(emu, scope, reg_id, connect.password)
    faults = emu.effective_faults(att.enrollment)
    if att.error is not None and faults.auth_mode == "connack":
        emu.log.info("DPS CONNECT refused for %s: %s", reg_id, att.error)
        return NOT_AUTHORISED, None
    return ACCEPTED, DpsService(emu, session, reg_id, att)


def _error_body(code: int, message: str) -> dict[str, Any]:
    return {"errorCode": code, "trackingId": str(uuid.uuid4()), "message": message, "timestampUtc": now_utc()}


class DpsService:
    def __init__(self, emu: Emulator, session: Session, reg_id: str, att: Attestation) -> None:
        self.emu, self.session, self.reg_id, self.att = emu, session, reg_id, att

    def subscribe(self, topic_filter: str, qos: int) -> int:
        return qos if topic_filter == RES_FILTER else SUB_FAILURE

    def accept(self, msg: Publish) -> bool:
        return msg.topic.startswith(REGISTER) or msg.topic.startswith(POLL)

    def closed(self) -> None:
        pass

    async def handle(self, msg: Publish) -> None:
        kind = "register" if msg.topic.startswith(REGISTER) else "poll"
        query = msg.topic.split("?", 1)[1]
        params = dict(p.partition("=")[::2] for p in query.split("&") if p)
        rid = params.get("$rid", "")
        if not rid:
            self.session.abort()  # a request nobody can match an answer to: the service drops it too
            return
        status, body, retry_after, payload = self._answer(kind, msg, params)
        if status is None:
            self.emu.record_dps(DpsRequest(self.reg_id, kind, None, time.monotonic(), payload))
            return
        topic = f"$dps/registrations/res/{status}/?$rid={rid}"
        if retry_after is not None:
            topic += f"&retry-after={retry_after}"
        self.emu.record_dps(DpsRequest(self.reg_id, kind, status, time.monotonic(), payload))
        await self.session.publish(topic, json.dumps(body).encode("utf-8"))

    def _answer(
        self, kind: str, msg: Publish, params: dict[str, str]
    ) -> tuple[int | None, dict[str, Any], int | None, Any]:
        """(status or None for no answer, body, retry-after, the device's payload)."""
        payload: Any = None
        if kind == "register":
            try:
                request = json.loads(msg.payload)
            except ValueError:
                return 400, _error_body(400004, "The request body is not valid JSON."), None, None
            if not isinstance(request, dict) or request.get("registrationId") != self.reg_id:
                return 400, _error_body(400004, "registrationId does not match the client id."), None, None
            payload = request.get("payload")
        if self.att.error is not None:
            return 401, _error_body(401002, "The device is unauthorized."), None, payload
        enrollment = self.att.enrollment
        if enrollment is None:
            return 404, _error_body(404201, "Device registration not found."), None, payload
        faults: Faults = self.emu.effective_faults(enrollment)
        if faults.no_answer:
            return None, {}, None, payload
        if faults.throttle_forever or self.emu.take_throttle(self.reg_id, faults.throttle):
            body = _error_body(429001, "Operations are being throttled for this tenant.")
            return 429, body, max(0, math.ceil(faults.throttle_retry_after)), payload
        retry = max(0, math.ceil(self.emu.retry_after))
        if kind == "register":
            op_id = self.emu.new_operation(self.reg_id)
            if not self.emu.assign_at_once:
                return 202, {"operationId": op_id, "status": "assigning"}, retry, payload
        else:
            op_id = unquote(params.get("operationId", ""))
            if self.emu.operation_owner(op_id) != self.reg_id:
                return 404, _error_body(404104, "Operation not found."), None, None
        return 200, self.emu.complete(op_id, self.reg_id, self.att.enrollment, self.att.device_key), None, payload
