"""Framework-level errors are JSON too: unknown routes, wrong methods, bad parameters."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import Scorer


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
