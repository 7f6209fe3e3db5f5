import shlex

from wizard.core.commandline import arguments, command_line
from wizard.core.profile import Enrollment, Profile, Proxy

KEY = "c2VjcmV0LWtleS1zZWNyZXQta2V5LXNlY3JldC1rZXk="


def test_minimal_profile_has_only_what_differs_from_defaults():
    p = Profile(name="x", id_scope=" 0ne00012345 ", registration_id="dev-1")
    assert command_line(p, "posix") == "dps-wizard run --id-scope 0ne00012345 --registration-id dev-1"


def test_every_option_round_trips_through_a_shell():
    p = Profile(
        name="n", host="localhost", id_scope="0ne00012345", registration_id="dev-1",
        enrollment=Enrollment.GROUP, websockets=True, proxy=Proxy("proxy.corp", 3128, "me"),
        trusted_ca="/tmp/my ca.pem", timeout_s=30, count=5, interval_s=0.5,
        payload_template='{"t": "${n}", "x": "it\'s"}', properties={"a": "b c"},
        provisioning_payload='{"k": 1}', read_twin=True,
    )
    line = command_line(p, "posix")
    assert shlex.split(line)[1:] == arguments(p)
    for flag in ("--group", "--websockets", "--proxy", "--proxy-user", "--trusted-ca", "--timeout", "--count",
                 "--interval", "--payload-template", "--property", "--provisioning-payload", "--read-twin", "--host"):
        assert flag in arguments(p)
    assert "proxy.corp:3128" in arguments(p)


def test_windows_style_quotes_spaces():
    p = Profile(name="n", id_scope="0ne00012345", registration_id="dev-1", trusted_ca=r"C:\My Certs\ca.pem")
    assert '"C:\\My Certs\\ca.pem"' in command_line(p, "windows")


def test_never_contains_a_secret():
    p = Profile(name="n", id_scope="0ne00012345", registration_id="dev-1")
    assert KEY not in command_line(p, "posix")
    assert "key" not in " ".join(arguments(p)).lower().replace("--", "")


def test_demo_profile_uses_the_demo_switches():
    p = Profile(name="d", host="localhost", id_scope="0ne00000000", registration_id="demo-sensor-001",
                enrollment=Enrollment.GROUP, trusted_ca="/cfg/emulator/ca.pem", demo=True, read_twin=True)
    assert arguments(p) == ["run", "--demo", "--demo-group", "--read-twin"]
