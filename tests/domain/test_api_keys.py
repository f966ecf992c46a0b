from __future__ import annotations

import pytest

from passport_scorer.domain.api_keys import (
    ApiKey,
    KeyCheck,
    check_fast,
    check_pbkdf2,
    extract_api_key,
    key_prefix,
    make_pbkdf2,
    sha256_hash,
)

# Django 4.2's own test vector: make_password("lètmein", "seasalt", "pbkdf2_sha256").
DJANGO_VECTOR = "pbkdf2_sha256$600000$seasalt$OAXyhAQ/4ZDA9V5RMExt3C1OwQdUpLZ99vm1McFlLRA="


def stored(hashed_key: str, sha256_column: str | None = None) -> ApiKey:
    return ApiKey("id", "abcd1234", 1, hashed_key, sha256_column, True, None, False, None)


def test_pbkdf2_matches_djangos_hasher() -> None:
    assert check_pbkdf2("lètmein", DJANGO_VECTOR)
    assert not check_pbkdf2("letmein", DJANGO_VECTOR)
    assert make_pbkdf2("lètmein", "seasalt") == DJANGO_VECTOR


@pytest.mark.parametrize(
    "encoded", ["", "pbkdf2_sha256$x$salt$hash", "md5$1$salt$hash", "pbkdf2_sha256$0$s$h"]
)
def test_malformed_pbkdf2_hashes_never_match(encoded: str) -> None:
    assert not check_pbkdf2("key", encoded)


def test_sha256_format_is_71_characters() -> None:
    value = sha256_hash("abcd1234.secret")
    assert value.startswith("sha256$") and len(value) == 71


def test_fast_path_prefers_the_sha256_column_without_fallback() -> None:
    key = "abcd1234.secret"
    assert check_fast(key, stored("pbkdf2_sha256$1$s$h", sha256_hash(key))) is KeyCheck.VALID
    assert check_fast(key, stored(make_pbkdf2(key, "s", 1), sha256_hash("x"))) is KeyCheck.INVALID
    assert check_fast(key, stored(sha256_hash(key))) is KeyCheck.VALID
    assert check_fast(key, stored(make_pbkdf2(key, "s", 1))) is KeyCheck.NEEDS_PBKDF2
    assert check_fast(key, stored("bcrypt$whatever")) is KeyCheck.INVALID


@pytest.mark.parametrize(
    ("x_api_key", "authorization", "expected"),
    [
        ("k.1", None, "k.1"),
        ("", "Token k.2", "k.2"),
        (None, "Bearer k.3 extra", "k.3"),
        (None, "k.4", None),
        (None, None, None),
        ("  ", "  ", "  "),  # used as given, as the reference does
        ("", "  ", None),
    ],
)
def test_extract_api_key(
    x_api_key: str | None, authorization: str | None, expected: str | None
) -> None:
    assert extract_api_key(x_api_key, authorization) == expected


def test_demo_aliases_map_to_the_demo_key() -> None:
    assert (
        extract_api_key("alias", None, demo_key="demo.key", demo_aliases=frozenset({"alias"}))
        == "demo.key"
    )
    assert (
        extract_api_key("other", None, demo_key="demo.key", demo_aliases=frozenset({"alias"}))
        == "other"
    )


def test_prefix_is_text_before_the_first_dot() -> None:
    assert key_prefix("abc.def.ghi") == "abc"
    assert key_prefix("nodot") == "nodot"
