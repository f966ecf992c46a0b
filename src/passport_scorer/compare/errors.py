"""The one error of the compare command: bad input, told to the operator in one line."""

from __future__ import annotations


class CompareInputError(Exception):
    """A requests, vars or rules file, a target or a database the comparison cannot use."""
