"""The log redactor against hypothesis-generated keys and SAS tokens, in the shapes they reach text in.

A registered key (device, derived or group key) and every SAS token's signature must vanish from any text
that passes through redact(): plain, inside JSON, in an exception's repr, URL-encoded, in a connection string.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import time
import urllib.parse
from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st

from tests.reliability.conftest import FUZZ, SEEN
from wizard.core import keys, redact

KEYS = st.binary(min_size=16, max_size=64).map(lambda b: base64.b64encode(b).decode())
REG_IDS = st.from_regex(r"[a-z0-9](?:[a-z0-9._:-]{0,40}[a-z0-9])?", fullmatch=True)
FILLER = st.text(max_size=60)


@contextlib.contextmanager
def registry() -> Iterator[None]:
    """Each example registers its own secrets; the process-wide registry is put back afterwards (otherwise
    10,000 examples would leave 10,000 keys to check on every later redact() call)."""
    with redact._lock:
        saved = set(redact._known)
    try:
        yield
    finally:
        with redact._lock:
            redact._known.clear()
            redact._known.update(saved)


def sas_token(key: str, resource: str, ttl: int = 300) -> tuple[str, str]:
    """A token exactly as the SDK builds it (reference §2.2); returns (token, the URL-encoded sig)."""
    sr = urllib.parse.quote(resource, safe="")
    se = str(int(time.time() + ttl))
    digest = hmac.new(base64.b64decode(key), f"{sr}\n{se}".encode(), hashlib.sha256).digest()
    sig = urllib.parse.quote(base64.b64encode(digest).decode(), safe="")
    return f"SharedAccessSignature sr={sr}&sig={sig}&se={se}", sig


def shapes(secret: str, before: str, after: str) -> list[str]:
    """The ways a secret ends up in text: as is, in JSON, in a repr, in a URL, in a connection string."""
    return [
        f"{before}{secret}{after}",
        json.dumps({"note": before, "value": secret, "tail": after}),
        repr(ValueError(f"{before} {secret} {after}")),
        f"{before} password={secret};{after}",
        f"HostName=h.azure-devices.net;DeviceId=d;SharedAccessKey={secret}{after}",
        f"{before}\n{secret}\n{after}",
    ]


@FUZZ
@given(KEYS, REG_IDS, FILLER, FILLER)
def test_registered_keys_never_survive(key: str, reg: str, before: str, after: str) -> None:
    SEEN["redactor keys"] += 1
    derived = keys.derive_device_key(key, reg)
    with registry():
        redact.register_secret(key)
        redact.register_secret(derived)
        for secret in (key, derived):
            for text in shapes(secret, before, after):
                out = redact.redact(text)
                assert secret not in out, text
                assert redact.redact(out) == out  # idempotent: a second pass changes nothing


@FUZZ
@given(KEYS, REG_IDS, st.sampled_from(["0ne0000E001", "0ne00ABCDEF"]), FILLER, FILLER, st.booleans())
def test_sas_signatures_never_survive(key: str, reg: str, scope: str, before: str, after: str, hub: bool) -> None:
    """Without registering anything: the `sig=` value of any SAS token is masked wherever it sits."""
    SEEN["redactor sas tokens"] += 1
    resource = f"hub.azure-devices.net/devices/{reg}" if hub else f"{scope}/registrations/{reg}"
    token, sig = sas_token(key, resource)
    raw_sig = urllib.parse.unquote(sig)
    with registry():
        for text in shapes(token, before, after) + [f"{before}{token.upper()}{after}"]:
            out = redact.redact(text)
            for form in {sig, raw_sig, sig.upper()}:
                if len(form) >= 16:  # long enough that it cannot come from the filler by chance
                    assert form not in out, text
            assert "sig=***" in out.lower() or "sig%3d" in out.lower(), out


@FUZZ
@given(st.text(alphabet=st.characters(blacklist_characters="=:%\"'", blacklist_categories=("Cs",)), max_size=200))
def test_text_without_secrets_is_left_alone(text: str) -> None:
    SEEN["redactor plain text"] += 1
    with registry():
        redact.register_secret(keys.generate_key(32))
        assert redact.redact(text) == text
