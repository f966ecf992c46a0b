"""Route templates: the report counts per `GET /v2/stamps/{scorer_id}/score/{address}`, not per
raw path. Templates are the live service's endpoint inventory plus this scorer's own routes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from passport_scorer.rollout.inventory import LIVE_ENDPOINTS, Endpoint, scorer_endpoints

_PARAMETER = re.compile(r"\{(\w+)(?::(\w+))?\}")


@dataclass(frozen=True)
class RouteMatch:
    template: str  # `GET /v2/stamps/{scorer_id}/score/{address}`, or `GET /raw/path (unmatched)`
    params: dict[str, str]
    matched: bool


@dataclass(frozen=True)
class _Template:
    label: str
    method: str
    pattern: re.Pattern[str]
    literal_length: int  # the more literal text, the more specific


class RouteTemplates:
    """Matches a method and raw path to the most specific known template."""

    def __init__(self, endpoints: Iterable[Endpoint]) -> None:
        self._templates = sorted(
            (_compile(endpoint) for endpoint in set(endpoints)),
            key=lambda t: (-t.literal_length, t.label),
        )

    @classmethod
    def known(cls) -> RouteTemplates:
        """The live inventory (both load balancers) and this scorer's router."""
        from passport_scorer.app import routes

        live = [endpoint for group in LIVE_ENDPOINTS.values() for endpoint in group]
        return cls([*live, *scorer_endpoints(routes())])

    @property
    def labels(self) -> frozenset[str]:
        return frozenset(t.label for t in self._templates)

    def match(self, method: str, path: str) -> RouteMatch:
        bare = path.partition("?")[0]
        for template in self._templates:
            if template.method != method:
                continue
            found = template.pattern.fullmatch(bare)
            if found:
                return RouteMatch(template.label, found.groupdict(), matched=True)
        return RouteMatch(f"{method} {bare} (unmatched)", {}, matched=False)


def _compile(endpoint: Endpoint) -> _Template:
    parts, position, literal = [], 0, 0
    for found in _PARAMETER.finditer(endpoint.path):
        text = endpoint.path[position : found.start()]
        parts.append(re.escape(text))
        literal += len(text)
        name, converter = found.group(1), found.group(2)
        parts.append(f"(?P<{name}>{'.+' if converter == 'path' else '[^/]+'})")
        position = found.end()
    tail = endpoint.path[position:]
    parts.append(re.escape(tail))
    literal += len(tail)
    shown = _PARAMETER.sub(lambda m: "{" + m.group(1) + "}", endpoint.path)
    return _Template(
        f"{endpoint.method} {shown}",
        endpoint.method,
        re.compile("".join(parts)),
        literal,
    )
