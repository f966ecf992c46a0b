"""Raw paths are counted under their route template."""

from __future__ import annotations

from passport_scorer.compare.routes import RouteTemplates
from passport_scorer.rollout.inventory import Endpoint

ADDRESS = "0x" + "ab" * 20


def test_known_templates_cover_the_live_inventory_and_this_scorers_routes() -> None:
    templates = RouteTemplates.known()

    score = templates.match("GET", f"/v2/stamps/12/score/{ADDRESS}?x=1")
    assert (score.template, score.params, score.matched) == (
        "GET /v2/stamps/{scorer_id}/score/{address}",
        {"scorer_id": "12", "address": ADDRESS},
        True,
    )
    assert templates.match("GET", f"/v2/stamps/12/score/{ADDRESS}/history").template == (
        "GET /v2/stamps/{scorer_id}/score/{address}/history"
    )
    assert templates.match("GET", "/health").template == "GET /health"
    assert templates.match("POST", "/internal/check-bans").template == "POST /internal/check-bans"
    assert "GET /internal/score/v2/{scorer_id}/{address}" in templates.labels


def test_an_unknown_path_or_method_is_its_own_unmatched_template() -> None:
    templates = RouteTemplates.known()
    assert templates.match("GET", "/nowhere/1?a=2").template == "GET /nowhere/1 (unmatched)"
    wrong_method = templates.match("POST", "/health")
    assert (wrong_method.template, wrong_method.matched) == ("POST /health (unmatched)", False)


def test_the_most_literal_template_wins_and_path_converters_span_segments() -> None:
    templates = RouteTemplates(
        [
            Endpoint("GET", "/v2/stamps/{address}"),
            Endpoint("GET", "/v2/stamps/metadata"),
            Endpoint("GET", "/files/{rest:path}"),
        ]
    )
    assert templates.match("GET", "/v2/stamps/metadata").template == "GET /v2/stamps/metadata"
    assert templates.match("GET", f"/v2/stamps/{ADDRESS}").template == "GET /v2/stamps/{address}"
    deep = templates.match("GET", "/files/a/b/c")
    assert (deep.template, deep.params) == ("GET /files/{rest}", {"rest": "a/b/c"})
    assert not templates.match("GET", "/v2/stamps/a/b").matched
