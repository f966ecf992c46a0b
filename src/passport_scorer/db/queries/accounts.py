"""SQL for `auth_user` and `account_account`."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select

from passport_scorer.db.executor import Executor
from passport_scorer.db.tables import account_account as accounts
from passport_scorer.db.tables import auth_user as users


async def ensure_account(ex: Executor, *, username: str, address: str, now: datetime) -> int:
    """The account of `username`, creating the user (unusable password) and account if needed."""
    user_id = await ex.scalar(select(users.c.id).where(users.c.username == username))
    if user_id is None:
        user_id = await ex.scalar(
            insert(users)
            .values(
                password="!",  # Django's unusable password
                last_login=None,
                is_superuser=False,
                username=username,
                first_name="",
                last_name="",
                email="",
                is_staff=False,
                is_active=True,
                date_joined=now,
            )
            .returning(users.c.id)
        )
    account_id = await ex.scalar(select(accounts.c.id).where(accounts.c.user_id == user_id))
    if account_id is None:
        account_id = await ex.scalar(
            insert(accounts)
            .values(address=address.lower(), user_id=user_id)
            .returning(accounts.c.id)
        )
    return int(account_id)
