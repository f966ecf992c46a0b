"""The Makefile checks the interpreter before anything else and remakes a foreign virtualenv.

Run against the project's real Makefile, with the virtualenv pointed into a temporary folder
(`VENV=...`) and made without pip (`VENV_FLAGS=--without-pip`) to stay quick.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

PROJECT = Path(__file__).parents[1]
PYENV = Path.home() / ".pyenv" / "versions"


def interpreter(version: str, tmp_path: Path) -> str:
    """A real interpreter of `version` when this machine has one, else a stand-in that
    answers the Makefile's version question as that interpreter would."""
    found = sorted(PYENV.glob(f"{version}.*/bin/python{version}"))
    if found:
        return str(found[-1])
    stand_in = tmp_path / f"python{version}"
    stand_in.write_text(f"#!/bin/sh\necho {version}\n")
    stand_in.chmod(0o755)
    return str(stand_in)


def make(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(PROJECT), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_requires_python_matches_the_versions_didkit_installs_on() -> None:
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.11,<3.13"
    makefile = (PROJECT / "Makefile").read_text()
    assert "SUPPORTED_PYTHONS := 3.11 3.12\n" in makefile


@pytest.mark.parametrize("version", ["3.10", "3.13"])
def test_an_unsupported_python_stops_before_any_virtualenv(version: str, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    result = make("venv", f"PYTHON={interpreter(version, tmp_path)}", f"VENV={venv}")
    assert result.returncode != 0
    assert f"is Python {version}; this project installs on Python 3.11 or 3.12 only" in (
        result.stderr
    )
    assert "make PYTHON=python3.12" in result.stderr
    assert not venv.exists()


def test_a_missing_python_is_named(tmp_path: Path) -> None:
    result = make("venv", f"PYTHON={tmp_path / 'nothing'}", f"VENV={tmp_path / 'venv'}")
    assert result.returncode != 0
    assert "does not run; set PYTHON to a Python 3.11 or 3.12 interpreter" in result.stderr


def test_a_virtualenv_of_another_python_is_made_anew(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    other = interpreter("3.12" if sys.version_info[:2] != (3, 12) else "3.11", tmp_path)
    if Path(other).parent.name == "bin":  # a real interpreter: a real foreign virtualenv
        subprocess.run([other, "-m", "venv", "--without-pip", str(venv)], check=True)
    else:
        (venv / "bin").mkdir(parents=True)
        (venv / "bin" / "python").symlink_to(other)
    mine = f"{sys.version_info[0]}.{sys.version_info[1]}"
    result = make("venv", f"PYTHON={sys.executable}", f"VENV={venv}", "VENV_FLAGS=--without-pip")
    assert result.returncode == 0, result.stderr
    assert f"was made by Python {other[-4:]}, not {mine}: making it anew" in result.stdout
    config = (venv / "pyvenv.cfg").read_text()
    assert f"version = {mine}." in config or f"version_info = {mine}." in config
    again = make("venv", f"PYTHON={sys.executable}", f"VENV={venv}", "VENV_FLAGS=--without-pip")
    assert again.returncode == 0 and "making it anew" not in again.stdout
