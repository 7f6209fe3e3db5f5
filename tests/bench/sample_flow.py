"""The baseline for run_overhead_ratio: the SDK quickstart's provision_symmetric_key.py flow, written the way
the sample writes it (our own code, modelled on the sample's structure).

Same four environment variables as the sample. The only addition: the emulator's CA, which the SDK trusts only
through server_verification_cert (the sample would use the OS roots against Azure), read from BENCH_TRUSTED_CA.
"""

import asyncio
import os
import uuid

from azure.iot.device import Message
from azure.iot.device.aio import IoTHubDeviceClient, ProvisioningDeviceClient

messages_to_send = 10
provisioning_host = os.getenv("PROVISIONING_HOST")
id_scope = os.getenv("PROVISIONING_IDSCOPE")
registration_id = os.getenv("PROVISIONING_REGISTRATION_ID")
symmetric_key = os.getenv("PROVISIONING_SYMMETRIC_KEY")
trusted_ca_file = os.getenv("BENCH_TRUSTED_CA")


def _tls_kwargs():
    if not trusted_ca_file:
        return {}
    with open(trusted_ca_file, encoding="utf-8") as f:
        return {"server_verification_cert": f.read()}


async def main():
    provisioning_device_client = ProvisioningDeviceClient.create_from_symmetric_key(
        provisioning_host=provisioning_host,
        registration_id=registration_id,
        id_scope=id_scope,
        symmetric_key=symmetric_key,
        **_tls_kwargs(),
    )
    registration_result = await provisioning_device_client.register()

    print("The complete registration result is")
    print(registration_result.registration_state)

    if registration_result.status == "assigned":
        print("Will send telemetry from the provisioned device")
        device_client = IoTHubDeviceClient.create_from_symmetric_key(
            symmetric_key=symmetric_key,
            hostname=registration_result.registration_state.assigned_hub,
            device_id=registration_result.registration_state.device_id,
            **_tls_kwargs(),
        )
        await device_client.connect()

        async def send_test_message(i):
            print("sending message #" + str(i))
            msg = Message("test wind speed " + str(i))
            msg.message_id = uuid.uuid4()
            msg.correlation_id = "correlation-1234"
            msg.custom_properties["count"] = i
            msg.content_encoding = "utf-8"
            msg.content_type = "application/json"
            await device_client.send_message(msg)
            print("done sending message #" + str(i))

        # The sample sends its messages concurrently, all of them in flight at once.
        await asyncio.gather(*[send_test_message(i) for i in range(1, messages_to_send + 1)])
        await device_client.shutdown()
    else:
        print("Can not send telemetry from the provisioned device")
        raise SystemExit(2)


if __name__ == "__main__":
    asyncio.run(main())
