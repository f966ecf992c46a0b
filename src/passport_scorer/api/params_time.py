"""Query parameters that are ISO 8601 moments (`2023-05-10`, `2023-05-10T07:49:08Z`, ...)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BeforeValidator

from passport_scorer.domain.score_history import parse_moment


def _moment(value: object) -> datetime | None:
    if value is None or value == "":
        return None  # an empty parameter filters nothing
    if isinstance(value, str):
        moment = parse_moment(value)
        if moment is not None:
            return moment
    raise ValueError("must be an ISO 8601 date or date-time")


OptionalMoment = Annotated[datetime | None, BeforeValidator(_moment)]
