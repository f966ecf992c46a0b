"""Every check a routing plan must pass before it is deployed (pure Python, no cloud calls).

Each check returns problems with a precise message; any error stops `routes validate` and the
Pulumi program before a single resource changes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from passport_scorer.rollout.inventory import LIVE_ENDPOINTS, Endpoint, serves
from passport_scorer.rollout.model import Listener, Plan, PlannedRule, RuleSpec
from passport_scorer.rollout.plan import ALARM_METRICS
from passport_scorer.rollout.settings import MAX_STICKINESS_SECONDS
from passport_scorer.rollout.table import GROUP_SETTINGS, RETIRED_PRIORITIES

MAX_PRIORITY = 50_000
MAX_WEIGHT = 999
MAX_TARGETS = 5
MAX_TARGET_GROUP_NAME = 32
MAX_ALARM_NAME = 255
# Hosts the public listener answers on, for deciding which rule a request reaches.
PUBLIC_HOST = "api.passport.xyz"


@dataclass(frozen=True)
class Problem:
    rule: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.rule}: " if self.rule else ""
        return f"error: {where}{self.message}"


@lru_cache(maxsize=512)
def _glob(pattern: str) -> re.Pattern[str]:
    """An ALB glob: `*` is any sequence (including `/`), `?` one character."""
    parts = [".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern]
    return re.compile("".join(parts))


def glob_matches(pattern: str, text: str) -> bool:
    return _glob(pattern).fullmatch(text) is not None


def glob_covers(wide: str, narrow: str) -> bool:
    """Whether every string `narrow` matches, `wide` matches too.

    `narrow`'s wildcards become a character no literal can equal, which only `wide`'s own
    wildcards can absorb.
    """
    return glob_matches(wide, narrow.replace("*", "\x00").replace("?", "\x01"))


def _set_covers(wide: Sequence[str], narrow: Sequence[str], covers: bool) -> bool:
    if not wide:
        return True  # no condition: anything
    if not narrow:
        return False
    return all(any(glob_covers(w, n) if covers else w == n for w in wide) for n in narrow)


def rule_covers(earlier: RuleSpec, later: RuleSpec) -> bool:
    """Whether every request `later` matches is matched by `earlier` first."""
    return (
        _set_covers(earlier.paths, later.paths, covers=True)
        and _set_covers(earlier.methods, later.methods, covers=False)
        and _set_covers(earlier.hosts, later.hosts, covers=True)
    )


def rule_matches(spec: RuleSpec, endpoint: Endpoint, host: str | None) -> bool:
    if spec.methods and endpoint.method not in spec.methods:
        return False
    if spec.hosts and (host is None or not any(glob_matches(h, host) for h in spec.hosts)):
        return False
    return any(glob_matches(path, endpoint.sample_path()) for path in spec.paths)


def _by_listener(plan: Plan) -> dict[Listener, list[PlannedRule]]:
    grouped: dict[Listener, list[PlannedRule]] = defaultdict(list)
    for rule in sorted(plan.rules, key=lambda r: r.spec.priority):
        grouped[rule.spec.listener].append(rule)
    return grouped


def check_priorities(plan: Plan) -> list[Problem]:
    problems = []
    seen: dict[tuple[Listener, int], str] = {}
    for rule in plan.rules:
        spec = rule.spec
        if not 1 <= spec.priority <= MAX_PRIORITY:
            problems.append(Problem(spec.name, f"priority {spec.priority} is outside 1-50000"))
        key = (spec.listener, spec.priority)
        if key in seen:
            problems.append(
                Problem(
                    spec.name,
                    f"priority {spec.priority} on the {spec.listener.value} listener "
                    f"is already used by {seen[key]}",
                )
            )
        seen.setdefault(key, spec.name)
        if spec.managed and spec.priority in RETIRED_PRIORITIES[spec.listener]:
            problems.append(
                Problem(spec.name, f"priority {spec.priority} is retired (old rules may hold it)")
            )
    return problems


def check_names(plan: Plan) -> list[Problem]:
    problems = []
    names: dict[str, int] = defaultdict(int)
    for rule in plan.rules:
        names[rule.spec.name] += 1
    problems += [Problem(name, "rule name is used twice") for name, n in names.items() if n > 1]
    for key, name in plan.scorer_target_group_names.items():
        if len(name) > MAX_TARGET_GROUP_NAME:
            problems.append(
                Problem(None, f"target group name {name!r} ({key}) is longer than 32 characters")
            )
    for alarm in plan.alarms:
        if len(alarm.name) > MAX_ALARM_NAME:
            problems.append(Problem(None, f"alarm name {alarm.name!r} is too long"))
    return problems


def check_weights(plan: Plan) -> list[Problem]:
    problems = []
    for rule in plan.rules:
        spec, targets = rule.spec, rule.targets
        if spec.fixed_response is not None:
            continue
        if not targets:
            problems.append(Problem(spec.name, "forwards to no target group"))
            continue
        if len(targets) > MAX_TARGETS:
            problems.append(Problem(spec.name, f"{len(targets)} target groups (AWS allows 5)"))
        weights = [t.weight for t in targets]
        if any(not 0 <= w <= MAX_WEIGHT for w in weights):
            problems.append(Problem(spec.name, f"weights {weights} must each be within 0-999"))
        if sum(weights) != 100:
            problems.append(Problem(spec.name, f"weights {weights} sum to {sum(weights)}, not 100"))
        if not any(w > 0 for w in weights):
            problems.append(Problem(spec.name, "every weight is 0: the rule sends nowhere"))
        if len(targets) > 1:
            seconds = rule.stickiness_seconds
            if seconds is None or not 1 <= seconds <= MAX_STICKINESS_SECONDS:
                problems.append(Problem(spec.name, f"stickiness {seconds} s is outside 1-604800 s"))
    return problems


def check_target_groups(plan: Plan, live_target_groups: Mapping[str, str]) -> list[Problem]:
    problems = []
    # One target group may stand under several keys (the same ARN): check the ARNs.
    keys_of: dict[str, list[str]] = defaultdict(list)
    for key in plan.target_groups:
        keys_of[live_target_groups.get(key, key)].append(key)
    for keys in keys_of.values():
        listeners = frozenset().union(*(plan.target_groups[key] for key in keys))
        if len(listeners) > 1:
            used = " and ".join(sorted(listener.value for listener in listeners))
            named = " = ".join(sorted(keys))
            problems.append(
                Problem(None, f"target group {named} is used on two load balancers ({used})")
            )
    scorer_keys = set(plan.scorer_target_group_names)
    missing = sorted(
        {
            target.key
            for rule in plan.rules
            if rule.spec.managed
            for target in rule.targets
            if target.key not in scorer_keys and target.key not in live_target_groups
        }
    )
    problems += [
        Problem(None, f"live target group {key} has no ARN in liveTargetGroups") for key in missing
    ]
    return problems


def check_shadowing(plan: Plan) -> list[Problem]:
    problems = []
    for rules in _by_listener(plan).values():
        for index, later in enumerate(rules):
            for earlier in rules[:index]:
                if rule_covers(earlier.spec, later.spec):
                    problems.append(
                        Problem(
                            later.spec.name,
                            f"never reached: {earlier.spec.name} (priority "
                            f"{earlier.spec.priority}) matches every request it would",
                        )
                    )
                    break
    return problems


def check_coverage(plan: Plan, scorer: Iterable[Endpoint]) -> list[Problem]:
    """Every endpoint a rule can send to this scorer is served by this scorer's router."""
    served = frozenset(scorer)
    problems = []
    for listener, rules in _by_listener(plan).items():
        host = PUBLIC_HOST if listener is Listener.PUBLIC else None
        for endpoint in sorted(LIVE_ENDPOINTS[listener], key=lambda e: (e.path, e.method)):
            first = next((r for r in rules if rule_matches(r.spec, endpoint, host)), None)
            if first is None:
                continue
            to_scorer = any(
                t.key in plan.scorer_target_group_names and t.weight > 0 for t in first.targets
            )
            if to_scorer and not serves(served, endpoint):
                problems.append(
                    Problem(
                        first.spec.name,
                        f"sends {endpoint.method} {endpoint.path} to this scorer, "
                        "which does not serve it",
                    )
                )
    return problems


