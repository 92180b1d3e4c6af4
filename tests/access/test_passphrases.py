"""Passphrases: salted scrypt hashes, verified in constant time; the rules name the field."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.access.passphrases import hash_passphrase, verify_passphrase
from planner.core.errors import InvalidInput, validated
from planner.models import PassphraseSet


def test_hash_is_salted_and_verifies():
    first, second = hash_passphrase("correct horse"), hash_passphrase("correct horse")
    assert first != second and "correct horse" not in first
    assert verify_passphrase("correct horse", first) and verify_passphrase("correct horse", second)
    assert not verify_passphrase("correct hors", first)
    assert not verify_passphrase("anything", None)
    assert not verify_passphrase("anything", "scrypt$broken")


@settings(max_examples=5)
@given(st.text(min_size=1, max_size=40))
def test_any_passphrase_round_trips(passphrase):
    assert verify_passphrase(passphrase, hash_passphrase(passphrase))


def test_passphrase_rules_name_the_field():
    with pytest.raises(InvalidInput, match="Passphrase must have at least 8"):
        validated(PassphraseSet, passphrase="short")
