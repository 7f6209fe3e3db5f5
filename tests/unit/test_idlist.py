"""Registration-ID lists, patterns and CSV files for a batch: what the person typed is what runs."""

import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.core.idlist import (
    MAX_IDS,
    IdListError,
    expand_pattern,
    parse_csv_file,
    parse_csv_text,
    parse_id_text,
)
from wizard.core.profile import check_registration_id

valid_ids = st.from_regex(r"\A[a-z0-9](?:[a-z0-9._:-]{0,20}[a-z0-9])?\Z", fullmatch=True)
separators = st.sampled_from([",", ", ", " ", "\n", "\t", " ,\n", ";"])


@given(st.lists(valid_ids, min_size=1, max_size=30), st.data())
@settings(max_examples=200, deadline=None)
def test_any_separated_list_gives_the_ids_in_order_once_each(ids, data):
    text = ""
    for reg in ids:
        text += reg + data.draw(separators)
    parsed = parse_id_text(text)
    unique = list(dict.fromkeys(ids))
    assert parsed.ok and parsed.ids == unique
    assert len(parsed.duplicates) == len(ids) - len(unique)
    for dup in parsed.duplicates:
        assert "listed again" in dup.message and "item" in dup.where


@given(st.from_regex(r"\A[a-z][a-z0-9-]{0,10}-\Z", fullmatch=True), st.integers(0, 500), st.integers(0, 60),
       st.integers(0, 5), st.from_regex(r"\A(-[a-z0-9]{1,5})?\Z", fullmatch=True))
@settings(max_examples=200, deadline=None)
def test_numeric_range_keeps_zero_padding(prefix, start, length, pad, suffix):
    end = start + length
    width = len(str(end)) + pad
    pattern = f"{prefix}{{{str(start).zfill(width)}..{end}}}{suffix}" if pad else f"{prefix}{{{start}..{end}}}{suffix}"
    parsed = parse_id_text(pattern)
    assert parsed.ok, parsed.errors
    expected = [f"{prefix}{str(n).zfill(width if pad else 0)}{suffix}" for n in range(start, end + 1)]
    assert parsed.ids == expected
    assert all(check_registration_id(i) is None for i in parsed.ids)


def test_the_issue_example_is_one_hundred_padded_ids():
    ids = parse_id_text("sensor-{001..100}").ids
    assert len(ids) == 100 and ids[0] == "sensor-001" and ids[9] == "sensor-010" and ids[-1] == "sensor-100"


def test_several_ranges_multiply_and_descending_ranges_count_down():
    assert expand_pattern("l{1..2}-d{01..03}") == ["l1-d01", "l1-d02", "l1-d03", "l2-d01", "l2-d02", "l2-d03"]
    assert expand_pattern("d{3..1}") == ["d3", "d2", "d1"]


@pytest.mark.parametrize("pattern, text", [
    ("s-{1..}", "is not a numeric range"),
    ("s-{a..z}", "is not a numeric range"),
    ("s-{1..3", "unmatched or nested braces"),
    ("s-1..3}", "unmatched or nested braces"),
    ("s-{{1..3}}", "unmatched or nested braces"),
    ("s-{1..20000}", "a batch holds at most 10,000"),
    ("s{1..200}-{1..200}", "stands for 40,000 IDs"),
])
def test_malformed_or_huge_patterns_are_explained(pattern, text):
    with pytest.raises(IdListError, match=text.replace("(", r"\(")):
        expand_pattern(pattern)
    parsed = parse_id_text(f"ok-1, {pattern}")
    assert not parsed.ok and parsed.errors[0].where == "item 2" and text in parsed.errors[0].message


def test_the_total_is_capped_across_patterns():
    parsed = parse_id_text("a-{1..6000}\nb-{1..6000}")
    assert not parsed.ok and "more than 10,000 IDs" in parsed.errors[0].message
    assert len(parsed.items) == MAX_IDS


