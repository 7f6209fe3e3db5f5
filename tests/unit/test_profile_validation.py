import base64
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.core import profile as pf
from wizard.core.profile import Enrollment, Profile, Severity, validate

GOOD_KEY = base64.b64encode(bytes(range(32))).decode()


def good_profile(**changes):
    base = Profile(name="lab", host="global.azure-devices-provisioning.net", id_scope="0ne0001A2B3",
                   registration_id="sensor-001")
    return Profile(**{**base.__dict__, **changes})


def test_a_good_profile_has_no_issues():
    assert validate(good_profile(), GOOD_KEY, need_name=True) == []


@pytest.mark.parametrize("reg_id, expected", [
    ("", "Registration ID is empty"),
    ("   ", "Registration ID is empty"),
    ("dev/1", "cannot contain '/'"),
    ("dev#1", "cannot contain '#'"),
    ("dev+1", "cannot contain '+'"),
    ("dev?1", "cannot contain '?'"),
    ("dev 1", "a space"),
    ("Dev-1", "must be lower case"),
    ("-dev", "must start and end with a letter or digit"),
    ("dev-", "must start and end with a letter or digit"),
    ("a" * 129, "the limit is 128"),
])
def test_bad_registration_ids_are_refused_with_the_field_named(reg_id, expected):
    issue = pf.check_registration_id(reg_id)
    assert issue is not None and issue.field == "registration_id" and issue.is_error
    assert expected in issue.message
    assert issue.message.startswith("Registration ID")


def test_registration_id_is_trimmed():
    assert pf.check_registration_id("  sensor-001 \n") is None
    assert good_profile(registration_id=" sensor-001 ").normalised().registration_id == "sensor-001"


@pytest.mark.parametrize("scope", ["0ne0001A2B3", "0NE00ABCDEF", " 0ne00000000 "])
def test_azure_like_id_scopes_pass(scope):
    assert pf.check_id_scope(scope) is None


def test_unusual_id_scope_is_a_warning_not_a_refusal():
    issue = pf.check_id_scope("myscope")
    assert issue.severity is Severity.WARNING and "ID scope" in issue.message
    assert pf.errors(validate(good_profile(id_scope="myscope"), GOOD_KEY)) == []


@pytest.mark.parametrize("scope", ["", "0ne/0001", "0ne 0001"])
def test_impossible_id_scopes_are_errors(scope):
    assert pf.check_id_scope(scope).is_error


@pytest.mark.parametrize("host, ok", [
    ("global.azure-devices-provisioning.net", True),
    ("localhost", True),
    ("127.0.0.1", True),
    ("", False),
    ("https://global.azure-devices-provisioning.net", False),
    ("global.azure-devices-provisioning.net:8883", False),
    ("bad host", False),
    ("-bad.example", False),
    ("a" * 64 + ".example", False),
])
def test_host_names(host, ok):
    issue = pf.check_host(host)
    assert (issue is None) is ok
    if issue:
        assert issue.message.startswith("Provisioning endpoint")


def test_key_messages_name_the_field_and_never_echo_it():
    bad = "abc!def"
    issue = validate(good_profile(), bad)[0]
    assert issue.field == "key" and issue.message.startswith("Symmetric key") and bad not in issue.message
    group_issue = validate(good_profile(enrollment=Enrollment.GROUP), "")[0]
    assert group_issue.message.startswith("Group key")


def test_provisioning_payload_must_be_json():
    issue = pf.check_provisioning_payload('{"a": 1,}')
    assert issue.field == "provisioning_payload" and "not valid JSON" in issue.message
    assert pf.check_provisioning_payload('{"modelId": "dtmi:x;1"}') is None
    assert pf.check_provisioning_payload("") is None


def test_payload_template_problems_are_reported_on_the_profile():
    issues = validate(good_profile(payload_template='{"n": ${n}, "x": ${bogus}}'), GOOD_KEY)
    assert [i.field for i in issues] == ["payload_template"]
    assert "${bogus}" in issues[0].message


def test_profile_json_round_trip():
    p = good_profile(enrollment=Enrollment.GROUP, properties={"site": "lab"},
                     proxy=pf.Proxy("proxy.example", 3128, "me"), websockets=True)
    data = json.loads(json.dumps(p.to_json()))
    assert Profile.from_json(data) == p


def test_profile_from_json_ignores_unknown_fields():
    data = good_profile().to_json() | {"fromTheFuture": 1}
    assert Profile.from_json(data) == good_profile()


@settings(max_examples=300)
@given(st.text(max_size=140))
def test_registration_id_validator_never_lets_topic_characters_through(text):
    if pf.check_registration_id(text) is None:
        reg = text.strip()
        assert not any(c in reg for c in "/#+? ") and reg == reg.lower() and 1 <= len(reg) <= 128


@settings(max_examples=300)
@given(st.text(max_size=80), st.text(max_size=80), st.text(max_size=80), st.text(max_size=80))
def test_validate_never_raises(host, scope, reg, key):
    for issue in validate(good_profile(host=host, id_scope=scope, registration_id=reg), key):
        assert issue.message.split()[0][0].isupper()
