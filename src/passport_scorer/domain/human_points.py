"""Human points: what a passing scoring earns, and how an address's points are shown.

A scoring in a community of the points programme that passes (binary score 1) records the
address as qualified in that community and earns, once each (rescoring earns nothing new):

* `HKY` (Human Keys) per credential provider of a kept stamp that carries nullifiers; the
  row keeps the last non-empty nullifier. A provider that already has an `HKY` row earns no
  second one, even when its nullifier has rotated;
* the action of each kept stamp's provider in `STAMP_PROVIDER_ACTIONS` (staking, human tech);
* `SCB` once the address is qualified in `SCORING_BONUS_COMMUNITIES` communities;
* `MM2`, `SOG`, `TCO` for addresses on their address lists (`LIST_AWARDS`); `MM2` goes to at
  most `METAMASK_OG_CAP` addresses overall and only while `HUMAN_POINTS_MTA_ENABLED`.

Point values live in `registry_humanpointsconfig`; only its active actions count, and `HIM`
is never part of an address's total. `PMT` and `HIM` are written elsewhere, never here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

import orjson


class Action(StrEnum):
    """The 18 action codes of `registry_humanpoints.action`."""

    SCORING_BONUS = "SCB"
    HUMAN_KEYS = "HKY"
    IDENTITY_STAKING_BRONZE = "ISB"
    IDENTITY_STAKING_SILVER = "ISS"
    IDENTITY_STAKING_GOLD = "ISG"
    COMMUNITY_STAKING_BEGINNER = "CSB"
    COMMUNITY_STAKING_EXPERIENCED = "CSE"
    COMMUNITY_STAKING_TRUSTED = "CST"
    PASSPORT_MINT = "PMT"
    HUMAN_ID_MINT = "HIM"
    HUMAN_TECH_GOV_ID = "HGO"
    HUMAN_TECH_PHONE = "HPH"
    HUMAN_TECH_CLEAN_HANDS = "HCH"
    HUMAN_TECH_BIOMETRIC = "HBI"
    METAMASK_OG = "MTA"
    METAMASK_OG_2 = "MM2"
    SEASONED_PASSPORT_OG = "SOG"
    THE_CHOSEN_ONE = "TCO"


# A kept stamp's provider (the cache row's `provider`) → the action it earns.
STAMP_PROVIDER_ACTIONS: Mapping[str, Action] = {
    "SelfStakingBronze": Action.IDENTITY_STAKING_BRONZE,
    "SelfStakingSilver": Action.IDENTITY_STAKING_SILVER,
    "SelfStakingGold": Action.IDENTITY_STAKING_GOLD,
    "BeginnerCommunityStaker": Action.COMMUNITY_STAKING_BEGINNER,
    "ExperiencedCommunityStaker": Action.COMMUNITY_STAKING_EXPERIENCED,
    "TrustedCitizen": Action.COMMUNITY_STAKING_TRUSTED,
    "HolonymGovIdProvider": Action.HUMAN_TECH_GOV_ID,
    "HolonymPhone": Action.HUMAN_TECH_PHONE,
    "CleanHands": Action.HUMAN_TECH_CLEAN_HANDS,
    "Biometrics": Action.HUMAN_TECH_BIOMETRIC,
}

SCORING_BONUS_COMMUNITIES = 4
METAMASK_OG_CAP = 5_000
PASSING = Decimal(1)
# Shown in the possible points, never counted in an address's total.
NOT_TOTALLED = frozenset({Action.HUMAN_ID_MINT})


@dataclass(frozen=True, slots=True)
class Award:
    """One `registry_humanpoints` row, written unless the address already has a row with
    this action and provider (so each is earned once)."""

    action: Action
    tx_hash: str = ""
    provider: str = ""
    chain_id: int = 0


@dataclass(frozen=True, slots=True)
class ListAward:
    """`action` for addresses on the `account_addresslist` named `list_name`; with a `cap`,
    for at most that many addresses overall."""

    list_name: str
    action: Action
    cap: int | None = None


METAMASK_OG_2 = ListAward("MetaMaskOG2", Action.METAMASK_OG_2, cap=METAMASK_OG_CAP)
LIST_AWARDS = (
    METAMASK_OG_2,
    ListAward("SeasonedPassportOGs", Action.SEASONED_PASSPORT_OG),
    ListAward("TheChosenOnes", Action.THE_CHOSEN_ONE),
)


@dataclass(frozen=True, slots=True)
class PointsRules:
    """The programme's switches: `shown` fills the points of every score response,
    `written` (only together with `shown`) records what passing scorings earn."""

    shown: bool = False
    written: bool = False
    start_timestamp: int = 0  # seconds since the epoch; nothing is earned before it
    metamask_og: bool = False

    def earns(self, *, in_programme: bool, binary_score: Decimal, now: datetime) -> bool:
        """Whether this scoring earns points: on, in the programme, passing, started."""
        return (
            self.shown
            and self.written
            and in_programme
            and binary_score == PASSING
            and now.timestamp() >= self.start_timestamp
        )

    def list_awards(self) -> tuple[ListAward, ...]:
        return tuple(a for a in LIST_AWARDS if self.metamask_og or a is not METAMASK_OG_2)


@dataclass(frozen=True, slots=True)
class PointsPlan:
    """Everything one passing scoring records, in the order it is recorded."""

    address: str
    community_id: int
    awarded_at: datetime
    stamp_awards: tuple[Award, ...]
    list_awards: tuple[ListAward, ...]


def plan_points(
    rules: PointsRules,
    *,
    address: str,
    community_id: int,
    in_programme: bool,
    binary_score: Decimal,
    kept: Iterable[tuple[str, str]],
    now: datetime,
) -> PointsPlan | None:
    """What a scoring earns (None: nothing); `kept` is (cache provider, credential JSON)."""
    if not rules.earns(in_programme=in_programme, binary_score=binary_score, now=now):
        return None
    return PointsPlan(
        address=address,
        community_id=community_id,
        awarded_at=now,
        stamp_awards=tuple(stamp_awards(kept)),
        list_awards=rules.list_awards(),
    )


def stamp_awards(kept: Iterable[tuple[str, str]]) -> list[Award]:
    """`HKY` per credential provider with nullifiers, and each provider-mapped action; once
    each, in stamp order."""
    awards: dict[tuple[Action, str], Award] = {}
    for provider, credential_json in kept:
        human_keys = _human_keys(credential_json)
        if human_keys is not None and (Action.HUMAN_KEYS, human_keys.provider) not in awards:
            awards[(Action.HUMAN_KEYS, human_keys.provider)] = human_keys
        action = STAMP_PROVIDER_ACTIONS.get(provider)
        if action is not None:
            awards.setdefault((action, ""), Award(action))
    return list(awards.values())


def _human_keys(credential_json: str) -> Award | None:
    """The credential's `HKY` row: its subject's provider and its last non-empty nullifier.
    All nullifiers count here, whatever `FF_MULTI_NULLIFIER` keeps for deduplication."""
    try:
        credential = orjson.loads(credential_json)
    except orjson.JSONDecodeError:
        return None
    subject = credential.get("credentialSubject") if isinstance(credential, dict) else None
    if not isinstance(subject, dict):
        return None
    provider, nullifiers = subject.get("provider"), subject.get("nullifiers")
    if not isinstance(provider, str) or not provider or not isinstance(nullifiers, list):
        return None
    latest = next((n for n in reversed(nullifiers) if isinstance(n, str) and n), None)
    if latest is None:
        return None
    return Award(Action.HUMAN_KEYS, tx_hash=latest, provider=provider)


@dataclass(frozen=True, slots=True)
class Holdings:
    """What the database holds for an address when its points are recorded."""

    rows: frozenset[tuple[str, str]]  # (action, provider) of its points rows
    qualified_communities: int  # communities where it is qualified (this one included)
    lists: frozenset[str]  # names of the award lists it is on

    def holds(self, action: Action) -> bool:
        return any(held == action for held, _ in self.rows)


def new_awards(plan: PointsPlan, holdings: Holdings) -> list[Award]:
    """The rows to write: stamp awards not yet held, `SCB` once qualified in enough
    communities, and uncapped list awards for listed addresses; each only if not held."""
    awards = [a for a in plan.stamp_awards if (a.action, a.provider) not in holdings.rows]
    if holdings.qualified_communities >= SCORING_BONUS_COMMUNITIES and not holdings.holds(
        Action.SCORING_BONUS
    ):
        awards.append(Award(Action.SCORING_BONUS))
    awards += [Award(a.action) for a in _listed(plan, holdings) if a.cap is None]
    return awards


def capped_awards(plan: PointsPlan, holdings: Holdings) -> list[ListAward]:
    """List awards with a cap the address is due; each is written only while fewer than
    `cap` addresses hold it, checked under a lock so the cap is never exceeded."""
    return [a for a in _listed(plan, holdings) if a.cap is not None]


def _listed(plan: PointsPlan, holdings: Holdings) -> list[ListAward]:
    return [
        a
        for a in plan.list_awards
        if a.list_name in holdings.lists and not holdings.holds(a.action)
    ]


# --- What a score response shows --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EarnedPoints:
    """An address's rows of one action on one chain, valued by the active config."""

    action: str
    chain_id: int
    points: int


