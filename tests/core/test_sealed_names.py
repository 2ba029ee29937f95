"""Names sealed in the key file: readable with the database key only, and no guess can be checked
against them with the key file alone."""

from bvct_desktop.core import keyfile, sealed_names

NAME = "Matkhau-quantri-2026"


def test_a_sealed_name_opens_with_its_database_key_only():
    db_key, other = keyfile.new_database_key(), keyfile.new_database_key()
    sealed = sealed_names.seal(NAME, sealed_names.public_key(db_key))
    assert NAME not in sealed
    assert sealed_names.opened(sealed, db_key) == NAME
    assert sealed_names.opened(sealed, other) is None


def test_sealing_a_guess_again_gives_another_text_so_the_key_file_cannot_confirm_it():
    public = sealed_names.public_key(keyfile.new_database_key())
    assert sealed_names.seal(NAME, public) != sealed_names.seal(NAME, public)


def test_what_is_no_sealed_name_opens_to_nothing():
    db_key = keyfile.new_database_key()
    sealed = sealed_names.seal(NAME, sealed_names.public_key(db_key))
    for broken in ("", "không phải base64", sealed[:-8] + "AAAAAAA=", sealed[:20]):
        assert sealed_names.opened(broken, db_key) is None
