"""The OpenAPI document: valid OpenAPI 3.1, complete for every declared endpoint, and what the
routes really answer conforms to it (status, content type, headers, body)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate
from pydantic import BaseModel
from sqlalchemy import update

from passport_scorer import __version__
from passport_scorer.api import openapi
from passport_scorer.api.auth.api_key import ApiKeyAuth
from passport_scorer.api.auth.internal_token import INTERNAL_TOKEN as INTERNAL_AUTH
from passport_scorer.api.endpoint import Call, Endpoint, Handler, endpoint
from passport_scorer.api.routes import endpoints
from passport_scorer.app import create_app
from passport_scorer.db import tables
from passport_scorer.services.container import Services
from tests.conftest import INTERNAL_TOKEN, Scorer, make_settings
from tests.factories import World

ADDRESS = "0x" + "1" * 40


def build(declared: list[Endpoint]) -> dict[str, Any]:
    return openapi.document(declared, title="t", version="1", summary="s")


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return build(endpoints())


def refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from refs(item)


def operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, methods in document["paths"].items():
        for method, entry in methods.items():
            yield path, method, entry


# --- The document --------------------------------------------------------------------------------


def test_document_is_valid_openapi_3_1(document: dict[str, Any]) -> None:
    assert document["openapi"] == "3.1.0"
    validate(document)  # raises on any schema violation


def test_every_ref_resolves(document: dict[str, Any]) -> None:
    found = set(refs(document))
    assert found, "the document uses component schemas"
    for ref in found:
        node: Any = document
        for part in ref.removeprefix("#/").split("/"):
            assert isinstance(node, dict) and part in node, f"{ref} does not resolve"
            node = node[part]


def test_operation_ids_are_unique(document: dict[str, Any]) -> None:
    ids = [entry["operationId"] for _, _, entry in operations(document)]
    assert len(ids) == len(set(ids))


def test_security_requirements_name_declared_schemes(document: dict[str, Any]) -> None:
    schemes = document["components"]["securitySchemes"]
    for path, method, entry in operations(document):
        for requirement in entry.get("security", []):
            assert set(requirement) <= set(schemes), f"{method} {path}: {requirement}"


@pytest.mark.parametrize("point", endpoints(), ids=lambda point: f"{point.method} {point.path}")
def test_every_endpoint_documents_every_status_it_can_answer(
    document: dict[str, Any], point: Endpoint
) -> None:
    entry = document["paths"][point.path][point.method.lower()]
    responses = entry["responses"]
    documented = {int(status) for status in responses}
    assert {point.status, *point.errors} <= documented
    assert 503 in documented  # every route takes a database connection
    schemes = {name for requirement in point.auth.security for name in requirement}
    if schemes:
        assert 401 in documented
        assert entry["security"] == point.auth.security
    if "APIKeyHeader" in schemes:
        assert responses["429"]["headers"]["Retry-After"]["required"] is True
    if isinstance(point.auth, ApiKeyAuth) and point.auth.permission is not None:
        assert 403 in documented
    names = re.findall(r"\{(\w+)", point.path)
    if names:
        assert 404 in documented  # also: a value holding `/` matches no route
        assert [p["name"] for p in entry["parameters"] if p["in"] == "path"] == names
    if "address" in names:
        assert 400 in documented
    if point.path_types or point.query is not None or point.body is not None:
        assert 422 in documented
    for status, response in responses.items():
        if status != str(point.status):
            body = response["content"]["application/json"]["schema"]
            assert body, f"{status} documents its body"


def test_path_parameters_declare_what_the_router_and_endpoint_accept(
    document: dict[str, Any],
) -> None:
    parameters = {
        p["name"]: p["schema"]
        for p in document["paths"]["/v2/stamps/{scorer_id}/score/{address}"]["get"]["parameters"]
    }
    assert parameters == {
        "scorer_id": {"type": "integer"},
        "address": {"type": "string", "pattern": "^0[xX][0-9a-fA-F]{40}$"},
    }


def test_security_schemes_tell_the_internal_token_from_an_api_key(
    document: dict[str, Any],
) -> None:
    score = document["paths"]["/v2/stamps/{scorer_id}/score/{address}"]["get"]
    internal = document["paths"]["/internal/score/v2/{scorer_id}/{address}"]["get"]
    assert score["security"] == [{"APIKeyHeader": []}, {"AuthorizationHeader": []}]
    assert internal["security"] == [{"InternalToken": []}]
    schemes = document["components"]["securitySchemes"]
    assert schemes["APIKeyHeader"] == {"type": "apiKey", "in": "header", "name": "X-API-Key"}
    assert schemes["InternalToken"]["name"] == "Authorization"
    assert "health" not in str(document["paths"]["/health"]["get"].get("security", ""))


def test_the_hand_tuned_score_route_is_documented_like_the_others(
    document: dict[str, Any],
) -> None:
    entry = document["paths"]["/v2/stamps/{scorer_id}/score/{address}"]["get"]
    assert sorted(entry["responses"]) == ["200", "400", "401", "403", "404", "422", "429", "503"]
    assert entry["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/V2ScoreSchema"
    }
    assert entry["operationId"] == "get_score"


# --- Declarations the generator turns into entries -----------------------------------------------


class Item(BaseModel):
    provider: str


class Filter(BaseModel):
    address: str
    limit: int = 10


def handler(name: str) -> Handler:
    async def handle(call: Call) -> dict[str, Any]:
        return {}

    handle.__name__ = name  # the operation id
    return handle


def test_a_list_body_with_max_items_documents_the_too_many_message() -> None:
    point = endpoint(
        "POST",
        "/things/{address}",
        auth=INTERNAL_AUTH,
        body=list[Item],
        max_items=100,
        summary="s",
        tag="t",
    )(handler("op1"))
    plain = endpoint("PUT", "/things/{address}", body=Item, summary="s", tag="t")(handler("op2"))
    document = build([point, plain])
    validate(document)

    def unprocessable(method: str) -> list[Any]:
        schema = document["paths"]["/things/{address}"][method]["responses"]["422"]["content"]
        body = schema["application/json"]["schema"]
        found: list[Any] = body.get("anyOf", [body])
        return found

    with_limit = unprocessable("post")
    assert with_limit[0] == {"$ref": "#/components/schemas/ValidationErrorSchema"}
    assert "You have submitted too many stamps." in with_limit[1]["properties"]["detail"]["enum"]
    assert "You have submitted too many stamps." not in str(unprocessable("put"))


def test_an_optional_body_is_not_required_and_a_model_body_is() -> None:
    optional = endpoint("POST", "/a", body=Item | None, summary="s", tag="t")(handler("op3"))
    required = endpoint("POST", "/b", body=Item, summary="s", tag="t")(handler("op4"))
    document = build([optional, required])
    assert document["paths"]["/a"]["post"]["requestBody"]["required"] is False
    assert document["paths"]["/b"]["post"]["requestBody"]["required"] is True


def test_query_models_become_parameters_and_a_query_address_has_the_address_pattern() -> None:
    point = endpoint("GET", "/search", query=Filter, summary="s", tag="t")(handler("op5"))
    document = build([point])
    validate(document)
    entry = document["paths"]["/search"]["get"]
    parameters = {p["name"]: p for p in entry["parameters"]}
    assert parameters["address"]["required"] is True
    assert parameters["address"]["schema"]["pattern"] == "^0[xX][0-9a-fA-F]{40}$"
    assert parameters["limit"]["required"] is False
    assert {"400", "422", "503"} <= set(entry["responses"])


def test_cors_paths_document_their_headers_and_their_preflight() -> None:
    get = endpoint("GET", "/app/{address}", cors=True, summary="s", tag="app")(handler("op6"))
    post = endpoint("POST", "/app/{address}", cors=True, body=Item, summary="s", tag="app")(
        handler("op7")
    )
    document = build([get, post])
    validate(document)
    methods = document["paths"]["/app/{address}"]
    assert set(methods) == {"get", "post", "options"}
    headers = methods["get"]["responses"]["200"]["headers"]
    assert headers["Access-Control-Allow-Origin"] == {"required": True, "schema": {"const": "*"}}
    # A value holding `/` is no CORS path: its 404 may come without them.
    assert (
        methods["get"]["responses"]["404"]["headers"]["Access-Control-Allow-Origin"]["required"]
        is False
    )
    preflight = methods["options"]
    assert "security" not in preflight
    allowed = preflight["responses"]["200"]["headers"]["Access-Control-Allow-Methods"]
    assert allowed["schema"] == {"const": "GET,POST,OPTIONS"}
    # The pre-flight answers any segment: no address pattern there.
    assert preflight["parameters"][0]["schema"] == {"type": "string", "pattern": "^[^/]+$"}


def test_an_api_key_without_a_required_permission_documents_no_403() -> None:
    point = Endpoint(
        "GET", "/keyed", handler("op8"), summary="s", tag="t", auth=ApiKeyAuth(permission=None)
    )
    responses = build([point])["paths"]["/keyed"]["get"]["responses"]
    assert sorted(responses) == ["200", "401", "429", "503"]


def test_two_different_models_with_one_name_are_refused() -> None:
    first = type("Clash", (BaseModel,), {"__annotations__": {"a": int}})
    second = type("Clash", (BaseModel,), {"__annotations__": {"b": str}})
    points = [
        endpoint("GET", "/one", response=first, summary="s", tag="t")(handler("op9")),
        endpoint("GET", "/two", response=second, summary="s", tag="t")(handler("op10")),
    ]
    with pytest.raises(ValueError, match="two different schemas are named Clash"):
        build(points)


# --- What the routes answer conforms to the document ---------------------------------------------


@pytest.fixture
async def limited_client(services: Services) -> AsyncIterator[httpx.AsyncClient]:
    settings = make_settings(services.settings.DATABASE_URL, RATELIMIT_ENABLE="on")
    app = create_app(services=Services.build(settings, db=services.db))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        yield c


def assert_conforms(
    document: dict[str, Any], method: str, template: str, response: httpx.Response
) -> None:
    """`response` is one the document lists for the operation, with its media type, required
    headers and body schema."""
    entry = document["paths"][template][method.lower()]
    status = str(response.status_code)
    assert status in entry["responses"], f"{method} {template}: {status} is not documented"
    documented = entry["responses"][status]
    for name, header in documented.get("headers", {}).items():
        if header.get("required"):
            assert name.lower() in response.headers, f"{status} lacks {name}"
    content = documented.get("content")
    if content is None:
        return
    assert response.headers["content-type"] == "application/json"
    schema = {**content["application/json"]["schema"], "components": document["components"]}
    errors = list(OAS31Validator(schema).iter_errors(response.json()))
    assert not errors, f"{method} {template} {status}: {errors[0].message}"


async def test_served_document_is_the_generated_one(client: httpx.AsyncClient) -> None:
    served = (await client.get("/openapi.json")).json()
    assert served == openapi.document(
        endpoints(),
        title="Passport scorer",
        version=__version__,
        summary="Scores Ethereum addresses from their verifiable-credential stamps.",
    )


async def test_score_route_answers_conform(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    document = (await client.get("/openapi.json")).json()
    template = "/v2/stamps/{scorer_id}/score/{address}"
    no_permission = await world.api_key(scorer.account_id, read_scores=False)
    cases = [
        (scorer.score_path(ADDRESS), scorer.headers, 200),
        (scorer.score_path(ADDRESS), {"Authorization": f"Token {scorer.key}"}, 200),
        (scorer.score_path("0x1234"), scorer.headers, 400),
        (scorer.score_path(ADDRESS), {}, 401),
        (scorer.score_path(ADDRESS), {"X-API-Key": no_permission}, 403),
        (scorer.score_path(ADDRESS, scorer_id=987654), scorer.headers, 404),
        (scorer.score_path(ADDRESS, scorer_id="x1"), scorer.headers, 422),
        (scorer.score_path(ADDRESS, scorer_id="9" * 30), scorer.headers, 404),
    ]
    for path, headers, status in cases:
        response = await client.get(path, headers=headers)
        assert response.status_code == status, (path, response.text)
        assert_conforms(document, "GET", template, response)


async def test_internal_route_answers_conform(client: httpx.AsyncClient, scorer: Scorer) -> None:
    document = (await client.get("/openapi.json")).json()
    template = "/internal/score/v2/{scorer_id}/{address}"
    token = {"Authorization": INTERNAL_TOKEN}
    base = f"/internal/score/v2/{scorer.community_id}"
    cases = [
        (f"{base}/{ADDRESS}", token, 200),
        (f"{base}/0xnope", token, 400),
        (f"{base}/{ADDRESS}", {"Authorization": "wrong"}, 401),
        (f"/internal/score/v2/987654/{ADDRESS}", token, 404),
        (f"/internal/score/v2/１/{ADDRESS}", token, 422),
    ]
    for path, headers, status in cases:
        response = await client.get(path, headers=headers)
        assert response.status_code == status, (path, response.text)
        assert_conforms(document, "GET", template, response)


async def test_rate_limited_answer_conforms(
    limited_client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    async with world.transaction() as conn:
        await conn.execute(
            update(tables.account_accountapikey)
            .where(tables.account_accountapikey.c.prefix == scorer.key.partition(".")[0])
            .values(rate_limit="1/15m")
        )
    document = (await limited_client.get("/openapi.json")).json()
    first = await limited_client.get(scorer.score_path(ADDRESS), headers=scorer.headers)
    over = await limited_client.get(scorer.score_path(ADDRESS), headers=scorer.headers)
    assert (first.status_code, over.status_code) == (200, 429)
    assert_conforms(document, "GET", "/v2/stamps/{scorer_id}/score/{address}", over)


async def test_health_answer_conforms(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    assert_conforms(document, "GET", "/health", await client.get("/health"))
