"""One module per route family; each lists its endpoints in `ENDPOINTS`.

A new family is a new module here: `endpoints()` finds it (no registration elsewhere).
"""

from __future__ import annotations

import importlib
import pkgutil

from passport_scorer.api.endpoint import Endpoint


def endpoints() -> list[Endpoint]:
    """Every endpoint of every family, families in module-name order."""
    found: list[Endpoint] = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        family = importlib.import_module(f"{__name__}.{module.name}")
        found.extend(getattr(family, "ENDPOINTS", ()))
    return found