def check_alarms(plan: Plan) -> list[Problem]:
    problems = []
    have = {(a.target_group, a.listener, a.metric) for a in plan.alarms}
    for alarm in plan.alarms:
        attached = plan.target_groups.get(alarm.target_group, frozenset())
        if alarm.listener not in attached:
            problems.append(
                Problem(
                    None,
                    f"alarm {alarm.name} watches the {alarm.listener.value} load balancer, "
                    f"but {alarm.target_group} is not attached to it",
                )
            )
    receiving = {
        (target.key, rule.spec.listener)
        for rule in plan.rules
        if rule.spec.managed
        for target in rule.targets
        if target.weight > 0
    }
    for key, listener in sorted(receiving, key=lambda item: (item[0], item[1].value)):
        for metric in ALARM_METRICS:
            if (key, listener, metric) not in have:
                problems.append(
                    Problem(
                        None,
                        f"target group {key} gets traffic on the {listener.value} load balancer "
                        f"but has no {metric} alarm there",
                    )
                )
    return problems


def check_group_settings(plan: Plan, environment: Mapping[str, str]) -> list[Problem]:
    """A route group that gets traffic has the service settings its routes need (without
    them those routes answer 503)."""
    problems = []
    for group, needed in GROUP_SETTINGS.items():
        share = plan.percents.get(group, 0)
        missing = [name for name in needed if name not in environment]
        if missing and share > 0:
            problems.append(
                Problem(
                    None,
                    f"the {group} group gets {share} % of its traffic here, but the function's "
                    f"environment lacks {', '.join(missing)} (its routes would answer 503)",
                )
            )
    return problems


def validate(
    plan: Plan,
    *,
    scorer: Iterable[Endpoint],
    live_target_groups: Mapping[str, str],
    environment: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Every check; the group settings only when the function's `environment` is given."""
    return [
        *check_priorities(plan),
        *check_names(plan),
        *check_weights(plan),
        *check_target_groups(plan, live_target_groups),
        *check_shadowing(plan),
        *check_coverage(plan, scorer),
        *check_alarms(plan),
        *([] if environment is None else check_group_settings(plan, environment)),
    ]
