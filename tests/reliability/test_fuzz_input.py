"""Every validator and the payload template, fuzzed (HYPOTHESIS_PROFILE: ci = 300 examples per field,
long = 10,000; see conftest.py).

For each field: no exception escapes, every refusal names the field (its `field` and the label its sentence
starts with), no key is echoed, and what is accepted is safe to use: the MQTT username, client id and topics
the SDK builds from an accepted registration ID / device ID / ID scope keep their structure (no `/ # + ?` or
whitespace beyond it, and the emulator's independent parser reads the same values back), accepted keys decode
to 16..64 bytes, accepted payloads are JSON the SDK can send, and accepted templates render valid JSON within
IoT Hub's size limit for every message number.
"""

from __future__ import annotations

import base64
import json
import urllib.parse
import uuid

import pytest
from azure.iot.device import Message, constant
from azure.iot.device import user_agent as sdk_user_agent
from azure.iot.device.iothub.pipeline import mqtt_topic_iothub
from azure.iot.device.provisioning.pipeline import mqtt_topic_provisioning
from hypothesis import example, given
from hypothesis import strategies as st

from tests.reliability.conftest import FUZZ, SEEN
from wizard.core import keys, telemetry
from wizard.core.profile import (
    FIELD_LABELS,
    check_host,
    check_id_scope,
    check_key,
    check_profile_name,
    check_properties,
    check_provisioning_payload,
    check_registration_id,
)
from wizard.emulator import dps as emu_dps
from wizard.emulator import hub as emu_hub

pytestmark = pytest.mark.fuzz

NEAR_REG_ID = st.from_regex(r"[a-zA-Z0-9._:\-/#+? \t]{0,130}", fullmatch=True)
VALID_REG_ID = st.from_regex(r"[a-z0-9](?:[a-z0-9._:-]{0,126}[a-z0-9])?", fullmatch=True)
REG_IDS = st.one_of(st.text(max_size=140), NEAR_REG_ID, VALID_REG_ID,
                    VALID_REG_ID.map(lambda s: f"  {s}\n"))
SCOPES = st.one_of(st.text(max_size=30), st.from_regex(r"0ne[0-9a-fA-F]{8}", fullmatch=True),
                   st.from_regex(r"[0-9a-zA-Z/#+?&% ]{0,14}", fullmatch=True))
HOSTS = st.one_of(st.text(max_size=60), st.from_regex(r"[a-zA-Z0-9.\-:/ ]{0,70}", fullmatch=True),
                  st.from_regex(r"([a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?\.){1,4}[a-z]{2,6}", fullmatch=True))
KEYS = st.one_of(
    st.text(max_size=100),
    st.binary(max_size=80).map(lambda b: base64.b64encode(b).decode()),
    st.tuples(st.binary(min_size=16, max_size=64), st.sampled_from(["", " ", "\n", "\r\n  ", "\t"]),
              st.integers(0, 90)).map(lambda t: (k := base64.b64encode(t[0]).decode())[:t[2]] + t[1] + k[t[2]:]),
    st.binary(min_size=16, max_size=64).map(lambda b: base64.b64encode(b).decode().rstrip("=")),
    st.binary(min_size=16, max_size=64).map(lambda b: base64.urlsafe_b64encode(b).decode()),
)
JSON_BITS = ["{", "}", "[", "]", '"', ":", ",", " ", "\\", "u", "0", "1", "e", "-", ".", "a", "true", "null",
             "NaN", "Infinity", "$", "$$", "${n}", "${count}", "${device_id}", "${timestamp}", "${message_id}",
             "${nope}", "{n}", "\n"]
TEMPLATES = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(JSON_BITS), max_size=40).map("".join))
PAYLOADS = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(JSON_BITS), max_size=30).map("".join))
PROPERTY_NAMES = st.one_of(st.text(max_size=70), st.from_regex(r"[A-Za-z0-9_.\-$ ]{0,66}", fullmatch=True))
PROPERTIES = st.dictionaries(PROPERTY_NAMES, st.text(max_size=60), max_size=5)

FORBIDDEN = set("#+?")


def refusal_names_the_field(issue, field: str, label: str | None = None) -> None:  # noqa: ANN001
    assert issue.field == field
    assert issue.message.startswith(label or FIELD_LABELS[field]), issue.message
    assert issue.message.strip()


def no_whitespace(text: str) -> bool:
    return not any(c.isspace() for c in text)


