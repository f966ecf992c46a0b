"""The OpenAPI document (`/openapi.json`) and its browsable page (`/docs`)."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from passport_scorer.api.responses import ErrorSchema, JSONResponse, V2ScoreSchema

SECURITY_SCHEMES = {
    "APIKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    "AuthorizationHeader": {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "`<scheme> <API key>` on public routes; the internal token on /internal",
    },
}

# Swagger UI from the installed `swagger-ui-bundle-v2` package: `/docs` needs no network.
ASSETS_PATH = "/docs/assets"
_SWAGGER_UI = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" type="image/png" href="{assets}/favicon-32x32.png">
<link rel="stylesheet" href="{assets}/swagger-ui.css">
</head><body><div id="swagger-ui"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script>
SwaggerUIBundle({{url: "/openapi.json", dom_id: "#swagger-ui", validatorUrl: null}});
</script>
</body></html>"""


def json_content(ref: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}


def _path_parameter(name: str, kind: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": kind}}


def operation(
    *, summary: str, tag: str, security: list[dict[str, list[str]]], errors: tuple[int, ...]
) -> dict[str, Any]:
    """A GET path item with `scorer_id` and `address` path parameters and a v2 score body."""
    responses: dict[str, Any] = {
        "200": {"description": "The score", "content": json_content("V2Score")}
    }
    for status in errors:
        responses[str(status)] = {"description": "Error", "content": json_content("Error")}
    return {
        "get": {
            "tags": [tag],
            "summary": summary,
            "parameters": [
                _path_parameter("scorer_id", "integer"),
                _path_parameter("address", "string"),
            ],
            "security": security,
            "responses": responses,
        }
    }


def build_schema(
    *, title: str, version: str, summary: str, paths: Mapping[str, Any]
) -> dict[str, Any]:
    score = V2ScoreSchema.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas: dict[str, Any] = score.pop("$defs", {})
    schemas["V2Score"] = score
    schemas["Error"] = ErrorSchema.model_json_schema()
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": version, "summary": summary},
        "paths": dict(paths),
        "components": {"schemas": schemas, "securitySchemes": SECURITY_SCHEMES},
    }


def routes(schema: dict[str, Any]) -> list[BaseRoute]:
    """`/openapi.json` and `/docs` (Swagger UI) for `schema`."""
    document = JSONResponse(schema).body
    page = _SWAGGER_UI.format(title=html.escape(schema["info"]["title"]), assets=ASSETS_PATH)

    async def openapi_json(_request: Request) -> Response:
        return Response(document, media_type="application/json")

    async def docs(_request: Request) -> Response:
        return HTMLResponse(page)

    return [
        Route("/openapi.json", openapi_json, methods=["GET"], include_in_schema=False),
        Route("/docs", docs, methods=["GET"], include_in_schema=False),
        Mount(ASSETS_PATH, app=StaticFiles(directory=str(swagger_ui_path)), name="docs_assets"),
    ]
