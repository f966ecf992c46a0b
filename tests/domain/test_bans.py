from __future__ import annotations

from datetime import UTC, datetime

import pytest

from passport_scorer.domain.bans import Ban, subject_address, verdict
from passport_scorer.errors import BadRequest, InvalidAddress

ALICE = "0x" + "a1" * 20


def ban(type: str, address: str = "", provider: str = "", hash: str = "") -> Ban:
    return Ban(type, provider, hash, address, None, None)


def test_subject_address_is_the_did_tail_lower_cased() -> None:
    did = "did:pkh:eip155:1:0x" + "A1" * 20
    assert subject_address([did, did]) == ALICE


@pytest.mark.parametrize(
    ("ids", "message"),
    [
        ([], "Must provide valid credential(s)"),
        ([None, ""], "Must provide valid credential(s)"),
        ([f"did:pkh:eip155:1:{ALICE}", None], "All credentials must be issued to the same address"),
        (
            [f"did:pkh:eip155:1:{ALICE}", ALICE],
            "All credentials must be issued to the same address",
        ),
    ],
)
def test_one_address_per_request(ids: list[str | None], message: str) -> None:
    with pytest.raises(BadRequest) as refused:
        subject_address(ids)
    assert refused.value.detail == message


def test_the_did_tail_must_be_an_address() -> None:
    with pytest.raises(InvalidAddress):
        subject_address(["did:pkh:eip155:1:alice"])


def test_each_kind_of_ban_covers_its_own() -> None:
    account = ban("account", address="0x" + "A1" * 20)
    assert verdict([account], ALICE, "h", "Google").ban_type == "account"
    # An account ban with a provider is not an account-wide ban.
    assert not verdict([ban("account", ALICE, provider="Google")], ALICE, "h", "Google").is_banned
    assert verdict([ban("hash", hash="h")], ALICE, "h", "Google").ban_type == "hash"
    assert not verdict([ban("hash", hash="h")], ALICE, "other", "Google").is_banned
    single = ban("single_stamp", ALICE, provider="Google")
    assert verdict([single], ALICE, "h", "Google").ban_type == "single_stamp"
    assert not verdict([single], ALICE, "h", "Github").is_banned
    assert not verdict([ban("account", address="0x" + "b0" * 20)], ALICE, "h", "Google").is_banned


def test_a_missing_hash_never_matches_a_hash_ban() -> None:
    assert not verdict([ban("hash", hash="")], ALICE, None, "Google").is_banned
    assert not verdict([ban("hash", hash="")], ALICE, "", "Google").is_banned


def test_the_first_covering_ban_wins() -> None:
    first = Ban("single_stamp", "Google", "", ALICE, datetime(2999, 1, 1, tzinfo=UTC), "first")
    second = Ban("account", "", "", ALICE, None, "second")
    found = verdict([first, second], ALICE, "h", "Google")
    assert (found.ban_type, found.ban) == ("single_stamp", first)
