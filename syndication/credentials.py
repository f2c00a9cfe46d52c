"""API keys and webhook secrets: how they are made and checked (no storage here).

A key is `otk_` + 32 random bytes (URL-safe base64). Only its SHA-256 is
stored: with that much entropy a plain hash cannot be brute-forced, and it
can be looked up by an index in one query (a slow salted hash could not).
The first characters are kept in clear so people can tell keys apart.

A webhook secret must be kept in clear, since the server signs with it; it
follows the Standard Webhooks format (`whsec_` + base64 of random bytes).
"""

import base64
import hashlib
import secrets

KEY_PREFIX = "otk_"
KEY_BYTES = 32
SHOWN_PREFIX_LENGTH = 12  # "otk_" and 8 random characters: enough to recognise, useless to guess
WEBHOOK_SECRET_PREFIX = "whsec_"
WEBHOOK_SECRET_BYTES = 32


def generate_key():
    return KEY_PREFIX + secrets.token_urlsafe(KEY_BYTES)


def hash_key(raw_key):
    return hashlib.sha256(raw_key.encode()).hexdigest()


def looks_like_key(raw_key):
    return raw_key.startswith(KEY_PREFIX) and 20 <= len(raw_key) <= 200


def generate_webhook_secret():
    return WEBHOOK_SECRET_PREFIX + base64.b64encode(
        secrets.token_bytes(WEBHOOK_SECRET_BYTES)
    ).decode("ascii")
