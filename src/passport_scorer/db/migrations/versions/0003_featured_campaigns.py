"""Create `account_featuredcampaign` (the customization routes' featured campaigns), exactly as
the reference's Django migration does.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 12:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "account_featuredcampaign",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("partner_name", sa.String(length=100), nullable=False),
        sa.Column("partner_logo", sa.Text(), nullable=False),
        sa.Column("image_tag", sa.String(length=100), nullable=False),
        sa.Column("header_text", sa.String(length=255), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("destination_url", sa.String(length=200), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("display_order", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "display_order >= 0", name="account_featuredcampaign_display_order_check"
        ),
        sa.PrimaryKeyConstraint("id", name="account_featuredcampaign_pkey"),
    )


def downgrade() -> None:
    op.drop_table("account_featuredcampaign")
