"""The problem mapping, fed the exception chains the SDK 2.14 raises (reference §2.5) and its DEBUG log lines."""

import logging

from azure.iot.device import exceptions as sdk_exc
from azure.iot.device.common import transport_exceptions

from wizard.core import problems
from wizard.core.redact import register_secret


def chained(outer: BaseException, *causes: BaseException) -> BaseException:
    current = outer
    for cause in causes:
        current.__cause__ = cause
        current = cause
    return outer


def service_error(text):
    from azure.iot.device.exceptions import ServiceError
    return ServiceError(text)


def test_credential_error_at_connack_points_at_the_key():
    exc = chained(sdk_exc.CredentialError("Credentials invalid, could not connect"),
                  transport_exceptions.UnauthorizedError("Connection Refused: not authorised."))
    p = problems.explain_provisioning(exc)
    assert p.code == "auth" and p.field == "key"
    assert "derived" in p.hint  # an individual run is told about group keys


def test_401_on_register_is_an_auth_problem_with_the_dps_error():
    capture = problems.DpsResponseCapture()
    record = logging.LogRecord(problems.DPS_MQTT_LOGGER, logging.DEBUG, __file__, 1,
                               "Received payload:b'{\"errorCode\":401002,\"message\":\"Unauthorized\"}' on topic:"
                               "$dps/registrations/res/401/?$rid=abc", None, None)
    capture.emit(record)
    exc = chained(sdk_exc.ClientError("Unexpected failure"),
                  service_error("register request returned a service error status code 401"))
    p = problems.explain_provisioning(exc, capture)
    assert (p.code, p.dps_error_code, p.dps_error_message, p.status_code) == ("auth", 401002, "Unauthorized", 401)


def test_failed_status_carries_error_code_and_message_from_the_registration_state():
    capture = problems.DpsResponseCapture()
    capture.emit(logging.LogRecord(
        problems.DPS_MQTT_LOGGER, logging.DEBUG, __file__, 1,
        "Received payload:b'{\"operationId\":\"1\",\"status\":\"failed\",\"registrationState\":{\"errorCode\":400209,"
        "\"errorMessage\":\"Custom allocation failed\"}}' on topic:$dps/registrations/res/200/?$rid=x", None, None))
    exc = chained(sdk_exc.ClientError("Unexpected failure"), service_error(
        "Query Status operation returned a failed registration status with a status code of 200"))
    p = problems.explain_provisioning(exc, capture)
    assert p.code == "failed" and p.dps_error_code == 400209 and "Custom allocation failed" in p.meaning


def test_disabled_enrollment():
    exc = chained(sdk_exc.ClientError("Unexpected failure"), service_error(
        "Query Status operation encountered an invalid registration status disabled with a status code of 200"))
    assert problems.explain_provisioning(exc).code == "disabled"


def test_network_and_dns():
    refused = chained(sdk_exc.ConnectionFailedError("Could not connect to IoTHub"),
                      transport_exceptions.ConnectionFailedError(), ConnectionRefusedError(111, "refused"))
    assert problems.explain_provisioning(refused).code == "network"
    import socket
    dns = chained(sdk_exc.ConnectionFailedError("Could not connect to IoTHub"),
                  transport_exceptions.ConnectionFailedError(), socket.gaierror(-2, "Name or service not known"))
    p = problems.explain_provisioning(dns)
    assert p.code == "dns" and p.field == "host"


def test_tls_failure_points_at_the_trusted_ca():
    exc = chained(sdk_exc.ClientError("Unexpected failure"), transport_exceptions.TlsExchangeAuthError())
    p = problems.explain_provisioning(exc)
    assert p.code == "tls" and p.field == "trusted_ca"


def test_timeout_after_throttling_says_throttled():
    capture = problems.DpsResponseCapture()
    for _ in range(3):
        capture.emit(logging.LogRecord(problems.DPS_MQTT_LOGGER, logging.DEBUG, __file__, 1,
                                       "Received payload:b'{}' on topic:"
                                       "$dps/registrations/res/429/?$rid=x&retry-after=1",
                                       None, None))
    p = problems.timed_out("DPS", 5, capture)
    assert p.code == "throttled" and "429" in p.meaning
    assert problems.timed_out("DPS", 5, problems.DpsResponseCapture()).code == "timeout"


def test_details_never_contain_a_registered_secret():
    secret = "c2VjcmV0LWtleS1mb3ItdGVzdHM="
    register_secret(secret)
    exc = sdk_exc.ClientError(f"boom sr=x&sig=abc%2Bdef&se=1 key {secret}")
    p = problems.explain_provisioning(exc)
    assert secret not in p.detail and "abc%2Bdef" not in p.detail


def test_hub_refusal():
    exc = chained(sdk_exc.CredentialError("Credentials invalid, could not connect"),
                  transport_exceptions.UnauthorizedError("Connection Refused: not authorised."))
    assert problems.explain_hub(exc, "connecting").code == "hub_refused"
