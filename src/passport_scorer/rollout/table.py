"""THE listener-rule table: every rule on the public and internal listeners.

Built from the live system's final rule table. Rules with a rollout `group` are weighted
between the live service and this scorer (by the group's share); all others forward to the
live service only. A rule gets a group only once this scorer's router serves every endpoint
the rule can receive (`validate.check_coverage` enforces it).

Priorities retired by the live system's history must not be reused while old rules may still
exist (`RETIRED_PRIORITIES`).
"""

from __future__ import annotations

from passport_scorer.rollout.model import FixedResponse, Listener, RuleSpec

PUBLIC, INTERNAL = Listener.PUBLIC, Listener.INTERNAL
PASSPORT_HOSTS = ("*.passport.xyz",)

V2_SCORE_GROUP = "v2-score"
INTERNAL_SCORE_GROUP = "internal-score"
CERAMIC_CACHE_GROUP = "ceramic-cache"  # the Passport app's stamps, score and weights
EMBED_GROUP = "embed"  # the embed service's stamps, score, weights and key check
INTERNAL_GROUP = "internal"  # the rest of the internal listener (its catch-all)
SIGN_IN_GROUP = "sign-in"  # the app's sign-in: nonce and SIWE authenticate

RULES: tuple[RuleSpec, ...] = (
    # --- public listener ---------------------------------------------------------------------
    RuleSpec("submit-passport", PUBLIC, 1030, ("/registry/submit-passport",), ("POST",),
             live_target="submit-passport"),
    RuleSpec("ceramic-cache-score-post", PUBLIC, 1031, ("/ceramic-cache/score/*",), ("POST",),
             live_target="cc-score-post", group=CERAMIC_CACHE_GROUP),
    RuleSpec("ceramic-cache-bulk-post", PUBLIC, 1032, ("/ceramic-cache/stamps/bulk",), ("POST",),
             live_target="cc-bulk-post", group=CERAMIC_CACHE_GROUP),
    RuleSpec("ceramic-cache-bulk-patch", PUBLIC, 1033, ("/ceramic-cache/stamps/bulk",),
             ("PATCH",), live_target="cc-bulk-patch", group=CERAMIC_CACHE_GROUP),
    RuleSpec("ceramic-cache-bulk-delete", PUBLIC, 1034, ("/ceramic-cache/stamps/bulk",),
             ("DELETE",), live_target="cc-bulk-delete", group=CERAMIC_CACHE_GROUP),
    RuleSpec("passport-analysis", PUBLIC, 1035, ("/passport/analysis/*",), ("GET",),
             live_target="passport-analysis"),
    RuleSpec("ceramic-cache-score-get", PUBLIC, 1036, ("/ceramic-cache/score/0x*",), ("GET",),
             live_target="cc-score-get", group=CERAMIC_CACHE_GROUP),
    RuleSpec("ceramic-cache-weights", PUBLIC, 1037, ("/ceramic-cache/weights",), ("GET",),
             live_target="cc-weights", group=CERAMIC_CACHE_GROUP),
    RuleSpec("ceramic-cache-stamp", PUBLIC, 1038, ("/ceramic-cache/stamp",), ("GET",),
             live_target="cc-stamp", group=CERAMIC_CACHE_GROUP),
    RuleSpec("v2-block-gitcoin", PUBLIC, 2000, ("/v2/*",), hosts=("*.gitcoin.co",),
             fixed_response=FixedResponse(
                 400, '{"detail": "The v2 API is not available for *.gitcoin.co"}')),
    RuleSpec("v2-models-score", PUBLIC, 2110, ("/v2/models/score/*",), ("GET",), PASSPORT_HOSTS,
             live_target="v2-models-score"),
    # Must precede v2-stamps-score, whose pattern also matches `.../history`.
    RuleSpec("v2-stamps-score-history", PUBLIC, 2111, ("/v2/stamps/*/score/*/history",),
             ("GET",), PASSPORT_HOSTS, live_target="registry-api"),
    RuleSpec("v2-stamps-score", PUBLIC, 2112, ("/v2/stamps/*/score/*",), ("GET",),
             PASSPORT_HOSTS, live_target="v2-stamp-score", group=V2_SCORE_GROUP),
    # The history, v2-catchall and registry-api rules reach routes both services serve (the
    # score history, stamp pages and metadata, the v1 registry; `inventory.LIVE_ENDPOINTS`), so
    # a group can weight them; only `POST /registry/feature/scorer/generic` is live-only.
    RuleSpec("v2-catchall", PUBLIC, 2200, ("/v2/*",), hosts=PASSPORT_HOSTS,
             live_target="registry-api"),
    RuleSpec("registry-api", PUBLIC, 3000, ("/registry/*",), live_target="registry-api",
             managed=False),  # created by the live registry service's own stack
    RuleSpec("app-api-nonce", PUBLIC, 5000, ("/account/nonce",), ("GET", "OPTIONS"),
             live_target="app-nonce", group=SIGN_IN_GROUP),
    RuleSpec("app-api-authenticate", PUBLIC, 5001, ("/ceramic-cache/authenticate*",),
             ("POST", "OPTIONS"), live_target="app-authenticate", group=SIGN_IN_GROUP),
    # --- internal listener (shared with other stacks) -------------------------------------------
    RuleSpec("verifier-http", INTERNAL, 1011, ("/verifier/*",), live_target="verifier",
             managed=False),  # owned by the verifier's stack
    # The embed service's routes (embed weights at 2108, ahead of the catch-all).
    RuleSpec("embed-add-stamps", INTERNAL, 2104, ("/internal/embed/stamps/*",), ("POST",),
             live_target="embed-stamps", group=EMBED_GROUP),
    RuleSpec("embed-validate-key", INTERNAL, 2105, ("/internal/embed/validate-api-key",),
             ("GET",), live_target="embed-validate-key", group=EMBED_GROUP),
    RuleSpec("embed-get-score", INTERNAL, 2106, ("/internal/embed/score/*/*",), ("GET",),
             live_target="embed-score", group=EMBED_GROUP),
    # The internal score route, weighted on its own (it scores, the catch-all only reads).
    RuleSpec("internal-score-v2", INTERNAL, 2107, ("/internal/score/v2/*/*",), ("GET",),
             live_target="internal-api", group=INTERNAL_SCORE_GROUP),
    # Embed weights have no rule of their own in the live table (the catch-all serves them);
    # this one lets them be weighted with the embed group.
    RuleSpec("embed-weights", INTERNAL, 2108, ("/internal/embed/weights",), ("GET",),
             live_target="internal-api", group=EMBED_GROUP),
    # Live-only routes under /internal/* (model batch scoring), ahead of the catch-all so that
    # it never sends them here.
    RuleSpec("internal-batch-model-scoring", INTERNAL, 2109,
             ("/internal/batch-model-scoring*",), live_target="internal-api"),
    # Everything else: the issuer's lookups, stakes, grants statistics, embed config.
    RuleSpec("internal-catch-all", INTERNAL, 2120, ("/internal/*",),
             live_target="internal-api", group=INTERNAL_GROUP),
)  # fmt: skip

RETIRED_PRIORITIES: dict[Listener, frozenset[int]] = {
    PUBLIC: frozenset({99, 990, 991, 992, *range(1001, 1021), 2021, 2022, 2023, 2060}),
    INTERNAL: frozenset({2090, 2091, 2092, 2093, 2100, 2101, 2102, 2103, 2202}),
}

# The rollout groups, in table order.
GROUPS: tuple[str, ...] = tuple(dict.fromkeys(r.group for r in RULES if r.group is not None))

# Service settings a group's routes need: a group that gets traffic without them would
# answer 503 (`rollout.settings` refuses such a stack).
GROUP_SETTINGS: dict[str, tuple[str, ...]] = {
    CERAMIC_CACHE_GROUP: ("CERAMIC_CACHE_SCORER_ID", "SIWE_JWT_PUBLIC_KEY"),
    EMBED_GROUP: ("CERAMIC_CACHE_SCORER_ID",),  # the weights' default community
    # The token key is the stack secret `siweJwtPrivateKey`; without allowed domains every
    # sign-in is refused.
    SIGN_IN_GROUP: ("SIWE_JWT_PRIVATE_KEY", "SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE"),
}
