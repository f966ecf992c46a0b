"""Reporting stamps that do not count: why each one (DEBUG), and which issuers are not trusted.

An operator whose `TRUSTED_IAM_ISSUERS` misses the real issuer sees every score at 0; the
INFO line `stamps skipped: issuer is not trusted` names that issuer and how many of its
stamps were skipped, once per issuer per interval.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence

from prometheus_client import Counter

from passport_scorer.domain.stamps import UNTRUSTED_ISSUER, Skipped
from passport_scorer.observability import metrics

log = logging.getLogger("passport_scorer.stamps")
MAX_ISSUERS = 1_000
MAX_ISSUER_LENGTH = 200


class SkippedStamps:
    """A `SkipReport`: counts every skipped stamp by reason and logs as described above
    (the count is every stamp of that issuer skipped since its previous line)."""

    def __init__(
        self, *, interval: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._interval = interval
        self._clock = clock
        self._untrusted: dict[str, int] = {}  # issuer → skipped since its last line
        self._logged_at: dict[str, float] = {}
        self._reasons: dict[str, Counter] = {}

    def __call__(self, skipped: Sequence[Skipped]) -> None:
        untrusted: dict[str, int] = {}
        debug = log.isEnabledFor(logging.DEBUG)
        for stamp in skipped:
            counter = self._reasons.get(stamp.reason)
            if counter is None:
                counter = self._reasons[stamp.reason] = metrics.SKIPPED_STAMPS.labels(stamp.reason)
            counter.inc()
            if debug:
                log.debug(
                    "stamp skipped",
                    extra={
                        "reason": stamp.reason,
                        "issuer": stamp.issuer,
                        "provider": stamp.provider,
                    },
                )
            if stamp.reason == UNTRUSTED_ISSUER:
                issuer = (stamp.issuer or "<none>")[:MAX_ISSUER_LENGTH]
                untrusted[issuer] = untrusted.get(issuer, 0) + 1
        for issuer, count in untrusted.items():
            self._untrusted_issuer(issuer, count)

    def _untrusted_issuer(self, issuer: str, count: int) -> None:
        if issuer not in self._logged_at and len(self._logged_at) >= MAX_ISSUERS:
            self._untrusted.clear()  # bounded memory: forget every issuer, start again
            self._logged_at.clear()
        count += self._untrusted.get(issuer, 0)
        now = self._clock()
        last = self._logged_at.get(issuer)
        if last is not None and now - last < self._interval:
            self._untrusted[issuer] = count
            return
        self._untrusted[issuer] = 0
        self._logged_at[issuer] = now
        log.info(
            "stamps skipped: issuer is not trusted (not in TRUSTED_IAM_ISSUERS)",
            extra={"issuer": issuer, "count": count},
        )
