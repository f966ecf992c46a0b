"""Path parameters, validated with the same error shape FastAPI gives (422 `detail` list)."""

from __future__ import annotations

from fastapi.exceptions import RequestValidationError
from pydantic import TypeAdapter, ValidationError
from starlette.requests import Request

_INT = TypeAdapter(int)


def path_int(request: Request, name: str) -> int:
    value: str = request.path_params[name]
    if value.isdigit():  # the common case, without building a validator error path
        return int(value)
    try:
        return _INT.validate_python(value)
    except ValidationError as error:
        details = error.errors(include_url=False)
        for detail in details:
            detail["loc"] = ("path", name, *detail["loc"])
        raise RequestValidationError(details) from None
