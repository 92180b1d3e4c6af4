"""The access schemas and tables: a passphrase long enough, a sign-in naming its fields,
a sign-in record's defaults and language, tokens and secrets their size."""

import pytest
from sqlalchemy import select

from planner.access.passphrases import MIN_LENGTH
from planner.core.i18n import Language
from planner.core.limits import PASSPHRASE_MAX
from planner.models import (
    TOKEN_LENGTH,
    PassphraseSet,
    SignIn,
    SignInRecord,
    SQLModel,
)
from tests.models.helpers import dutch_refusal, refusals


@pytest.mark.parametrize(
    ("passphrase", "found"),
    [
        ("x" * (MIN_LENGTH - 1), [f"Passphrase must have at least {MIN_LENGTH} character(s)."]),
        ("x" * MIN_LENGTH, []),
        ("x" * PASSPHRASE_MAX, []),
        ("x" * (PASSPHRASE_MAX + 1), [f"Passphrase may have at most {PASSPHRASE_MAX} characters."]),
    ],
)
def test_a_new_passphrase_is_long_enough_and_not_too_long(passphrase, found):
    assert refusals(PassphraseSet, passphrase=passphrase) == found


def test_a_passphrase_is_kept_as_typed_spaces_and_all():
    assert PassphraseSet(passphrase="  correct horse  ").passphrase == "  correct horse  "


def test_a_sign_in_names_each_field_left_empty():
    assert refusals(SignIn, workspace="", passphrase="", actor="") == [
        "Workspace is required.",
        "Passphrase is required.",
        "Your name is required.",
    ]
    assert dutch_refusal(SignIn, workspace="", passphrase="x", actor="Eva").endswith("verplicht.")
    # signing in checks any passphrase, even one shorter than a new one may be
    assert refusals(SignIn, workspace="Retail", passphrase="x", actor="Eva") == []


def test_a_sign_in_record_keeps_no_language_and_no_grant_by_default():
    record = SignInRecord(token_hash="0" * 64)
    assert (record.lang, record.grants, record.ballot_off, record.actor) == (None, [], False, "")


@pytest.mark.storage
@pytest.mark.parametrize("lang", [None, Language.EN, Language.NL])
def test_a_sign_in_record_keeps_its_language_as_the_enum(db, lang):
    db.add(SignInRecord(token_hash=f"{lang}".ljust(64, "0"), lang=lang))
    db.flush()
    db.expire_all()
    stored = db.scalar(select(SignInRecord.lang).where(SignInRecord.token_hash.like(f"{lang}%")))
    assert stored == lang
    assert stored is None or isinstance(stored, Language)


def test_tokens_and_secrets_have_the_length_they_are_made_with():
    tables = SQLModel.metadata.tables
    assert tables["workspace_access"].c.viewer_token.type.length == TOKEN_LENGTH
    assert tables["workspace_access"].c.viewer_token.unique
    assert tables["sign_in"].c.token_hash.type.length == 64  # a SHA-256 in hex
    assert tables["server_secret"].c.value.type.length == 128
