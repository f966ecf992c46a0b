"""Framework-level errors are JSON too: unknown routes, wrong methods, bad parameters."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import Scorer
from tests.factories import World


async def test_unknown_route_is_404_json(client: httpx.AsyncClient) -> None:
    response = await client.get("/no/such/route")
    assert (response.status_code, response.json()) == (404, {"detail": "Not Found"})
    assert response.headers["content-type"] == "application/json"


async def test_wrong_method_is_405_json(client: httpx.AsyncClient, scorer: Scorer) -> None:
    response = await client.post(scorer.score_path("0x" + "1" * 40), headers=scorer.headers)
    assert (response.status_code, response.json()) == (405, {"detail": "Method Not Allowed"})


async def test_openapi_document_lists_the_routes(client: httpx.AsyncClient) -> None:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {
        "/v2/stamps/{scorer_id}/score/{address}",
        "/internal/score/v2/{scorer_id}/{address}",
        "/health",
    } <= set(paths)
    assert (await client.get("/docs")).status_code == 200


@pytest.mark.parametrize("scorer_id", ["²", "１", "1.5", "-", "0x10", "%00", "1e3", "9" * 5000])
async def test_odd_scorer_ids_are_422_never_500(
    client: httpx.AsyncClient, scorer: Scorer, scorer_id: str
) -> None:
    response = await client.get(
        f"/v2/stamps/{scorer_id}/score/0x{'1' * 40}", headers=scorer.headers
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["path", "scorer_id"]


@pytest.mark.parametrize(
    "address", ["😀", "0x" + "é" * 40, "%00", "0x" + "1" * 4000, "..", "0x" + "1" * 39 + "%20"]
)
async def test_odd_addresses_are_400_never_500(
    client: httpx.AsyncClient, scorer: Scorer, address: str
) -> None:
    response = await client.get(scorer.score_path(address), headers=scorer.headers)
    assert response.status_code in (400, 404)
    assert "detail" in response.json()


async def test_odd_api_keys_are_401_never_500(client: httpx.AsyncClient, scorer: Scorer) -> None:
    for key in ("é.é", "a" * 5000, ".", "....", "ÿÿÿÿÿÿÿÿ.ÿ"):
        headers = {b"X-API-Key": key.encode("latin-1")}  # any byte a client may send
        response = await client.get(scorer.score_path("0x" + "1" * 40), headers=headers)
        assert response.status_code == 401


@pytest.mark.postgres
async def test_text_with_a_nul_is_422_and_nothing_is_written(
    app_client: httpx.AsyncClient, world: World
) -> None:
    """Postgres cannot store NUL in text (found by `make fuzz`: 500s)."""
    from passport_scorer.db import tables
    from tests.app_tokens import APP_KEYS
    from tests.conftest import INTERNAL_TOKEN

    address = "0x" + "1" * 40
    app = APP_KEYS.headers(address)
    answers = [
        await app_client.post("/internal/check-revocations", json={"proof_values": ["a\x00"]},
                              headers={"Authorization": INTERNAL_TOKEN}),
        await app_client.request("DELETE", "/ceramic-cache/stamps/bulk", headers=app,
                                 json=[{"provider": "Google\x00"}]),
        await app_client.get(f"/ceramic-cache/tos/accepted/a%00b/{address}", headers=app),
    ]  # fmt: skip
    for answer in answers:
        assert (answer.status_code, answer.json()) == (
            422,
            {"detail": "Text values may not contain NUL (\\u0000) characters."},
        ), answer.text
    assert await world.count(tables.registry_score) == 0  # nothing scored, nothing written
