"""`pulumi up` entry point (see scorer_infra.program)."""

from scorer_infra.program import deploy

deploy()
