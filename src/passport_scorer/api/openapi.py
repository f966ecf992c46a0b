"""OpenAPI documentation for the plain Starlette endpoints (FastAPI documents the rest)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from passport_scorer.api.responses import ErrorSchema, V2ScoreSchema

SECURITY_SCHEMES = {
    "APIKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    "AuthorizationHeader": {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "`<scheme> <API key>` on public routes; the internal token on /internal",
    },
}


def operation(
    *, summary: str, tag: str, security: list[dict[str, list[str]]], errors: tuple[int, ...]
) -> dict[str, Any]:
    """A GET path item with `scorer_id` and `address` path parameters and a v2 score body."""
    responses: dict[str, Any] = {
        "200": {
            "description": "The score",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/V2Score"}}},
        }
    }
    for status in errors:
        responses[str(status)] = {
            "description": "Error",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
    return {
        "get": {
            "tags": [tag],
            "summary": summary,
            "parameters": [
                {
                    "name": "scorer_id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "integer"},
                },
                {"name": "address", "in": "path", "required": True, "schema": {"type": "string"}},
            ],
            "security": security,
            "responses": responses,
        }
    }


def install(app: FastAPI, paths: Mapping[str, dict[str, Any]]) -> None:
    """Make `app.openapi()` include `paths` and the schemas they refer to."""

    def build() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, summary=app.summary, routes=app.routes
            )
            schema["paths"] = {**paths, **schema.get("paths", {})}
            components = schema.setdefault("components", {})
            schemas = components.setdefault("schemas", {})
            schemas["V2Score"] = V2ScoreSchema.model_json_schema(
                ref_template="#/components/schemas/{model}"
            )
            schemas.update(
                V2ScoreSchema.model_json_schema(ref_template="#/components/schemas/{model}").pop(
                    "$defs", {}
                )
            )
            schemas["Error"] = ErrorSchema.model_json_schema()
            components.setdefault("securitySchemes", {}).update(SECURITY_SCHEMES)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = build  # type: ignore[method-assign]  # FastAPI's documented customisation
