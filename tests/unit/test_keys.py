import base64

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wizard.core import keys

# The documented vector (DPS docs, "Group enrollments"; reference §5).
DOC_GROUP_KEY = "8isrFI1sGsIlvvFSSFRiMfCNzv21fjbE/+ah/lSh3lF8e2YG1Te7w1KpZhJFFXJrqYKi9yegxkqIChbqOS9Egw=="
DOC_REG_ID = "sn-007-888-abc-mac-a1-b2-c3-d4-e5-f6"
DOC_DEVICE_KEY = "Jsm0lyGpjaVYVP2g3FnmnmG9dI/9qU24wNoykUmermc="


def test_derived_key_matches_the_documented_vector():
    assert keys.derive_device_key(DOC_GROUP_KEY, DOC_REG_ID) == DOC_DEVICE_KEY


def test_derivation_tolerates_pasted_whitespace():
    pasted = "  " + DOC_GROUP_KEY[:30] + "\n" + DOC_GROUP_KEY[30:] + "\t"
    assert keys.derive_device_key(pasted, DOC_REG_ID) == DOC_DEVICE_KEY


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "is empty"),
        ("not base64!!", "not valid Base64"),
        (base64.b64encode(b"x" * 8).decode(), "decodes to 8 bytes"),
        (base64.b64encode(b"x" * 65).decode(), "decodes to 65 bytes"),
        ("QUJD", "decodes to 3 bytes"),
        (DOC_GROUP_KEY[:-1], "not valid Base64"),  # padding cut off: the SDK would silently accept it
    ],
)
def test_bad_keys_are_explained(text, expected):
    assert expected in keys.key_problem(text)


@given(st.binary(min_size=16, max_size=64))
def test_every_16_to_64_byte_key_is_accepted(raw):
    assert keys.key_problem(base64.b64encode(raw).decode()) is None


@given(st.text(max_size=100))
def test_key_problem_never_echoes_the_key(text):
    problem = keys.key_problem(text)
    if problem and len(text.strip()) >= 4:
        assert text.strip() not in problem