def test_bad_ids_name_the_line_and_item():
    parsed = parse_id_text("sensor-1, sensor-2\nsensor-3, Sensor-4, bad/id\n")
    assert parsed.ids == ["sensor-1", "sensor-2", "sensor-3"]
    assert [str(e) for e in parsed.errors] == [
        "line 2, item 2: 'Sensor-4': Registration ID must be lower case (DPS registration IDs are lower case).",
        "line 2, item 3: 'bad/id': Registration ID cannot contain '/'.",
    ]


def test_a_pattern_whose_fixed_part_is_wrong_is_reported_once():
    parsed = parse_id_text("Sensor-{001..500}")
    assert len(parsed.errors) == 1 and "must be lower case" in parsed.errors[0].message
    assert "Sensor-{001..500}" in parsed.errors[0].message


def test_a_range_that_overflows_the_length_limit_names_the_ids():
    parsed = parse_id_text("a" * 126 + "{98..102}")
    assert parsed.ids == ["a" * 126 + "98", "a" * 126 + "99"]
    assert len(parsed.errors) == 3 and all("the limit is 128" in e.message for e in parsed.errors)


def test_many_errors_are_counted_beyond_the_listed_ones():
    parsed = parse_id_text(",".join(f"Bad-{i}" for i in range(200)))
    lines = parsed.error_lines(limit=10)
    assert len(lines) == 11 and lines[-1] == "... and 190 more problem(s)."


def test_empty_input_says_what_to_type():
    parsed = parse_id_text(" \n , ")
    assert not parsed.ok and "No registration IDs" in parsed.errors[0].message


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_no_text_makes_the_parsers_raise_and_every_item_is_valid(text):
    for parsed in (parse_id_text(text), parse_csv_text(text)):
        assert all(check_registration_id(i) is None for i in parsed.ids)
        assert len(parsed.ids) == len(set(parsed.ids))
        assert parsed.ok or parsed.errors or not parsed.items


payloads = st.one_of(st.none(), st.dictionaries(st.text(min_size=1, max_size=5), st.integers(), max_size=3))


@given(st.lists(st.tuples(valid_ids, payloads), min_size=1, max_size=20), st.sampled_from([",", ";", "\t"]))
@settings(max_examples=150, deadline=None)
def test_csv_round_trip_with_payloads(rows, delimiter):
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow(["site", "registration_id", "provisioning_payload"])
    for reg, payload in rows:
        writer.writerow(["lab", reg, json.dumps(payload) if payload is not None else ""])
    parsed = parse_csv_text(buf.getvalue())
    first = {}
    for reg, payload in rows:
        first.setdefault(reg, payload)
    assert parsed.ok, parsed.errors
    assert parsed.ids == list(first)
    for item in parsed.items:
        expected = first[item.registration_id]
        assert (json.loads(item.provisioning_payload) if item.provisioning_payload else None) == expected
        assert item.where.startswith("line ")


def test_csv_errors_name_the_line(tmp_path):
    path = tmp_path / "devices.csv"
    path.write_text("\ufeffRegistration_ID,provisioning_payload\nsensor-1,\nsensor-2,{nope\n,{}\n\nSensor-3,\n"
                    "sensor-1,\n", encoding="utf-8")
    parsed = parse_csv_file(path)
    assert parsed.ids == ["sensor-1"]
    assert [e.where for e in parsed.errors] == ["line 3", "line 4", "line 6"]
    assert "Provisioning payload is not valid JSON" in parsed.errors[0].message
    assert "registration_id cell is empty" in parsed.errors[1].message
    assert parsed.duplicates[0].where == "line 7"


def test_csv_without_the_column_or_unreadable_is_explained(tmp_path):
    parsed = parse_csv_text("id,name\nsensor-1,x\n")
    assert not parsed.ok and "has no 'registration_id' column" in parsed.errors[0].message
    assert "cannot be read" in parse_csv_file(tmp_path / "missing.csv").errors[0].message
    assert "empty" in parse_csv_text("").errors[0].message
