"""Join codes: typable when read aloud, whatever the case, spaces or dashes."""

from planner.scoring.join_codes import CODE_ALPHABET, CODE_LENGTH, normalise_code, random_code


def test_codes_avoid_characters_read_alike():
    codes = {random_code() for _ in range(200)}
    assert all(len(code) == CODE_LENGTH for code in codes)
    assert not set("".join(codes)) - set(CODE_ALPHABET)
    assert not set(CODE_ALPHABET) & set("01OIL")
    assert len(codes) > 190  # random, not a sequence


def test_typed_codes_are_normalised():
    assert normalise_code(" ab c-12 ") == "ABC12"
