"""The OpenAPI document (`/openapi.json`) and its browsable page (`/docs`)."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from passport_scorer.api import statuses
from passport_scorer.api.cors import ALLOWED_HEADERS, allowed_methods
from passport_scorer.api.endpoint import Endpoint
from passport_scorer.api.responses import ErrorSchema, JSONResponse, ValidationErrorSchema
from passport_scorer.domain.address import ADDRESS_PATTERN

SECURITY_SCHEMES = {
    "APIKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    "AuthorizationHeader": {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "`<scheme> <API key>` (read when `X-API-Key` is absent or empty)",
    },
    "InternalToken": {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "the whole header is the internal token (`CGRANTS_API_TOKEN`)",
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
        self._add(schema.pop("$defs", {}))
        title = getattr(kind, "__name__", None)
        if isinstance(kind, type) and issubclass(kind, BaseModel) and title:
            self._add({title: schema})
            return {"$ref": _REF.format(model=title)}
        return schema

    def add(self, name: str, schema: dict[str, Any]) -> None:
        self._add({name: schema})

    def _add(self, schemas: dict[str, Any]) -> None:
        for name, schema in schemas.items():
            if self.schemas.setdefault(name, schema) != schema:
                raise ValueError(f"two different schemas are named {name} in the OpenAPI document")

    def inline(self, kind: Any) -> dict[str, Any]:
        """`kind`'s own schema (e.g. a query model's properties), its nested models as
        components."""
        schema = TypeAdapter(kind).json_schema(ref_template=_REF)
        self._add(schema.pop("$defs", {}))
        return schema


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


_RETRY_AFTER = {
    "Retry-After": {
        "description": "seconds until the key's rate-limit window ends",
        "required": True,
        "schema": {"type": "string", "pattern": "^[0-9]+$"},
    }
}
# `cors=True` paths: every response (errors too) carries these (`api/cors.py`).
_CORS_HEADERS = {
    "Access-Control-Allow-Origin": {"required": True, "schema": {"const": "*"}},
    "Access-Control-Allow-Headers": {"required": True, "schema": {"const": ALLOWED_HEADERS}},
}
# What the router accepts for a `str` path parameter.
_PATH_SEGMENT = "^[^/]+$"


def _path_parameters(
    path: str, path_types: Mapping[str, type], *, checked: bool = True
) -> list[dict[str, Any]]:
    """`path`'s parameters; `checked`: the endpoint validates them (an `address` is 0x + 40
    hex digits, else 400), otherwise any segment the router matches is accepted."""
    parameters = []
    for name in statuses.path_parameters(path):
        kind = path_types.get(name, str)
        schema: dict[str, Any] = {"type": "integer"} if kind is int else {"type": "string"}
        if kind is not int:
            address = checked and name == "address"
            schema["pattern"] = ADDRESS_PATTERN if address else _PATH_SEGMENT
        parameters.append({"name": name, "in": "path", "required": True, "schema": schema})
    return parameters


def _parameters(point: Endpoint, components: _Components) -> list[dict[str, Any]]:
    parameters = _path_parameters(point.path, point.path_types)
    if point.query is not None:
        query = components.inline(point.query)
        required = set(query.get("required", ()))
        for name, schema in query.get("properties", {}).items():
            if name == "address" and schema.get("type") == "string":
                # A blank default ("not given") is no address: documented as required instead.
                schema = {k: v for k, v in schema.items() if k != "default"}
                schema["pattern"] = ADDRESS_PATTERN
            parameters.append(
                {"name": name, "in": "query", "required": name in required, "schema": schema}
            )
    return parameters


def _error_schema(point: Endpoint, status: int, components: _Components) -> dict[str, Any]:
    if status != 422:
        return components.ref(ErrorSchema)
    messages = statuses.unprocessable_messages(point)
    if not messages:
        return components.ref(ValidationErrorSchema)
    message = {
        "type": "object",
        "properties": {"detail": {"type": "string", "enum": messages}},
        "required": ["detail"],
    }
    return {"anyOf": [components.ref(ValidationErrorSchema), message]}


def _body_required(point: Endpoint) -> bool:
    """Whether the body may be left out (an endpoint whose body type accepts None)."""
    try:
        TypeAdapter(point.body).validate_python(None)
    except ValidationError:
        return True
    return False


def operation(point: Endpoint, components: _Components) -> dict[str, Any]:
    """The OpenAPI operation of one declared endpoint: every status it can answer
    (`api/statuses.py`), each with its body's schema."""
    success: dict[str, Any] = {"description": "OK"}
    if point.response is not None:
        success["content"] = _json(components.ref(point.response))
    responses: dict[str, Any] = {str(point.status): success}
    for status in statuses.error_statuses(point):
        responses[str(status)] = {
            "description": statuses.DESCRIPTIONS.get(status, "Error"),
            "content": _json(_error_schema(point, status, components)),
        }
    if "429" in responses:
        responses["429"]["headers"] = _RETRY_AFTER
    if point.cors:
        for code, response in responses.items():
            # A 404 may also be a path value holding `/`: no CORS path, so no CORS headers.
            headers = _CORS_HEADERS if code != "404" else _optional(_CORS_HEADERS)
            response["headers"] = {**response.get("headers", {}), **headers}
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
        entry["requestBody"] = {
            "required": _body_required(point),
            "content": _json(components.ref(point.body)),
        }
    return entry


def _optional(headers: dict[str, Any]) -> dict[str, Any]:
    return {name: {**header, "required": False} for name, header in headers.items()}


def preflight(path: str, methods: str, tag: str) -> dict[str, Any]:
    """The `OPTIONS` operation a `cors=True` path answers (`api/cors.py`)."""
    headers = {
        **_CORS_HEADERS,
        "Access-Control-Allow-Methods": {"required": True, "schema": {"const": methods}},
    }
    return {
        "tags": [tag],
        "summary": "CORS pre-flight",
        "operationId": "preflight" + re.sub(r"\W", "_", path),  # unique: one per path
        "parameters": _path_parameters(path, {}, checked=False),
        "responses": {"200": {"description": "Allowed (empty body)", "headers": headers}},
    }


def document(
    endpoints: Sequence[Endpoint], *, title: str, version: str, summary: str
) -> dict[str, Any]:
    """The OpenAPI document of these endpoints, generated from their declarations."""
    components = _Components()
    components.ref(ErrorSchema)
    paths: dict[str, dict[str, Any]] = {}
    for point in endpoints:
        paths.setdefault(point.path, {})[point.method.lower()] = operation(point, components)
    app_facing = [point for point in endpoints if point.cors]
    methods = allowed_methods((point.path, point.method) for point in app_facing)
    for point in app_facing:
        paths[point.path].setdefault(
            "options", preflight(point.path, methods[point.path], point.tag)
        )
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
