"""The unmodified azure-iot-device SDK against the emulator, over real TLS sockets on loopback."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import logging
import threading
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from azure.iot.device import Message
from azure.iot.device.aio import IoTHubDeviceClient, ProvisioningDeviceClient
from azure.iot.device.exceptions import ClientError, CredentialError

from wizard.emulator import Emulator, Faults

pytestmark = pytest.mark.asyncio
DPS_LOGGER = "azure.iot.device.provisioning.pipeline.pipeline_stages_provisioning"


def derive(group_key: str, registration_id: str) -> str:
    mac = hmac.new(base64.b64decode(group_key), registration_id.encode(), hashlib.sha256)
    return base64.b64encode(mac.digest()).decode()


async def shutdown_pipeline(client: ProvisioningDeviceClient) -> None:
    """The SDK keeps retrying after a failed or abandoned register(); stop it (reference §8)."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[None] = loop.create_future()

    def callback(error: Any = None) -> None:
        loop.call_soon_threadsafe(lambda: done.done() or done.set_result(None))

    client._pipeline.shutdown(callback=callback)
    await asyncio.wait_for(done, 10)
    # The shutdown leaves the 30 s register-response timer running (a non-daemon Timer that keeps the
    # process alive and then prints "cannot schedule new futures after shutdown"): cancel SDK timers.
    for thread in threading.enumerate():
        if isinstance(thread, threading.Timer) and "azure.iot" in getattr(thread.function, "__module__", ""):
            thread.cancel()


async def provision(
    emu: Emulator, reg_id: str, key: str, *, websockets: bool = False, payload: Any = None, timeout: float = 15,
    id_scope: str | None = None,
) -> Any:
    client = ProvisioningDeviceClient.create_from_symmetric_key(
        provisioning_host=emu.dps_host, registration_id=reg_id, id_scope=id_scope or emu.id_scope, symmetric_key=key,
        server_verification_cert=emu.ca_pem, websockets=websockets,
    )
    if payload is not None:
        client.provisioning_payload = payload
    try:
        return await asyncio.wait_for(client.register(), timeout)
    except BaseException:
        await shutdown_pipeline(client)
        raise


@asynccontextmanager
async def hub_client(
    emu: Emulator, device_id: str, key: str, *, hostname: str | None = None, websockets: bool = False, **kw: Any
) -> AsyncIterator[IoTHubDeviceClient]:
    client = IoTHubDeviceClient.create_from_symmetric_key(
        symmetric_key=key, hostname=hostname or emu.hub_host, device_id=device_id,
        server_verification_cert=emu.ca_pem, websockets=websockets, **kw,
    )
    try:
        await asyncio.wait_for(client.connect(), 10)
        yield client
    finally:
        await asyncio.wait_for(client.shutdown(), 10)


# --- DPS ---------------------------------------------------------------------------------------------


async def test_individual_enrollment_is_assigned_then_reprovisioned(make_emulator: Any) -> None:
    emu = await make_emulator()
    spec = emu.add_individual("dev-ind-1", device_id="custom-device", return_payload={"site": "lab"})

    first = await provision(emu, "dev-ind-1", spec.key, payload={"model": "x1"})
    state = first.registration_state
    assert first.status == "assigned"
    assert (state.device_id, state.assigned_hub) == ("custom-device", emu.hub_host)
    assert state.sub_status == "initialAssignment"
    assert state.created_date_time and state.last_update_date_time and state.etag
    assert json.loads(state.response_payload) == {"site": "lab"}
    assert emu.dps_requests[-1].payload == {"model": "x1"}

    again = await provision(emu, "dev-ind-1", spec.key)
    assert again.registration_state.sub_status == "reprovisionedToInitialAssignment"
    assert again.registration_state.created_date_time == state.created_date_time
    assert again.registration_state.etag != state.etag
    assert emu.registrations["dev-ind-1"]["substatus"] == "reprovisionedToInitialAssignment"


async def test_group_enrollment_with_derived_key(make_emulator: Any) -> None:
    emu = await make_emulator()
    group = emu.add_group("line-3")
    result = await provision(emu, "sensor-42", derive(group.key, "sensor-42"))
    assert result.status == "assigned"
    assert result.registration_state.device_id == "sensor-42"
    assert emu.registrations["sensor-42"]["symmetricKey"] == {"enrollmentGroupId": "line-3"}

    with pytest.raises(CredentialError):  # the group key itself is not a device key
        await provision(emu, "sensor-43", group.key)


async def test_assigning_then_poll_honours_the_sdk_timing(make_emulator: Any) -> None:
    emu = await make_emulator(assign_at_once=False, retry_after=1)
    spec = emu.add_individual("dev-poll")
    result = await provision(emu, "dev-poll", spec.key)
    assert result.status == "assigned"
    register, poll = emu.dps_requests
    assert (register.kind, register.status, poll.kind, poll.status) == ("register", 202, "poll", 200)
    assert poll.at - register.at >= 1.9  # the SDK's fixed 2 s before the first poll


