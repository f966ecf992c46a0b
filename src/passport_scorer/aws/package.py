"""`passport-scorer package`: the Lambda artifact, a zip of the package and its wheels.

Wheels are the manylinux builds for the Lambda architecture (arm64 by default) and Python
version, pinned by the project's `constraints.txt`. The zip is reproducible: entries sorted,
fixed timestamps and modes, no bytecode; the same inputs give the same bytes.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PLATFORMS = {
    "arm64": ("manylinux2014_aarch64", "manylinux_2_17_aarch64", "manylinux_2_28_aarch64"),
    "x86_64": ("manylinux2014_x86_64", "manylinux_2_17_x86_64", "manylinux_2_28_x86_64"),
}
_EPOCH = (1980, 1, 1, 0, 0, 0)
_SKIP = ("__pycache__", ".pyc", "RECORD", "INSTALLER", "direct_url.json")


class PackageError(Exception):
    """The artifact could not be built (one line for the operator)."""


def _pip(*args: str) -> None:
    command = [sys.executable, "-m", "pip", *args]
    if subprocess.run(command, check=False).returncode != 0:  # noqa: S603 (our own pip)
        raise PackageError(f"pip {args[0]} failed (its output is above)")


def build(project: Path, output: Path, *, arch: str = "arm64", python_version: str = "3.11") -> str:
    """Build the zip at `output`; returns its sha256."""
    if arch not in PLATFORMS:
        raise PackageError(f"architecture {arch!r} is not one of {', '.join(PLATFORMS)}")
    if not (project / "pyproject.toml").is_file() or not (project / "constraints.txt").is_file():
        raise PackageError(f"{project} is not the project folder (pyproject.toml, constraints.txt)")
    with tempfile.TemporaryDirectory() as folder:
        wheels, target = Path(folder) / "wheels", Path(folder) / "target"
        _pip("wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels), str(project))
        found = list(wheels.glob("passport_scorer-*.whl"))
        if len(found) != 1:
            raise PackageError(f"{project} did not build one passport_scorer wheel")
        [wheel] = found
        platforms = [arg for platform in PLATFORMS[arch] for arg in ("--platform", platform)]
        _pip(
            "install", "--quiet", "--no-compile", "--target", str(target),
            "--only-binary=:all:", *platforms, "--implementation", "cp",
            "--python-version", python_version,
            "--constraint", str(project / "constraints.txt"), str(wheel),
        )  # fmt: skip
        files = sorted(
            path
            for path in target.rglob("*")
            if path.is_file() and not any(part.endswith(_SKIP) for part in path.parts)
        )
        output.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in files:
                info = zipfile.ZipInfo(path.relative_to(target).as_posix(), _EPOCH)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes())
    return hashlib.sha256(output.read_bytes()).hexdigest()
