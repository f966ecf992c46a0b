"""One request's database work: one connection, statements run on it, one transaction.

Every `db/queries` function takes an `Executor`. A request gets exactly one (from
`Database.session()`), so a write and a following read in the same request see each other
before commit, and `transaction()` makes them commit or roll back together.

* `PostgresExecutor` runs SQLAlchemy Core statements directly on the request's asyncpg
  connection (the hot path's fused statements use the same connection through `.connection`).
  Each statement object is compiled once, with SQLAlchemy's own asyncpg dialect, and its bind
  processors are applied to the values; JSON columns are decoded by the connection's codecs.
* `SqlAlchemyExecutor` runs them on a SQLAlchemy connection (SQLite).

Rows come back as `Record`s: indexable by position and by column name, iterable over values.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, Protocol

from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql import ClauseElement, Executable
from sqlalchemy.sql.compiler import SQLCompiler

Params = Mapping[str, Any]


class Record(Protocol):
    """A result row: `row[0]`, `row["column"]`, `tuple(row)`."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def __iter__(self) -> Any: ...

    def __len__(self) -> int: ...


class Executor(Protocol):
    """Runs statements on the request's one connection."""

    @property
    def dialect(self) -> str:
        """`postgresql` or `sqlite`."""

    async def first(self, statement: Executable, params: Params | None = None) -> Record | None:
        """The first row, or None."""

    async def all(self, statement: Executable, params: Params | None = None) -> list[Record]:
        """Every row."""

    async def scalar(self, statement: Executable, params: Params | None = None) -> Any:
        """The first column of the first row, or None."""

    async def execute(
        self, statement: Executable, params: Params | Sequence[Params] | None = None
    ) -> int:
        """Run a statement (a list of parameter sets runs it once per set); rows affected."""

    def transaction(self) -> AbstractAsyncContextManager[None]:
        """Statements inside commit together or not at all (nested: a savepoint)."""

    @property
    def in_transaction(self) -> bool: ...


class SqlRecord(tuple[Any, ...]):
    """A SQLAlchemy row as a `Record` (by position and by name)."""

    _index: Mapping[str, int]

    def __new__(cls, values: Sequence[Any], index: Mapping[str, int]) -> SqlRecord:
        record = super().__new__(cls, values)
        record._index = index
        return record

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)


# --- Postgres: Core statements on the asyncpg connection ------------------------------------------


class _Compiled:
    """A statement compiled for asyncpg once; values bound per execution."""

    __slots__ = ("compiled", "constant_sql", "names", "processors")

    def __init__(self, statement: Executable, dialect: Dialect, keys: Sequence[str]) -> None:
        assert isinstance(statement, ClauseElement)
        compiled = statement.compile(dialect=dialect, column_keys=list(keys) or None)
        assert isinstance(compiled, SQLCompiler)
        self.compiled = compiled
        # Without expanding (IN) or rendered parameters, one SQL text serves every execution.
        late = compiled.post_compile_params or compiled.literal_execute_params
        self.constant_sql = None if late else compiled.string
        self.names = list(compiled.positiontup or ())
        self.processors = compiled._bind_processors

    def bind(self, params: Params | None) -> tuple[str, list[Any]]:
        if self.constant_sql is not None:
            values = self.compiled.construct_params(params)
            return self.constant_sql, [
                _process(self.processors.get(name), values[name]) for name in self.names
            ]
        state = self.compiled.construct_expanded_state(params)
        return state.statement, [
            _process(state.processors.get(name), state.parameters[name])
            for name in state.positiontup or ()
        ]


def _process(processor: Any, value: Any) -> Any:
    return value if processor is None or value is None else processor(value)


class PostgresExecutor:
    """The request's asyncpg connection; `connection` is exposed for the fused hot path."""

    dialect = "postgresql"

    def __init__(self, connection: Any, sqlalchemy_dialect: Dialect, cache: StatementCache):
        self.connection = connection
        self._dialect = sqlalchemy_dialect
        self._cache = cache

    def rebind(self, connection: Any) -> None:
        """Continue on another connection (see `Database.released`)."""
        self.connection = connection

    def _bind(
        self, statement: Executable, params: Params | None, keys: Sequence[str] = ()
    ) -> tuple[str, list[Any]]:
        return self._cache.get(statement, self._dialect, keys).bind(params)

    async def first(self, statement: Executable, params: Params | None = None) -> Record | None:
        sql, args = self._bind(statement, params)
        row: Record | None = await self.connection.fetchrow(sql, *args)
        return row

    async def all(self, statement: Executable, params: Params | None = None) -> list[Record]:
        sql, args = self._bind(statement, params)
        rows: list[Record] = await self.connection.fetch(sql, *args)
        return rows

    async def scalar(self, statement: Executable, params: Params | None = None) -> Any:
        sql, args = self._bind(statement, params)
        return await self.connection.fetchval(sql, *args)

    async def execute(
        self, statement: Executable, params: Params | Sequence[Params] | None = None
    ) -> int:
        if isinstance(params, Sequence):
            if not params:
                return 0
            keys = list(params[0])
            bound = [self._bind(statement, one, keys) for one in params]
            await self.connection.executemany(bound[0][0], [args for _, args in bound])
            return len(bound)
        sql, args = self._bind(statement, params)
        status: str = await self.connection.execute(sql, *args)
        return _rowcount(status)

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[None]:
        async with self.connection.transaction():
            yield

    def transaction(self) -> AbstractAsyncContextManager[None]:
        return self._transaction()

    @property
    def in_transaction(self) -> bool:
        return bool(self.connection.is_in_transaction())