def dps_username(id_scope: str, registration_id: str) -> str:
    """What the SDK's ProvisioningMQTTTranslationStage builds (2.14.0), with its own constants."""
    query = urllib.parse.urlencode([("api-version", constant.PROVISIONING_API_VERSION),
                                    ("ClientVersion", sdk_user_agent.get_provisioning_user_agent())],
                                   quote_via=urllib.parse.quote)
    return f"{id_scope}/registrations/{registration_id}/{query}"


def hub_username(hostname: str, device_id: str) -> str:
    """What the SDK's IoTHubMQTTTranslationStage builds (2.14.0): host and device id are not encoded."""
    query = urllib.parse.urlencode([("api-version", constant.IOTHUB_API_VERSION),
                                    ("DeviceClientType", sdk_user_agent.get_iothub_user_agent())],
                                   quote_via=urllib.parse.quote)
    return f"{hostname}/{device_id}/?{query}"


def assert_mqtt_names_are_well_formed(reg: str, scope: str = "0ne0000E001", hub: str = "hub.example.net") -> None:
    username = dps_username(scope, reg)
    parts = username.split("/")
    assert parts[:3] == [scope, "registrations", reg] and len(parts) == 4, username
    assert parts[3].startswith("api-version=") and not (set(username) & FORBIDDEN) and no_whitespace(username)
    assert emu_dps.parse_username(username) == (scope, reg)
    register = mqtt_topic_provisioning.get_register_topic_for_publish(str(uuid.uuid4()))
    assert register.startswith("$dps/registrations/PUT/iotdps-register/?$rid=")
    # Group enrollments: the registration ID is the device ID, in the hub username, client id and topics.
    husername = hub_username(hub, reg)
    assert husername.split("/", 2)[:2] == [hub, reg] and husername.count("?") == 1 and no_whitespace(husername)
    assert husername.index("?") == len(hub) + len(reg) + 2 and not (set(husername) & {"#", "+"})
    assert emu_hub.parse_username(husername) == (hub, reg)
    topic = mqtt_topic_iothub.get_telemetry_topic_for_publish(reg, None)
    assert topic.split("/") == ["devices", reg, "messages", "events", ""]
    assert not (set(topic) & FORBIDDEN) and no_whitespace(topic)


@FUZZ
@given(REG_IDS)
@example("dev/1")
@example("dev#1")
@example("Dev-1")
@example("dev-1\u00a0")
@example("a" * 129)
def test_registration_id(value: str) -> None:
    SEEN["registration_id"] += 1
    issue = check_registration_id(value)
    if issue is not None:
        refusal_names_the_field(issue, "registration_id")
        return
    reg = value.strip()
    assert 1 <= len(reg) <= 128 and reg == reg.lower()
    assert not (set(reg) & FORBIDDEN) and "/" not in reg and no_whitespace(reg)
    assert_mqtt_names_are_well_formed(reg)
    # The SAS resource the SDK signs, URL-encoded, holds the id exactly once and parses back.
    resource = urllib.parse.quote(f"0ne0000E001/registrations/{reg}", safe="")
    assert urllib.parse.unquote(resource).split("/") == ["0ne0000E001", "registrations", reg]


@FUZZ
@given(SCOPES, VALID_REG_ID)
@example("0ne 0001", "dev-1")
@example("0ne/0001", "dev-1")
def test_id_scope(value: str, reg: str) -> None:
    SEEN["id_scope"] += 1
    issue = check_id_scope(value)
    if issue is not None and issue.is_error:
        refusal_names_the_field(issue, "id_scope")
        return
    if issue is not None:  # a warning: still names the field, and the value is still safe to use
        refusal_names_the_field(issue, "id_scope")
    scope = value.strip()
    assert scope and no_whitespace(scope) and not (set(scope) & (FORBIDDEN | {"/", "&", "%"}))
    assert_mqtt_names_are_well_formed(reg, scope=scope)


@FUZZ
@given(HOSTS)
@example("https://global.azure-devices-provisioning.net")
@example("host:8883")
@example("-bad-.example")
def test_host(value: str) -> None:
    SEEN["host"] += 1
    issue = check_host(value)
    if issue is not None:
        refusal_names_the_field(issue, "host")
        return
    host = value.strip()
    assert host and no_whitespace(host) and not (set(host) & (FORBIDDEN | {"/", ":", "@"}))
    assert len(host) <= 253 and all(0 < len(label) <= 63 for label in host.rstrip(".").split("."))
    assert_mqtt_names_are_well_formed("dev-1", hub=host.rstrip("."))


