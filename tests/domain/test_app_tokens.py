"""Which app access tokens count, without HTTP: the key settings and the caller's address."""

from __future__ import annotations

import base64
import time

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from passport_scorer.config import ConfigurationError, load_settings
from passport_scorer.domain.app_tokens import AppTokenVerifier, address_of_did, load_public_key
from passport_scorer.errors import InvalidAppToken
from tests.app_tokens import APP_KEYS

ALICE = "0x0000000000000000000000000000000000a11ce0"
VERIFIER = AppTokenVerifier(load_public_key(APP_KEYS.public_pem), APP_KEYS.secret_key)


def test_the_key_setting_is_pem_or_base64_of_pem() -> None:
    from_pem = load_public_key(APP_KEYS.public_pem)
    from_b64 = load_public_key(APP_KEYS.public_b64)
    assert from_pem.public_numbers() == from_b64.public_numbers()
    assert load_public_key(f"\n  {APP_KEYS.public_pem}  \n").public_numbers() == (
        from_pem.public_numbers()
    )


def _ec_public_pem() -> str:
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()


@pytest.mark.parametrize(
    "value",
    ["not a key", base64.b64encode(b"garbage").decode(), "-----BEGIN PUBLIC KEY-----\nxx\n", "%%%"],
)
def test_anything_but_an_rsa_public_key_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="RSA public key"):
        load_public_key(value)


def test_an_ec_key_is_refused() -> None:
    with pytest.raises(ValueError, match="RSA public key"):
        load_public_key(_ec_public_pem())


def test_an_invalid_key_setting_stops_start_up_with_one_line() -> None:
    with pytest.raises(ConfigurationError) as failure:
        load_settings({"SIWE_JWT_PUBLIC_KEY": "not a key"})
    assert str(failure.value) == (
        "invalid setting SIWE_JWT_PUBLIC_KEY: must be an RSA public key in PEM (or base64 of PEM)"
    )
    assert "\n" not in str(failure.value)


def test_blank_app_settings_are_unset() -> None:
    settings = load_settings({"SIWE_JWT_PUBLIC_KEY": " ", "CERAMIC_CACHE_SCORER_ID": ""})
    assert settings.SIWE_JWT_PUBLIC_KEY is None
    assert settings.CERAMIC_CACHE_SCORER_ID is None
    assert load_settings({"CERAMIC_CACHE_SCORER_ID": "335"}).CERAMIC_CACHE_SCORER_ID == 335
    with pytest.raises(ConfigurationError, match="CERAMIC_CACHE_SCORER_ID"):
        load_settings({"CERAMIC_CACHE_SCORER_ID": "ceramic"})


@pytest.mark.parametrize(
    ("did", "address"),
    [
        (f"did:pkh:eip155:1:{ALICE}", ALICE),
        (f"did:pkh:eip155:1:{ALICE.upper()}", ALICE),
        (ALICE, ALICE),
        ("did:pkh:eip155:1:0x123", None),
        ("did:pkh:eip155:1:", None),
        (None, None),
        (["did"], None),
    ],
)
def test_the_address_is_the_did_tail(did: object, address: str | None) -> None:
    assert address_of_did(did) == address


def test_both_kinds_of_token_name_their_address() -> None:
    assert VERIFIER.address_of(APP_KEYS.siwe(ALICE)) == ALICE
    assert VERIFIER.address_of(APP_KEYS.legacy(ALICE)) == ALICE


@pytest.mark.parametrize(
    "make",
    [
        lambda: APP_KEYS.siwe(ALICE, exp=int(time.time()) - 1),
        lambda: APP_KEYS.siwe(ALICE, nbf=int(time.time()) + 30),
        lambda: APP_KEYS.siwe(ALICE, iss="passport"),
        lambda: APP_KEYS.siwe(ALICE, aud="someone"),
        lambda: APP_KEYS.unsigned(ALICE),
        lambda: APP_KEYS.hs256_with_public_key(ALICE),
        lambda: APP_KEYS.legacy(ALICE, jti=None),
        lambda: APP_KEYS.legacy(ALICE, token_type="refresh"),
        lambda: APP_KEYS.legacy(ALICE, exp=None),
        lambda: "x.y.z",
    ],
    ids=[
        "expired",
        "not-yet-valid",
        "wrong-issuer",
        "audience",
        "alg-none",
        "hs256-public-key",
        "no-jti",
        "refresh",
        "no-exp",
        "garbage",
    ],
)
def test_rejections(make: object) -> None:
    assert callable(make)
    with pytest.raises(InvalidAppToken):
        VERIFIER.address_of(make())


def test_without_a_secret_only_siwe_tokens_count() -> None:
    verifier = AppTokenVerifier(VERIFIER.public_key, None)
    assert verifier.address_of(APP_KEYS.siwe(ALICE)) == ALICE
    with pytest.raises(InvalidAppToken):
        verifier.address_of(APP_KEYS.legacy(ALICE))
