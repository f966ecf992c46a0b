"""Weighted load-balancer routing between the live Passport service and this scorer.

Pure data and checks (no cloud SDK): the rule table (`table.py`), the per-stack rollout
settings (`settings.py`), the effective plan they give (`plan.py`) and the checks every plan
must pass before a deploy (`validate.py`). The Pulumi program in `infra/` only turns a
validated plan into AWS resources.
"""
