"""`passport-scorer demo`: a ready-to-score community, API key and stamps (idempotent).

Every run refreshes the demo stamps (new 90-day expiry) and gives the demo API
key a new secret, printed once; no other data is touched.
"""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from passport_scorer.db.engine import Database
from passport_scorer.db.queries import accounts, api_keys, ceramic_cache, communities
from passport_scorer.demo.issuer import EthereumIssuer
from passport_scorer.domain.api_keys import make_pbkdf2, sha256_hash

DEMO_USERNAME = "passport-demo"
DEMO_ACCOUNT_ADDRESS = "0x00000000000000000000000000000000000de110"
DEMO_COMMUNITY = "Demo community"
DEMO_KEY_PREFIX = "demo0key"
DEMO_WEIGHTS = {
    "Google": "10.0",
    "Github": "8.0",
    "Twitter": "6.0",
    "Discord": "3.5",
    "Linkedin": "4.0",
}
DEMO_THRESHOLD = Decimal("20")
PASSING_ADDRESS = "0x00000000000000000000000000000000000a55ed"  # 10 + 8 + 6 = 24 >= 20
FAILING_ADDRESS = "0x000000000000000000000000000000000000fa11"  # 3.5 + 4 = 7.5 < 20
STAMPS = {
    PASSING_ADDRESS: ["Google", "Github", "Twitter"],
    FAILING_ADDRESS: ["Discord", "Linkedin"],
}
_ALPHABET = string.ascii_letters + string.digits


@dataclass(frozen=True)
class DemoData:
    api_key: str
    scorer_id: int
    passing_address: str
    failing_address: str
    issuer_did: str


async def seed_demo(db: Database) -> DemoData:
    issuer = EthereumIssuer()
    now = datetime.now(UTC)
    secret = "".join(secrets.choice(_ALPHABET) for _ in range(32))
    key = f"{DEMO_KEY_PREFIX}.{secret}"
    async with db.transaction() as ex:
        account_id = await accounts.ensure_account(
            ex, username=DEMO_USERNAME, address=DEMO_ACCOUNT_ADDRESS, now=now
        )
        community_id = await communities.ensure_binary_community(
            ex,
            account_id=account_id,
            name=DEMO_COMMUNITY,
            weights=DEMO_WEIGHTS,
            threshold=DEMO_THRESHOLD,
            now=now,
        )
        await api_keys.upsert_key(
            ex,
            account_id=account_id,
            prefix=DEMO_KEY_PREFIX,
            name="demo",
            hashed_key=make_pbkdf2(key, secrets.token_hex(11), iterations=1_000),
            hashed_key_sha256=sha256_hash(key),
            rate_limit="",
            now=now,
        )
        # Signed once the database has answered: a run against a database that is down
        # stops before the signer starts.
        for address, providers in STAMPS.items():
            credentials = [await issuer.issue(address, provider) for provider in providers]
            await ceramic_cache.replace_stamps(
                ex, address, credentials, source_app=1, source_scorer_id=community_id, now=now
            )
    return DemoData(key, community_id, PASSING_ADDRESS, FAILING_ADDRESS, issuer.did)
