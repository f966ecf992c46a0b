"""Declaring an endpoint: method, path, auth, parameters, body and response in one place.

    @endpoint("GET", "/internal/score/v2/{scorer_id}/{address}", auth=INTERNAL_TOKEN,
              path={"scorer_id": int}, response=V2ScoreSchema, errors=(400, 401, 404, 422),
              summary="Score an address in any community", tag="internal")
    async def get_internal_score(call: Call) -> dict[str, Any]: ...

From the declaration, `Endpoint.route()` builds the Starlette route and `openapi.document`
builds the OpenAPI entry (parameters, body and response schemas from the models). Per request
the endpoint, in this order: reads the body bytes; opens the request's one database session
(`call.ex`); authenticates (401/403/429 before any 422); validates path ints, the query and
the body (422 with pydantic's detail list; a list over `max_items` is 422 `You have
submitted too many stamps.`); runs the handler (inside one transaction when `transaction`);
renders what it returns as compact JSON with `status`. Handlers never catch: errors are
`ScorerError`s, mapped to HTTP in `api/errors.py`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson
from pydantic import TypeAdapter, ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from passport_scorer.api.auth import NO_AUTH, Authenticator, PreChecked
from passport_scorer.api.deps import services_of
from passport_scorer.api.params import path_int
from passport_scorer.api.responses import JSONResponse
from passport_scorer.db.executor import Executor
from passport_scorer.errors import InvalidRequest, TooManyItems
from passport_scorer.services.container import Services


@dataclass(slots=True)
class Call:
    """What a handler gets: the request, the services, the request's executor, the principal
    its auth returned, and the validated path, query and body."""

    request: Request
    services: Services
    ex: Executor
    principal: Any
    path: dict[str, Any]
    query: Any
    body: Any


Handler = Callable[[Call], Awaitable[Any]]
RawHandler = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    handler: Handler | None
    summary: str
    tag: str
    auth: Authenticator = NO_AUTH
    path_types: Mapping[str, type] = field(default_factory=dict)  # non-str path parameters
    query: type[Any] | None = None  # a pydantic model of the query parameters
    body: Any = None  # a type pydantic validates (model, list[model], ...)
    response: Any = None  # documents the success body
    status: int = 200
    errors: tuple[int, ...] = ()
    cors: bool = False
    transaction: bool = False
    max_items: int | None = None
    items_field: str | None = None  # the body's list that `max_items` counts (None: the body)
    description: str | None = None
    # A hand-tuned endpoint (the v2 score route) runs this instead; the rest documents it.
    raw: RawHandler | None = None
    _body_adapter: TypeAdapter[Any] | None = field(default=None, init=False, repr=False)
    _query_adapter: TypeAdapter[Any] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.body is not None:
            object.__setattr__(self, "_body_adapter", TypeAdapter(self.body))
        if self.query is not None:
            object.__setattr__(self, "_query_adapter", TypeAdapter(self.query))

    @property
    def name(self) -> str:
        target = self.raw or self.handler
        return getattr(target, "__name__", f"{self.method} {self.path}")

    def route(self) -> Route:
        return Route(self.path, self.raw or self._run, methods=[self.method], name=self.name)

    async def _run(self, request: Request) -> Response:
        assert self.handler is not None
        services = services_of(request)
        if isinstance(self.auth, PreChecked):
            await self.auth.precheck(request, services)
        raw_body = await request.body() if self._body_adapter is not None else b""
        async with services.db.session() as ex:
            principal = await self.auth(request, services, ex)
            call = Call(
                request,
                services,
                ex,
                principal,
                self._path_values(request),
                self._query_value(request),
                self._body_value(raw_body),
            )
            if self.transaction:
                async with ex.transaction():
                    result = await self.handler(call)
            else:
                result = await self.handler(call)
        if isinstance(result, Response):
            return result
        return JSONResponse(result, status_code=self.status)

    def _path_values(self, request: Request) -> dict[str, Any]:
        values: dict[str, Any] = dict(request.path_params)
        for name, kind in self.path_types.items():
            if kind is int:
                values[name] = path_int(request, name)
        return values

    def _query_value(self, request: Request) -> Any:
        if self._query_adapter is None:
            return None
        return _validated(self._query_adapter, dict(request.query_params), "query")

    def _body_value(self, raw: bytes) -> Any:
        if self._body_adapter is None:
            return None
        try:
            data = orjson.loads(raw) if raw.strip() else None
        except orjson.JSONDecodeError as error:
            raise InvalidRequest(
                [{"type": "json_invalid", "loc": ["body"], "msg": f"Invalid JSON: {error}"}]
            ) from None
        body = _validated(self._body_adapter, data, "body")
        if self.max_items is not None:
            items = getattr(body, self.items_field) if self.items_field else body
            if isinstance(items, list | tuple) and len(items) > self.max_items:
                raise TooManyItems()
        return body


def _validated(adapter: TypeAdapter[Any], data: Any, where: str) -> Any:
    try:
        return adapter.validate_python(data)
    except ValidationError as error:
        details = error.errors(include_url=False, include_context=False, include_input=False)
        raise InvalidRequest(
            [{**detail, "loc": [where, *detail["loc"]]} for detail in details]
        ) from None


def endpoint(method: str, path: str, **declaration: Any) -> Callable[[Handler], Endpoint]:
    """Decorate a handler into an `Endpoint` (keyword arguments: `Endpoint`'s fields)."""

    def declare(handler: Handler) -> Endpoint:
        return Endpoint(method, path, handler, **declaration)

    return declare
