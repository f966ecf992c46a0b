"""Human points rules: action codes, what a scoring earns, what it still needs, the shapes."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import orjson
import pytest

from passport_scorer.domain.human_points import (
    LIST_AWARDS,
    METAMASK_OG_2,
    METAMASK_OG_CAP,
    SCORING_BONUS_COMMUNITIES,
    STAMP_PROVIDER_ACTIONS,
    Action,
    Award,
    EarnedPoints,
    Holdings,
    PointsRules,
    PointsSummary,
    capped_awards,
    new_awards,
    plan_points,
    points_data,
    possible_points_data,
    stamp_awards,
)

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
ON = PointsRules(shown=True, written=True)
ALICE = "0x0000000000000000000000000000000000a11ce0"


def credential(provider: str, nullifiers: Any = None, **subject: Any) -> str:
    body: dict[str, Any] = {"provider": provider, **subject}
    if nullifiers is not None:
        body["nullifiers"] = nullifiers
    return orjson.dumps({"credentialSubject": body}).decode()


def plan(*kept: tuple[str, str], rules: PointsRules = ON) -> Any:
    return plan_points(
        rules,
        address=ALICE,
        community_id=7,
        in_programme=True,
        binary_score=Decimal(1),
        kept=kept,
        now=NOW,
    )


def holdings(
    rows: set[tuple[str, str]] | None = None, communities: int = 1, lists: set[str] | None = None
) -> Holdings:
    return Holdings(frozenset(rows or set()), communities, frozenset(lists or set()))


ALL_CODES = "SCB HKY ISB ISS ISG CSB CSE CST PMT HIM HGO HPH HCH HBI MTA MM2 SOG TCO"
STAMP_CODES = "ISB ISS ISG CSB CSE CST HGO HPH HCH HBI"


def test_the_eighteen_action_codes() -> None:
    assert sorted(a.value for a in Action) == sorted(ALL_CODES.split(" "))
    assert set(STAMP_PROVIDER_ACTIONS.values()) == {Action(c) for c in STAMP_CODES.split(" ")}


def test_metamask_og_is_list_metamaskog2_capped_at_5000() -> None:
    assert (METAMASK_OG_2.list_name, METAMASK_OG_2.action, METAMASK_OG_2.cap) == (
        "MetaMaskOG2",
        Action.METAMASK_OG_2,
        METAMASK_OG_CAP,
    )
    assert METAMASK_OG_CAP == 5_000
    assert [(a.list_name, a.action, a.cap) for a in LIST_AWARDS[1:]] == [
        ("SeasonedPassportOGs", Action.SEASONED_PASSPORT_OG, None),
        ("TheChosenOnes", Action.THE_CHOSEN_ONE, None),
    ]


# --- When a scoring earns points ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rules", "in_programme", "binary", "earns"),
    [
        (ON, True, Decimal(1), True),
        (PointsRules(), True, Decimal(1), False),
        (PointsRules(shown=True), True, Decimal(1), False),
        (PointsRules(written=True), True, Decimal(1), False),  # written needs shown
        (ON, False, Decimal(1), False),
        (ON, True, Decimal(0), False),
        (
            PointsRules(shown=True, written=True, start_timestamp=int(NOW.timestamp())),
            True,
            1,
            True,
        ),
        (
            PointsRules(shown=True, written=True, start_timestamp=int(NOW.timestamp()) + 1),
            True,
            Decimal(1),
            False,
        ),
    ],
)
def test_only_a_passing_scoring_in_the_programme_earns_once_started(
    rules: PointsRules, in_programme: bool, binary: Decimal, earns: bool
) -> None:
    assert rules.earns(in_programme=in_programme, binary_score=Decimal(binary), now=NOW) is earns
    planned = plan_points(
        rules,
        address=ALICE,
        community_id=1,
        in_programme=in_programme,
        binary_score=Decimal(binary),
        kept=[],
        now=NOW,
    )
    assert (planned is not None) is earns


def test_metamask_og_only_when_its_switch_is_on() -> None:
    assert METAMASK_OG_2 not in ON.list_awards()
    assert PointsRules(shown=True, written=True, metamask_og=True).list_awards() == LIST_AWARDS


# --- Stamp awards ---------------------------------------------------------------------------------


def test_human_keys_keep_the_subject_provider_and_the_last_non_empty_nullifier() -> None:
    awards = stamp_awards(
        [("CacheName", credential("Google", ["v0.0.0:a", "v1.0.0:b", ""], hash=None))]
    )
    assert awards == [Award(Action.HUMAN_KEYS, tx_hash="v1.0.0:b", provider="Google")]


def test_a_stamp_without_nullifiers_earns_no_human_keys() -> None:
    assert stamp_awards([("Google", credential("Google", hash="v0:legacy"))]) == []
    assert stamp_awards([("Google", credential("Google", []))]) == []
    assert stamp_awards([("Google", credential("", ["v0:x"]))]) == []
    assert stamp_awards([("Google", "not json")]) == []


def test_provider_actions_come_from_the_cache_provider_once_each() -> None:
    awards = stamp_awards(
        [
            ("SelfStakingGold", credential("SelfStakingGold", ["v0:g"])),
            ("Biometrics", credential("Biometrics", hash="v0:legacy")),
            ("TrustedCitizen", credential("Google", ["v0:t"])),
            ("SelfStakingGold", credential("SelfStakingGold", ["v0:g2"])),
        ]
    )
    assert awards == [
        Award(Action.HUMAN_KEYS, tx_hash="v0:g", provider="SelfStakingGold"),
        Award(Action.IDENTITY_STAKING_GOLD),
        Award(Action.HUMAN_TECH_BIOMETRIC),
        Award(Action.HUMAN_KEYS, tx_hash="v0:t", provider="Google"),
        Award(Action.COMMUNITY_STAKING_TRUSTED),
    ]


@pytest.mark.parametrize(("provider", "code"), sorted(STAMP_PROVIDER_ACTIONS.items()))
def test_every_mapped_provider_earns_its_action(provider: str, code: Action) -> None:
    assert Award(code) in stamp_awards([(provider, credential(provider, ["v0:x"]))])


# --- What is still due ----------------------------------------------------------------------------


def test_nothing_held_twice() -> None:
    planned = plan(
        ("SelfStakingBronze", credential("SelfStakingBronze", ["v0:new"])),
        ("Google", credential("Google", ["v0:g"])),
    )
    held = holdings({("HKY", "SelfStakingBronze"), ("ISB", "")})
    assert new_awards(planned, held) == [
        Award(Action.HUMAN_KEYS, tx_hash="v0:g", provider="Google")
    ]


def test_scoring_bonus_from_the_fourth_qualified_community() -> None:
    planned = plan()
    assert SCORING_BONUS_COMMUNITIES == 4
    assert new_awards(planned, holdings(communities=3)) == []
    assert new_awards(planned, holdings(communities=4)) == [Award(Action.SCORING_BONUS)]
    assert new_awards(planned, holdings({("SCB", "")}, communities=5)) == []


def test_list_awards_for_listed_addresses_only() -> None:
    rules = PointsRules(shown=True, written=True, metamask_og=True)
    planned = plan(rules=rules)
    listed = holdings(lists={"SeasonedPassportOGs", "TheChosenOnes", "MetaMaskOG2"})
    assert new_awards(planned, listed) == [
        Award(Action.SEASONED_PASSPORT_OG),
        Award(Action.THE_CHOSEN_ONE),
    ]
    assert capped_awards(planned, listed) == [METAMASK_OG_2]
    assert new_awards(planned, holdings()) == []
    assert capped_awards(planned, holdings()) == []
    already = holdings({("MM2", ""), ("SOG", "")}, lists={"SeasonedPassportOGs", "MetaMaskOG2"})
    assert (new_awards(planned, already), capped_awards(planned, already)) == ([], [])
    assert capped_awards(plan(), listed) == []  # the MetaMask OG switch is off


# --- Shapes ---------------------------------------------------------------------------------------


def test_points_data_totals_per_action_and_per_chain() -> None:
    summary = PointsSummary(
        earned=[
            EarnedPoints("HKY", 0, 300),
            EarnedPoints("PMT", 10, 300),
            EarnedPoints("PMT", 8453, 300),
            EarnedPoints("SCB", 0, 500),
        ],
        multiplier=2,
        eligible=True,
        possible=[("SCB", 500), ("HKY", 100), ("HIM", 1000)],
    )
    assert list(points_data(summary)) == ["total_points", "is_eligible", "multiplier", "breakdown"]
    assert points_data(summary) == {
        "total_points": 1400,
        "is_eligible": True,
        "multiplier": 2,
        "breakdown": {"HKY": 300, "PMT_10": 300, "PMT": 600, "PMT_8453": 300, "SCB": 500},
    }
    assert possible_points_data(summary) == {
        "total_points": 0,
        "is_eligible": False,
        "multiplier": 2,
        "breakdown": {"SCB": 500, "HKY": 100, "HIM": 1000},
    }


def test_no_points_yet() -> None:
    summary = PointsSummary(earned=[], multiplier=1, eligible=False, possible=[])
    empty = {"total_points": 0, "is_eligible": False, "multiplier": 1, "breakdown": {}}
    assert points_data(summary) == empty
    assert possible_points_data(summary) == empty


def test_the_plan_is_stamped_with_the_scoring_time() -> None:
    planned = plan(("HolonymPhone", credential("HolonymPhone", ["v0:p"])))
    assert (planned.address, planned.community_id, planned.awarded_at) == (ALICE, 7, NOW)
    assert planned.stamp_awards == (
        Award(Action.HUMAN_KEYS, "v0:p", "HolonymPhone"),
        Award(Action.HUMAN_TECH_PHONE),
    )
