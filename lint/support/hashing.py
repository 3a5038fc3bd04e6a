"""Hex digests for the caches' keys, their entries' dependencies and the rules' fingerprints.

BLAKE2b from the interpreter's own _blake2 module: `hashlib` loads OpenSSL (_hashlib) to offer
sha256, which costs a one-file run 4–6 ms, and these digests are only ever compared with others
this code made. The baseline keeps sha256: its fingerprints are a file format users commit.
"""
from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # an interpreter built without the module: hashlib still offers BLAKE2b
    from hashlib import blake2b

DIGEST_SIZE = 32   # bytes: 64 hex digits, as long as the sha256 digests these replaced


def hex_digest(*parts: bytes) -> str:
    """The digest of the concatenated `parts`, in hex."""
    digest = blake2b(digest_size=DIGEST_SIZE)
    for part in parts:
        digest.update(part)
    return digest.hexdigest()
