"""SQL for `auth_user` and `account_account`."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from passport_scorer.db.tables import account_account as accounts
from passport_scorer.db.tables import auth_user as users


async def ensure_account(
    conn: AsyncConnection, *, username: str, address: str, now: datetime
) -> int:
    """The account of `username`, creating the user (unusable password) and account if needed."""
    user_id = (
        await conn.execute(select(users.c.id).where(users.c.username == username))
    ).scalar_one_or_none()
    if user_id is None:
        user_id = (
            await conn.execute(
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
        ).scalar_one()
    account_id = (
        await conn.execute(select(accounts.c.id).where(accounts.c.user_id == user_id))
    ).scalar_one_or_none()
    if account_id is None:
        account_id = (
            await conn.execute(
                insert(accounts)
                .values(address=address.lower(), user_id=user_id)
                .returning(accounts.c.id)
            )
        ).scalar_one()
    return int(account_id)
