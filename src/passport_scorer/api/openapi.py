"""The OpenAPI document (`/openapi.json`) and its browsable page (`/docs`)."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, TypeAdapter
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from passport_scorer.api.endpoint import Endpoint
from passport_scorer.api.responses import ErrorSchema, JSONResponse, ValidationErrorSchema
from passport_scorer.domain.address import ADDRESS_PATTERN

SECURITY_SCHEMES = {
    "APIKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    "AuthorizationHeader": {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "`<scheme> <API key>` on public routes; the internal token on /internal",
    },
    "BearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
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


_REF = "#/components/schemas/{model}"


class _Components:
    """Schemas shared by the document's operations, by name."""

    def __init__(self) -> None:
        self.schemas: dict[str, Any] = {}

    def ref(self, kind: Any) -> dict[str, Any]:
        """A schema for `kind` (a model, `list[Model]`, ...), its models as components."""
        schema = TypeAdapter(kind).json_schema(ref_template=_REF)
        self.schemas.update(schema.pop("$defs", {}))
        title = getattr(kind, "__name__", None)
        if isinstance(kind, type) and issubclass(kind, BaseModel) and title:
            self.schemas[title] = schema
            return {"$ref": _REF.format(model=title)}
        return schema


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


_ERROR_TEXT = {
    400: "Bad request",
    401: "Not authenticated",
    403: "Not allowed",
    404: "Not found",
    422: "Invalid parameters or body",
    429: "Rate limited",
    500: "Scoring failed",
    503: "Database unavailable (or a setting the route needs is missing)",
}


def _parameters(point: Endpoint, components: _Components) -> list[dict[str, Any]]:
    parameters = []
    for name in re.findall(r"\{(\w+)", point.path):
        kind = point.path_types.get(name, str)
        schema = {"type": "integer"} if kind is int else {"type": "string"}
        if name == "address":
            schema["pattern"] = ADDRESS_PATTERN
        parameters.append({"name": name, "in": "path", "required": True, "schema": schema})
    if point.query is not None:
        query = TypeAdapter(point.query).json_schema(ref_template=_REF)
        required = set(query.get("required", ()))
        for name, schema in query.get("properties", {}).items():
            parameters.append(
                {"name": name, "in": "query", "required": name in required, "schema": schema}
            )
    return parameters


def operation(point: Endpoint, components: _Components) -> dict[str, Any]:
    """The OpenAPI operation of one declared endpoint."""
    success: dict[str, Any] = {"description": "OK"}
    if point.response is not None:
        success["content"] = _json(components.ref(point.response))
    responses: dict[str, Any] = {str(point.status): success}
    for status in point.errors:
        model = ValidationErrorSchema if status == 422 else ErrorSchema
        responses[str(status)] = {
            "description": _ERROR_TEXT.get(status, "Error"),
            "content": _json(components.ref(model)),
        }
    entry: dict[str, Any] = {
        "tags": [point.tag],
        "summary": point.summary,
        "operationId": point.name,
        "parameters": _parameters(point, components),
        "responses": responses,
    }
    if point.description:
        entry["description"] = point.description
    if point.auth.security:
        entry["security"] = point.auth.security
    if point.body is not None:
        entry["requestBody"] = {"required": True, "content": _json(components.ref(point.body))}
    return entry


def document(
    endpoints: Sequence[Endpoint], *, title: str, version: str, summary: str
) -> dict[str, Any]:
    """The OpenAPI document of these endpoints, generated from their declarations."""
    components = _Components()
    components.ref(ErrorSchema)
    paths: dict[str, dict[str, Any]] = {}
    for point in endpoints:
        paths.setdefault(point.path, {})[point.method.lower()] = operation(point, components)
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": version, "summary": summary},
        "paths": paths,
        "components": {"schemas": components.schemas, "securitySchemes": SECURITY_SCHEMES},
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
