"""The key file: slots open only with their secret, damage and foreign files are told apart."""

import json
import unicodedata

import pytest

from bvct_desktop.core import keyfile
from bvct_desktop.core.errors import AuthError, DamagedError

CHEAP = keyfile.KdfParams(1, 1024, 1)


def _keyfile() -> tuple[keyfile.KeyFile, bytes]:
    key = keyfile.new_database_key()
    return keyfile.KeyFile("db-1", {"an": keyfile.seal(key, "mật khẩu của An", "db-1", "an", CHEAP)}), key


def test_a_slot_opens_with_its_password_only(tmp_path):
    keys, key = _keyfile()
    assert keys.open_slot("an", "mật khẩu của An") == key
    with pytest.raises(AuthError):
        keys.open_slot("an", "sai")
    with pytest.raises(AuthError):
        keys.open_slot("binh", "mật khẩu của An")


@pytest.mark.parametrize("sealed_as", ["NFC", "NFD"], ids=["sealed-now", "sealed-before-passwords-were-nfc"])
def test_a_password_opens_its_slot_however_the_keyboard_composes_its_accents(monkeypatch, sealed_as):
    """Unikey «dựng sẵn» on one PC, «tổ hợp» on another: the same password, precomposed or with
    combining marks. A slot is sealed with it NFC; one sealed before that (as typed) still opens."""
    password, key = "Mật khẩu Đồng Nai 1", keyfile.new_database_key()
    with monkeypatch.context() as before:
        if sealed_as == "NFD":
            before.setattr(keyfile, "_composed", lambda secret: secret)  # sealed as typed, as it was
        entry = keyfile.seal(key, unicodedata.normalize(sealed_as, password), "db-1", "an", CHEAP)
    keys = keyfile.KeyFile("db-1", {"an": entry})
    for typed in ("NFC", "NFD") if sealed_as == "NFC" else ("NFD",):  # an old slot: as it was typed
        assert keys.open_slot("an", unicodedata.normalize(typed, password)) == key


def test_a_slot_moved_to_another_user_or_database_does_not_open():
    keys, _ = _keyfile()
    keys.slots["binh"] = keys.slots["an"]
    with pytest.raises(AuthError):
        keys.open_slot("binh", "mật khẩu của An")
    keys.db_id = "db-2"
    with pytest.raises(AuthError):
        keys.open_slot("an", "mật khẩu của An")


def test_kdf_parameters_travel_in_the_slot(tmp_path):
    keys, _ = _keyfile()
    assert keys.slots["an"]["kdf"] == {"name": "argon2id", "time_cost": 1, "memory_kib": 1024,
                                       "parallelism": 1, "salt": keys.slots["an"]["kdf"]["salt"]}


def test_round_trip_and_checksum(tmp_path):
    path = tmp_path / "x.db.keys"
    keys, key = _keyfile()
    keyfile.write_new(path, keys)
    assert keyfile.read(path).open_slot("an", "mật khẩu của An") == key
    body = json.loads(path.read_text(encoding="utf-8"))
    body["failures"] = {"an": {"count": 0}}
    path.write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(DamagedError, match="hỏng"):
        keyfile.read(path)


def test_missing_foreign_and_garbage_key_files_are_damage(tmp_path):
    with pytest.raises(DamagedError, match="Không tìm thấy tệp khóa"):
        keyfile.read(tmp_path / "none.keys")
    foreign = tmp_path / "foreign.keys"
    foreign.write_text('{"format": "KEEPASS"}', encoding="utf-8")
    with pytest.raises(DamagedError, match="không phải tệp khóa"):
        keyfile.read(foreign)
    garbage = tmp_path / "garbage.keys"
    garbage.write_bytes(b"\x00\xff" * 100)
    with pytest.raises(DamagedError):
        keyfile.read(garbage)


def test_update_rereads_under_the_lock_so_no_change_is_lost(tmp_path):
    path = tmp_path / "x.db.keys"
    keys, _ = _keyfile()
    keyfile.write_new(path, keys)
    an, binh = ({"count": count, "until": None, "events": ["2026-03-02T08:00:00"] * count} for count in (1, 2))
    keyfile.update(path, lambda k: k.failures.__setitem__("an", an))
    keyfile.update(path, lambda k: k.failures.__setitem__("binh", binh))
    assert keyfile.read(path).failures == {"an": an, "binh": binh}
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_recovery_keys_are_long_and_normalized_for_typing():
    key = keyfile.new_recovery_key()
    assert len(key.replace("-", "")) == 32
    assert keyfile.normalize_recovery_key(key.lower().replace("-", " ")) == key


def test_a_recovery_key_copied_from_paper_with_a_figure_for_a_letter_like_it_is_the_same_key():
    """Base 32 has no 0, 1 nor 8: written on paper, O, I and B are read back as them."""
    assert keyfile.normalize_recovery_key("0B1O-8IBO-oi8b 1010") == "OBIO-BIBO-OIBB-IOIO"
