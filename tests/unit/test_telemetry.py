import json

from azure.iot.device import Message
from azure.iot.device.iothub.pipeline import mqtt_topic_iothub
from hypothesis import given
from hypothesis import strategies as st

from wizard.core import telemetry


def test_default_template_gives_json_with_the_message_number_and_device():
    body = json.loads(telemetry.render(telemetry.DEFAULT_PAYLOAD_TEMPLATE, 3, 10, "dev-1", "m"))
    assert body["windSpeed"] == 3 and body["deviceId"] == "dev-1" and body["sentAt"].endswith("Z")


def test_device_ids_are_escaped_inside_json_strings():
    body = telemetry.render('{"d": "${device_id}"}', 1, 1, 'we"ird\\id', "m")
    assert json.loads(body)["d"] == 'we"ird\\id'


def test_template_problems():
    assert telemetry.template_problem(telemetry.DEFAULT_PAYLOAD_TEMPLATE) is None
    assert "empty" in telemetry.template_problem("  ")
    assert "unknown placeholder ${foo}" in telemetry.template_problem('{"a": ${foo}}')
    assert "not valid JSON" in telemetry.template_problem('{"a": ${n}') or "valid JSON" in \
        telemetry.template_problem('{"a": ${n}')
    assert "$$" in telemetry.template_problem('{"a": "$"}')
    assert telemetry.template_problem('{"price": "$$5"}') is None


def test_planned_messages_carry_ids_properties_and_content_type():
    plan = telemetry.TelemetryPlan(count=2, properties={"site": "lab"})
    first, second = plan.message(1, "dev-1"), plan.message(2, "dev-1")
    assert first.message_id != second.message_id
    assert first.correlation_id == second.correlation_id
    assert first.properties == {"count": "1", "site": "lab"}
    assert first.content_type == "application/json" and first.content_encoding == "utf-8"


def test_properties_reach_the_mqtt_topic_as_iot_hub_expects():
    planned = telemetry.TelemetryPlan(count=1, properties={"site": "lab a&b"}).message(1, "dev-1")
    msg = Message(planned.body, message_id=planned.message_id, content_type=planned.content_type,
                  content_encoding=planned.content_encoding)
    msg.correlation_id = planned.correlation_id
    msg.custom_properties.update(planned.properties)
    topic = mqtt_topic_iothub.encode_message_properties_in_topic(msg, "devices/dev-1/messages/events/")
    assert f"%24.mid={planned.message_id}" in topic
    assert "%24.ct=application%2Fjson" in topic and "%24.ce=utf-8" in topic
    assert topic.endswith("&count=1&site=lab%20a%26b")


@given(st.text(max_size=200))
def test_template_problem_never_raises(text):
    problem = telemetry.template_problem(text)
    assert problem is None or isinstance(problem, str)
