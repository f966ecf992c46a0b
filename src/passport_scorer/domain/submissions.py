"""v1 passport submission: which scorer a payload names, and the message a submitter signs."""

from __future__ import annotations

from pydantic import BaseModel, field_validator

from passport_scorer.errors import MissingScorerId

DEPRECATED_COMMUNITY = "Deprecated"


class SubmitPassportPayload(BaseModel):
    """The body of `POST /registry/submit-passport` (numbers are accepted for the ids)."""

    address: str
    community: str = DEPRECATED_COMMUNITY
    scorer_id: str = ""
    signature: str = ""
    nonce: str = ""

    @field_validator("community", "scorer_id", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        if value is None:
            return ""  # an explicit null names no scorer
        if isinstance(value, bool):
            return value  # refused as not a string
        return str(value) if isinstance(value, int) else value


def scorer_id_of(payload: SubmitPassportPayload) -> str:
    """`scorer_id`, else the deprecated `community`; neither: MissingScorerId (422)."""
    if payload.scorer_id:
        return payload.scorer_id
    if payload.community and payload.community != DEPRECATED_COMMUNITY:
        return payload.community
    raise MissingScorerId()


def signing_message(nonce: str) -> str:
    return (
        "I hereby agree to submit my address in order to score my associated Gitcoin Passport "
        f"from Ceramic.\n\nNonce: {nonce}\n"
    )