@dataclass(frozen=True, slots=True)
class PointsSummary:
    """What the database holds for one address, as read for a score response."""

    earned: Sequence[EarnedPoints]  # active, `HIM` excluded
    multiplier: int  # the address's multiplier when it has earned points, else 1
    eligible: bool  # qualified in at least one community
    possible: Sequence[tuple[str, int]]  # (action, points) of every active config


def points_data(summary: PointsSummary) -> dict[str, Any]:
    """`points_data`: the total, eligibility, multiplier (shown, not applied) and the
    points per action, plus `<action>_<chain id>` for points earned on a chain."""
    breakdown: dict[str, int] = {}
    for row in summary.earned:
        if row.chain_id:
            breakdown[f"{row.action}_{row.chain_id}"] = row.points
        breakdown[row.action] = breakdown.get(row.action, 0) + row.points
    return {
        "total_points": sum(row.points for row in summary.earned),
        "is_eligible": summary.eligible,
        "multiplier": summary.multiplier,
        "breakdown": breakdown,
    }


def possible_points_data(summary: PointsSummary) -> dict[str, Any]:
    """`possible_points_data`: every active action's points (`HIM` included); its total is
    0 and it is never eligible, as the reference shows it."""
    return {
        "total_points": 0,
        "is_eligible": False,
        "multiplier": summary.multiplier,
        "breakdown": dict(summary.possible),
    }
