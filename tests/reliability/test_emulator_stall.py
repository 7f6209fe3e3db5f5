"""The emulator's hub_stall_after fault, with the unmodified SDK: a half-open hub connection.

The hub records the Nth message but never acknowledges it and answers nothing more on that connection,
while the socket stays open, so the SDK sees no disconnect and its send never returns. A new connection
for the same device works again (the fault fires once per device).
"""

from __future__ import annotations

import asyncio
import uuid

import pytest
from azure.iot.device import Message
from azure.iot.device.aio import IoTHubDeviceClient, ProvisioningDeviceClient

from tests.integration.conftest import next_loopback_address
from wizard.emulator import Emulator, Faults, load_config


async def _hub_client(emu: Emulator, device_id: str, key: str) -> IoTHubDeviceClient:
    client = IoTHubDeviceClient.create_from_symmetric_key(symmetric_key=key, hostname=emu.hub_host,
                                                          device_id=device_id, server_verification_cert=emu.ca_pem)
    await asyncio.wait_for(client.connect(), 10)
    return client


@pytest.mark.asyncio
async def test_hub_stall_after_leaves_the_send_hanging_and_the_next_connection_works() -> None:
    emu = Emulator(bind=next_loopback_address(), assign_at_once=True, websockets=False)
    async with emu:
        spec = emu.add_individual("stall", faults=Faults(hub_stall_after=2))
        prov = ProvisioningDeviceClient.create_from_symmetric_key(
            provisioning_host=emu.dps_host, registration_id="stall", id_scope=emu.id_scope, symmetric_key=spec.key,
            server_verification_cert=emu.ca_pem)
        await asyncio.wait_for(prov.register(), 15)
        client = await _hub_client(emu, "stall", spec.key)
        try:
            await asyncio.wait_for(client.send_message(Message("1", message_id="m1")), 5)
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(client.send_message(Message("2", message_id="m2")), 2)
            assert client.connected  # nothing told the SDK: that is the point of the fault
            assert [m.message_id for m in emu.telemetry] == ["m1", "m2"]
        finally:
            client_task = asyncio.ensure_future(client.shutdown())
            await asyncio.wait({client_task}, timeout=3)
        again = await _hub_client(emu, "stall", spec.key)
        try:
            mid = str(uuid.uuid4())
            await asyncio.wait_for(again.send_message(Message("3", message_id=mid)), 5)
            assert emu.telemetry[-1].message_id == mid
        finally:
            await asyncio.wait_for(again.shutdown(), 10)


def test_hub_stall_after_in_the_config_file(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "emu.json"
    path.write_text('{"faults": {"hubStallAfter": 3}, "websockets": false}', encoding="utf-8")
    assert load_config(path).faults.hub_stall_after == 3
