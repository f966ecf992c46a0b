"""`GET /v2/stamps/{scorer_id}/score/{address}/history`: the score at a time, from `SCU` events."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from passport_scorer.app import create_app
from passport_scorer.services.container import Services
from tests.conftest import WEIGHTS, Scorer, make_settings, score
from tests.factories import World

ALICE = "0x0000000000000000000000000000000000a11ce0"
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
async def historian(scorer: Scorer, world: World) -> Scorer:
    await world.set_key_permissions(scorer.key, historical_endpoint=True)
    return scorer


async def history(
    client: httpx.AsyncClient,
    scorer: Scorer,
    created_at: str | None,
    *,
    address: str = ALICE,
    scorer_id: int | str | None = None,
) -> tuple[int, Any]:
    query = "" if created_at is None else f"?created_at={created_at}"
    community = scorer.community_id if scorer_id is None else scorer_id
    response = await client.get(
        f"/v2/stamps/{community}/score/{address}/history{query}", headers=scorer.headers
    )
    return response.status_code, response.json()


async def test_the_score_as_it_stood_then_from_a_real_scoring(
    client: httpx.AsyncClient, historian: Scorer, world: World, creds: dict[str, Any]
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"], creds["valid_github_alice"]])
    scored = await score(client, historian, ALICE)  # writes the SCU event
    later = (datetime.now(UTC) + timedelta(minutes=1)).isoformat().replace("+00:00", "Z")

    status, body = await history(client, historian, later)

    assert status == 200
    assert body == {
        **scored,
        # The event keeps Django's timestamp form (milliseconds, `Z`).
        "last_score_timestamp": body["last_score_timestamp"],
        "expiration_timestamp": body["expiration_timestamp"],
    }
    assert body["last_score_timestamp"].endswith("Z")
    stored = datetime.fromisoformat(body["last_score_timestamp"])
    answered = datetime.fromisoformat(scored["last_score_timestamp"])
    assert timedelta(0) <= answered - stored < timedelta(milliseconds=1)
    assert body["expiration_timestamp"].startswith("2036-")


async def test_the_latest_event_at_or_before_the_time_wins(
    client: httpx.AsyncClient, historian: Scorer, world: World
) -> None:
    for days, raw in ((0, "5"), (2, "25"), (4, "40")):
        await world.score_event(
            ALICE,
            historian.community_id,
            {"model": "registry.score", "pk": 1, "fields": {
                "score": "0", "status": "DONE", "error": None,
                "evidence": {"type": "ThresholdScoreCheck", "success": False,
                             "rawScore": raw, "threshold": "20.00000"},
                "stamps": {"Google": {"score": "10.00000", "dedup": False,
                                      "expiration_date": "2036-01-01T00:00:00+00:00"}},
                "last_score_timestamp": f"2026-03-0{1 + days}T12:00:00.000Z",
                "expiration_date": None}},
            T0 + timedelta(days=days),
        )  # fmt: skip

    status, body = await history(client, historian, "2026-03-03T12:00:00Z")

    assert status == 200
    assert (body["score"], body["threshold"], body["passing_score"]) == ("25.00000", "20.00000",
                                                                         True)  # fmt: skip
    assert body["last_score_timestamp"] == "2026-03-03T12:00:00.000Z"
    assert body["stamps"] == {
        "Google": {"score": "10.00000", "dedup": False,
                   "expiration_date": "2036-01-01T00:00:00+00:00"}
    }  # fmt: skip
    assert (await history(client, historian, "2026-03-02"))[1]["score"] == "5.00000"
    assert (await history(client, historian, "2026-03-01T11:00:00+00:00"))[0] == 404


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # The legacy flat shape: rawScore from the evidence.
        ({"score": 1.0, "evidence": {"type": "ThresholdScoreCheck", "success": True,
          "rawScore": "309.5190000000000054014570595", "threshold": "100.00000"}},
         ("309.51900", "100.00000", True, None)),
        ({"evidence": {"rawScore": "15"}}, ("15.00000", "0.00000", True, None)),
        ({"score": 78.762, "evidence": None}, ("78.76200", "0.00000", True, None)),
        ({"score": 0, "evidence": None}, ("0.00000", "0.00000", False, None)),
    ],
)  # fmt: skip
async def test_older_event_shapes(
    client: httpx.AsyncClient,
    historian: Scorer,
    world: World,
    data: dict[str, Any],
    expected: tuple[Any, ...],
) -> None:
    await world.score_event(ALICE, historian.community_id, data, T0)

    status, body = await history(client, historian, "2026-03-02")

    assert status == 200
    assert (body["score"], body["threshold"], body["passing_score"], body["stamps"]) == expected
    assert (body["last_score_timestamp"], body["expiration_timestamp"]) == (None, None)


async def test_no_score_at_that_time_is_404_with_the_address(
    client: httpx.AsyncClient, historian: Scorer, world: World
) -> None:
    await world.score_event(ALICE, historian.community_id, {"evidence": None}, T0)
    for created_at in ("2026-02-28", "not-a-date"):
        status, body = await history(
            client, historian, created_at, address=ALICE.upper().replace("0X", "0x")
        )
        assert (status, body) == (
            404,
            {"detail": f"No Score Found for {ALICE} at {created_at}", "address": ALICE},
        )


async def test_errors(client: httpx.AsyncClient, historian: Scorer, world: World) -> None:
    status, body = await history(client, historian, None)
    assert (status, body["detail"][0]["loc"]) == (422, ["query", "created_at"])
    assert await history(client, historian, "") == (
        400,
        {"detail": "You must provide created_at as a query param."},
    )
    assert await history(client, historian, "2026-01-01", address="0x12") == (
        400,
        {"detail": "Invalid address."},
    )
    foreign = await world.community(await world.account(), weights=WEIGHTS)
    for community in (foreign, 2**70, -5):
        assert await history(client, historian, "2026-01-01", scorer_id=community) == (
            404,
            {"detail": "No Community matches the given query."},
        )
    assert (await history(client, historian, "2026-01-01", scorer_id="x"))[0] == 422


async def test_needs_the_historical_permission(client: httpx.AsyncClient, scorer: Scorer) -> None:
    assert await history(client, scorer, "2026-01-01") == (
        403,
        {"detail": "Invalid permissions for action."},
    )
    response = await client.get(f"/v2/stamps/1/score/{ALICE}/history?created_at=2026-01-01")
    assert (response.status_code, response.json()) == (401, {"detail": "Invalid API Key."})


async def test_negative_scorer_ids_are_the_demo_scorer(
    services: Services, historian: Scorer, world: World
) -> None:
    await world.score_event(ALICE, historian.community_id, {"evidence": {"rawScore": "3"}}, T0)
    settings = make_settings(
        services.settings.DATABASE_URL, DEMO_API_SCORER_ID=historian.community_id
    )
    app = create_app(services=Services.build(settings, db=services.db))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        status, body = await history(client, historian, "2026-03-02", scorer_id=-1)
    assert (status, body["score"]) == (200, "3.00000")
