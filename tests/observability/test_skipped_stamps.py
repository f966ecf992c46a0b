"""Skipped stamps: a DEBUG reason each, an INFO line per untrusted issuer per interval."""

from __future__ import annotations

import logging

import pytest

from passport_scorer.domain.stamps import EXPIRED, UNTRUSTED_ISSUER, Skipped
from passport_scorer.observability.skipped_stamps import SkippedStamps

ISSUER = "did:ethr:0xnottrusted"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def summaries(caplog: pytest.LogCaptureFixture) -> list[tuple[str, int]]:
    return [
        (record.__dict__["issuer"], record.__dict__["count"])
        for record in caplog.records
        if record.levelno == logging.INFO and record.getMessage().startswith("stamps skipped")
    ]


def test_untrusted_issuers_are_summed_once_per_interval(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="passport_scorer")
    clock = Clock()
    report = SkippedStamps(interval=60, clock=clock)
    scoring = [
        Skipped("Google", UNTRUSTED_ISSUER, ISSUER),
        Skipped("Github", UNTRUSTED_ISSUER, ISSUER),
    ]

    report(scoring)  # first sighting: at once, with this scoring's count
    report(scoring)
    clock.now += 30
    report([*scoring, Skipped("X", UNTRUSTED_ISSUER, "did:other")])
    assert summaries(caplog) == [(ISSUER, 2), ("did:other", 1)]

    clock.now += 31  # the interval has passed: everything since the last line
    report(scoring[:1])
    assert summaries(caplog)[-1] == (ISSUER, 5)


def test_each_skipped_stamp_says_why_at_debug_only(caplog: pytest.LogCaptureFixture) -> None:
    report = SkippedStamps(interval=60)
    caplog.set_level(logging.INFO, logger="passport_scorer")
    report([Skipped("Linkedin", EXPIRED, "did:ethr:0xtrusted")])
    assert [r for r in caplog.records if r.getMessage() == "stamp skipped"] == []
    caplog.set_level(logging.DEBUG, logger="passport_scorer")
    report([Skipped("Linkedin", EXPIRED, "did:ethr:0xtrusted")])
    [record] = [r for r in caplog.records if r.getMessage() == "stamp skipped"]
    assert record.levelno == logging.DEBUG
    assert (record.__dict__["reason"], record.__dict__["provider"]) == (EXPIRED, "Linkedin")
