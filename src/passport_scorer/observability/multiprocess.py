"""The folder where `serve`'s workers write their metrics, set up before any worker starts.

Kept apart from `metrics` on purpose: the Prometheus client chooses per-process or
multi-process values when it is first imported, so `serve` must set the folder's variable
before anything imports it.
"""

from __future__ import annotations

import os

MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"


def prepare_multiprocess_dir(path: str) -> None:
    """An empty folder for the workers' metric files (stale files of an earlier run would be
    added up with the new ones)."""
    os.makedirs(path, exist_ok=True)
    for name in os.listdir(path):
        if name.endswith(".db"):
            os.remove(os.path.join(path, name))
