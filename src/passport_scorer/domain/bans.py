"""Bans: which active ban, if any, covers each credential the issuer is about to sign.

One request checks the credentials of one address. A ban covers a credential when it is an
account ban of its address (no provider), a hash ban of its hash, or a single-stamp ban of its
address and provider; the first covering ban, in the order the bans were read, decides.
Expired bans are never read (the query keeps those without an end or ending later).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from passport_scorer.domain.address import normalise_address
from passport_scorer.errors import BadRequest

BanType = Literal["account", "hash", "single_stamp"]


@dataclass(frozen=True, slots=True)
class Ban:
    type: str
    provider: str
    hash: str
    address: str
    end_time: datetime | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class Verdict:
    """One credential's answer: the ban that covers it (and of which kind), or none."""

    hash: str | None
    ban_type: BanType | None = None
    ban: Ban | None = None

    @property
    def is_banned(self) -> bool:
        return self.ban is not None


def subject_address(subject_ids: Iterable[str | None]) -> str:
    """The one address every credential is issued to: the last `:` segment of their shared
    `credentialSubject.id` (`did:pkh:eip155:1:<address>`), lower-cased and checked (400)."""
    distinct = {subject_id or None for subject_id in subject_ids}
    if distinct <= {None}:
        raise BadRequest("Must provide valid credential(s)")
    if len(distinct) > 1:
        raise BadRequest("All credentials must be issued to the same address")
    (subject_id,) = distinct
    assert subject_id is not None
    return normalise_address(subject_id.rsplit(":", 1)[-1])


def verdict(
    bans: Sequence[Ban], address: str, stamp_hash: str | None, provider: str | None
) -> Verdict:
    """The first of `bans` that covers the credential (`address` is lower-cased)."""
    for ban in bans:
        same_address = ban.address.lower() == address
        if ban.type == "account" and same_address and not ban.provider:
            return Verdict(stamp_hash, "account", ban)
        if ban.type == "hash" and stamp_hash and ban.hash == stamp_hash:
            return Verdict(stamp_hash, "hash", ban)
        if ban.type == "single_stamp" and same_address and ban.provider == provider:
            return Verdict(stamp_hash, "single_stamp", ban)
    return Verdict(stamp_hash)