def _rowcount(status: str) -> int:
    """asyncpg's command tag (`UPDATE 3`, `INSERT 0 2`) as a row count."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


class StatementCache:
    """Compiled statements by statement object (module constants hit; built ones recompile)."""

    def __init__(self, size: int = 512) -> None:
        self._size = size
        self._entries: OrderedDict[tuple[int, tuple[str, ...]], tuple[Executable, _Compiled]]
        self._entries = OrderedDict()

    def get(self, statement: Executable, dialect: Dialect, keys: Sequence[str]) -> _Compiled:
        key = (id(statement), tuple(keys))
        entry = self._entries.get(key)
        if entry is not None and entry[0] is statement:
            self._entries.move_to_end(key)
            return entry[1]
        compiled = _Compiled(statement, dialect, keys)
        # The entry keeps the statement alive, so its id cannot be reused while cached.
        self._entries[key] = (statement, compiled)
        if len(self._entries) > self._size:
            self._entries.popitem(last=False)
        return compiled


# --- SQLite (or any SQLAlchemy dialect) -----------------------------------------------------------


class SqlAlchemyExecutor:
    """A SQLAlchemy connection in autocommit mode; `transaction()` begins a real one."""

    def __init__(self, connection: AsyncConnection, default_isolation: str) -> None:
        self._autocommit = connection
        self._conn = connection
        self._default_isolation = default_isolation
        self._depth = 0

    @property
    def dialect(self) -> str:
        return self._conn.dialect.name

    def rebind(self, connection: AsyncConnection) -> None:
        """Continue on another connection (see `Database.released`); never mid-transaction."""
        assert self._depth == 0
        self._autocommit = self._conn = connection

    @staticmethod
    def _record(row: Any) -> SqlRecord:
        return SqlRecord(tuple(row), _key_index(row._fields))

    async def first(self, statement: Executable, params: Params | None = None) -> Record | None:
        row = (await self._conn.execute(statement, dict(params or {}))).first()
        return None if row is None else self._record(row)

    async def all(self, statement: Executable, params: Params | None = None) -> list[Record]:
        result = await self._conn.execute(statement, dict(params or {}))
        return [self._record(row) for row in result]

    async def scalar(self, statement: Executable, params: Params | None = None) -> Any:
        return (await self._conn.execute(statement, dict(params or {}))).scalar()

    async def execute(
        self, statement: Executable, params: Params | Sequence[Params] | None = None
    ) -> int:
        if isinstance(params, Sequence):
            if not params:
                return 0
            await self._conn.execute(statement, [dict(one) for one in params])
            return len(params)
        result = await self._conn.execute(statement, dict(params or {}))
        return int(result.rowcount or 0) if not result.returns_rows else 0

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[None]:
        if self._depth:
            self._depth += 1
            try:
                async with self._conn.begin_nested():
                    yield
            finally:
                self._depth -= 1
            return
        if self._autocommit.in_transaction():
            await self._autocommit.commit()  # autocommit mode: ends SQLAlchemy's bookkeeping
        unit = await self._autocommit.execution_options(isolation_level=self._default_isolation)
        self._conn, self._depth = unit, 1
        try:
            async with unit.begin():
                yield
        finally:
            self._conn, self._depth = self._autocommit, 0
            await self._autocommit.execution_options(isolation_level="AUTOCOMMIT")

    def transaction(self) -> AbstractAsyncContextManager[None]:
        return self._transaction()

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0


_KEY_INDEXES: dict[tuple[str, ...], Mapping[str, int]] = {}


def _key_index(fields: tuple[str, ...]) -> Mapping[str, int]:
    index = _KEY_INDEXES.get(fields)
    if index is None:
        index = {name: position for position, name in enumerate(fields)}
        if len(_KEY_INDEXES) < 4096:
            _KEY_INDEXES[fields] = index
    return index
