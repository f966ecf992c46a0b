"""Which route families need which tables: what a table missing from a database disables.

Each family lists the tables its routes read or write (as the contract and the reference's
routes do); a family also needs every table those tables' foreign keys point at, which
`tables_needed_by` adds from the metadata. `passport-scorer check` names, for each missing
table or column, the families it disables; the score routes are the service's core, so their
tables are reported without a family.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from passport_scorer.db.tables import metadata

SCORE_ROUTES = "score routes"

# What one scoring reads and writes: the key, the community and its scorer, the address's
# cache rows and revocations, the passport, stamps, score, nullifier links and events.
_SCORING = frozenset(
    {
        "account_accountapikey",
        "account_accountapikeyanalytics",
        "account_community",
        "scorer_weighted_scorer",
        "scorer_weighted_binaryweightedscorer",
        "scorer_weighted_weightedscorer",
        "ceramic_cache_ceramiccache",
        "ceramic_cache_revocation",
        "registry_passport",
        "registry_stamp",
        "registry_score",
        "registry_hashscorerlink",
        "registry_event",
    }
)
# A community's scorer and its weights, as read by the weights and customization routes.
_WEIGHTS = frozenset(
    {
        "account_community",
        "scorer_weighted_scorer",
        "scorer_weighted_binaryweightedscorer",
        "scorer_weighted_weightedscorer",
    }
)
# The default weights and threshold a new scorer starts from.
_DEFAULT_WEIGHTS = frozenset({"registry_weightconfiguration", "registry_weightconfigurationitem"})

ROUTE_FAMILIES: Mapping[str, frozenset[str]] = {
    # GET /v2/stamps/{scorer_id}/score/{address}, GET /internal/score/v2/{scorer_id}/{address};
    # the reference's scoring also claims a canonical wallet for linked wallets.
    SCORE_ROUTES: _SCORING | {"account_walletgroupcommunityclaim"},
    # Points rows written while scoring (the MM2/SOG/TCO award lists), points data in answers.
    "human points": frozenset(
        {
            "account_addresslist",
            "account_addresslistmember",
            "account_community",
            "registry_humanpoints",
            "registry_humanpointscommunityqualifiedusers",
            "registry_humanpointsconfig",
            "registry_humanpointsmultiplier",
        }
    ),
    # /ceramic-cache/stamps/bulk, /ceramic-cache/score/{address}, /ceramic-cache/stamp,
    # /ceramic-cache/weights.
    "ceramic cache": _SCORING,
    # GET /account/nonce, POST /ceramic-cache/authenticate (and /v2).
    "sign-in": frozenset({"account_nonce"}),
    # /internal/embed/validate-api-key, /internal/embed/stamps/{address},
    # /internal/embed/score/{scorer_id}/{address}, /internal/embed/weights.
    "embed": _SCORING,
    # GET /internal/embed/config: the weights and the customization's stamp sections.
    "embed config": _WEIGHTS
    | {
        "account_customization",
        "account_embedsectionheader",
        "account_embedsectionorder",
        "account_embedstampplatform",
        "registry_platformmetadata",
    },
    # POST /internal/check-bans.
    "internal bans": frozenset({"ceramic_cache_ban"}),
    # POST /internal/check-revocations.
    "internal revocations": frozenset({"ceramic_cache_revocation"}),
    # GET /internal/allow-list/{list}/{address}.
    "allow lists": frozenset({"account_addresslist", "account_addresslistmember"}),
    # GET /internal/customization/credential/{provider_id} (and /account/customization/...).
    "custom credentials": frozenset({"account_customcredentialruleset"}),
    # GET /internal/stake/gtc/{address}, GET /ceramic-cache/stake/gtc.
    "stakes": frozenset({"stake_stake"}),
    # GET /internal/stake/legacy-gtc/{address}/{round_id}, GET /registry/gtc-stake/...
    "legacy stakes": frozenset({"registry_gtcstakeevent"}),
    # GET /internal/cgrants/contributor_statistics.
    "contributor statistics": frozenset(
        {
            "cgrants_contribution",
            "cgrants_grantcontributionindex",
            "cgrants_protocolcontributions",
            "cgrants_roundmapping",
            "cgrants_squelchedaccounts",
        }
    ),
    # /registry/*: signing message, submit passport, scores, stamps, GTC stake, new scorers.
    "v1 registry": _SCORING | _DEFAULT_WEIGHTS | {"account_nonce", "registry_gtcstakeevent"},
    # GET /v2/stamps/{scorer_id}/score/{address}/history.
    "score history": frozenset(
        {
            "account_accountapikey",
            "account_accountapikeyanalytics",
            "account_community",
            "registry_event",
        }
    ),
    # GET /v2/stamps/{address}.
    "stamps listing": frozenset(
        {"account_accountapikey", "account_accountapikeyanalytics", "ceramic_cache_ceramiccache"}
    ),
    # GET /account/customization/*: theme, allow lists, custom credentials, chains, weights.
    "customization": _WEIGHTS
    | _DEFAULT_WEIGHTS
    | {
        "account_addresslist",
        "account_allowlist",
        "account_customcredential",
        "account_customcredentialruleset",
        "account_customization",
        "account_customplatform",
        "account_includedchainid",
    },
    # /ceramic-cache/tos/*: the active terms, messages to sign (with a nonce), acceptances.
    "terms of service": frozenset({"account_nonce", "tos_tos", "tos_tosacceptanceproof"}),
    # /passport-admin/*: banners, notifications (made from dedup events and expired stamps),
    # server status.
    "passport admin": _WEIGHTS
    | {
        "ceramic_cache_ceramiccache",
        "registry_event",
        "passport_admin_dismissedbanners",
        "passport_admin_notification",
        "passport_admin_notificationstatus",
        "passport_admin_passportbanner",
        "passport_admin_systemtestresult",
        "passport_admin_systemtestrun",
    },
    # /internal/batch-model-scoring, /internal/batch-model-scoring/{id}.
    "batch model scoring": frozenset(
        {"registry_batchmodelscoringrequest", "registry_batchmodelscoringrequestitem"}
    ),
}


@cache
def tables_needed_by(family: str) -> frozenset[str]:
    """The family's tables and, transitively, the tables their foreign keys point at."""
    needed: set[str] = set()
    pending = list(ROUTE_FAMILIES[family])
    while pending:
        name = pending.pop()
        if name not in needed:
            needed.add(name)
            pending.extend(fk.column.table.name for fk in metadata.tables[name].foreign_keys)
    return frozenset(needed)


def families_needing(table: str) -> tuple[str, ...]:
    """The route families a missing `table` disables, in the order declared above."""
    return tuple(family for family in ROUTE_FAMILIES if table in tables_needed_by(family))
