"""SQL for `account_addresslist` and its members (allow lists)."""

from __future__ import annotations

from sqlalchemy import bindparam, exists, select

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries.address_match import same_address
from passport_scorer.db.tables import account_addresslist as lists
from passport_scorer.db.tables import account_addresslistmember as members

_IS_MEMBER = select(
    exists()
    .select_from(members.join(lists, lists.c.id == members.c.list_id))
    .where(lists.c.name == bindparam("name"), same_address(members.c.address))
)


async def is_member(ex: Executor, list_name: str, address: str) -> bool:
    return bool(await ex.scalar(_IS_MEMBER, {"name": list_name, "address": address}))
