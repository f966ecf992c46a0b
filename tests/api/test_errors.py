"""Framework-level errors are JSON too: unknown routes, wrong methods, bad parameters."""

from __future__ import annotations

import httpx

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
