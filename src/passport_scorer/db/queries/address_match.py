"""Matching stored addresses whatever their case.

The reference lower-cases addresses as it stores them, but rows written by other tools may
carry checksummed (mixed-case) addresses; the routes compare lower-cased, so such rows are
found too.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, bindparam, func


def same_address(column: ColumnElement[str], name: str = "address") -> ColumnElement[bool]:
    """`column` holds the address bound as `name` (given lower-cased), in any case."""
    return func.lower(column) == bindparam(name)
