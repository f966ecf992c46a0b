"""App access tokens on the app's routes: what is accepted, and every rejection (401 JSON)."""

from __future__ import annotations

import time

import httpx

from passport_scorer.services.container import Services
from tests.api.conftest import app_settings, client_for
from tests.app_tokens import APP_KEYS, AppKeys

ALICE = "0x0000000000000000000000000000000000a11ce0"
BOB = "0x0000000000000000000000000000000000b0b000"
SCORE = f"/ceramic-cache/score/{ALICE}"
INVALID = {"detail": "Given token not valid for any token type"}


async def _get(client: httpx.AsyncClient, authorization: str | None) -> httpx.Response:
    headers = {} if authorization is None else {"Authorization": authorization}
    return await client.get(SCORE, headers=headers)


def _accepted(keys: AppKeys) -> dict[str, str]:
    minimal = keys.siwe(ALICE, jti=None, token_type=None, iat=None)
    return {
        "siwe": f"Bearer {keys.siwe(ALICE)}",
        "lower-case scheme": f"bearer {keys.siwe(ALICE)}",
        "upper-case scheme": f"BEARER {keys.siwe(ALICE)}",
        "upper-case did": f"Bearer {keys.siwe('0x' + ALICE[2:].upper())}",
        "legacy": f"Bearer {keys.legacy(ALICE)}",
        "siwe without jti, type, iat": f"Bearer {minimal}",
        "another did method": f"Bearer {keys.siwe(ALICE, did='did:ethr:' + ALICE)}",
    }


async def test_accepted_tokens(app_client: httpx.AsyncClient) -> None:
    for name, authorization in _accepted(APP_KEYS).items():
        response = await _get(app_client, authorization)
        assert response.status_code == 200, (name, response.text)
        assert response.json()["address"] == ALICE, name


def _rejections(keys: AppKeys) -> dict[str, str]:
    now = int(time.time())
    other = AppKeys.generate()
    return {
        "expired": keys.siwe(ALICE, exp=now - 1),
        "expires-now": keys.siwe(ALICE, exp=now),
        "not-yet-valid": keys.siwe(ALICE, nbf=now + 60),
        "issued-in-future": keys.siwe(ALICE, iat=now + 60),
        "wrong-issuer": keys.siwe(ALICE, iss="someone-else"),
        "no-issuer": keys.siwe(ALICE, iss=None),
        "other-rsa-key": other.siwe(ALICE),
        "alg-none": keys.unsigned(ALICE),
        "hs256-with-public-key": keys.hs256_with_public_key(ALICE),
        "legacy-expired": keys.legacy(ALICE, exp=now - 1),
        "legacy-without-exp": keys.legacy(ALICE, exp=None),
        "legacy-without-jti": keys.legacy(ALICE, jti=None),
        "legacy-refresh": keys.legacy(ALICE, token_type="refresh"),
        "legacy-without-type": keys.legacy(ALICE, token_type=None),
        "legacy-other-secret": AppKeys(keys.private_key, keys.public_pem, "y" * 64).legacy(ALICE),
        "no-did": keys.siwe(ALICE, did=None),
        "did-not-an-address": keys.siwe(ALICE, did="did:pkh:eip155:1:alice"),
        "did-not-a-string": keys.siwe(ALICE, did=12),
        "garbage": "not-a-jwt",
        "three-garbage-parts": "a.b.c",
        "empty": "",
    }


async def test_rejected_tokens_are_401_json(app_client: httpx.AsyncClient) -> None:
    for name, token in _rejections(APP_KEYS).items():
        response = await _get(app_client, f"Bearer {token}")
        assert (response.status_code, response.json()) == (401, INVALID), name
        assert response.headers["content-type"] == "application/json", name


async def test_a_missing_header_or_another_scheme_is_401(app_client: httpx.AsyncClient) -> None:
    for authorization in (None, "", APP_KEYS.siwe(ALICE), f"Token {APP_KEYS.siwe(ALICE)}"):
        response = await _get(app_client, authorization)
        assert (response.status_code, response.json()) == (401, {"detail": "Unauthorized"})


async def test_a_token_of_another_address_is_403_on_a_path_address(
    app_client: httpx.AsyncClient,
) -> None:
    for route in ("GET", "POST"):
        response = await app_client.request(route, SCORE, headers=APP_KEYS.headers(BOB))
        assert (response.status_code, response.json()) == (
            403,
            {"detail": "Address in path does not match the authenticated address."},
        )


async def test_an_invalid_path_address_is_400(app_client: httpx.AsyncClient) -> None:
    response = await app_client.get(
        "/ceramic-cache/score/0xnothex", headers=APP_KEYS.headers(ALICE)
    )
    assert (response.status_code, response.json()) == (400, {"detail": "Invalid address."})


async def test_the_path_address_is_compared_lower_cased(app_client: httpx.AsyncClient) -> None:
    mixed = "0x" + ALICE[2:].upper()
    response = await app_client.get(
        f"/ceramic-cache/score/{mixed}", headers=APP_KEYS.headers(ALICE)
    )
    assert response.status_code == 200
    assert response.json()["address"] == ALICE


async def test_the_public_key_may_be_base64_of_its_pem(
    services: Services, app_community: int
) -> None:
    settings = app_settings(
        services.settings.DATABASE_URL, app_community, SIWE_JWT_PUBLIC_KEY=APP_KEYS.public_b64
    )
    async with client_for(Services.build(settings, db=services.db)) as client:
        assert (await _get(client, f"Bearer {APP_KEYS.siwe(ALICE)}")).status_code == 200


async def test_without_secret_key_legacy_tokens_are_refused(
    services: Services, app_community: int
) -> None:
    settings = app_settings(services.settings.DATABASE_URL, app_community)
    settings = settings.model_copy(update={"SECRET_KEY": None})
    async with client_for(Services.build(settings, db=services.db)) as client:
        assert (await _get(client, f"Bearer {APP_KEYS.siwe(ALICE)}")).status_code == 200
        response = await _get(client, f"Bearer {APP_KEYS.legacy(ALICE)}")
        assert (response.status_code, response.json()) == (401, INVALID)


async def test_without_the_public_key_the_routes_answer_503(
    services: Services, app_community: int
) -> None:
    settings = app_settings(services.settings.DATABASE_URL, app_community)
    settings = settings.model_copy(update={"SIWE_JWT_PUBLIC_KEY": None})
    async with client_for(Services.build(settings, db=services.db)) as client:
        for authorization in (f"Bearer {APP_KEYS.legacy(ALICE)}", None):
            response = await _get(client, authorization)
            assert (response.status_code, response.json()) == (
                503,
                {"detail": "This route needs SIWE_JWT_PUBLIC_KEY, which is not set."},
            )
