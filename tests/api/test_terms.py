"""`/ceramic-cache/tos/*`: terms of service, accepted by signing the message with its nonce."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from eth_account import Account
from eth_account.messages import encode_defunct
from eth_account.signers.local import LocalAccount

from passport_scorer.db import tables
from tests.app_tokens import APP_KEYS
from tests.factories import World

TERMS = "By staking you agree to the rules."


@pytest.fixture
def signer() -> LocalAccount:
    account: LocalAccount = Account.create()
    return account


async def add_terms(world: World, *, active: bool = True, final: bool = True) -> int:
    now = datetime.now(UTC)
    return await world.insert(
        tables.tos_tos, created_at=now, modified_at=now, type="IST", active=active,
        content=TERMS, final=final,
    )  # fmt: skip


def tos(kind: str, address: str) -> str:
    return f"/ceramic-cache/tos/{kind}/IST/{address}"


async def test_accepting_the_terms(
    app_client: httpx.AsyncClient, world: World, signer: LocalAccount
) -> None:
    terms_id = await add_terms(world)
    address = signer.address.lower()
    headers = APP_KEYS.headers(address)
    accepted = await app_client.get(tos("accepted", address), headers=headers)
    assert (accepted.status_code, accepted.json()) == (200, {"accepted": False})

    to_sign = await app_client.get(tos("message-to-sign", signer.address), headers=headers)
    assert to_sign.status_code == 200
    text, nonce = to_sign.json()["text"], to_sign.json()["nonce"]
    assert text == f"{TERMS}\n\nNonce: {nonce}"
    signature = "0x" + signer.sign_message(encode_defunct(text=text)).signature.hex()

    signed = await app_client.post(
        tos("signed-message", address),
        json={"tos_type": "IST", "nonce": nonce, "signature": signature},
        headers=headers,
    )

    assert (signed.status_code, signed.content) == (200, b"null")
    [proof] = await world.rows(tables.tos_tosacceptanceproof)
    assert (proof["tos_id"], proof["address"], proof["nonce"]) == (terms_id, address, nonce)
    assert proof["signature"] == signature.lower()
    accepted = await app_client.get(tos("accepted", address), headers=headers)
    assert accepted.json() == {"accepted": True}
    again = await app_client.post(
        tos("signed-message", address),
        json={"tos_type": "IST", "nonce": nonce, "signature": signature},
        headers=headers,
    )
    assert (again.status_code, again.json()) == (
        400,
        {"detail": "Failed to process the tos acceptance proof"},
    )


@pytest.mark.parametrize("signature", ["0x1234", "not a signature"])
async def test_a_refused_acceptance_writes_nothing_and_keeps_the_nonce(
    app_client: httpx.AsyncClient, world: World, signer: LocalAccount, signature: str
) -> None:
    await add_terms(world)
    address = signer.address.lower()
    headers = APP_KEYS.headers(address)
    nonce = (await app_client.get(tos("message-to-sign", address), headers=headers)).json()["nonce"]

    response = await app_client.post(
        tos("signed-message", address),
        json={"tos_type": "IST", "nonce": nonce, "signature": signature},
        headers=headers,
    )

    assert (response.status_code, response.json()) == (
        400,
        {"detail": "Failed to process the tos acceptance proof"},
    )
    assert await world.count(tables.tos_tosacceptanceproof) == 0
    [row] = await world.rows(tables.account_nonce, nonce=nonce)
    assert row["was_used"] is False


async def test_terms_that_are_not_active_and_final_are_not_offered(
    app_client: httpx.AsyncClient, world: World, signer: LocalAccount
) -> None:
    await add_terms(world, final=False)
    await add_terms(world, active=False)
    address = signer.address.lower()
    headers = APP_KEYS.headers(address)
    response = await app_client.get(tos("message-to-sign", address), headers=headers)
    assert (response.status_code, response.json()) == (
        404,
        {"detail": "No active terms of service of this type."},
    )
    assert await world.count(tables.account_nonce) == 0
    nonce = "ab" * 30
    await world.insert(tables.account_nonce, nonce=nonce, created_on=datetime.now(UTC),
                       was_used=False, expires_on=None)  # fmt: skip
    response = await app_client.post(
        tos("signed-message", address),
        json={"tos_type": "IST", "nonce": nonce, "signature": "0x00"},
        headers=headers,
    )
    assert response.status_code == 404
    [row] = await world.rows(tables.account_nonce, nonce=nonce)
    assert row["was_used"] is False  # rolled back with the refused acceptance


async def test_the_path_address_must_be_the_tokens(
    app_client: httpx.AsyncClient, world: World, signer: LocalAccount
) -> None:
    await add_terms(world)
    headers = APP_KEYS.headers(signer.address)
    other = "0x" + "2" * 40
    for response in (
        await app_client.get(tos("accepted", other), headers=headers),
        await app_client.get(tos("message-to-sign", other), headers=headers),
        await app_client.post(
            tos("signed-message", other),
            json={"tos_type": "IST", "nonce": "x", "signature": "y"},
            headers=headers,
        ),
    ):
        assert (response.status_code, response.json()) == (
            403,
            {"detail": "Address in path does not match the authenticated address."},
        )
    no_token = await app_client.get(tos("accepted", signer.address))
    assert no_token.status_code == 401
    bad_body = await app_client.post(
        tos("signed-message", signer.address), json={"nonce": "x"}, headers=headers
    )
    assert bad_body.status_code == 422


async def test_cors_preflight(app_client: httpx.AsyncClient, signer: LocalAccount) -> None:
    response = await app_client.options(tos("signed-message", signer.address))
    assert response.status_code == 200
    assert "POST" in response.headers["access-control-allow-methods"]
