"""LIFO deduplication: the first address to present a nullifier in a community owns it.

Links (`registry_hashscorerlink`) map (nullifier, community) to an owner until
`expires_at`. For each stamp of the scored address, in order:

* if none of its nullifiers is held by another address with a live link, the
  stamp is kept and every nullifier is claimed for this address (new link,
  refreshed own link, or an expired link taken over), expiring with the stamp;
* otherwise the stamp is deduplicated (reported, weight 0), and its nullifiers
  that have no link at all are linked to the first clashing owner ("backfill"),
  so that a later claim through those nullifiers is deduplicated too.

Deduplication never crosses communities and never affects an address's own links.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from passport_scorer.domain.stamps import Stamp


@dataclass(slots=True)
class HashLink:
    hash: str
    address: str
    expires_at: datetime


@dataclass(slots=True)
class LifoResult:
    kept: list[Stamp] = field(default_factory=list)
    # Deduplicated stamps by `credentialSubject.provider` (a later one replaces an earlier one).
    deduped: dict[str, Stamp] = field(default_factory=dict)
    creates: list[HashLink] = field(default_factory=list)  # new links, backfills included
    claims: list[HashLink] = field(default_factory=list)  # existing links set to this address

    def dedup_events(self, community_id: int) -> list[dict[str, Any]]:
        """The `LDP` event payloads, one per deduplicated stamp."""
        return [
            {
                "nullifiers": list(stamp.nullifiers),
                "provider": provider,
                "community_id": community_id,
            }
            for provider, stamp in self.deduped.items()
        ]


def deduplicate(
    stamps: Sequence[Stamp],
    links: Mapping[str, HashLink],
    *,
    address: str,
    now: datetime,
) -> LifoResult:
    """Decide which stamps `address` keeps, given the community's current links."""
    result = LifoResult()
    clashing = {
        h: link for h, link in links.items() if link.address != address and link.expires_at > now
    }
    planned: set[str] = set()
    for stamp in stamps:
        clash = [n for n in stamp.nullifiers if n in clashing]
        if not clash:
            result.kept.append(stamp)
            for nullifier in stamp.nullifiers:
                if nullifier in planned:
                    continue  # the same nullifier on two of this address's stamps
                planned.add(nullifier)
                claim = HashLink(nullifier, address, stamp.expires_at)
                if nullifier in links:
                    result.claims.append(claim)
                else:
                    result.creates.append(claim)
            continue
        result.deduped[stamp.subject_provider] = stamp
        owner = clashing[clash[0]]
        for nullifier in stamp.nullifiers:
            if nullifier in clashing or nullifier in links or nullifier in planned:
                continue
            planned.add(nullifier)
            backfill = HashLink(nullifier, owner.address, owner.expires_at)
            result.creates.append(backfill)
            clashing[nullifier] = backfill  # later stamps through it clash as well
    return result
