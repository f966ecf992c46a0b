"""The Pulumi program's tests: offline, with Pulumi's mocks (no CLI, no credentials)."""

from __future__ import annotations

import sys
from pathlib import Path

INFRA = Path(__file__).parents[2] / "infra"
if str(INFRA) not in sys.path:
    sys.path.insert(0, str(INFRA))
