"""What the app's (`/ceramic-cache/*`) and the embed service's stamp routes exchange: the
request bodies and queries they validate (422 on anything the cache could not store) and the
answers they give (`CachedStampResponse`, `GetStampsWithV2ScoreResponse`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

import orjson
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)

from passport_scorer.api.responses import V2ScoreSchema, score_body
from passport_scorer.domain.cache_stamps import (
    AppStamp,
    Submitted,
    credential_problem,
    duplicates,
    text_problem,
)
from passport_scorer.services.stamp_writes import StampsAndScore


def _checked_text(value: str) -> str:
    if problem := text_problem(value):
        raise ValueError(f"the provider {problem}")
    return value


def _checked_credential(value: dict[str, Any]) -> dict[str, Any]:
    if problem := credential_problem(value):
        raise ValueError(problem)
    return value


def _embed_credential(value: dict[str, Any]) -> dict[str, Any]:
    subject = value.get("credentialSubject")
    provider = subject.get("provider") if isinstance(subject, dict) else None
    if not isinstance(provider, str):
        raise ValueError("the stamp has no credentialSubject.provider")
    _checked_text(provider)
    return _checked_credential(value)


def _blank_is_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


Provider = Annotated[str, AfterValidator(_checked_text)]
Credential = Annotated[dict[str, Any], AfterValidator(_checked_credential)]
EmbedCredential = Annotated[dict[str, Any], AfterValidator(_embed_credential)]
# A blank value counts as absent (as the reference's falsy check): documented as such.
OptionalId = Annotated[
    int | None,
    BeforeValidator(_blank_is_none),
    WithJsonSchema(
        {"anyOf": [{"type": "integer"}, {"type": "string", "maxLength": 0}, {"type": "null"}]}
    ),
]


def _unique(providers: Sequence[str]) -> None:
    if repeated := duplicates(providers):
        raise ValueError(f"more than one stamp for provider(s): {', '.join(repeated)}")


# --- Bodies and queries ------------------------------------------------------------------------


class CacheStampItem(BaseModel):
    """One provider's stamp; without `stamp`, the provider's stamp is only removed. An
    `address` is ignored: the token's address counts."""

    model_config = ConfigDict(extra="ignore")

    provider: Provider
    stamp: Credential | None = None

    def submitted(self) -> Submitted:
        return Submitted(self.provider, self.stamp)


def _unique_items(items: list[CacheStampItem]) -> list[CacheStampItem]:
    _unique([item.provider for item in items])
    return items


BulkStamps = Annotated[list[CacheStampItem], AfterValidator(_unique_items)]


class DeleteStampItem(BaseModel):
    model_config = ConfigDict(extra="ignore")

    provider: str


def _unique_credentials(stamps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    _unique([stamp["credentialSubject"]["provider"] for stamp in stamps])
    return stamps


class EmbedStampsBody(BaseModel):
    """The embed service's stamps for an address, and the community (`scorer_id`, an integer
    or a numeric string; negative: the demo community) to score it in."""

    scorer_id: int
    stamps: Annotated[list[EmbedCredential], AfterValidator(_unique_credentials)]

    def submitted(self) -> list[Submitted]:
        return [Submitted(s["credentialSubject"]["provider"], s) for s in self.stamps]


class ScoreQuery(BaseModel):
    alternate_scorer_id: OptionalId = Field(
        default=None, description="score in this community instead of the app's"
    )


class RescoreBody(BaseModel):
    alternate_scorer_id: OptionalId = None


class StampQuery(BaseModel):
    address: str


class WeightsQuery(BaseModel):
    community_id: OptionalId = Field(
        default=None, description="default: the app's community (`CERAMIC_CACHE_SCORER_ID`)"
    )


# --- Answers -----------------------------------------------------------------------------------


class CachedStampSchema(BaseModel):
    id: int
    address: str
    provider: str
    stamp: dict[str, Any]


class StampsSchema(BaseModel):
    success: bool
    stamps: list[CachedStampSchema]


class StampsWithScoreSchema(StampsSchema):
    score: V2ScoreSchema


def stamps_body(stamps: Sequence[AppStamp]) -> dict[str, Any]:
    """`{"success": true, "stamps": [...]}`, each stamp's JSON as stored."""
    return {
        "success": True,
        "stamps": [
            {
                "id": stamp.id,
                "address": stamp.address,
                "provider": stamp.provider,
                "stamp": orjson.Fragment(stamp.credential_json),
            }
            for stamp in stamps
        ],
    }


def stamps_and_score_body(result: StampsAndScore) -> dict[str, Any]:
    return {**stamps_body(result.stamps), "score": score_body(result.score)}
