"""Names typed at the login that open no key slot, kept in the key file until the next login copies
them into the audit trail, and not readable there: such a name may be a password typed into the
wrong box, and the key file is read before any password (a thief copying it could test guesses
against anything derived from the name alone).

Each name is sealed to a public key (X25519, an ephemeral key per name, AES-256-GCM) whose private
half is derived from the database key: the key file holds only the public half (`KeyFile.name_seal`),
and only an unlocked database opens what was sealed.
"""

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .keyfile import b64, derive_subkey, unb64

PURPOSE = b"bvct failed-login names"
KEY_BYTES = 32
NONCE = bytes(12)  # each name is sealed under a key of its own (its ephemeral key's), used once


def public_key(db_key: bytes) -> str:
    """The public half of the database's name-sealing key, as the key file keeps it."""
    return b64(_raw(_private(db_key).public_key()))


def seal(name: str, public: str) -> str:
    """`name` readable only with the database key whose `public_key` is `public`."""
    ephemeral = X25519PrivateKey.generate()
    recipient = X25519PublicKey.from_public_bytes(unb64(public))
    key = _wrapping(ephemeral.exchange(recipient), ephemeral.public_key(), recipient)
    return b64(_raw(ephemeral.public_key()) + AESGCM(key).encrypt(NONCE, name.encode("utf-8"), None))


def opened(sealed: str, db_key: bytes) -> str | None:
    """The name `seal` sealed for this database; None when it was sealed for another key (a key file
    whose public key was replaced) or is no sealed name."""
    try:
        data = unb64(sealed)
        ephemeral = X25519PublicKey.from_public_bytes(data[:KEY_BYTES])
        private = _private(db_key)
        key = _wrapping(private.exchange(ephemeral), ephemeral, private.public_key())
        return AESGCM(key).decrypt(NONCE, data[KEY_BYTES:], None).decode("utf-8")
    except (ValueError, InvalidTag):
        return None


def _private(db_key: bytes) -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(derive_subkey(db_key, PURPOSE))


def _wrapping(shared: bytes, ephemeral: X25519PublicKey, recipient: X25519PublicKey) -> bytes:
    """The AES key of one sealed name, bound to both public keys."""
    return HKDF(hashes.SHA256(), 32, salt=None, info=PURPOSE + _raw(ephemeral) + _raw(recipient)).derive(shared)


def _raw(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
