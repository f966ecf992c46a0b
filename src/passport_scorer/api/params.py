"""Path parameters, validated with pydantic's error shape (a 422 `detail` list)."""

from __future__ import annotations

from pydantic import TypeAdapter, ValidationError
from starlette.requests import Request

from passport_scorer.errors import InvalidRequest

_INT = TypeAdapter(int)


def is_plain_int(value: str) -> bool:
    """ASCII digits that fit a bigint column: the common case, parsed without pydantic."""
    return value.isascii() and value.isdigit() and len(value) <= 19


def path_int(request: Request, name: str) -> int:
    value: str = request.path_params[name]
    if is_plain_int(value):
        return int(value)
    try:
        return _INT.validate_python(value)
    except ValidationError as error:
        details = error.errors(include_url=False, include_context=False)
        for detail in details:
            detail["loc"] = ("path", name, *detail["loc"])
        raise InvalidRequest([dict(detail) for detail in details]) from None
