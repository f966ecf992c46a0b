"""`routes plan`: the effective rule table as text."""

from __future__ import annotations

from passport_scorer.rollout.model import Plan, PlannedRule


def _match(rule: PlannedRule) -> str:
    spec = rule.spec
    parts = [" ".join(spec.paths)]
    if spec.methods:
        parts.append("/".join(spec.methods))
    if spec.hosts:
        parts.append("host " + " ".join(spec.hosts))
    return "  ".join(parts)


def _action(rule: PlannedRule) -> str:
    spec = rule.spec
    if spec.fixed_response is not None:
        return f"fixed response {spec.fixed_response.status}"
    targets = ", ".join(f"{t.key} {t.weight}%" for t in rule.targets)
    sticky = f", sticky {rule.stickiness_seconds}s" if rule.stickiness_seconds else ""
    owner = "" if spec.managed else " (owned by another stack)"
    return targets + sticky + owner


def render(plan: Plan) -> str:
    rows = [("listener", "prio", "rule", "match", "targets")]
    for rule in sorted(
        plan.rules, key=lambda r: (r.spec.listener.value != "public", r.spec.priority)
    ):
        rows.append(
            (rule.spec.listener.value, str(rule.spec.priority), rule.spec.name, _match(rule),
             _action(rule))
        )  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
             + "  " + row[4] for row in rows]  # fmt: skip
    shares = ", ".join(f"{group} {percent}%" for group, percent in plan.percents.items())
    lines.insert(0, f"stack {plan.stack}: share sent to this scorer: {shares}")
    lines.append(f"alarms: {len(plan.alarms)} (5XX rate, 4XX rate, response time per target group)")
    return "\n".join(lines)
