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


class UnstorableText(ScorerError):
    """A text or JSON value with a NUL character, which the database cannot store (422)."""

    detail = "Text values may not contain NUL (\\u0000) characters."


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


# --- The rest of the public API (v1 registry, history, stamps, customization, terms) ----------


class InvalidPermissions(Forbidden):
    """The v1 registry and history routes' 403 for a key without the route's permission."""

    detail = "Invalid permissions for action."


class InvalidLimit(BadRequest):
    detail = "Invalid limit."


class InvalidOrderBy(BadRequest):
    detail = "Invalid order_by_field value"


class InvalidCursor(BadRequest):
    """A pagination token that this service did not issue."""

    detail = "Invalid pagination token."


class CreatedAtRequired(BadRequest):
    detail = "You must provide created_at as a query param."


class MissingScorerId(ScorerError):
    """v1 submit without `scorer_id` (or the deprecated `community`): 422, as the reference."""

    detail = "Invalid scorer_id. Please provide a valid scorer_id."


class InvalidSigner(BadRequest):
    detail = "Address does not match signature."


class InvalidNonce(BadRequest):
    detail = "Invalid nonce."


class ScoreRequestFailed(BadRequest):
    """v1 single score read: no score stored for the address in that scorer."""

    detail = "Unable to get score for provided scorer."


class ScoreDoesNotExist(NotFound):
    """History: no score at that time; the body also names the address."""

    detail = "No score exists."

    def __init__(self, address: str, detail: str) -> None:
        super().__init__(detail)
        self.extra = {"address": address}


class CustomizationNotFound(NotFound):
    detail = "Customization not found"


class UpstreamUnavailable(ScorerError):
    """A public resource the route relays (the stamp metadata) could not be fetched (500)."""

    detail = "Error fetching external stamp metadata"


class TosAcceptanceFailed(BadRequest):
    detail = "Failed to process the tos acceptance proof"


class TosNotFound(NotFound):
    detail = "No active terms of service of this type."


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


class SignInFailed(BadRequest):
    """A sign-in message or signature that is refused (400, the reference's wording)."""

    detail = "Authentication failed!"
