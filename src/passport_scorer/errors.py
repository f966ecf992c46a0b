"""The one family of errors the service raises on purpose.

Each error carries the message the client sees; `api/errors.py` alone decides
the HTTP status for each class. Handlers never catch these.
"""

from __future__ import annotations


class ScorerError(Exception):
    """Base class: an expected failure with a client-facing message."""

    detail: str = "Request failed."

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(detail or self.detail)
        if detail is not None:
            self.detail = detail


class InvalidApiKey(ScorerError):
    detail = "Invalid API Key."


class MissingPermission(ScorerError):
    detail = "API key lacks the read_scores permission."


class InvalidInternalToken(ScorerError):
    detail = "Unauthorized"


class RateLimited(ScorerError):
    detail = "You have been rate limited!"

    def __init__(self, retry_after: int) -> None:
        super().__init__()
        self.headers = {"Retry-After": str(retry_after)}


class ScorerNotFound(ScorerError):
    detail = "No scorer matches the given criteria."


class CommunityNotFound(ScorerError):
    detail = "No Community matches the given query."


class InvalidRequest(ScorerError):
    """Parameters that do not validate; `errors` lists each problem (pydantic's shape)."""

    detail = "Invalid request."

    def __init__(self, errors: list[dict[str, object]]) -> None:
        super().__init__()
        self.errors = errors


class InvalidAddress(ScorerError):
    detail = "Invalid address."


class ScoringFailed(ScorerError):
    """Scoring could not complete; the score is stored with status ERROR."""

    detail = "Failed to calculate score."


class ServiceUnavailable(ScorerError):
    detail = "Service temporarily unavailable."


class TooManyItems(ScorerError):
    """A body list over the reference's limit of 100 items (nothing is written)."""

    detail = "You have submitted too many stamps."


class InvalidScorerId(ScorerError):
    """Embed routes: no community with the given scorer id."""

    detail = "Invalid scorer_id"


class BadRequest(ScorerError):
    """A request the route refuses, with the reference's message (400)."""

    detail = "Bad request"


class Forbidden(ScorerError):
    detail = "Forbidden"


class NotFound(ScorerError):
    """A route's own "not found" answer, with the reference's message (404)."""

    detail = "Not Found"


class NotConfigured(ScorerError):
    """The route needs a setting this deployment lacks (503; the message names it)."""

    detail = "This route is not configured."


class InvalidScorerConfiguration(ScorerError):
    """The community exists but its scorer or weights cannot be read (the reference's 500)."""

    detail = "Unable to retrieve configured scorer!"


# --- The Passport app's routes (`/ceramic-cache/*`) and the embed routes --------------------------


class MissingAppToken(ScorerError):
    """No `Authorization: Bearer <token>` header."""

    detail = "Unauthorized"


class InvalidAppToken(ScorerError):
    """A bearer token that no accepted kind of app token validates (401)."""

    detail = "Given token not valid for any token type"


class AddressMismatch(Forbidden):
    detail = "Address in path does not match the authenticated address."


class CeramicScorerMissing(NotFound):
    """`CERAMIC_CACHE_SCORER_ID` (or the requested alternative) names no community."""

    detail = (
        "Community matching the configured scorer id does not exist! "
        "This is probably a misconfiguration!"
    )


class StampNotFound(NotFound):
    detail = "Unable to find stamp to delete."