async def test_websockets_provision_and_telemetry(make_emulator: Any) -> None:
    emu = await make_emulator(websockets=True, assign_at_once=False, retry_after=0)
    spec = emu.add_individual("dev-ws")
    result = await provision(emu, "dev-ws", spec.key, websockets=True)
    assert result.status == "assigned"
    async with hub_client(emu, "dev-ws", spec.key, websockets=True) as client:
        await asyncio.wait_for(client.send_message(Message("hi", message_id="ws-1")), 10)
    assert [(t.device_id, t.message_id, t.body) for t in emu.telemetry] == [("dev-ws", "ws-1", b"hi")]


async def test_wrong_key_or_scope_is_refused_at_connack(make_emulator: Any) -> None:
    emu = await make_emulator()
    emu.add_individual("dev-wrong")
    with pytest.raises(CredentialError) as info:
        await provision(emu, "dev-wrong", base64.b64encode(b"k" * 32).decode())
    assert "not authorised" in repr(info.value.__cause__)
    spec = emu.add_individual("dev-scope")
    with pytest.raises(CredentialError):
        await provision(emu, "dev-scope", spec.key, id_scope="0ne00000FFF")
    assert emu.dps_requests == []


async def test_wrong_key_in_register_401_mode_gives_error_body(
    make_emulator: Any, caplog: pytest.LogCaptureFixture
) -> None:
    emu = await make_emulator()
    emu.faults.auth_mode = "register_401"
    emu.add_individual("dev-401")
    caplog.set_level(logging.DEBUG, logger=DPS_LOGGER)
    with pytest.raises(ClientError) as info:
        await provision(emu, "dev-401", base64.b64encode(b"k" * 32).decode())
    assert "401" in str(info.value.__cause__)
    assert [(r.kind, r.status) for r in emu.dps_requests] == [("register", 401)]
    assert '"errorCode": 401002' in caplog.text and "trackingId" in caplog.text


async def test_disabled_enrollment(make_emulator: Any) -> None:
    emu = await make_emulator()
    spec = emu.add_individual("dev-off", enabled=False)
    with pytest.raises(ClientError) as info:
        await provision(emu, "dev-off", spec.key)
    assert "disabled" in str(info.value.__cause__)
    assert emu.registrations["dev-off"]["status"] == "disabled"
    assert emu.assigned_device("dev-off") is None


async def test_failed_registration_carries_error_code(
    make_emulator: Any, caplog: pytest.LogCaptureFixture
) -> None:
    emu = await make_emulator()
    fail = {"errorCode": 400209, "errorMessage": "Custom allocation failed"}
    spec = emu.add_individual("dev-fail", faults=Faults(fail_with=fail))
    # for a 200 "failed" only the MQTT stage logs the body ("Received payload:..."), not DPS_LOGGER
    caplog.set_level(logging.DEBUG, logger="azure.iot.device.provisioning")
    with pytest.raises(ClientError) as info:
        await provision(emu, "dev-fail", spec.key)
    assert "failed registration status" in str(info.value.__cause__)
    assert emu.registrations["dev-fail"]["errorCode"] == 400209
    assert "Custom allocation failed" in caplog.text


async def test_unknown_registration_gets_404(make_emulator: Any, caplog: pytest.LogCaptureFixture) -> None:
    emu = await make_emulator()
    spec = emu.add_individual("dev-known")
    caplog.set_level(logging.DEBUG, logger=DPS_LOGGER)
    with pytest.raises(ClientError) as info:
        await provision(emu, "dev-typo", spec.key)
    assert "404" in str(info.value.__cause__)
    assert "404201" in caplog.text


async def test_throttled_requests_are_retried_until_success(make_emulator: Any) -> None:
    emu = await make_emulator()
    spec = emu.add_individual("dev-busy", faults=Faults(throttle=2, throttle_retry_after=0))
    result = await provision(emu, "dev-busy", spec.key)
    assert result.status == "assigned"
    assert [r.status for r in emu.dps_requests] == [429, 429, 200]


async def test_no_answer_then_cancel_stops_all_requests(make_emulator: Any) -> None:
    emu = await make_emulator()
    spec = emu.add_individual("dev-silent", faults=Faults(no_answer=True))
    with pytest.raises(TimeoutError):
        await provision(emu, "dev-silent", spec.key, timeout=1.5)  # provision() shuts the pipeline down
    assert [(r.kind, r.status) for r in emu.dps_requests] == [("register", None)]
    spec.faults = Faults(throttle_forever=True, throttle_retry_after=0)
    with pytest.raises(TimeoutError):
        await provision(emu, "dev-silent", spec.key, timeout=1)
    count = len(emu.dps_requests)
    assert count > 2
    await asyncio.sleep(0.5)
    assert len(emu.dps_requests) == count  # after the shutdown nothing more reached the emulator


# --- hub ---------------------------------------------------------------------------------------------


