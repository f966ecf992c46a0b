"""The Lambda entry point: the same ASGI app, adapted to ALB events by mangum.

Handler: `passport_scorer.aws.handler.handler`. Settings come from the function's
environment, read once per container (cold start); a missing or invalid one fails the
container's start with a `ConfigurationError` naming the setting. Target groups may send
single- or multi-value header events; responses come back in the shape of the request.
"""

from __future__ import annotations

from mangum import Mangum

from passport_scorer import logs
from passport_scorer.app import create_app
from passport_scorer.config import get_settings

settings = get_settings()
logs.configure(settings.LOG_LEVEL, settings.LIBRARY_LOG_LEVEL)
handler = Mangum(create_app(settings), lifespan="off")
