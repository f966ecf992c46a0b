"""`/internal/embed/*`: the embed service's stamp writes, scores and weights (CONTRACT §5.3)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest

from passport_scorer.db import tables
from passport_scorer.services.container import Services
from tests.api.conftest import app_settings, client_for
from tests.conftest import INTERNAL_TOKEN, WEIGHTS
from tests.factories import World

ALICE = "0x0000000000000000000000000000000000a11ce0"
CACHE = tables.ceramic_cache_ceramiccache
INTERNAL = {"Authorization": INTERNAL_TOKEN}


@pytest.fixture
async def partner(world: World) -> int:
    """A partner's community (not the app's), binary weights, threshold 20."""
    return await world.community(await world.account(), weights=WEIGHTS, threshold=Decimal("20"))


def _stamps_path(address: str = ALICE) -> str:
    return f"/internal/embed/stamps/{address}"


async def test_post_stamps_stores_them_and_answers_the_new_score(
    app_client: httpx.AsyncClient, partner: int, world: World, creds: dict[str, Any]
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"]], provider="Google")
    stamps = [creds["valid_google_alice"], creds["valid_twitter_alice"]]

    response = await app_client.post(
        _stamps_path("0x" + ALICE[2:].upper()),
        json={"scorer_id": str(partner), "stamps": stamps},
        headers=INTERNAL,
    )

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert list(body) == ["success", "stamps", "score"]
    assert [s["stamp"] for s in body["stamps"]] == stamps
    assert (body["score"]["score"], body["score"]["address"]) == ("16.00000", ALICE)
    rows = await world.rows(CACHE)
    assert [row["deleted_at"] is None for row in rows] == [False, True, True]
    for row in rows[1:]:
        assert (row["source_app"], row["source_scorer_id"], row["type"]) == (2, partner, 1)
        assert row["compose_db_save_status"] == "pending" and row["created_at"] is not None
    [passport] = await world.rows(tables.registry_passport)
    assert (passport["address"], passport["community_id"]) == (ALICE, partner)
    assert await world.count(tables.registry_event, action="SCU") == 1


async def test_post_stamps_requires_the_internal_token(
    app_client: httpx.AsyncClient, partner: int, world: World, creds: dict[str, Any]
) -> None:
    body = {"scorer_id": partner, "stamps": [creds["valid_google_alice"]]}
    for headers in ({}, {"Authorization": "wrong"}, {"Authorization": f"Bearer {INTERNAL_TOKEN}"}):
        response = await app_client.post(_stamps_path(), json=body, headers=headers)
        assert (response.status_code, response.json()) == (401, {"detail": "Unauthorized"})
    assert await world.count(CACHE) == 0


async def test_post_stamps_to_an_unknown_community_is_400_and_writes_nothing(
    app_client: httpx.AsyncClient, partner: int, world: World, creds: dict[str, Any]
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"]])
    for scorer_id in (partner + 1000, -1, 2**62 * 3):
        response = await app_client.post(
            _stamps_path(),
            json={"scorer_id": str(scorer_id), "stamps": [creds["valid_google_alice"]]},
            headers=INTERNAL,
        )
        assert (response.status_code, response.json()) == (400, {"detail": "Invalid scorer_id"})
    [row] = await world.rows(CACHE)
    assert row["deleted_at"] is None
    assert await world.count(tables.registry_passport) == 0


async def test_negative_scorer_ids_mean_the_demo_community(
    services: Services, partner: int, world: World, creds: dict[str, Any]
) -> None:
    settings = app_settings(services.settings.DATABASE_URL, None, DEMO_API_SCORER_ID=partner)
    async with client_for(Services.build(settings, db=services.db)) as client:
        posted = await client.post(
            _stamps_path(),
            json={"scorer_id": -5, "stamps": [creds["valid_google_alice"]]},
            headers=INTERNAL,
        )
        got = await client.get(f"/internal/embed/score/-1/{ALICE}")

    assert posted.status_code == 200, posted.text
    assert posted.json()["score"]["score"] == "10.00000"
    assert got.json()["score"]["score"] == "10.00000"
    [row] = await world.rows(CACHE)
    assert row["source_scorer_id"] == partner


async def test_post_stamps_bad_input(
    app_client: httpx.AsyncClient, partner: int, world: World, creds: dict[str, Any]
) -> None:
    google = creds["valid_google_alice"]
    no_provider = {**google, "credentialSubject": {"id": google["credentialSubject"]["id"]}}
    cases: list[tuple[str, object, int]] = [
        ("too many", {"scorer_id": partner, "stamps": [google] * 101}, 422),
        ("one provider twice", {"scorer_id": partner, "stamps": [google, google]}, 422),
        ("no provider", {"scorer_id": partner, "stamps": [no_provider]}, 422),
        ("scorer id text", {"scorer_id": "twelve", "stamps": [google]}, 422),
        ("no scorer id", {"stamps": [google]}, 422),
        ("stamps not a list", {"scorer_id": partner, "stamps": google}, 422),
    ]
    for name, body, status in cases:
        response = await app_client.post(_stamps_path(), json=body, headers=INTERNAL)
        assert response.status_code == status, (name, response.text)
    too_many = await app_client.post(
        _stamps_path(), json={"scorer_id": partner, "stamps": [google] * 101}, headers=INTERNAL
    )
    assert too_many.json() == {"detail": "You have submitted too many stamps."}
    invalid = await app_client.post(
        _stamps_path("0x123"), json={"scorer_id": partner, "stamps": [google]}, headers=INTERNAL
    )
    assert (invalid.status_code, invalid.json()) == (400, {"detail": "Invalid address."})
    assert await world.count(CACHE) == 0


async def test_get_score_rescores_and_lists_the_stamps(
    app_client: httpx.AsyncClient, partner: int, world: World, creds: dict[str, Any]
) -> None:
    [google] = await world.stamps(ALICE, [creds["valid_google_alice"]])

    response = await app_client.get(f"/internal/embed/score/{partner}/{ALICE}")

    assert response.status_code == 200
    body = response.json()
    assert body["stamps"] == [
        {"id": google, "address": ALICE, "provider": "Google", "stamp": creds["valid_google_alice"]}
    ]
    assert body["score"]["score"] == "10.00000"
    await app_client.get(f"/internal/embed/score/{partner}/{ALICE}")
    assert await world.count(tables.registry_event, action="SCU") == 2


async def test_get_score_errors(app_client: httpx.AsyncClient, partner: int) -> None:
    unknown = await app_client.get(f"/internal/embed/score/{partner + 1000}/{ALICE}")
    assert (unknown.status_code, unknown.json()) == (400, {"detail": "Invalid scorer_id"})
    invalid = await app_client.get(f"/internal/embed/score/{partner}/0x123")
    assert (invalid.status_code, invalid.json()) == (400, {"detail": "Invalid address."})
    not_int = await app_client.get(f"/internal/embed/score/abc/{ALICE}")
    assert not_int.status_code == 422
    empty = await app_client.get(f"/internal/embed/score/{partner}/{ALICE}")
    assert (empty.json()["stamps"], empty.json()["score"]["score"]) == ([], "0.00000")


async def test_weights_of_a_community_or_the_apps(
    app_client: httpx.AsyncClient, app_community: int, world: World
) -> None:
    weights = {"Google": 2.5, "Ens": "1.1", "Lens": 3}
    other = await world.community(await world.account(), weights=weights)

    given = await app_client.get("/internal/embed/weights", params={"community_id": other})
    default = await app_client.get("/internal/embed/weights")
    blank = await app_client.get("/internal/embed/weights?community_id=")

    assert (given.status_code, given.json()) == (200, weights)
    assert {key: type(value) for key, value in given.json().items()} == {
        "Google": float,
        "Ens": str,
        "Lens": int,
    }
    assert default.json() == blank.json() == {k: v for k, v in WEIGHTS.items()}
    unknown = await app_client.get("/internal/embed/weights", params={"community_id": other + 99})
    assert (unknown.status_code, unknown.json()) == (400, {"detail": "Invalid scorer_id"})
    bad = await app_client.get("/internal/embed/weights", params={"community_id": "x"})
    assert bad.status_code == 422


async def test_weights_without_the_app_community(services: Services, partner: int) -> None:
    settings = app_settings(services.settings.DATABASE_URL, None)
    async with client_for(Services.build(settings, db=services.db)) as client:
        given = await client.get("/internal/embed/weights", params={"community_id": partner})
        default = await client.get("/internal/embed/weights")
    assert given.json() == WEIGHTS
    assert (default.status_code, default.json()) == (
        503,
        {"detail": "This route needs CERAMIC_CACHE_SCORER_ID, which is not set."},
    )
