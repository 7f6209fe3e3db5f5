"""SAS token checks as DPS and IoT Hub do them.

Deliberately independent of `wizard.core`: a bug shared by the client side and the emulator would
otherwise pass every test unnoticed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from dataclasses import dataclass
from urllib.parse import unquote

PREFIX = "SharedAccessSignature "


class SasError(ValueError):
    """The token is malformed, expired, for another resource, or signed with another key."""


@dataclass(frozen=True)
class SasToken:
    sr_raw: str  # the resource exactly as sent (URL-encoded): this is what gets signed
    resource: str  # decoded
    sig: str  # decoded Base64 signature
    expiry: int
    key_name: str | None


def parse(token: str) -> SasToken:
    if not token.startswith(PREFIX):
        raise SasError("not a SharedAccessSignature token")
    fields: dict[str, str] = {}
    for part in token[len(PREFIX):].split("&"):
        name, sep, value = part.partition("=")
        if not sep or not value or name in fields:
            raise SasError(f"malformed token field {name!r}")
        fields[name] = value
    unknown = set(fields) - {"sr", "sig", "se", "skn"}
    if unknown or not {"sr", "sig", "se"} <= set(fields):
        raise SasError("token must have sr, sig and se (and optionally skn) only")
    try:
        expiry = int(fields["se"])
    except ValueError:
        raise SasError("se is not an integer") from None
    return SasToken(
        sr_raw=fields["sr"],
        resource=unquote(fields["sr"]),
        sig=unquote(fields["sig"]),
        expiry=expiry,
        key_name=unquote(fields["skn"]) if "skn" in fields else None,
    )


def sign(key_b64: str, sr_raw: str, expiry: int) -> str:
    """Base64 HMAC-SHA256 of "{sr}\\n{se}" with the Base64-decoded key."""
    mac = hmac.new(base64.b64decode(key_b64), f"{sr_raw}\n{expiry}".encode(), hashlib.sha256)
    return base64.b64encode(mac.digest()).decode("ascii")


def signature_ok(token: SasToken, key_b64: str) -> bool:
    return hmac.compare_digest(sign(key_b64, token.sr_raw, token.expiry).encode(), token.sig.encode())


def check_fresh(token: SasToken, now: float | None = None) -> None:
    if token.expiry <= (time.time() if now is None else now):
        raise SasError("token expired")


def derive_device_key(group_key_b64: str, registration_id: str) -> str:
    """The group enrollment's device key: Base64(HMAC-SHA256(b64decode(group key), registration id))."""
    mac = hmac.new(base64.b64decode(group_key_b64), registration_id.encode("utf-8"), hashlib.sha256)
    return base64.b64encode(mac.digest()).decode("ascii")