@FUZZ
@given(KEYS, st.booleans())
@example("not-base64!", False)
@example("QUJD", False)
def test_key(value: str, group: bool) -> None:
    SEEN["key"] += 1
    issue = check_key(value, group)
    if issue is not None:
        refusal_names_the_field(issue, "key", "Group key" if group else "Symmetric key")
        compact = keys.normalise_key(value)
        if len(compact) >= 8:
            assert compact not in issue.message  # a refusal never echoes the key
        return
    raw = base64.b64decode(keys.normalise_key(value), validate=True)
    assert 16 <= len(raw) <= 64
    derived = keys.derive_device_key(value, "dev-1")
    assert len(base64.b64decode(derived, validate=True)) == 32


@FUZZ
@given(PAYLOADS)
@example('{"modelId": "dtmi:x;1"}')
@example("[1, 2")
def test_provisioning_payload(value: str) -> None:
    SEEN["provisioning_payload"] += 1
    issue = check_provisioning_payload(value)
    if issue is not None:
        refusal_names_the_field(issue, "provisioning_payload")
        return
    if value.strip():
        # The register body the SDK sends: {"payload": <value>, "registrationId": ...}, as JSON.
        json.dumps({"payload": json.loads(value), "registrationId": "dev-1"}, sort_keys=True)


@pytest.mark.parametrize("value", ["NaN", '{"t": Infinity}', "[-Infinity]"])
def test_provisioning_payload_is_strict_json(value: str) -> None:
    assert check_provisioning_payload(value) is not None


@FUZZ
@given(st.text(max_size=100))
@example("")
@example("a\x00b")
def test_profile_name(value: str) -> None:
    SEEN["name"] += 1
    issue = check_profile_name(value)
    if issue is not None:
        refusal_names_the_field(issue, "name")
        return
    name = value.strip()
    assert 0 < len(name) <= 80 and all(ord(c) >= 32 for c in name)


@FUZZ
@given(PROPERTIES, st.integers(1, 100_000))
@example({"$.mid": "x"}, 1)
@example({"a b": "x"}, 1)
@example({"site": "lab a&b=c#d+e?f/g %h"}, 1)
def test_properties(props: dict[str, str], n: int) -> None:
    SEEN["properties"] += 1
    issue = check_properties(props)
    if issue is not None:
        refusal_names_the_field(issue, "properties")
        return
    planned = telemetry.TelemetryPlan(count=n, properties=props).message(n, "dev-1")
    msg = Message(planned.body.encode(), message_id=planned.message_id, content_type=planned.content_type,
                  content_encoding=planned.content_encoding)
    msg.correlation_id = planned.correlation_id
    msg.custom_properties.update(planned.properties)
    base = mqtt_topic_iothub.get_telemetry_topic_for_publish("dev-1", None)
    topic = mqtt_topic_iothub.encode_message_properties_in_topic(msg, base)
    assert topic.startswith(base) and not (set(topic) & {"#", "+"}) and no_whitespace(topic)
    assert "/" not in topic[len(base):]
    bag = emu_hub.parse_property_bag(topic[len(base):])
    assert bag.pop("$.mid") == planned.message_id and bag.pop("$.cid") == planned.correlation_id
    assert bag.pop("$.ct") == "application/json" and bag.pop("$.ce") == "utf-8"
    assert bag == planned.properties


@FUZZ
@given(TEMPLATES, st.integers(1, 100_000), st.integers(1, 100_000), VALID_REG_ID)
@example(telemetry.DEFAULT_PAYLOAD_TEMPLATE, 7, 10, "dev-1")
@example('{"a": "$"}', 1, 1, "dev-1")
def test_payload_template(template: str, n: int, count: int, device_id: str) -> None:
    SEEN["payload_template"] += 1
    problem = telemetry.template_problem(template)
    if problem is not None:
        # validate() prefixes the label; the sentence end must read on from it.
        assert problem and problem[0].islower() and problem.endswith(".")
        return
    n = min(n, count)
    body = telemetry.render(template, n, count, device_id, str(uuid.uuid4()))
    json.loads(body)
    assert len(body.encode("utf-8")) <= telemetry.MAX_PAYLOAD_BYTES


def test_payload_template_size_holds_for_every_message_number() -> None:
    template = "[" + ",".join(["${n}"] * 60_000) + "]"
    if telemetry.template_problem(template) is None:
        body = telemetry.render(template, 100_000, 100_000, "dev-1", str(uuid.uuid4()))
        assert len(body.encode("utf-8")) <= telemetry.MAX_PAYLOAD_BYTES
