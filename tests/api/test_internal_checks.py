"""The issuer's lookups: `/internal/check-bans`, `/check-revocations`, `/allow-list/...` and
`/customization/credential/...`, each behind the internal token."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.conftest import INTERNAL_TOKEN
from tests.factories import World

AUTH = {"Authorization": INTERNAL_TOKEN}
ALICE = "0x" + "a1" * 20
CHECKSUMMED_ALICE = "0x" + "A1" * 20  # stored by another writer, in upper case
BOB = "0x" + "b0" * 20


def credential(
    hash: str | None = "hash-google", provider: str | None = "Google", address: str = ALICE
) -> dict[str, Any]:
    return {
        "credentialSubject": {
            "hash": hash,
            "provider": provider,
            "id": f"did:pkh:eip155:1:{address}",
        }
    }


TWO = [credential("hash-github", "Github"), credential("hash-twitter", "Twitter")]


def result(hash: str | None, ban_type: str | None = None, **fields: Any) -> dict[str, Any]:
    return {
        "hash": hash,
        "is_banned": ban_type is not None,
        "end_time": fields.get("end_time"),
        "ban_type": ban_type,
        "reason": fields.get("reason"),
    }


async def check_bans(client: httpx.AsyncClient, body: Any) -> httpx.Response:
    return await client.post("/internal/check-bans", json=body, headers=AUTH)


# --- check-bans -----------------------------------------------------------------------------------


async def test_no_bans(client: httpx.AsyncClient) -> None:
    response = await check_bans(client, TWO)
    assert response.status_code == 200
    assert response.json() == [result("hash-github"), result("hash-twitter")]


async def test_an_account_ban_stored_in_mixed_case_bans_every_credential(
    client: httpx.AsyncClient, world: World
) -> None:
    await world.ban("account", address=CHECKSUMMED_ALICE, reason="sybil")
    await world.ban("account", address=BOB)
    response = await check_bans(client, TWO)
    assert response.json() == [
        result("hash-github", "account", reason="sybil"),
        result("hash-twitter", "account", reason="sybil"),
    ]


async def test_a_single_stamp_ban_covers_its_provider_only(
    client: httpx.AsyncClient, world: World
) -> None:
    await world.ban("single_stamp", address=ALICE, provider="Github")
    response = await check_bans(client, TWO)
    assert response.json() == [result("hash-github", "single_stamp"), result("hash-twitter")]


async def test_a_hash_ban_with_an_end_in_the_future(
    client: httpx.AsyncClient, world: World
) -> None:
    end = datetime(2999, 1, 2, 3, 4, 5, tzinfo=UTC)
    await world.ban("hash", hash="hash-twitter", end_time=end, reason="Temporary ban")
    response = await check_bans(client, TWO)
    assert response.json() == [
        result("hash-github"),
        result("hash-twitter", "hash", end_time="2999-01-02T03:04:05Z", reason="Temporary ban"),
    ]


async def test_end_time_shows_truncated_milliseconds(
    client: httpx.AsyncClient, world: World
) -> None:
    end = datetime(2999, 1, 2, 3, 4, 5, 120999, tzinfo=UTC)
    await world.ban("account", address=ALICE, end_time=end)
    body = (await check_bans(client, [credential()])).json()
    assert body[0]["end_time"] == "2999-01-02T03:04:05.120Z"


async def test_expired_bans_are_ignored(client: httpx.AsyncClient, world: World) -> None:
    past = datetime.now(UTC) - timedelta(seconds=1)
    await world.ban("account", address=ALICE, end_time=past)
    await world.ban("hash", hash="hash-github", end_time=past)
    assert (await check_bans(client, TWO)).json() == [result("hash-github"), result("hash-twitter")]


async def test_the_first_covering_ban_decides(client: httpx.AsyncClient, world: World) -> None:
    await world.ban("single_stamp", address=ALICE, provider="Github", reason="first")
    await world.ban("account", address=ALICE, reason="second")
    response = await check_bans(client, TWO)
    assert response.json() == [
        result("hash-github", "single_stamp", reason="first"),
        result("hash-twitter", "account", reason="second"),
    ]


async def test_a_mixed_case_subject_finds_its_bans(client: httpx.AsyncClient, world: World) -> None:
    await world.ban("account", address=ALICE)
    response = await check_bans(client, [credential(address=CHECKSUMMED_ALICE)])
    assert response.json() == [result("hash-google", "account")]


async def test_a_credential_without_hash_is_answered(
    client: httpx.AsyncClient, world: World
) -> None:
    await world.ban("single_stamp", address=ALICE, provider="Google")
    response = await check_bans(client, [credential(hash=None), credential("h", "Github")])
    assert response.json() == [result(None, "single_stamp"), result("h")]


NO_CREDENTIALS = "Must provide valid credential(s)"
ONE_ADDRESS = "All credentials must be issued to the same address"
NO_SUBJECT = {"credentialSubject": {"hash": "h", "provider": "P", "id": None}}


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ([], NO_CREDENTIALS),
        ([credential(address=ALICE), credential(address=BOB)], ONE_ADDRESS),
        ([credential(), NO_SUBJECT], ONE_ADDRESS),
        ([NO_SUBJECT], NO_CREDENTIALS),
        ([credential(address="0x123")], "Invalid address."),
    ],
)
async def test_refused_requests(client: httpx.AsyncClient, body: Any, detail: str) -> None:
    response = await check_bans(client, body)
    assert (response.status_code, response.json()) == (400, {"detail": detail})


@pytest.mark.parametrize(
    "body",
    [
        [{"credentialSubject": {"hash": "h", "provider": "P"}}],  # `id` missing
        [{"hash": "h"}],
        {"credentialSubject": {}},
    ],
)
async def test_wrong_shapes_are_422(client: httpx.AsyncClient, body: Any) -> None:
    response = await check_bans(client, body)
    assert response.status_code == 422
    assert isinstance(response.json()["detail"], list)


async def test_malformed_json_is_422(client: httpx.AsyncClient) -> None:
    response = await client.post("/internal/check-bans", content=b"[{", headers=AUTH)
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "json_invalid"


# --- check-revocations ----------------------------------------------------------------------------


async def test_revocations_keep_order_and_duplicates(
    client: httpx.AsyncClient, world: World, fixture_credentials: dict[str, Any]
) -> None:
    (row,) = await world.stamps(ALICE, [fixture_credentials["credentials"]["valid_google_alice"]])
    await world.revoke(row, "proof-2")
    response = await client.post(
        "/internal/check-revocations",
        json={"proof_values": ["proof-1", "proof-2", "proof-1", "proof-2"]},
        headers=AUTH,
    )
    assert response.status_code == 200
    assert response.json() == [
        {"proof_value": "proof-1", "is_revoked": False},
        {"proof_value": "proof-2", "is_revoked": True},
        {"proof_value": "proof-1", "is_revoked": False},
        {"proof_value": "proof-2", "is_revoked": True},
    ]


async def test_no_proof_values(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/internal/check-revocations", json={"proof_values": []}, headers=AUTH
    )
    assert (response.status_code, response.json()) == (200, [])


async def test_at_most_100_proof_values(client: httpx.AsyncClient) -> None:
    values = [f"proof-{i}" for i in range(101)]
    ok = await client.post(
        "/internal/check-revocations", json={"proof_values": values[:100]}, headers=AUTH
    )
    assert (ok.status_code, len(ok.json())) == (200, 100)
    over = await client.post(
        "/internal/check-revocations", json={"proof_values": values}, headers=AUTH
    )
    assert (over.status_code, over.json()) == (
        422,
        {"detail": "You have submitted too many stamps."},
    )


async def test_revocations_need_proof_values(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/internal/check-revocations", json={"proofs": ["x"]}, headers=AUTH
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "proof_values"]


# --- allow lists ----------------------------------------------------------------------------------


async def test_allow_list_membership(client: httpx.AsyncClient, world: World) -> None:
    await world.address_list("VIPList", [CHECKSUMMED_ALICE])
    await world.address_list("Other", [BOB])

    async def member(list_name: str, address: str) -> Any:
        response = await client.get(f"/internal/allow-list/{list_name}/{address}", headers=AUTH)
        assert response.status_code == 200
        return response.json()

    assert await member("VIPList", ALICE) == {"is_member": True}
    assert await member("VIPList", CHECKSUMMED_ALICE) == {"is_member": True}
    assert await member("VIPList", BOB) == {"is_member": False}
    assert await member("Missing", ALICE) == {"is_member": False}


async def test_allow_list_refuses_an_invalid_address(client: httpx.AsyncClient) -> None:
    response = await client.get("/internal/allow-list/VIPList/0x123", headers=AUTH)
    assert (response.status_code, response.json()) == (400, {"detail": "Invalid address."})


# --- custom credentials ---------------------------------------------------------------------------

DEFINITION = {"name": "repo", "condition": {"AND": [{"repository_contributor": {"min": 3}}]}}


@pytest.mark.parametrize(
    "path",
    [
        "DeveloperList%23repo%230xabc",  # `#` encoded once: decoded by the router
        "DeveloperList%2523repo%25230xabc",  # encoded twice: the `%23` left is read as `#`
    ],
)
async def test_custom_credential_ruleset(
    client: httpx.AsyncClient, world: World, path: str
) -> None:
    await world.custom_credential_ruleset("DeveloperList#repo#0xabc", DEFINITION)
    response = await client.get(f"/internal/customization/credential/{path}", headers=AUTH)
    assert (response.status_code, response.json()) == (200, {"ruleset": DEFINITION})


async def test_unknown_custom_credential_is_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/internal/customization/credential/Nope%23x", headers=AUTH)
    assert (response.status_code, response.json()) == (404, {"detail": "Not Found"})


# --- the internal token ---------------------------------------------------------------------------

REQUESTS = [
    ("POST", "/internal/check-bans", TWO),
    ("POST", "/internal/check-revocations", {"proof_values": ["x"]}),
    ("GET", f"/internal/allow-list/VIPList/{ALICE}", None),
    ("GET", "/internal/customization/credential/X%23y", None),
    ("GET", f"/internal/stake/gtc/{ALICE}", None),
    ("GET", f"/internal/stake/legacy-gtc/{ALICE}/1", None),
    ("GET", f"/internal/cgrants/contributor_statistics?address={ALICE}", None),
]


@pytest.mark.parametrize(("method", "path", "body"), REQUESTS)
async def test_every_internal_route_needs_the_exact_token(
    client: httpx.AsyncClient, method: str, path: str, body: Any
) -> None:
    for headers in ({}, {"Authorization": "wrong"}, {"Authorization": f"Bearer {INTERNAL_TOKEN}"}):
        response = await client.request(method, path, json=body, headers=headers)
        assert (response.status_code, response.json()) == (401, {"detail": "Unauthorized"})


async def test_the_token_is_checked_before_the_body(client: httpx.AsyncClient) -> None:
    response = await client.post("/internal/check-bans", content=b"[{")
    assert response.status_code == 401
