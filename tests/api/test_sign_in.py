"""Sign-in: `GET /account/nonce`, `POST /ceramic-cache/authenticate` (and `/v2`) with real
SIWE messages signed by real keys, the nonce rows checked, the token verified and used."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import jwt
import pytest
from eth_account import Account
from eth_account.signers.local import LocalAccount
from sqlalchemy import update

from passport_scorer.db import tables
from passport_scorer.services.container import Services
from tests.api.conftest import app_settings, client_for
from tests.app_tokens import APP_KEYS
from tests.factories import World
from tests.rpc_server import FakeChain, fake_chain
from tests.siwe_messages import sign, signed_in_body, siwe_fields, siwe_text, wrap_erc6492

AUTHENTICATE = ["/ceramic-cache/authenticate", "/ceramic-cache/authenticate/v2"]


@pytest.fixture
def signer() -> LocalAccount:
    account: LocalAccount = Account.create()
    return account


async def signed_in_client(
    services: Services, community: int | None, **settings: Any
) -> AsyncIterator[httpx.AsyncClient]:
    values = {**APP_KEYS.sign_in_settings(), **settings}
    configured = app_settings(services.settings.DATABASE_URL, community, **values)
    built = Services.build(configured, db=services.db)
    async with client_for(built) as http:
        yield http
    for adapter in built.closables():
        await adapter.close()


@pytest.fixture
async def http(services: Services, app_community: int) -> AsyncIterator[httpx.AsyncClient]:
    async for client in signed_in_client(services, app_community):
        yield client


@pytest.fixture
def chain() -> Iterator[FakeChain]:
    with fake_chain() as running:
        yield running


@pytest.fixture
async def wallet_http(
    services: Services, app_community: int, chain: FakeChain
) -> AsyncIterator[httpx.AsyncClient]:
    settings = {"ETHEREUM_RPC_URL": chain.url, "ETHEREUM_RPC_TIMEOUT_SECONDS": "0.5"}
    async for client in signed_in_client(services, app_community, **settings):
        yield client


async def nonce_of(http: httpx.AsyncClient) -> str:
    answer = await http.get("/account/nonce")
    assert answer.status_code == 200
    nonce: str = answer.json()["nonce"]
    return nonce


async def nonce_row(world: World, nonce: str) -> Any:
    [row] = [row for row in await world.rows(tables.account_nonce) if row["nonce"] == nonce]
    return row


def refused(answer: httpx.Response, detail: str) -> None:
    assert (answer.status_code, answer.json()) == (400, {"detail": detail})


# --- the nonce ---------------------------------------------------------------------------


async def test_a_nonce_is_stored_for_five_minutes(http: httpx.AsyncClient, world: World) -> None:
    before = datetime.now(UTC)
    answer = await http.get("/account/nonce")

    assert answer.status_code == 200
    nonce = answer.json()["nonce"]
    assert list(answer.json()) == ["nonce"]
    assert len(nonce) == 60 and int(nonce, 16) >= 0
    assert answer.headers["access-control-allow-origin"] == "*"
    assert answer.headers["access-control-allow-methods"] == "GET,OPTIONS"
    assert answer.headers["cross-origin-opener-policy"] == "same-origin"
    row = await nonce_row(world, nonce)
    assert row["was_used"] is False
    expires = row["expires_on"].replace(tzinfo=row["expires_on"].tzinfo or UTC)
    assert before + timedelta(seconds=299) <= expires <= datetime.now(UTC) + timedelta(seconds=301)


async def test_nonces_differ(http: httpx.AsyncClient) -> None:
    assert len({await nonce_of(http) for _ in range(5)}) == 5


@pytest.mark.parametrize("path", ["/account/nonce", *AUTHENTICATE])
async def test_preflight(http: httpx.AsyncClient, path: str) -> None:
    answer = await http.options(path)
    assert (answer.status_code, answer.content) == (200, b"")
    assert answer.headers["access-control-allow-origin"] == "*"
    expected = "GET,OPTIONS" if path == "/account/nonce" else "POST,OPTIONS"
    assert answer.headers["access-control-allow-methods"] == expected


# --- signing in ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", AUTHENTICATE)
async def test_signing_in_gives_the_reference_token(
    http: httpx.AsyncClient, world: World, signer: LocalAccount, path: str
) -> None:
    nonce = await nonce_of(http)
    answer = await http.post(path, json=signed_in_body(signer, nonce))

    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert list(body) == ["access", "intercom_user_hash"] and body["intercom_user_hash"] is None
    assert answer.headers["access-control-allow-origin"] == "*"
    claims = jwt.decode(
        body["access"], APP_KEYS.public_pem, algorithms=["RS256"], issuer="passport-scorer"
    )
    assert jwt.get_unverified_header(body["access"])["alg"] == "RS256"
    assert claims["did"] == f"did:pkh:eip155:1:{signer.address.lower()}"
    assert claims["token_type"] == "access"
    assert claims["exp"] - claims["iat"] == 7 * 24 * 3600
    assert abs(claims["iat"] - time.time()) < 60
    assert uuid.UUID(claims["jti"]).version == 4
    assert sorted(claims) == ["did", "exp", "iat", "iss", "jti", "token_type"]
    assert (await nonce_row(world, nonce))["was_used"] is True

    # The token opens the app's routes for that address.
    score = await http.get(
        f"/ceramic-cache/score/{signer.address}",
        headers={"Authorization": f"Bearer {body['access']}"},
    )
    assert score.status_code == 200, score.text
    assert score.json()["address"] == signer.address.lower()


async def test_a_lower_case_address_signs_the_checksummed_text(
    http: httpx.AsyncClient, signer: LocalAccount
) -> None:
    nonce = await nonce_of(http)
    fields = siwe_fields(signer.address.lower(), nonce)
    body = {"message": fields, "signature": sign(signer, siwe_text(fields, signer.address))}
    assert (await http.post(AUTHENTICATE[0], json=body)).status_code == 200


async def test_optional_fields_are_part_of_the_signed_text(
    http: httpx.AsyncClient, signer: LocalAccount
) -> None:
    nonce = await nonce_of(http)
    extra = {"requestId": "req-1", "resources": ["https://app.passport.xyz/terms"]}
    assert (await http.post(AUTHENTICATE[0], json=signed_in_body(signer, nonce, **extra))).json()[
        "access"
    ]
    # The same fields without the signed ones no longer match the signature.
    nonce = await nonce_of(http)
    body = signed_in_body(signer, nonce, **extra)
    del body["message"]["requestId"]
    refused(await http.post(AUTHENTICATE[0], json=body), "Invalid signature!")


async def test_a_nonce_is_used_once(http: httpx.AsyncClient, signer: LocalAccount) -> None:
    body = signed_in_body(signer, await nonce_of(http))
    assert (await http.post(AUTHENTICATE[0], json=body)).status_code == 200
    refused(await http.post(AUTHENTICATE[1], json=body), "Invalid nonce!")


async def test_unknown_and_expired_nonces(
    http: httpx.AsyncClient, world: World, services: Services, signer: LocalAccount
) -> None:
    refused(
        await http.post(AUTHENTICATE[0], json=signed_in_body(signer, "f" * 60)), "Invalid nonce!"
    )
    nonce = await nonce_of(http)
    async with services.db.session() as ex:
        await ex.execute(
            update(tables.account_nonce)
            .where(tables.account_nonce.c.nonce == nonce)
            .values(expires_on=datetime.now(UTC) - timedelta(seconds=1))
        )
    refused(await http.post(AUTHENTICATE[0], json=signed_in_body(signer, nonce)), "Invalid nonce!")


async def test_two_sign_ins_with_one_nonce_at_once_give_one_token(
    http: httpx.AsyncClient, signer: LocalAccount
) -> None:
    import asyncio

    body = signed_in_body(signer, await nonce_of(http))
    answers = await asyncio.gather(*(http.post(AUTHENTICATE[0], json=body) for _ in range(4)))
    assert sorted(answer.status_code for answer in answers) == [200, 400, 400, 400]


@pytest.mark.parametrize(
    ("overrides", "detail"),
    [
        ({"domain": "evil.example"}, "Verification failed!"),
        ({"domain": None}, "Verification failed!"),
        ({"expirationTime": "2020-01-01T00:00:00.000Z"}, "Verification failed!"),
        ({"expirationTime": "tomorrow"}, "Verification failed!"),
        ({"expirationTime": "2999-01-01T00:00:00"}, "Verification failed!"),  # no zone
        ({"version": "2"}, "Authentication failed!"),
        ({"uri": "not a uri"}, "Authentication failed!"),
        ({"issuedAt": None}, "Authentication failed!"),
    ],
)
async def test_refused_messages_do_not_burn_the_nonce(
    http: httpx.AsyncClient,
    world: World,
    signer: LocalAccount,
    overrides: dict[str, Any],
    detail: str,
) -> None:
    nonce = await nonce_of(http)
    refused(
        await http.post(AUTHENTICATE[0], json=signed_in_body(signer, nonce, **overrides)), detail
    )
    assert (await nonce_row(world, nonce))["was_used"] is False
    assert (await http.post(AUTHENTICATE[0], json=signed_in_body(signer, nonce))).status_code == 200


async def test_the_domain_is_compared_case_insensitively(
    http: httpx.AsyncClient, signer: LocalAccount
) -> None:
    body = signed_in_body(signer, await nonce_of(http), domain="APP.Passport.XYZ")
    assert (await http.post(AUTHENTICATE[0], json=body)).status_code == 200


async def test_an_empty_allow_list_refuses_every_domain(
    services: Services, app_community: int, signer: LocalAccount
) -> None:
    settings = {"SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE": "[]"}
    async for http in signed_in_client(services, app_community, **settings):
        body = signed_in_body(signer, await nonce_of(http))
        refused(await http.post(AUTHENTICATE[0], json=body), "Verification failed!")


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        ({"address": None}, "Missing address or nonce!"),
        ({"nonce": None}, "Missing address or nonce!"),
        ({"address": "0x1234"}, "Invalid address format!"),
        ({"address": "not an address"}, "Invalid address format!"),
    ],
)
async def test_missing_or_bad_address_and_nonce(
    http: httpx.AsyncClient, signer: LocalAccount, change: dict[str, Any], detail: str
) -> None:
    body = signed_in_body(signer, await nonce_of(http))
    for name, value in change.items():
        if value is None:
            del body["message"][name]
        else:
            body["message"][name] = value
    refused(await http.post(AUTHENTICATE[0], json=body), detail)


@pytest.mark.parametrize("signature", ["other-key", "0x1234", "garbage", "0x" + "00" * 65])
async def test_a_signature_not_by_the_address_is_refused(
    http: httpx.AsyncClient, world: World, signer: LocalAccount, signature: str
) -> None:
    nonce = await nonce_of(http)
    body = signed_in_body(signer, nonce)
    if signature == "other-key":
        fields = body["message"]
        body["signature"] = sign(Account.create(), siwe_text(fields, signer.address))
    else:
        body["signature"] = signature
    refused(await http.post(AUTHENTICATE[0], json=body), "Invalid signature!")
    assert (await nonce_row(world, nonce))["was_used"] is True  # as the reference: nonce spent


@pytest.mark.parametrize(
    "body",
    [{"message": {}}, {"signature": "0x"}, {"message": "text", "signature": "0x"}, [], None],
)
async def test_a_body_of_the_wrong_shape_is_422(http: httpx.AsyncClient, body: Any) -> None:
    answer = await http.post(AUTHENTICATE[0], json=body)
    assert answer.status_code == 422 and isinstance(answer.json()["detail"], list)


async def test_malformed_json_is_422(http: httpx.AsyncClient) -> None:
    answer = await http.post(AUTHENTICATE[0], content=b"{not json")
    assert answer.status_code == 422


async def test_without_the_private_key_sign_in_is_503_and_nonces_still_work(
    services: Services, app_community: int, signer: LocalAccount
) -> None:
    configured = app_settings(services.settings.DATABASE_URL, app_community)
    async with client_for(Services.build(configured, db=services.db)) as http:
        nonce = await nonce_of(http)
        answer = await http.post(AUTHENTICATE[0], json=signed_in_body(signer, nonce))
    assert (answer.status_code, answer.json()) == (
        503,
        {"detail": "This route needs SIWE_JWT_PRIVATE_KEY, which is not set."},
    )


# --- smart wallets (ERC-1271 / ERC-6492 through ETHEREUM_RPC_URL) --------------------------


def wallet_body(wallet: str, owner: LocalAccount, nonce: str, *, wrapped: bool = False) -> Any:
    fields = siwe_fields(wallet, nonce)
    signature = sign(owner, siwe_text(fields, wallet))
    if wrapped:
        factory = "0x" + "fa" * 20
        signature = wrap_erc6492(factory, bytes.fromhex("deadbeef"), signature)
    return {"message": fields, "signature": signature}


@pytest.mark.parametrize("wrapped", [False, True], ids=["deployed", "counterfactual"])
async def test_a_smart_wallet_signs_in_through_the_rpc(
    wallet_http: httpx.AsyncClient, chain: FakeChain, signer: LocalAccount, wrapped: bool
) -> None:
    wallet = Account.create().address  # the wallet's own address: no key signs for it
    chain.wallets[wallet.lower()] = signer.address.lower()
    nonce = await nonce_of(wallet_http)

    answer = await wallet_http.post(
        AUTHENTICATE[1], json=wallet_body(wallet, signer, nonce, wrapped=wrapped)
    )

    assert answer.status_code == 200, answer.text
    claims = jwt.decode(answer.json()["access"], APP_KEYS.public_pem, algorithms=["RS256"],
                        issuer="passport-scorer")  # fmt: skip
    assert claims["did"] == f"did:pkh:eip155:1:{wallet.lower()}"
    [call] = chain.calls
    assert call["method"] == "eth_call" and call["params"][1] == "latest"
    assert "to" not in call["params"][0]


async def test_an_ordinary_signature_needs_no_rpc_call(
    wallet_http: httpx.AsyncClient, chain: FakeChain, signer: LocalAccount
) -> None:
    body = signed_in_body(signer, await nonce_of(wallet_http))
    assert (await wallet_http.post(AUTHENTICATE[0], json=body)).status_code == 200
    assert chain.calls == []


async def test_a_smart_wallet_signature_by_another_key_is_refused(
    wallet_http: httpx.AsyncClient, chain: FakeChain, signer: LocalAccount
) -> None:
    wallet = Account.create().address
    chain.wallets[wallet.lower()] = Account.create().address.lower()
    body = wallet_body(wallet, signer, await nonce_of(wallet_http), wrapped=True)
    refused(await wallet_http.post(AUTHENTICATE[0], json=body), "Invalid signature!")


@pytest.mark.parametrize("fault", ["slow", "500", "garbage", "rpc-error"])
async def test_an_rpc_fault_is_an_invalid_signature_and_names_no_url(
    wallet_http: httpx.AsyncClient,
    chain: FakeChain,
    signer: LocalAccount,
    fault: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    wallet = Account.create().address
    chain.wallets[wallet.lower()] = signer.address.lower()
    if fault == "slow":
        chain.delay = 2.0
    elif fault == "500":
        chain.status = 500
    elif fault == "garbage":
        chain.raw_answer = b"<html>"
    else:
        chain.raw_answer = b'{"jsonrpc": "2.0", "id": 1, "error": {"code": -32000}}'
    body = wallet_body(wallet, signer, await nonce_of(wallet_http))
    started = time.perf_counter()
    with caplog.at_level(logging.DEBUG, logger="passport_scorer"):
        refused(await wallet_http.post(AUTHENTICATE[0], json=body), "Invalid signature!")
    assert time.perf_counter() - started < 1.8  # the 0.5 s timeout, not the 2 s delay
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("passport_scorer")]
    assert ours and not any("rpc-key-secret" in line for line in ours)


async def test_without_an_rpc_url_a_smart_wallet_is_refused(
    http: httpx.AsyncClient, signer: LocalAccount
) -> None:
    wallet = Account.create().address
    body = wallet_body(wallet, signer, await nonce_of(http), wrapped=True)
    refused(await http.post(AUTHENTICATE[0], json=body), "Invalid signature!")
