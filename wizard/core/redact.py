"""Redaction of secrets from any text that may reach a log, a report or an error message."""

from __future__ import annotations

import re
import threading

_SIG = re.compile(r"(sig=)[^&\s\"']+", re.IGNORECASE)
_SHARED_KEY = re.compile(r"(SharedAccessKey=)[^;\s\"']+", re.IGNORECASE)
_PASSWORD = re.compile(r"((?:password|symmetric_key|symmetrickey|primaryKey|secondaryKey)\"?\s*[:=]\s*\"?)[^\s\"',;&]+",
                       re.IGNORECASE)
MASK = "***"

_known: set[str] = set()
_lock = threading.Lock()


def register_secret(secret: str | None) -> None:
    """Remember a secret (a key, a derived key, a proxy password) so that it is masked wherever it appears."""
    if secret and len(secret) >= 8:
        with _lock:
            _known.add(secret)


def redact(text: str) -> str:
    text = _SIG.sub(r"\1" + MASK, text)
    text = _SHARED_KEY.sub(r"\1" + MASK, text)
    text = _PASSWORD.sub(r"\1" + MASK, text)
    with _lock:
        known = sorted(_known, key=len, reverse=True)
    for secret in known:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


def mask_key(key: str | None) -> str:
    """A key as shown on a review page: a few characters so a person can tell two keys apart, never all."""
    if not key:
        return ""
    return key[:4] + "…" + f" ({len(key)} characters)"