async def test_hub_refuses_device_when_faulted(make_emulator: Any) -> None:
    emu = await make_emulator()
    spec = emu.add_individual("dev-refused", faults=Faults(hub_refuse=True))
    await provision(emu, "dev-refused", spec.key)
    client = IoTHubDeviceClient.create_from_symmetric_key(
        symmetric_key=spec.key, hostname=emu.hub_host, device_id="dev-refused", server_verification_cert=emu.ca_pem
    )
    try:
        with pytest.raises(CredentialError):
            await asyncio.wait_for(client.connect(), 10)
    finally:
        await asyncio.wait_for(client.shutdown(), 10)


async def test_hub_only_accepts_assigned_devices_with_their_key(make_emulator: Any) -> None:
    emu = await make_emulator()
    spec = emu.add_individual("dev-hub")
    other = emu.add_individual("dev-other")

    async def refused(key: str) -> None:
        client = IoTHubDeviceClient.create_from_symmetric_key(
            symmetric_key=key, hostname=emu.hub_host, device_id="dev-hub", server_verification_cert=emu.ca_pem
        )
        try:
            with pytest.raises(CredentialError):
                await asyncio.wait_for(client.connect(), 10)
        finally:
            await asyncio.wait_for(client.shutdown(), 10)

    await refused(spec.key)  # enrolled, but DPS has not assigned it yet
    await provision(emu, "dev-hub", spec.key)
    await refused(other.key)  # assigned, but signed with another device's key
    async with hub_client(emu, "dev-hub", spec.key) as client:
        assert client.connected


async def test_telemetry_is_recorded_in_order_with_properties(make_emulator: Any) -> None:
    emu = await make_emulator()
    spec = emu.add_individual("dev-tel")
    await provision(emu, "dev-tel", spec.key)
    ids = [str(uuid.uuid4()) for _ in range(3)]
    async with hub_client(emu, "dev-tel", spec.key) as client:
        for i, mid in enumerate(ids):
            msg = Message(json.dumps({"n": i}), message_id=mid, content_type="application/json",
                          content_encoding="utf-8")
            msg.correlation_id = f"c{i}"
            msg.custom_properties.update({"seq": str(i), "note": "a b&c=d/é"})
            await asyncio.wait_for(client.send_message(msg), 10)
    assert [t.message_id for t in emu.telemetry] == ids
    first = emu.telemetry[0]
    assert (first.device_id, first.correlation_id, first.content_type, first.content_encoding) == (
        "dev-tel", "c0", "application/json", "utf-8")
    assert first.properties == {"seq": "0", "note": "a b&c=d/é"}
    assert json.loads(first.body) == {"n": 0} and not first.dup
    assert emu.telemetry[0].at <= emu.telemetry[1].at <= emu.telemetry[2].at


async def test_twin_returns_initial_desired_and_accepts_reported(make_emulator: Any) -> None:
    emu = await make_emulator()
    group = emu.add_group("twin-group", initial_twin={"properties": {"desired": {"interval": 5}}})
    key = derive(group.key, "dev-twin")
    await provision(emu, "dev-twin", key)
    async with hub_client(emu, "dev-twin", key) as client:
        twin = await asyncio.wait_for(client.get_twin(), 10)
        assert twin["desired"] == {"interval": 5, "$version": 1}
        await asyncio.wait_for(client.patch_twin_reported_properties({"fw": "1.0"}), 10)
        twin = await asyncio.wait_for(client.get_twin(), 10)
        assert twin["reported"] == {"fw": "1.0", "$version": 2}


async def test_hub_drop_after_resets_and_sdk_resends(make_emulator: Any) -> None:
    emu = await make_emulator()
    spec = emu.add_individual("dev-drop", faults=Faults(hub_drop_after=2))
    await provision(emu, "dev-drop", spec.key)
    states: list[bool] = []
    async with hub_client(emu, "dev-drop", spec.key) as client:
        client.on_connection_state_change = lambda: states.append(client.connected)
        for i in range(4):  # one at a time: the safe way (reference §12)
            await asyncio.wait_for(client.send_message(Message(f"m{i}", message_id=f"m{i}")), 15)
    ids = [t.message_id for t in emu.telemetry]
    assert sorted(set(ids)) == ["m0", "m1", "m2", "m3"]
    assert ids == ["m0", "m1", "m1", "m2", "m3"]  # m1 arrived twice: reset before its PUBACK
    assert [t.dup for t in emu.telemetry] == [False, False, True, False, False]
    assert states[:2] == [False, True]  # the SDK saw the drop and reconnected (shutdown adds a False)


async def test_new_connection_replaces_the_old_one(make_emulator: Any) -> None:
    emu = await make_emulator()
    spec = emu.add_individual("dev-twice")
    await provision(emu, "dev-twice", spec.key)
    async with hub_client(emu, "dev-twice", spec.key, connection_retry=False) as first:
        async with hub_client(emu, "dev-twice", spec.key) as second:
            deadline = time.monotonic() + 5
            while first.connected and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            assert not first.connected and second.connected
