"""Which endpoints each implementation serves, per listener.

The live service's inventory is data (its routes behind each load balancer); this scorer's
comes from its own router, so the two can never drift apart silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from starlette.routing import Route

from passport_scorer.rollout.model import Listener


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str  # template: `/v2/stamps/{scorer_id}/score/{address}`

    def sample_path(self) -> str:
        """A concrete path the template accepts (for matching against ALB globs)."""
        samples = {"address": "0x" + "0" * 39 + "1", "scorer_id": "1"}
        return re.sub(r"\{(\w+)(:[^}]*)?\}", lambda m: samples.get(m.group(1), "x"), self.path)


def _endpoints(*pairs: str) -> frozenset[Endpoint]:
    return frozenset(Endpoint(*pair.split(" ", 1)) for pair in pairs)


LIVE_ENDPOINTS: dict[Listener, frozenset[Endpoint]] = {
    Listener.PUBLIC: _endpoints(
        "POST /registry/submit-passport",
        "GET /registry/score/{scorer_id}/{address}",
        "POST /ceramic-cache/score/{address}",
        "GET /ceramic-cache/score/{address}",
        "POST /ceramic-cache/stamps/bulk",
        "PATCH /ceramic-cache/stamps/bulk",
        "DELETE /ceramic-cache/stamps/bulk",
        "GET /ceramic-cache/weights",
        "GET /ceramic-cache/stamp",
        "POST /ceramic-cache/authenticate",
        "POST /ceramic-cache/authenticate/v2",
        "GET /account/nonce",
        "GET /passport/analysis/{address}",
        "GET /v2/models/score/{address}",
        "GET /v2/stamps/{scorer_id}/score/{address}",
        "GET /v2/stamps/{scorer_id}/score/{address}/history",
        "GET /v2/stamps/metadata",
        "GET /v2/stamps/{address}",
        "GET /registry/score/{scorer_id}",
        "GET /registry/signing-message",
        "GET /registry/stamps/{address}",
        "GET /registry/stamp-metadata",
        "GET /registry/gtc-stake/{address}/{round_id}",
        "POST /registry/feature/scorer/generic",
        "GET /account/customization",
        "GET /account/customization/{dashboard_path}/",
        "GET /account/customization/credential/{provider_id}",
        "GET /ceramic-cache/stake/gtc",
        "GET /ceramic-cache/tos/accepted/{tos_type}/{address}",
        "GET /ceramic-cache/tos/message-to-sign/{tos_type}/{address}",
        "POST /ceramic-cache/tos/signed-message/{tos_type}/{address}",
    ),
    Listener.INTERNAL: _endpoints(
        "GET /internal/score/v2/{scorer_id}/{address}",
        "GET /internal/embed/weights",
        "GET /internal/embed/config",
        "GET /internal/embed/validate-api-key",
        "POST /internal/embed/stamps/{address}",
        "GET /internal/embed/score/{scorer_id}/{address}",
        "POST /internal/check-bans",
        "POST /internal/check-revocations",
        "GET /internal/allow-list/{list}/{address}",
        "GET /internal/customization/credential/{provider_id}",
        "GET /internal/stake/gtc/{address}",
        "GET /internal/stake/legacy-gtc/{address}/{round_id}",
        "GET /internal/cgrants/contributor_statistics",
        "POST /internal/batch-model-scoring",
        "GET /internal/batch-model-scoring/{job_id}",
    ),
}


def scorer_endpoints(routes: Iterable[object]) -> frozenset[Endpoint]:
    """Every (method, path) this scorer's router serves."""
    served = set()
    for route in routes:
        if isinstance(route, Route) and route.methods and route.include_in_schema:
            served |= {Endpoint(method, route.path) for method in route.methods}
    return frozenset(served)


def serves(endpoints: frozenset[Endpoint], wanted: Endpoint) -> bool:
    """Whether `endpoints` has a route for `wanted` (same method, same path shape)."""
    shape = re.compile(r"\{[^}]+\}")
    return any(
        e.method == wanted.method and shape.sub("{}", e.path) == shape.sub("{}", wanted.path)
        for e in endpoints
    )
