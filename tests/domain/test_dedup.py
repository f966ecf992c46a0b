from __future__ import annotations

from datetime import UTC, datetime, timedelta

from passport_scorer.domain.dedup import HashLink, deduplicate
from passport_scorer.domain.stamps import Claims, Stamp

NOW = datetime(2030, 1, 1, tzinfo=UTC)
LATER = NOW + timedelta(days=30)
ME, OTHER, THIRD = "0xme", "0xother", "0xthird"


def stamp(provider: str, *nullifiers: str, expires: datetime = LATER) -> Stamp:
    return Stamp(
        provider, "{}", Claims("did", provider, nullifiers, expires, expires.isoformat(), "")
    )


def test_new_nullifiers_are_created_for_this_address() -> None:
    result = deduplicate([stamp("A", "n1", "n2")], {}, address=ME, now=NOW)
    assert [s.provider for s in result.kept] == ["A"]
    assert result.creates == [HashLink("n1", ME, LATER), HashLink("n2", ME, LATER)]
    assert result.claims == [] and result.deduped == {}


def test_live_link_of_another_address_deduplicates() -> None:
    links = {"n1": HashLink("n1", OTHER, LATER)}
    result = deduplicate([stamp("A", "n1")], links, address=ME, now=NOW)
    assert result.kept == [] and list(result.deduped) == ["A"]
    assert result.dedup_events(7) == [{"nullifiers": ["n1"], "provider": "A", "community_id": 7}]


def test_own_and_expired_links_are_claimed() -> None:
    links = {
        "own": HashLink("own", ME, NOW - timedelta(days=1)),
        "old": HashLink("old", OTHER, NOW),
    }
    result = deduplicate([stamp("A", "own", "old")], links, address=ME, now=NOW)
    assert result.claims == [HashLink("own", ME, LATER), HashLink("old", ME, LATER)]
    assert result.creates == []


def test_backfill_links_unlinked_nullifiers_to_the_first_clashing_owner() -> None:
    links = {
        "taken": HashLink("taken", OTHER, LATER),
        "also": HashLink("also", THIRD, LATER + timedelta(days=1)),
        "mine": HashLink("mine", ME, LATER),
    }
    result = deduplicate([stamp("A", "free", "taken", "also", "mine")], links, address=ME, now=NOW)
    # Only the nullifier with no link at all is backfilled (no duplicate keys).
    assert result.creates == [HashLink("free", OTHER, LATER)]
    assert result.claims == []


def test_a_backfilled_nullifier_deduplicates_a_later_stamp() -> None:
    links = {"taken": HashLink("taken", OTHER, LATER)}
    result = deduplicate(
        [stamp("A", "taken", "free"), stamp("B", "free")], links, address=ME, now=NOW
    )
    assert list(result.deduped) == ["A", "B"]


def test_a_nullifier_shared_by_two_own_stamps_is_claimed_once() -> None:
    result = deduplicate([stamp("A", "n"), stamp("B", "n")], {}, address=ME, now=NOW)
    assert [s.provider for s in result.kept] == ["A", "B"]
    assert result.creates == [HashLink("n", ME, LATER)]


def test_stamp_without_nullifiers_is_kept_and_claims_nothing() -> None:
    result = deduplicate([stamp("A")], {}, address=ME, now=NOW)
    assert [s.provider for s in result.kept] == ["A"]
    assert result.creates == [] and result.claims == []
