"""`/ceramic-cache/*`: the app's bulk stamp writes, its score, stamps and weights (CONTRACT §5.2).

Every route runs on SQLite and Postgres; rows are read back from the tables after writes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from passport_scorer.db import tables
from passport_scorer.services.container import Services
from tests.api.conftest import app_settings, client_for
from tests.app_tokens import APP_KEYS
from tests.factories import World

ALICE = "0x0000000000000000000000000000000000a11ce0"
BOB = "0x0000000000000000000000000000000000b0b000"
BULK = "/ceramic-cache/stamps/bulk"
CACHE = tables.ceramic_cache_ceramiccache
AUTH = APP_KEYS.headers(ALICE)


def _items(*credentials: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"provider": c["credentialSubject"]["provider"], "stamp": c, "address": ALICE}
        for c in credentials
    ]


async def _live(world: World, address: str = ALICE) -> list[dict[str, Any]]:
    rows = await world.rows(CACHE, address=address)
    return [row for row in rows if row["deleted_at"] is None]


async def _post(client: httpx.AsyncClient, body: Any, method: str = "POST") -> httpx.Response:
    return await client.request(method, BULK, json=body, headers=AUTH)


# --- POST / PATCH ---------------------------------------------------------------------------------


async def test_post_stores_the_stamps_and_answers_them_with_the_new_score(
    app_client: httpx.AsyncClient, app_community: int, world: World, creds: dict[str, Any]
) -> None:
    google, github = creds["valid_google_alice"], creds["valid_github_alice"]

    response = await _post(app_client, _items(google, github))

    assert response.status_code == 201, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert list(body) == ["success", "stamps", "score"]
    rows = await world.rows(CACHE)
    assert body["success"] is True
    assert body["stamps"] == [
        {"id": row["id"], "address": ALICE, "provider": row["provider"], "stamp": row["stamp"]}
        for row in rows
    ]
    assert [stamp["stamp"] for stamp in body["stamps"]] == [google, github]
    score = body["score"]
    assert (score["address"], score["score"], score["passing_score"]) == (ALICE, "18.00000", False)
    assert (score["threshold"], score["error"], score["linked_score"]) == ("20.00000", None, None)
    assert set(score["stamps"]) == {"Google", "Github"}
    assert score["points_data"] is None and score["possible_points_data"] is None

    now = datetime.now(UTC)
    for row, credential in zip(rows, (google, github), strict=True):
        assert row["type"] == 1
        assert row["address"] == ALICE
        assert row["provider"] == credential["credentialSubject"]["provider"]
        assert row["compose_db_save_status"] == "pending"
        assert row["compose_db_stream_id"] == ""
        assert row["proof_value"] == credential["proof"]["proofValue"]
        assert row["created_at"] is not None and abs(row["created_at"] - now) < timedelta(minutes=1)
        assert row["updated_at"] == row["created_at"]
        assert row["deleted_at"] is None
        assert row["issuance_date"] == datetime.fromisoformat(credential["issuanceDate"])
        assert row["expiration_date"] == datetime.fromisoformat(credential["expirationDate"])
        assert (row["source_app"], row["source_scorer_id"]) == (1, app_community)
    [stored] = await world.rows(tables.registry_score)
    assert (stored["status"], stored["score"]) == ("DONE", Decimal("0"))
    assert stored["evidence"]["rawScore"] == "18.0"
    assert await world.count(tables.registry_event, action="SCU") == 1
    assert await world.count(tables.registry_stamp) == 2


async def test_a_later_post_replaces_only_its_providers(
    app_client: httpx.AsyncClient, world: World, creds: dict[str, Any]
) -> None:
    google, github, twitter = (creds[f"valid_{p}_alice"] for p in ("google", "github", "twitter"))
    assert (await _post(app_client, _items(google, github))).status_code == 201
    [old_google, old_github] = await world.rows(CACHE)

    response = await _post(app_client, _items(google, twitter))

    assert response.status_code == 201
    assert response.json()["score"]["score"] == "24.00000"
    rows = {row["id"]: row for row in await world.rows(CACHE)}
    replaced = rows.pop(old_google["id"])
    assert replaced["deleted_at"] is not None and replaced["updated_at"] == replaced["deleted_at"]
    assert rows.pop(old_github["id"])["deleted_at"] is None
    assert {row["provider"] for row in rows.values()} == {"Google", "Twitter"}
    live = await _live(world)
    assert sorted(row["provider"] for row in live) == ["Github", "Google", "Twitter"]
    assert [s["provider"] for s in response.json()["stamps"]] == [
        row["provider"] for row in sorted(live, key=lambda row: row["id"])
    ]
    assert await world.count(tables.registry_event, action="SCU") == 2


async def test_items_without_a_stamp_only_remove_it(
    app_client: httpx.AsyncClient, world: World, creds: dict[str, Any]
) -> None:
    google, github = creds["valid_google_alice"], creds["valid_github_alice"]
    await _post(app_client, _items(google, github))

    for method, status in (("POST", 201), ("PATCH", 200)):
        response = await _post(app_client, [{"provider": "Github"}, *_items(google)], method)
        assert response.status_code == status, response.text
        assert [s["provider"] for s in response.json()["stamps"]] == ["Google"]
        assert response.json()["score"]["score"] == "10.00000"
    assert [row["provider"] for row in await _live(world)] == ["Google"]


async def test_patch_replaces_and_answers_200(
    app_client: httpx.AsyncClient, world: World, creds: dict[str, Any]
) -> None:
    response = await _post(app_client, _items(creds["valid_twitter_alice"]), "PATCH")

    assert response.status_code == 200
    assert response.json()["score"]["score"] == "6.00000"
    [row] = await world.rows(CACHE)
    assert (row["type"], row["source_app"], row["compose_db_save_status"]) == (1, 1, "pending")


async def test_the_replaced_rows_are_any_type_and_only_the_callers(
    app_client: httpx.AsyncClient, world: World, creds: dict[str, Any]
) -> None:
    google = creds["valid_google_alice"]
    [v2_row] = await world.stamps(ALICE, [google], type=2)
    [bobs] = await world.stamps(BOB, [creds["valid_google_bob_same_nullifier_as_alice"]])

    assert (await _post(app_client, _items(google))).status_code == 201

    rows = {row["id"]: row for row in await world.rows(CACHE)}
    assert rows[v2_row]["deleted_at"] is not None
    assert rows[bobs]["deleted_at"] is None


@pytest.mark.parametrize("method", ["POST", "PATCH"])
async def test_two_items_for_one_provider_are_422_and_nothing_is_written(
    app_client: httpx.AsyncClient, world: World, creds: dict[str, Any], method: str
) -> None:
    await world.stamps(ALICE, [creds["valid_github_alice"]])
    google = creds["valid_google_alice"]
    body = [*_items(google, creds["valid_github_alice"]), {"provider": "Google"}]

    response = await _post(app_client, body, method)

    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body"]
    assert "Google" in problem["msg"]
    [row] = await world.rows(CACHE)
    assert row["deleted_at"] is None
    assert await world.count(tables.registry_score) == 0


async def test_more_than_100_items_are_422_and_nothing_is_written(
    app_client: httpx.AsyncClient, world: World, creds: dict[str, Any]
) -> None:
    body = [{"provider": f"P{i}"} for i in range(100)] + _items(creds["valid_google_alice"])
    for method in ("POST", "PATCH", "DELETE"):
        response = await _post(app_client, body, method)
        assert (response.status_code, response.json()) == (
            422,
            {"detail": "You have submitted too many stamps."},
        )
    assert await world.count(CACHE) == 0
    assert await world.count(tables.registry_score) == 0


async def test_bodies_the_cache_cannot_store_are_422(
    app_client: httpx.AsyncClient, world: World, creds: dict[str, Any]
) -> None:
    google = creds["valid_google_alice"]
    no_proof = {key: value for key, value in google.items() if key != "proof"}
    long_proof = {**google, "proof": {**google["proof"], "proofValue": "0x" + "a" * 300}}
    nul = {**google, "issuer": "did:ethr:\u0000"}
    cases: list[tuple[str, object, str]] = [
        ("not a list", {"provider": "Google"}, "list_type"),
        ("no provider", [{"stamp": google}], "missing"),
        ("stamp not an object", [{"provider": "Google", "stamp": "text"}], "dict_type"),
        ("no proof", [{"provider": "Google", "stamp": no_proof}], "value_error"),
        ("long proof", [{"provider": "Google", "stamp": long_proof}], "value_error"),
        ("NUL", [{"provider": "Google", "stamp": nul}], "value_error"),
        ("long provider", [{"provider": "G" * 257, "stamp": google}], "value_error"),
        ("NUL provider", [{"provider": "Goo\u0000gle"}], "value_error"),
    ]
    for name, body, kind in cases:
        response = await _post(app_client, body)
        assert response.status_code == 422, (name, response.text)
        assert response.json()["detail"][0]["type"] == kind, name
    malformed = await app_client.post(BULK, content=b"[{", headers=AUTH)
    assert malformed.status_code == 422
    assert malformed.json()["detail"][0]["type"] == "json_invalid"
    assert await world.count(CACHE) == 0


async def test_a_stamp_with_an_unparsable_date_is_stored_with_null_dates(
    app_client: httpx.AsyncClient, world: World, creds: dict[str, Any]
) -> None:
    stamp = {**creds["valid_google_alice"], "issuanceDate": "yesterday"}
    stamp["expirationDate"] = "2036-01-01T00:00:00"  # no zone

    response = await _post(app_client, [{"provider": "Google", "stamp": stamp}])

    assert response.status_code == 201
    [row] = await world.rows(CACHE)
    assert (row["issuance_date"], row["expiration_date"]) == (None, None)
    assert response.json()["score"]["score"] == "0.00000"  # tampered: the proof fails


async def test_a_failed_rescore_is_answered_with_the_error_and_the_stamps_kept(
    services: Services, world: World, creds: dict[str, Any]
) -> None:
    account = await world.account()
    broken = await world.community(account, weights={"Google": "1"}, rule="NOT-LIFO")
    settings = app_settings(services.settings.DATABASE_URL, broken)
    async with client_for(Services.build(settings, db=services.db)) as client:
        response = await _post(client, _items(creds["valid_google_alice"]))

    assert response.status_code == 201
    assert response.json()["score"]["error"] == "Invalid rule"
    assert len(await _live(world)) == 1
    [stored] = await world.rows(tables.registry_score)
    assert (stored["status"], stored["error"]) == ("ERROR", "Invalid rule")


# --- DELETE ---------------------------------------------------------------------------------------


async def test_delete_removes_the_providers_rows_and_rescores(
    app_client: httpx.AsyncClient, world: World, creds: dict[str, Any]
) -> None:
    await _post(app_client, _items(creds["valid_google_alice"], creds["valid_github_alice"]))
    [v2_github] = await world.stamps(ALICE, [creds["valid_github_alice"]], type=2)

    response = await _post(app_client, [{"provider": "Github", "address": ALICE}], "DELETE")

    assert response.status_code == 200, response.text
    body = response.json()
    assert [s["provider"] for s in body["stamps"]] == ["Google"]
    assert (body["score"]["score"], list(body["score"]["stamps"])) == ("10.00000", ["Google"])
    assert [row["provider"] for row in await _live(world)] == ["Google"]
    rows = {row["id"]: row for row in await world.rows(CACHE)}
    assert rows[v2_github]["deleted_at"] is not None
    assert await world.count(tables.registry_event, action="SCU") == 2

    response = await _post(app_client, [{"provider": "Google"}], "DELETE")
    assert response.status_code == 200
    assert response.json()["stamps"] == []
    assert response.json()["score"]["score"] == "0.00000"


async def test_deleting_nothing_is_404_and_changes_nothing(
    app_client: httpx.AsyncClient, world: World, creds: dict[str, Any]
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"]], deleted=True)
    await world.stamps(BOB, [creds["valid_google_bob_same_nullifier_as_alice"]])

    for body in ([{"provider": "Google"}], []):
        response = await _post(app_client, body, "DELETE")
        assert (response.status_code, response.json()) == (
            404,
            {"detail": "Unable to find stamp to delete."},
        )
    assert await world.count(tables.registry_score) == 0
    assert len(await _live(world, BOB)) == 1


# --- Score ----------------------------------------------------------------------------------------


async def _set_score(world: World, **values: Any) -> None:
    async with world.transaction() as conn:
        await conn.execute(update(tables.registry_score).values(**values))


async def test_get_score_scores_an_unscored_address(
    app_client: httpx.AsyncClient, world: World, creds: dict[str, Any]
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"], creds["valid_twitter_alice"]])

    response = await app_client.get(f"/ceramic-cache/score/{ALICE}", headers=AUTH)

    assert response.status_code == 200
    assert (response.json()["score"], response.json()["error"]) == ("16.00000", None)
    assert await world.count(tables.registry_event, action="SCU") == 1


async def test_get_score_answers_the_stored_score_until_it_expires(
    app_client: httpx.AsyncClient, world: World, creds: dict[str, Any]
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"]])
    first = (await app_client.get(f"/ceramic-cache/score/{ALICE}", headers=AUTH)).json()
    evidence = {"type": "ThresholdScoreCheck", "success": True, "rawScore": "42", "threshold": "20"}
    await _set_score(world, evidence=evidence)

    stored = await app_client.get(f"/ceramic-cache/score/{ALICE}", headers=AUTH)

    assert stored.status_code == 200
    body = stored.json()
    assert (body["score"], body["passing_score"], body["threshold"]) == (
        "42.00000",
        True,
        "20.00000",
    )
    assert body["stamps"] == first["stamps"]
    assert body["last_score_timestamp"] == first["last_score_timestamp"]
    assert body["expiration_timestamp"] == first["expiration_timestamp"]
    assert await world.count(tables.registry_event, action="SCU") == 1

    await _set_score(world, expiration_date=datetime.now(UTC) - timedelta(seconds=1))
    expired = (await app_client.get(f"/ceramic-cache/score/{ALICE}", headers=AUTH)).json()
    assert expired["score"] == "10.00000"
    assert expired["expiration_timestamp"] == "2036-01-01T00:00:00+00:00"
    assert await world.count(tables.registry_event, action="SCU") == 2


async def test_a_stored_score_without_expiry_is_kept(
    app_client: httpx.AsyncClient, world: World, creds: dict[str, Any]
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"]])
    await app_client.get(f"/ceramic-cache/score/{ALICE}", headers=AUTH)
    await _set_score(world, expiration_date=None)

    body = (await app_client.get(f"/ceramic-cache/score/{ALICE}", headers=AUTH)).json()

    assert (body["score"], body["expiration_timestamp"]) == ("10.00000", None)
    assert await world.count(tables.registry_event, action="SCU") == 1


async def test_alternate_scorer_id_scores_in_that_community(
    app_client: httpx.AsyncClient, world: World, creds: dict[str, Any], app_community: int
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"]])
    other = await world.community(await world.account(), weights={"Google": "1.5"})

    path = f"/ceramic-cache/score/{ALICE}"
    got = await app_client.get(path, params={"alternate_scorer_id": other}, headers=AUTH)
    posted = await app_client.post(path, json={"alternate_scorer_id": other}, headers=AUTH)

    assert (got.status_code, got.json()["score"]) == (200, "1.50000")
    assert (posted.status_code, posted.json()["score"]) == (200, "1.50000")
    assert await world.count(tables.registry_passport, community_id=other) == 1
    assert await world.count(tables.registry_passport, community_id=app_community) == 0
    missing = other + 1000
    for response in (
        await app_client.get(path, params={"alternate_scorer_id": missing}, headers=AUTH),
        await app_client.get(path, params={"alternate_scorer_id": 2**70}, headers=AUTH),
        await app_client.post(path, json={"alternate_scorer_id": missing}, headers=AUTH),
    ):
        assert response.status_code == 404
        assert "Community matching the configured scorer id" in response.json()["detail"]
    bad = await app_client.get(path, params={"alternate_scorer_id": "x"}, headers=AUTH)
    assert bad.status_code == 422


async def test_post_score_always_rescores(
    app_client: httpx.AsyncClient, world: World, creds: dict[str, Any]
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"]])
    path = f"/ceramic-cache/score/{ALICE}"

    for body in (None, {}, {"alternate_scorer_id": None}):
        response = await app_client.post(path, json=body, headers=AUTH)
        assert response.status_code == 200, response.text
        assert response.json()["score"] == "10.00000"

    assert await world.count(tables.registry_event, action="SCU") == 3
    assert (await app_client.post(path, json=[], headers=AUTH)).status_code == 422


# --- Stamps and weights ---------------------------------------------------------------------------


async def test_get_stamp_lists_live_stamps_and_scores_an_unscored_address_first(
    app_client: httpx.AsyncClient, world: World, creds: dict[str, Any]
) -> None:
    [google] = await world.stamps(ALICE, [creds["valid_google_alice"]])
    await world.stamps(ALICE, [creds["valid_github_alice"]], deleted=True)
    await world.stamps(ALICE, [creds["valid_twitter_alice"]], revoked=True)

    response = await app_client.get("/ceramic-cache/stamp", params={"address": ALICE.upper()})

    assert response.status_code == 200
    assert response.json() == {
        "success": True,
        "stamps": [
            {
                "id": google,
                "address": ALICE,
                "provider": "Google",
                "stamp": creds["valid_google_alice"],
            }
        ],
    }
    [score] = await world.rows(tables.registry_score)
    assert score["evidence"]["rawScore"] == "10.0"
    await app_client.get("/ceramic-cache/stamp", params={"address": ALICE})
    assert await world.count(tables.registry_event, action="SCU") == 1


async def test_get_stamp_errors_and_empty_list(app_client: httpx.AsyncClient) -> None:
    empty = await app_client.get("/ceramic-cache/stamp", params={"address": BOB})
    assert empty.json() == {"success": True, "stamps": []}
    missing = await app_client.get("/ceramic-cache/stamp")
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["query", "address"]
    invalid = await app_client.get("/ceramic-cache/stamp", params={"address": "0x123"})
    assert (invalid.status_code, invalid.json()) == (400, {"detail": "Invalid address."})


async def test_weights_are_the_app_scorers_as_stored(services: Services, world: World) -> None:
    weights = {"Google": 10.5, "Github": "8.0", "Twitter": 6, "Ens": 0.1}
    community = await world.community(await world.account(), weights=weights)
    settings = app_settings(services.settings.DATABASE_URL, community)
    async with client_for(Services.build(settings, db=services.db)) as client:
        response = await client.get("/ceramic-cache/weights")

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == weights
    assert {key: type(value) for key, value in response.json().items()} == {
        "Google": float,
        "Github": str,
        "Twitter": int,
        "Ens": float,
    }


async def test_routes_of_an_app_community_that_does_not_exist_are_404(
    services: Services, app_community: int
) -> None:
    settings = app_settings(services.settings.DATABASE_URL, app_community + 1000)
    detail = {
        "detail": "Community matching the configured scorer id does not exist! "
        "This is probably a misconfiguration!"
    }
    async with client_for(Services.build(settings, db=services.db)) as client:
        for method, path, body in [
            ("POST", BULK, []),
            ("DELETE", BULK, [{"provider": "Google"}]),
            ("GET", f"/ceramic-cache/score/{ALICE}", None),
            ("POST", f"/ceramic-cache/score/{ALICE}", None),
            ("GET", f"/ceramic-cache/stamp?address={ALICE}", None),
            ("GET", "/ceramic-cache/weights", None),
        ]:
            response = await client.request(method, path, json=body, headers=AUTH)
            assert (response.status_code, response.json()) == (404, detail), (method, path)


APP_ROUTES = [
    ("POST", BULK, []),
    ("PATCH", BULK, []),
    ("DELETE", BULK, [{"provider": "Google"}]),
    ("GET", f"/ceramic-cache/score/{ALICE}", None),
    ("POST", f"/ceramic-cache/score/{ALICE}", None),
    ("GET", f"/ceramic-cache/stamp?address={ALICE}", None),
    ("GET", "/ceramic-cache/weights", None),
]


async def test_without_the_app_community_every_route_is_503(services: Services) -> None:
    settings = app_settings(services.settings.DATABASE_URL, None)
    async with client_for(Services.build(settings, db=services.db)) as client:
        for method, path, body in APP_ROUTES:
            response = await client.request(method, path, json=body, headers=AUTH)
            assert (response.status_code, response.json()) == (
                503,
                {"detail": "This route needs CERAMIC_CACHE_SCORER_ID, which is not set."},
            ), (method, path)


# --- CORS -----------------------------------------------------------------------------------------


async def test_every_app_route_carries_cors_headers_and_answers_preflights(
    app_client: httpx.AsyncClient,
) -> None:
    for method, path, body in APP_ROUTES:
        for headers in (AUTH, {}):  # success and 401 alike
            response = await app_client.request(method, path, json=body, headers=headers)
            assert response.headers["access-control-allow-origin"] == "*", (method, path)
        preflight = await app_client.options(
            path.split("?")[0],
            headers={"Origin": "https://app.passport.xyz", "Access-Control-Request-Method": method},
        )
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "*"
        assert method in preflight.headers["access-control-allow-methods"].split(",")
        assert "authorization" in preflight.headers["access-control-allow-headers"]
