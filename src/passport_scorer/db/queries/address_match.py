"""Matching stored addresses whatever their case.

The reference lower-cases addresses as it stores them, but rows written by other tools may
carry checksummed (mixed-case) addresses; the routes compare lower-cased, so such rows are
found too. No index serves a lower-cased comparison (the reference's tables index the raw
column), so on Postgres the lower-casing uses the "C" collation: addresses are ASCII, and
byte-wise lower-casing costs about half of the database default's per row scanned.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, String, bindparam
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class lower_ascii(FunctionElement[str]):  # a SQL function, named as one
    """`lower()` of ASCII text."""

    type = String()
    name = "lower_ascii"
    inherit_cache = True


@compiles(lower_ascii)
def _lower(element: lower_ascii, compiler: Any, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(lower_ascii, "postgresql")
def _lower_c(element: lower_ascii, compiler: Any, **kw: Any) -> str:
    return f'lower(({compiler.process(element.clauses, **kw)}) COLLATE "C")'


def same_address(column: ColumnElement[str], name: str = "address") -> ColumnElement[bool]:
    """`column` holds the address bound as `name` (given lower-cased), in any case."""
    return lower_ascii(column) == bindparam(name, type_=String())
