"""Every status a declared endpoint can answer, derived from its declaration.

The OpenAPI document lists these per operation, so a new route family is documented
correctly without repeating what its auth, parameters and body already imply:

- every route takes the request's database connection: 503 (database down or too slow, or a
  setting the route needs is missing);
- any security requirement: 401; an API key (`APIKeyHeader`): 429 (its rate limit); and what
  the authenticator itself lists in `statuses` (403 for a missing permission);
- path parameters: 404 (nothing found; a value holding `/` matches no route); an `address`
  in the path or the query: 400 (`Invalid address.`);
- path parameters, a query model or a body: 422 (what failed to validate, a NUL character
  the database cannot store, or the message of an error class `api/errors.py` maps to 422:
  `unprocessable_messages`);
- and the endpoint's own `errors` (a route's 400, 403, 404 or 500 that nothing above implies).
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from passport_scorer.api.endpoint import Endpoint
from passport_scorer.api.errors import STATUS_BY_ERROR
from passport_scorer.errors import InvalidRequest, ScorerError, TooManyItems

API_KEY_SCHEME = "APIKeyHeader"

DESCRIPTIONS = {
    400: "Bad request (an invalid address, or a value the route refuses)",
    401: "Not authenticated",
    403: "Authenticated, but not allowed",
    404: "Not found (also: a path value holding `/`, which matches no route)",
    422: "Invalid parameters or body",
    429: "Rate limited (`Retry-After` says when to try again)",
    500: "The route could not complete (e.g. scoring failed)",
    503: "Database unavailable or too slow, or a setting the route needs is missing",
}


def path_parameters(path: str) -> list[str]:
    """The names of `path`'s parameters, in order (`{name}` or `{name:convertor}`)."""
    return re.findall(r"\{(\w+)", path)


def auth_statuses(point: Endpoint) -> set[int]:
    """What the endpoint's authenticator may answer instead of letting the request through."""
    found: set[int] = set(getattr(point.auth, "statuses", ()))
    schemes = {name for requirement in point.auth.security for name in requirement}
    if schemes:
        found.add(401)
    if API_KEY_SCHEME in schemes:
        found.add(429)
    return found


def error_statuses(point: Endpoint) -> list[int]:
    """Every non-success status `point` can answer, ascending."""
    found = {503, *point.errors, *auth_statuses(point)}
    names = path_parameters(point.path)
    if names:
        found.add(404)
    if "address" in names or "address" in query_fields(point):
        found.add(400)
    # Any parameter or body: 422 (it did not validate, or it holds text the database cannot
    # store: a NUL character).
    if names or point.query is not None or point.body is not None:
        found.add(422)
    found.discard(point.status)
    return sorted(found)


def query_fields(point: Endpoint) -> set[str]:
    """The query parameters of `point`'s query model (by alias where it has one)."""
    model = point.query
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return set()
    return {field.alias or name for name, field in model.model_fields.items()}


def _classes(root: type[ScorerError]) -> list[type[ScorerError]]:
    found = [root]
    for child in root.__subclasses__():
        found.extend(_classes(child))
    return found


def _status_of(cls: type[ScorerError]) -> int | None:
    return next((STATUS_BY_ERROR[base] for base in cls.__mro__ if base in STATUS_BY_ERROR), None)


def unprocessable_messages(point: Endpoint) -> list[str]:
    """The `detail` strings a 422 of `point` may carry instead of a validation list: each
    422 error class's message, and `You have submitted too many stamps.` for a list body
    with `max_items`."""
    messages = {
        cls.detail
        for cls in _classes(ScorerError)
        if _status_of(cls) == 422 and not issubclass(cls, InvalidRequest | TooManyItems)
    }
    if point.max_items is not None:
        messages.add(TooManyItems.detail)
    return sorted(messages)
