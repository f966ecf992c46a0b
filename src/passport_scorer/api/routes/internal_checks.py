"""Lookups the issuer (IAM) makes on the internal load balancer before signing stamps: bans,
revocations, allow lists and custom credential rules. Every one needs the internal token."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from passport_scorer.api.auth.internal_token import INTERNAL_TOKEN
from passport_scorer.api.endpoint import Call, endpoint
from passport_scorer.api.formats import django_datetime
from passport_scorer.db.queries import address_lists, custom_credentials
from passport_scorer.domain.address import normalise_address
from passport_scorer.domain.bans import Verdict
from passport_scorer.errors import NotFound
from passport_scorer.services.credential_checks import (
    CredentialToCheck,
    check_bans,
    check_revocations,
)

MAX_PROOF_VALUES = 100


class CredentialSubjectIn(BaseModel):
    # Each key must be present (null allowed), as the reference requires.
    hash: str | None
    provider: str | None
    id: str | None


class CredentialIn(BaseModel):
    credentialSubject: CredentialSubjectIn  # the credential's own field name


class BanResultSchema(BaseModel):
    hash: str | None
    is_banned: bool
    end_time: str | None
    ban_type: str | None
    reason: str | None


class RevocationsIn(BaseModel):
    proof_values: list[str]


class RevocationSchema(BaseModel):
    proof_value: str
    is_revoked: bool


class MembershipSchema(BaseModel):
    is_member: bool


class RulesetSchema(BaseModel):
    ruleset: Any


def _ban_result(result: Verdict) -> dict[str, Any]:
    ban = result.ban
    return {
        "hash": result.hash,
        "is_banned": result.is_banned,
        "end_time": django_datetime(ban.end_time) if ban and ban.end_time else None,
        "ban_type": result.ban_type,
        "reason": ban.reason if ban else None,
    }


@endpoint(
    "POST",
    "/internal/check-bans",
    auth=INTERNAL_TOKEN,
    body=list[CredentialIn],
    response=list[BanResultSchema],
    errors=(400, 401, 422, 503),
    summary="Which credentials an active ban covers",
    description="All credentials must be issued to one address (`credentialSubject.id`). "
    "Account bans, hash bans and single-stamp bans in force; one result per credential, "
    "in request order.",
    tag="internal",
)
async def post_check_bans(call: Call) -> list[dict[str, Any]]:
    credentials = [
        CredentialToCheck(
            c.credentialSubject.id, c.credentialSubject.hash, c.credentialSubject.provider
        )
        for c in call.body
    ]
    return [_ban_result(result) for result in await check_bans(call.ex, credentials)]


@endpoint(
    "POST",
    "/internal/check-revocations",
    auth=INTERNAL_TOKEN,
    body=RevocationsIn,
    max_items=MAX_PROOF_VALUES,
    items_field="proof_values",
    response=list[RevocationSchema],
    errors=(401, 422, 503),
    summary="Which proof values are revoked",
    description="At most 100 values; one result per value asked, in order, duplicates kept.",
    tag="internal",
)
async def post_check_revocations(call: Call) -> list[dict[str, Any]]:
    results = await check_revocations(call.ex, call.body.proof_values)
    return [{"proof_value": value, "is_revoked": revoked} for value, revoked in results]


@endpoint(
    "GET",
    "/internal/allow-list/{list}/{address}",
    auth=INTERNAL_TOKEN,
    response=MembershipSchema,
    errors=(400, 401, 503),
    summary="Whether an address is on an allow list",
    tag="internal",
)
async def get_allow_list_membership(call: Call) -> dict[str, Any]:
    address = normalise_address(call.path["address"])
    return {"is_member": await address_lists.is_member(call.ex, call.path["list"], address)}


@endpoint(
    "GET",
    "/internal/customization/credential/{provider_id}",
    auth=INTERNAL_TOKEN,
    response=RulesetSchema,
    errors=(401, 404, 503),
    summary="The rule definition of a custom credential",
    description="`provider_id` is URL-decoded; a `%23` left in it (a double-encoded `#`) "
    "is read as `#`.",
    tag="internal",
)
async def get_custom_credential(call: Call) -> dict[str, Any]:
    provider_id = call.path["provider_id"].replace("%23", "#")
    found, definition = await custom_credentials.ruleset_definition(call.ex, provider_id)
    if not found:
        raise NotFound()
    return {"ruleset": definition}


ENDPOINTS = [
    post_check_bans,
    post_check_revocations,
    get_allow_list_membership,
    get_custom_credential,
]
