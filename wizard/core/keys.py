"""Symmetric keys: strict checks and the device key derived from a group enrollment key."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

from wizard.core.i18n import QT_TRANSLATE_NOOP, Text, english_fragment

MIN_KEY_BYTES = 16
MAX_KEY_BYTES = 64


def normalise_key(text: str) -> str:
    """Drop whitespace a paste may carry (line breaks, spaces, tabs) without touching the key itself."""
    return "".join(text.split())


def key_problem(text: str) -> str | None:
    """Why this text is not a usable symmetric key (English, no subject: "is empty"), or None. Never echoes it."""
    problem = key_problem_text(text)
    return english_fragment(problem).rstrip(".") if problem else None


def key_problem_text(text: str) -> Text | None:
    """The same as a translatable sentence about %1 (the key's label), or None when the key is usable."""
    key = normalise_key(text)
    if not key:
        return Text(QT_TRANSLATE_NOOP("core", "%1 is empty."))
    try:
        raw = base64.b64decode(key, validate=True)
    except (binascii.Error, ValueError):
        return Text(QT_TRANSLATE_NOOP("core", "%1 is not valid Base64 (only A-Z, a-z, 0-9, + and / with = padding)."))
    if not MIN_KEY_BYTES <= len(raw) <= MAX_KEY_BYTES:
        return Text(QT_TRANSLATE_NOOP("core", "%1 decodes to %2 bytes; a DPS key is %3 to %4 bytes."),
                    (len(raw), MIN_KEY_BYTES, MAX_KEY_BYTES))
    return None


def derive_device_key(group_key: str, registration_id: str) -> str:
    """The device key for a group enrollment: Base64(HMAC-SHA256(Base64-decoded group key, registration ID))."""
    secret = base64.b64decode(normalise_key(group_key), validate=True)
    digest = hmac.new(secret, registration_id.encode("utf-8"), hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def generate_key(n_bytes: int = 64) -> str:
    """A fresh random key of the kind DPS generates (64 bytes by default)."""
    import secrets

    return base64.b64encode(secrets.token_bytes(n_bytes)).decode("ascii")
