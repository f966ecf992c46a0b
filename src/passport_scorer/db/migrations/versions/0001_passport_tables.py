"""Create the Passport tables exactly as the reference's Django migrations do.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 06:27:19.760377
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import passport_scorer.db.types

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "account_addresslist",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name="account_addresslist_pkey"),
        sa.UniqueConstraint("name", name="account_addresslist_name_key"),
    )
    op.create_index(
        "account_addresslist_name_141d0b06_like",
        "account_addresslist",
        ["name"],
        unique=False,
        postgresql_ops={"name": "varchar_pattern_ops"},
    )
    op.create_table(
        "account_customcredentialruleset",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("credential_type", sa.String(length=5), nullable=False),
        sa.Column(
            "definition",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("provider_id", sa.String(length=256), nullable=False),
        sa.PrimaryKeyConstraint("id", name="account_customcredentialruleset_pkey"),
        sa.UniqueConstraint("provider_id", name="account_customcredentialruleset_provider_id_key"),
    )
    op.create_index(
        "account_customcredentialruleset_provider_id_f1bc1925_like",
        "account_customcredentialruleset",
        ["provider_id"],
        unique=False,
        postgresql_ops={"provider_id": "varchar_pattern_ops"},
    )
    op.create_table(
        "auth_user",
        sa.Column(
            "id", sa.Integer(), sa.Identity(always=False, start=1, increment=1), nullable=False
        ),
        sa.Column("password", sa.String(length=128), nullable=False),
        sa.Column("last_login", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=True),
        sa.Column("is_superuser", sa.Boolean(), nullable=False),
        sa.Column("username", sa.String(length=150), nullable=False),
        sa.Column("first_name", sa.String(length=150), nullable=False),
        sa.Column("last_name", sa.String(length=150), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("is_staff", sa.Boolean(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column(
            "date_joined", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name="auth_user_pkey"),
        sa.UniqueConstraint("username", name="auth_user_username_key"),
    )
    op.create_index(
        "auth_user_username_6821ab7c_like",
        "auth_user",
        ["username"],
        unique=False,
        postgresql_ops={"username": "varchar_pattern_ops"},
    )
    op.create_table(
        "ceramic_cache_banlist",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=256), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("csv_file", sa.String(length=1024), nullable=False),
        sa.PrimaryKeyConstraint("id", name="ceramic_cache_banlist_pkey"),
    )
    op.create_index(
        "ceramic_cache_banlist_name_938ecaa7", "ceramic_cache_banlist", ["name"], unique=False
    )
    op.create_index(
        "ceramic_cache_banlist_name_938ecaa7_like",
        "ceramic_cache_banlist",
        ["name"],
        unique=False,
        postgresql_ops={"name": "varchar_pattern_ops"},
    )
    op.create_table(
        "ceramic_cache_ceramiccache",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("address", sa.String(length=100), nullable=True),
        sa.Column("provider", sa.String(length=256), nullable=False),
        sa.Column(
            "stamp",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=True),
        sa.Column(
            "updated_at", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False
        ),
        sa.Column("type", sa.Integer(), nullable=False),
        sa.Column("deleted_at", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=True),
        sa.Column("compose_db_save_status", sa.String(length=10), nullable=False),
        sa.Column("compose_db_stream_id", sa.String(length=100), nullable=False),
        sa.Column(
            "expiration_date", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=True
        ),
        sa.Column(
            "issuance_date", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=True
        ),
        sa.Column("proof_value", sa.String(length=256), nullable=False),
        sa.Column("source_app", sa.Integer(), nullable=True),
        sa.Column("source_scorer_id", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="ceramic_cache_ceramiccache_pkey"),
        sa.UniqueConstraint(
            "type",
            "address",
            "provider",
            "deleted_at",
            name="ceramic_cache_ceramiccac_type_address_provider_de_91b0dfe5_uniq",
        ),
    )
    op.create_index(
        "ceramic_cache_ceramiccache_address_a326f586",
        "ceramic_cache_ceramiccache",
        ["address"],
        unique=False,
    )
    op.create_index(
        "ceramic_cache_ceramiccache_address_a326f586_like",
        "ceramic_cache_ceramiccache",
        ["address"],
        unique=False,
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.create_index(
        "ceramic_cache_ceramiccache_compose_db_save_status_ba2798e2",
        "ceramic_cache_ceramiccache",
        ["compose_db_save_status"],
        unique=False,
    )
    op.create_index(
        "ceramic_cache_ceramiccache_compose_db_save_status_ba2798e2_like",
        "ceramic_cache_ceramiccache",
        ["compose_db_save_status"],
        unique=False,
        postgresql_ops={"compose_db_save_status": "varchar_pattern_ops"},
    )
    op.create_index(
        "ceramic_cache_ceramiccache_compose_db_stream_id_d977c392",
        "ceramic_cache_ceramiccache",
        ["compose_db_stream_id"],
        unique=False,
    )
    op.create_index(
        "ceramic_cache_ceramiccache_compose_db_stream_id_d977c392_like",
        "ceramic_cache_ceramiccache",
        ["compose_db_stream_id"],
        unique=False,
        postgresql_ops={"compose_db_stream_id": "varchar_pattern_ops"},
    )
    op.create_index(
        "ceramic_cache_ceramiccache_created_at_8b8bf604",
        "ceramic_cache_ceramiccache",
        ["created_at"],
        unique=False,
    )
    op.create_index(
        "ceramic_cache_ceramiccache_deleted_at_2e65cde1",
        "ceramic_cache_ceramiccache",
        ["deleted_at"],
        unique=False,
    )
    op.create_index(
        "ceramic_cache_ceramiccache_expiration_date_a3d52de9",
        "ceramic_cache_ceramiccache",
        ["expiration_date"],
        unique=False,
    )
    op.create_index(
        "ceramic_cache_ceramiccache_issuance_date_ba8f7fb8",
        "ceramic_cache_ceramiccache",
        ["issuance_date"],
        unique=False,
    )
    op.create_index(
        "ceramic_cache_ceramiccache_proof_value_f0af64e8",
        "ceramic_cache_ceramiccache",
        ["proof_value"],
        unique=False,
    )
    op.create_index(
        "ceramic_cache_ceramiccache_proof_value_f0af64e8_like",
        "ceramic_cache_ceramiccache",
        ["proof_value"],
        unique=False,
        postgresql_ops={"proof_value": "varchar_pattern_ops"},
    )
    op.create_index(
        "ceramic_cache_ceramiccache_provider_05926089",
        "ceramic_cache_ceramiccache",
        ["provider"],
        unique=False,
    )
    op.create_index(
        "ceramic_cache_ceramiccache_provider_05926089_like",
        "ceramic_cache_ceramiccache",
        ["provider"],
        unique=False,
        postgresql_ops={"provider": "varchar_pattern_ops"},
    )
    op.create_index(
        "ceramic_cache_ceramiccache_source_app_c47146d1",
        "ceramic_cache_ceramiccache",
        ["source_app"],
        unique=False,
    )
    op.create_index(
        "ceramic_cache_ceramiccache_source_scorer_id_95019b25",
        "ceramic_cache_ceramiccache",
        ["source_scorer_id"],
        unique=False,
    )
    op.create_index(
        "ceramic_cache_ceramiccache_updated_at_bc471b72",
        "ceramic_cache_ceramiccache",
        ["updated_at"],
        unique=False,
    )
    op.create_index(
        "idx_cc_addr_id_not_deleted",
        "ceramic_cache_ceramiccache",
        ["address", sa.literal_column("id DESC")],
        unique=False,
        postgresql_where=sa.text("deleted_at IS NULL"),
        sqlite_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "unique_deleted_provider_for_address",
        "ceramic_cache_ceramiccache",
        ["type", "address", "provider", "deleted_at"],
        unique=True,
        postgresql_where=sa.text("deleted_at IS NOT NULL"),
        sqlite_where=sa.text("deleted_at IS NOT NULL"),
    )
    op.create_index(
        "unique_non_deleted_provider_for_address",
        "ceramic_cache_ceramiccache",
        ["type", "address", "provider"],
        unique=True,
        postgresql_where=sa.text("deleted_at IS NULL"),
        sqlite_where=sa.text("deleted_at IS NULL"),
    )
    op.create_table(
        "ceramic_cache_revocationlist",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=256), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("csv_file", sa.String(length=1024), nullable=False),
        sa.PrimaryKeyConstraint("id", name="ceramic_cache_revocationlist_pkey"),
    )
    op.create_index(
        "ceramic_cache_revocationlist_name_bc38f860",
        "ceramic_cache_revocationlist",
        ["name"],
        unique=False,
    )
    op.create_index(
        "ceramic_cache_revocationlist_name_bc38f860_like",
        "ceramic_cache_revocationlist",
        ["name"],
        unique=False,
        postgresql_ops={"name": "varchar_pattern_ops"},
    )
    op.create_table(
        "cgrants_profile",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("handle", sa.String(length=255), nullable=False),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("github_id", sa.BigInteger(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="cgrants_profile_pkey"),
        sa.UniqueConstraint("handle", name="cgrants_profile_handle_key"),
    )
    op.create_index(
        "cgrants_profile_github_id_f9dd96ad", "cgrants_profile", ["github_id"], unique=False
    )
    op.create_index(
        "cgrants_profile_handle_d5972cf8_like",
        "cgrants_profile",
        ["handle"],
        unique=False,
        postgresql_ops={"handle": "varchar_pattern_ops"},
    )
    op.create_table(
        "cgrants_protocolcontributions",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("ext_id", sa.String(length=66), nullable=False),
        sa.Column("contributor", sa.String(length=100), nullable=False),
        sa.Column("round", sa.String(length=100), nullable=False),
        sa.Column("project", sa.String(length=100), nullable=False),
        sa.Column(
            "amount", passport_scorer.db.types.ExactNumeric(precision=64, scale=18), nullable=False
        ),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name="cgrants_protocolcontributions_pkey"),
        sa.UniqueConstraint("ext_id", name="cgrants_protocolcontributions_ext_id_key"),
    )
    op.create_index(
        "cgrants_protocolcontributions_amount_6906e261",
        "cgrants_protocolcontributions",
        ["amount"],
        unique=False,
    )
    op.create_index(
        "cgrants_protocolcontributions_contributor_5b32637f",
        "cgrants_protocolcontributions",
        ["contributor"],
        unique=False,
    )
    op.create_index(
        "cgrants_protocolcontributions_contributor_5b32637f_like",
        "cgrants_protocolcontributions",
        ["contributor"],
        unique=False,
        postgresql_ops={"contributor": "varchar_pattern_ops"},
    )
    op.create_index(
        "cgrants_protocolcontributions_ext_id_c97518f8_like",
        "cgrants_protocolcontributions",
        ["ext_id"],
        unique=False,
        postgresql_ops={"ext_id": "varchar_pattern_ops"},
    )
    op.create_index(
        "cgrants_protocolcontributions_project_9247ecff",
        "cgrants_protocolcontributions",
        ["project"],
        unique=False,
    )
    op.create_index(
        "cgrants_protocolcontributions_project_9247ecff_like",
        "cgrants_protocolcontributions",
        ["project"],
        unique=False,
        postgresql_ops={"project": "varchar_pattern_ops"},
    )
    op.create_index(
        "cgrants_protocolcontributions_round_a00f486c",
        "cgrants_protocolcontributions",
        ["round"],
        unique=False,
    )
    op.create_index(
        "cgrants_protocolcontributions_round_a00f486c_like",
        "cgrants_protocolcontributions",
        ["round"],
        unique=False,
        postgresql_ops={"round": "varchar_pattern_ops"},
    )
    op.create_table(
        "cgrants_roundmapping",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("round_number", sa.String(length=100), nullable=False),
        sa.Column("round_eth_address", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name="cgrants_roundmapping_pkey"),
        sa.UniqueConstraint(
            "round_number",
            "round_eth_address",
            name="cgrants_roundmapping_round_number_round_eth_a_c92a02f4_uniq",
        ),
    )
    op.create_index(
        "cgrants_roundmapping_round_eth_address_2898745f",
        "cgrants_roundmapping",
        ["round_eth_address"],
        unique=False,
    )
    op.create_index(
        "cgrants_roundmapping_round_eth_address_2898745f_like",
        "cgrants_roundmapping",
        ["round_eth_address"],
        unique=False,
        postgresql_ops={"round_eth_address": "varchar_pattern_ops"},
    )
    op.create_table(
        "cgrants_squelchedaccounts",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("address", sa.String(length=100), nullable=True),
        sa.Column(
            "score_when_squelched",
            passport_scorer.db.types.ExactNumeric(precision=64, scale=18),
            nullable=False,
        ),
        sa.Column("sybil_signal", sa.Boolean(), nullable=False),
        sa.Column("round_number", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name="cgrants_squelchedaccounts_pkey"),
    )
    op.create_index(
        "cgrants_squelchedaccounts_address_8effc17b",
        "cgrants_squelchedaccounts",
        ["address"],
        unique=False,
    )
    op.create_index(
        "cgrants_squelchedaccounts_address_8effc17b_like",
        "cgrants_squelchedaccounts",
        ["address"],
        unique=False,
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.create_table(
        "registry_gtcstakeevent",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("event_type", sa.String(length=15), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("staker", sa.String(length=42), nullable=False),
        sa.Column("address", sa.String(length=42), nullable=True),
        sa.Column(
            "amount", passport_scorer.db.types.ExactNumeric(precision=78, scale=18), nullable=False
        ),
        sa.Column("staked", sa.Boolean(), nullable=False),
        sa.Column("block_number", sa.Integer(), nullable=False),
        sa.Column("tx_hash", sa.String(length=66), nullable=False),
        sa.PrimaryKeyConstraint("id", name="registry_gtcstakeevent_pkey"),
    )
    op.create_index(
        "gtc_staking_index",
        "registry_gtcstakeevent",
        ["round_id", "address", "staker"],
        unique=False,
    )
    op.create_index(
        "gtc_staking_index_by_staker",
        "registry_gtcstakeevent",
        ["round_id", "staker"],
        unique=False,
    )
    op.create_index(
        "registry_gtcstakeevent_address_7509de41",
        "registry_gtcstakeevent",
        ["address"],
        unique=False,
    )
    op.create_index(
        "registry_gtcstakeevent_address_7509de41_like",
        "registry_gtcstakeevent",
        ["address"],
        unique=False,
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.create_index(
        "registry_gtcstakeevent_round_id_aae45d3f",
        "registry_gtcstakeevent",
        ["round_id"],
        unique=False,
    )
    op.create_index(
        "registry_gtcstakeevent_staker_2d308c09", "registry_gtcstakeevent", ["staker"], unique=False
    )
    op.create_index(
        "registry_gtcstakeevent_staker_2d308c09_like",
        "registry_gtcstakeevent",
        ["staker"],
        unique=False,
        postgresql_ops={"staker": "varchar_pattern_ops"},
    )
    op.create_table(
        "registry_humanpoints",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("address", sa.String(length=42), nullable=False),
        sa.Column("action", sa.String(length=3), nullable=False),
        sa.Column("timestamp", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False),
        sa.Column("tx_hash", sa.String(length=100), nullable=False),
        sa.Column("chain_id", sa.Integer(), nullable=False),
        sa.Column("provider", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name="registry_humanpoints_pkey"),
        sa.UniqueConstraint(
            "address",
            "action",
            "chain_id",
            "provider",
            "tx_hash",
            name="unique_human_points_constraint",
        ),
    )
    op.create_index(
        "registry_hu_address_5fea1a_idx",
        "registry_humanpoints",
        ["address", "action"],
        unique=False,
    )
    op.create_index(
        "registry_hu_chain_i_646b64_idx",
        "registry_humanpoints",
        ["chain_id", "action"],
        unique=False,
    )
    op.create_index(
        "registry_humanpoints_action_2af7c950", "registry_humanpoints", ["action"], unique=False
    )
    op.create_index(
        "registry_humanpoints_action_2af7c950_like",
        "registry_humanpoints",
        ["action"],
        unique=False,
        postgresql_ops={"action": "varchar_pattern_ops"},
    )
    op.create_index(
        "registry_humanpoints_address_2575ffb6", "registry_humanpoints", ["address"], unique=False
    )
    op.create_index(
        "registry_humanpoints_address_2575ffb6_like",
        "registry_humanpoints",
        ["address"],
        unique=False,
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.create_index(
        "registry_humanpoints_chain_id_a61cab3f", "registry_humanpoints", ["chain_id"], unique=False
    )
    op.create_index(
        "registry_humanpoints_provider_140cbcda", "registry_humanpoints", ["provider"], unique=False
    )
    op.create_index(
        "registry_humanpoints_provider_140cbcda_like",
        "registry_humanpoints",
        ["provider"],
        unique=False,
        postgresql_ops={"provider": "varchar_pattern_ops"},
    )
    op.create_table(
        "registry_humanpointsconfig",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("action", sa.String(length=3), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="registry_humanpointsconfig_pkey"),
        sa.UniqueConstraint("action", name="registry_humanpointsconfig_action_key"),
    )
    op.create_index(
        "registry_hu_action_230641_idx",
        "registry_humanpointsconfig",
        ["action", "active"],
        unique=False,
    )
    op.create_index(
        "registry_humanpointsconfig_action_2c596373_like",
        "registry_humanpointsconfig",
        ["action"],
        unique=False,
        postgresql_ops={"action": "varchar_pattern_ops"},
    )
    op.create_index(
        "registry_humanpointsconfig_active_0d54ac09",
        "registry_humanpointsconfig",
        ["active"],
        unique=False,
    )
    op.create_table(
        "registry_humanpointsmultiplier",
        sa.Column("address", sa.String(length=42), nullable=False),
        sa.Column("multiplier", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("address", name="registry_humanpointsmultiplier_pkey"),
    )
    op.create_index(
        "registry_humanpointsmultiplier_address_a5b03f79_like",
        "registry_humanpointsmultiplier",
        ["address"],
        unique=False,
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.create_table(
        "scorer_weighted_scorer",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("type", sa.String(length=100), nullable=False),
        sa.Column("exclude_from_weight_updates", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="scorer_weighted_scorer_pkey"),
    )
    op.create_table(
        "stake_stake",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("chain", sa.Integer(), nullable=False),
        sa.Column("lock_time", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False),
        sa.Column(
            "unlock_time", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False
        ),
        sa.Column(
            "last_updated_in_block",
            passport_scorer.db.types.ExactNumeric(precision=78, scale=0),
            nullable=False,
        ),
        sa.Column("staker", sa.String(length=42), nullable=False),
        sa.Column("stakee", sa.String(length=42), nullable=False),
        sa.Column(
            "current_amount",
            passport_scorer.db.types.ExactNumeric(precision=78, scale=18),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name="stake_stake_pkey"),
        sa.UniqueConstraint(
            "staker", "stakee", "chain", name="stake_stake_staker_stakee_chain_fcf3d5e9_uniq"
        ),
    )
    op.create_index("stake_stake_chain_2b875a1d", "stake_stake", ["chain"], unique=False)
    op.create_index(
        "stake_stake_last_updated_in_block_3659538c",
        "stake_stake",
        ["last_updated_in_block"],
        unique=False,
    )
    op.create_index("stake_stake_stakee_1015ebfc", "stake_stake", ["stakee"], unique=False)
    op.create_index(
        "stake_stake_stakee_1015ebfc_like",
        "stake_stake",
        ["stakee"],
        unique=False,
        postgresql_ops={"stakee": "varchar_pattern_ops"},
    )
    op.create_index("stake_stake_staker_51f438f8", "stake_stake", ["staker"], unique=False)
    op.create_index(
        "stake_stake_staker_51f438f8_like",
        "stake_stake",
        ["staker"],
        unique=False,
        postgresql_ops={"staker": "varchar_pattern_ops"},
    )
    op.create_table(
        "account_account",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("address", sa.String(length=100), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["auth_user.id"],
            name="account_account_user_id_8d4f4816_fk_auth_user_id",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="account_account_pkey"),
        sa.UniqueConstraint("user_id", name="account_account_user_id_key"),
    )
    op.create_index(
        "account_account_address_c4b1bb22", "account_account", ["address"], unique=False
    )
    op.create_index(
        "account_account_address_c4b1bb22_like",
        "account_account",
        ["address"],
        unique=False,
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.create_table(
        "account_addresslistmember",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("address", sa.String(length=100), nullable=False),
        sa.Column("list_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["account_addresslist.id"],
            name="account_addresslistm_list_id_e4f611a5_fk_account_a",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="account_addresslistmember_pkey"),
        sa.UniqueConstraint(
            "address", "list_id", name="account_addresslistmember_address_list_id_671a99b1_uniq"
        ),
    )
    op.create_index(
        "account_addresslistmember_address_eaaf8d99",
        "account_addresslistmember",
        ["address"],
        unique=False,
    )
    op.create_index(
        "account_addresslistmember_address_eaaf8d99_like",
        "account_addresslistmember",
        ["address"],
        unique=False,
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.create_index(
        "account_addresslistmember_list_id_e4f611a5",
        "account_addresslistmember",
        ["list_id"],
        unique=False,
    )
    op.create_table(
        "ceramic_cache_ban",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("provider", sa.String(length=256), nullable=False),
        sa.Column("hash", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=42), nullable=False),
        sa.Column("end_time", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column(
            "created_at", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False
        ),
        sa.Column(
            "last_run_revoke_matching",
            passport_scorer.db.types.TimestampTZ(timezone=True),
            nullable=True,
        ),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("ban_list_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ban_list_id"],
            ["ceramic_cache_banlist.id"],
            name="ceramic_cache_ban_ban_list_id_bb6f132a_fk_ceramic_c",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="ceramic_cache_ban_pkey"),
    )
    op.create_index(
        "ceramic_cache_ban_address_d88c387c", "ceramic_cache_ban", ["address"], unique=False
    )
    op.create_index(
        "ceramic_cache_ban_address_d88c387c_like",
        "ceramic_cache_ban",
        ["address"],
        unique=False,
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.create_index(
        "ceramic_cache_ban_ban_list_id_bb6f132a", "ceramic_cache_ban", ["ban_list_id"], unique=False
    )
    op.create_index(
        "ceramic_cache_ban_created_at_2ef4f9b1", "ceramic_cache_ban", ["created_at"], unique=False
    )
    op.create_index(
        "ceramic_cache_ban_end_time_2948ed9a", "ceramic_cache_ban", ["end_time"], unique=False
    )
    op.create_index("ceramic_cache_ban_hash_852c49d9", "ceramic_cache_ban", ["hash"], unique=False)
    op.create_index(
        "ceramic_cache_ban_hash_852c49d9_like",
        "ceramic_cache_ban",
        ["hash"],
        unique=False,
        postgresql_ops={"hash": "varchar_pattern_ops"},
    )
    op.create_index(
        "ceramic_cache_ban_provider_dd34ee8a", "ceramic_cache_ban", ["provider"], unique=False
    )
    op.create_index(
        "ceramic_cache_ban_provider_dd34ee8a_like",
        "ceramic_cache_ban",
        ["provider"],
        unique=False,
        postgresql_ops={"provider": "varchar_pattern_ops"},
    )
    op.create_table(
        "ceramic_cache_revocation",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("proof_value", sa.String(length=256), nullable=False),
        sa.Column("ceramic_cache_id", sa.BigInteger(), nullable=False),
        sa.Column("revocation_list_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ceramic_cache_id"],
            ["ceramic_cache_ceramiccache.id"],
            name="ceramic_cache_revoca_ceramic_cache_id_3363c773_fk_ceramic_c",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["revocation_list_id"],
            ["ceramic_cache_revocationlist.id"],
            name="ceramic_cache_revoca_revocation_list_id_afc10362_fk_ceramic_c",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="ceramic_cache_revocation_pkey"),
        sa.UniqueConstraint(
            "ceramic_cache_id", name="ceramic_cache_revocation_ceramic_cache_id_key"
        ),
    )
    op.create_index(
        "ceramic_cache_revocation_proof_value_8a505018",
        "ceramic_cache_revocation",
        ["proof_value"],
        unique=False,
    )
    op.create_index(
        "ceramic_cache_revocation_proof_value_8a505018_like",
        "ceramic_cache_revocation",
        ["proof_value"],
        unique=False,
        postgresql_ops={"proof_value": "varchar_pattern_ops"},
    )
    op.create_index(
        "ceramic_cache_revocation_revocation_list_id_afc10362",
        "ceramic_cache_revocation",
        ["revocation_list_id"],
        unique=False,
    )
    op.create_table(
        "cgrants_grant",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("is_clr_eligible", sa.Boolean(), nullable=False),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("admin_profile_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["admin_profile_id"],
            ["cgrants_profile.id"],
            name="cgrants_grant_admin_profile_id_c17e76f3_fk_cgrants_profile_id",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="cgrants_grant_pkey"),
    )
    op.create_index("cgrants_grant_active_2099dea6", "cgrants_grant", ["active"], unique=False)
    op.create_index(
        "cgrants_grant_admin_profile_id_c17e76f3",
        "cgrants_grant",
        ["admin_profile_id"],
        unique=False,
    )
    op.create_index("cgrants_grant_hidden_c8ce8ddd", "cgrants_grant", ["hidden"], unique=False)
    op.create_table(
        "scorer_weighted_binaryweightedscorer",
        sa.Column("scorer_ptr_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "weights",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "threshold",
            passport_scorer.db.types.ExactNumeric(precision=10, scale=5),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["scorer_ptr_id"],
            ["scorer_weighted_scorer.id"],
            name="scorer_weighted_bina_scorer_ptr_id_12e4494a_fk_scorer_we",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("scorer_ptr_id", name="scorer_weighted_binaryweightedscorer_pkey"),
    )
    op.create_table(
        "scorer_weighted_weightedscorer",
        sa.Column("scorer_ptr_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "weights",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "threshold",
            passport_scorer.db.types.ExactNumeric(precision=10, scale=5),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["scorer_ptr_id"],
            ["scorer_weighted_scorer.id"],
            name="scorer_weighted_weig_scorer_ptr_id_fd2d9079_fk_scorer_we",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("scorer_ptr_id", name="scorer_weighted_weightedscorer_pkey"),
    )
    op.create_table(
        "account_accountapikey",
        sa.Column("id", sa.String(length=150), nullable=False),
        sa.Column("prefix", sa.String(length=8), nullable=False),
        sa.Column("hashed_key", sa.String(length=150), nullable=False),
        sa.Column("created", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column(
            "expiry_date", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=True
        ),
        sa.Column("account_id", sa.BigInteger(), nullable=False),
        sa.Column("rate_limit", sa.String(length=20), nullable=True),
        sa.Column("create_scorers", sa.Boolean(), nullable=False),
        sa.Column("read_scores", sa.Boolean(), nullable=False),
        sa.Column("submit_passports", sa.Boolean(), nullable=False),
        sa.Column("analysis_rate_limit", sa.String(length=20), nullable=True),
        sa.Column("historical_endpoint", sa.Boolean(), nullable=False),
        sa.Column("embed_rate_limit", sa.String(length=20), nullable=True),
        sa.Column("hashed_key_sha256", sa.String(length=71), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account_account.id"],
            name="account_accountapikey_account_id_1a2556bc_fk_account_account_id",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="account_accountapikey_pkey"),
        sa.UniqueConstraint("prefix", name="account_accountapikey_prefix_key"),
    )
    op.create_index(
        "account_accountapikey_account_id_1a2556bc",
        "account_accountapikey",
        ["account_id"],
        unique=False,
    )
    op.create_index(
        "account_accountapikey_created_e745f4b8", "account_accountapikey", ["created"], unique=False
    )
    op.create_index(
        "account_accountapikey_id_e59c877a_like",
        "account_accountapikey",
        ["id"],
        unique=False,
        postgresql_ops={"id": "varchar_pattern_ops"},
    )
    op.create_index(
        "account_accountapikey_prefix_c5b7b286_like",
        "account_accountapikey",
        ["prefix"],
        unique=False,
        postgresql_ops={"prefix": "varchar_pattern_ops"},
    )
    op.create_table(
        "account_community",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("description", sa.String(length=100), nullable=False),
        sa.Column("account_id", sa.BigInteger(), nullable=False),
        sa.Column("scorer_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=True),
        sa.Column("rule", sa.String(length=100), nullable=False),
        sa.Column("use_case", sa.String(length=100), nullable=True),
        sa.Column("deleted_at", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=True),
        sa.Column("external_scorer_id", sa.String(length=42), nullable=True),
        sa.Column("human_points_program", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account_account.id"],
            name="account_community_account_id_56b17acb_fk_account_account_id",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["scorer_id"],
            ["scorer_weighted_scorer.id"],
            name="account_community_scorer_id_fdb68128_fk_scorer_we",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="account_community_pkey"),
        sa.UniqueConstraint("external_scorer_id", name="account_community_external_scorer_id_key"),
    )
    op.create_index(
        "account_community_account_id_56b17acb", "account_community", ["account_id"], unique=False
    )
    op.create_index(
        "account_community_external_scorer_id_548ec701_like",
        "account_community",
        ["external_scorer_id"],
        unique=False,
        postgresql_ops={"external_scorer_id": "varchar_pattern_ops"},
    )
    op.create_index(
        "account_community_scorer_id_fdb68128", "account_community", ["scorer_id"], unique=False
    )
    op.create_index(
        "unique_deleted_name_per_account",
        "account_community",
        ["account_id", "name", "deleted_at"],
        unique=True,
        postgresql_where=sa.text("deleted_at IS NOT NULL"),
        sqlite_where=sa.text("deleted_at IS NOT NULL"),
    )
    op.create_index(
        "unique_non_deleted_name_per_account",
        "account_community",
        ["account_id", "name"],
        unique=True,
        postgresql_where=sa.text("deleted_at IS NULL"),
        sqlite_where=sa.text("deleted_at IS NULL"),
    )
    op.create_table(
        "cgrants_subscription",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("contributor_profile_id", sa.BigInteger(), nullable=True),
        sa.Column("grant_id", sa.BigInteger(), nullable=False),
        sa.Column("is_mainnet", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contributor_profile_id"],
            ["cgrants_profile.id"],
            name="cgrants_subscription_contributor_profile__4c5a1727_fk_cgrants_p",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["grant_id"],
            ["cgrants_grant.id"],
            name="cgrants_subscription_grant_id_f67f3c3d_fk_cgrants_grant_id",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="cgrants_subscription_pkey"),
    )
    op.create_index(
        "cgrants_subscription_contributor_profile_id_4c5a1727",
        "cgrants_subscription",
        ["contributor_profile_id"],
        unique=False,
    )
    op.create_index(
        "cgrants_subscription_grant_id_f67f3c3d", "cgrants_subscription", ["grant_id"], unique=False
    )
    op.create_table(
        "account_accountapikeyanalytics",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("created_at", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=True),
        sa.Column("path", sa.String(length=1000), nullable=False),
        sa.Column("api_key_id", sa.String(length=150), nullable=False),
        sa.Column("base_path", sa.String(length=200), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column(
            "headers",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "path_segments",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "payload",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "query_params",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "response",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("response_skipped", sa.Boolean(), nullable=True),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["api_key_id"],
            ["account_accountapikey.id"],
            name="account_accountapike_api_key_id_f30ca19e_fk_account_a",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="account_accountapikeyanalytics_pkey"),
    )
    op.create_index(
        "account_accountapikeyanalytics_api_key_id_f30ca19e",
        "account_accountapikeyanalytics",
        ["api_key_id"],
        unique=False,
    )
    op.create_index(
        "account_accountapikeyanalytics_api_key_id_f30ca19e_like",
        "account_accountapikeyanalytics",
        ["api_key_id"],
        unique=False,
        postgresql_ops={"api_key_id": "varchar_pattern_ops"},
    )
    op.create_index(
        "account_accountapikeyanalytics_base_path_c10e92ca",
        "account_accountapikeyanalytics",
        ["base_path"],
        unique=False,
    )
    op.create_index(
        "account_accountapikeyanalytics_base_path_c10e92ca_like",
        "account_accountapikeyanalytics",
        ["base_path"],
        unique=False,
        postgresql_ops={"base_path": "varchar_pattern_ops"},
    )
    op.create_index(
        "account_accountapikeyanalytics_created_at_9d239fa0",
        "account_accountapikeyanalytics",
        ["created_at"],
        unique=False,
    )
    op.create_index(
        "account_accountapikeyanalytics_error_0791c82e",
        "account_accountapikeyanalytics",
        ["error"],
        unique=False,
    )
    op.create_index(
        "account_accountapikeyanalytics_error_0791c82e_like",
        "account_accountapikeyanalytics",
        ["error"],
        unique=False,
        postgresql_ops={"error": "text_pattern_ops"},
    )
    op.create_index(
        "account_accountapikeyanalytics_path_segments_83f45e13",
        "account_accountapikeyanalytics",
        ["path_segments"],
        unique=False,
    )
    op.create_index(
        "account_accountapikeyanalytics_payload_93057d53",
        "account_accountapikeyanalytics",
        ["payload"],
        unique=False,
    )
    op.create_index(
        "account_accountapikeyanalytics_query_params_3fb7d0fb",
        "account_accountapikeyanalytics",
        ["query_params"],
        unique=False,
    )
    op.create_index(
        "account_accountapikeyanalytics_response_skipped_6bd76337",
        "account_accountapikeyanalytics",
        ["response_skipped"],
        unique=False,
    )
    op.create_index(
        "account_accountapikeyanalytics_status_code_4c74877c",
        "account_accountapikeyanalytics",
        ["status_code"],
        unique=False,
    )
    op.create_table(
        "account_customization",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("path", sa.String(length=100), nullable=False),
        sa.Column("customization_background_1", sa.String(length=7), nullable=True),
        sa.Column("customization_background_2", sa.String(length=7), nullable=True),
        sa.Column("customization_foreground_1", sa.String(length=7), nullable=True),
        sa.Column("logo_image", sa.Text(), nullable=True),
        sa.Column("logo_caption", sa.Text(), nullable=True),
        sa.Column("logo_background", sa.String(length=10), nullable=True),
        sa.Column("body_main_text", sa.Text(), nullable=True),
        sa.Column("body_sub_text", sa.Text(), nullable=True),
        sa.Column("body_action_text", sa.Text(), nullable=True),
        sa.Column("body_action_url", sa.String(length=200), nullable=True),
        sa.Column("scorer_id", sa.BigInteger(), nullable=False),
        sa.Column("use_custom_dashboard_panel", sa.Boolean(), nullable=False),
        sa.Column("scorer_panel_title", sa.String(length=100), nullable=True),
        sa.Column("scorer_panel_text", sa.Text(), nullable=True),
        sa.Column("body_display_info_tooltip", sa.Boolean(), nullable=False),
        sa.Column("body_info_tooltip_text", sa.Text(), nullable=True),
        sa.Column("button_action_type", sa.String(length=25), nullable=False),
        sa.Column("customization_background_3", sa.String(length=7), nullable=True),
        sa.Column("customization_foreground_2", sa.String(length=7), nullable=True),
        sa.Column("show_explanation_panel", sa.Boolean(), nullable=False),
        sa.Column("partner_name", sa.String(length=100), nullable=False),
        sa.Column("custom_dashboard_panel_title", sa.String(length=255), nullable=True),
        sa.Column("nav_logo", sa.Text(), nullable=True),
        sa.Column("nav_order", sa.Integer(), nullable=False),
        sa.Column("show_in_top_nav", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scorer_id"],
            ["account_community.id"],
            name="account_customizatio_scorer_id_354f8a7d_fk_account_c",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="account_customization_pkey"),
        sa.UniqueConstraint("path", name="account_customization_path_key"),
        sa.UniqueConstraint("scorer_id", name="account_customization_scorer_id_354f8a7d_uniq"),
    )
    op.create_index(
        "account_customization_path_dfcf319d_like",
        "account_customization",
        ["path"],
        unique=False,
        postgresql_ops={"path": "varchar_pattern_ops"},
    )
    op.create_table(
        "account_walletgroupcommunityclaim",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("group_key", sa.Text(), nullable=False),
        sa.Column("canonical_address", sa.String(length=42), nullable=False),
        sa.Column(
            "claimed_at", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False
        ),
        sa.Column("community_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["account_community.id"],
            name="account_walletgroupc_community_id_d82acae6_fk_account_c",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="account_walletgroupcommunityclaim_pkey"),
        sa.UniqueConstraint(
            "group_key",
            "community_id",
            name="account_walletgroupcommu_group_key_community_id_60ec33ad_uniq",
        ),
    )
    op.create_index(
        "account_walletgroupcommu_canonical_address_0507e7f5_like",
        "account_walletgroupcommunityclaim",
        ["canonical_address"],
        unique=False,
        postgresql_ops={"canonical_address": "varchar_pattern_ops"},
    )
    op.create_index(
        "account_walletgroupcommunityclaim_canonical_address_0507e7f5",
        "account_walletgroupcommunityclaim",
        ["canonical_address"],
        unique=False,
    )
    op.create_index(
        "account_walletgroupcommunityclaim_community_id_d82acae6",
        "account_walletgroupcommunityclaim",
        ["community_id"],
        unique=False,
    )
    op.create_table(
        "cgrants_contribution",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("subscription_id", sa.BigInteger(), nullable=False),
        sa.Column("success", sa.Boolean(), nullable=False),
        sa.Column(
            "amount_per_period_usdt",
            passport_scorer.db.types.ExactNumeric(precision=64, scale=18),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["cgrants_subscription.id"],
            name="cgrants_contribution_subscription_id_583fd59b_fk_cgrants_s",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="cgrants_contribution_pkey"),
    )
    op.create_index(
        "cgrants_contribution_subscription_id_583fd59b",
        "cgrants_contribution",
        ["subscription_id"],
        unique=False,
    )
    op.create_table(
        "registry_event",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("action", sa.String(length=3), nullable=False),
        sa.Column("address", sa.String(length=42), nullable=False),
        sa.Column(
            "created_at", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False
        ),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("community_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["account_community.id"],
            name="registry_event_community_id_83e82610_fk_account_community_id",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="registry_event_pkey"),
    )
    op.create_index(
        "registry_event_community_id_83e82610", "registry_event", ["community_id"], unique=False
    )
    op.create_index(
        "score_history_index",
        "registry_event",
        ["action", "address", "community_id", "created_at"],
        unique=False,
    )
    op.create_table(
        "registry_hashscorerlink",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("hash", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=42), nullable=False),
        sa.Column(
            "expires_at", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False
        ),
        sa.Column("community_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["account_community.id"],
            name="registry_hashscorerl_community_id_464dfa88_fk_account_c",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="registry_hashscorerlink_pkey"),
        sa.UniqueConstraint(
            "hash", "community_id", name="registry_hashscorerlink_hash_community_id_ea7e08a6_uniq"
        ),
    )
    op.create_index(
        "registry_hashscorerlink_address_b3ffe97e",
        "registry_hashscorerlink",
        ["address"],
        unique=False,
    )
    op.create_index(
        "registry_hashscorerlink_address_b3ffe97e_like",
        "registry_hashscorerlink",
        ["address"],
        unique=False,
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.create_index(
        "registry_hashscorerlink_community_id_464dfa88",
        "registry_hashscorerlink",
        ["community_id"],
        unique=False,
    )
    op.create_index(
        "registry_hashscorerlink_expires_at_660d8ce1",
        "registry_hashscorerlink",
        ["expires_at"],
        unique=False,
    )
    op.create_index(
        "registry_hashscorerlink_hash_6798c065", "registry_hashscorerlink", ["hash"], unique=False
    )
    op.create_index(
        "registry_hashscorerlink_hash_6798c065_like",
        "registry_hashscorerlink",
        ["hash"],
        unique=False,
        postgresql_ops={"hash": "varchar_pattern_ops"},
    )
    op.create_table(
        "registry_humanpointscommunityqualifiedusers",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("address", sa.String(length=42), nullable=False),
        sa.Column("community_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["account_community.id"],
            name="registry_humanpoints_community_id_ae641a3f_fk_account_c",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="registry_humanpointscommunityqualifiedusers_pkey"),
        sa.UniqueConstraint(
            "address",
            "community_id",
            name="registry_humanpointscomm_address_community_id_a9e351f4_uniq",
        ),
    )
    op.create_index(
        "registry_hu_address_0abb23_idx",
        "registry_humanpointscommunityqualifiedusers",
        ["address"],
        unique=False,
    )
    op.create_index(
        "registry_humanpointscomm_address_a7e51a30_like",
        "registry_humanpointscommunityqualifiedusers",
        ["address"],
        unique=False,
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.create_index(
        "registry_humanpointscommun_community_id_ae641a3f",
        "registry_humanpointscommunityqualifiedusers",
        ["community_id"],
        unique=False,
    )
    op.create_index(
        "registry_humanpointscommunityqualifiedusers_address_a7e51a30",
        "registry_humanpointscommunityqualifiedusers",
        ["address"],
        unique=False,
    )
    op.create_table(
        "registry_passport",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("community_id", sa.BigInteger(), nullable=True),
        sa.Column("address", sa.String(length=100), nullable=True),
        sa.Column("requires_calculation", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["account_community.id"],
            name="registry_passport_community_id_1524ae17_fk_account_community_id",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="registry_passport_pkey"),
        sa.UniqueConstraint(
            "address", "community_id", name="registry_passport_address_community_id_14f7b36b_uniq"
        ),
    )
    op.create_index(
        "registry_passport_address_fb3975f7", "registry_passport", ["address"], unique=False
    )
    op.create_index(
        "registry_passport_address_fb3975f7_like",
        "registry_passport",
        ["address"],
        unique=False,
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.create_index(
        "registry_passport_community_id_1524ae17",
        "registry_passport",
        ["community_id"],
        unique=False,
    )
    op.create_table(
        "cgrants_grantcontributionindex",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("round_num", sa.Integer(), nullable=True),
        sa.Column(
            "amount", passport_scorer.db.types.ExactNumeric(precision=64, scale=18), nullable=False
        ),
        sa.Column("contribution_id", sa.BigInteger(), nullable=True),
        sa.Column("grant_id", sa.BigInteger(), nullable=False),
        sa.Column("profile_id", sa.BigInteger(), nullable=False),
        sa.Column("contributor_address", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["contribution_id"],
            ["cgrants_contribution.id"],
            name="cgrants_grantcontrib_contribution_id_fbed3ed7_fk_cgrants_c",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["grant_id"],
            ["cgrants_grant.id"],
            name="cgrants_grantcontrib_grant_id_a3e23458_fk_cgrants_g",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["cgrants_profile.id"],
            name="cgrants_grantcontrib_profile_id_227259f7_fk_cgrants_p",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="cgrants_grantcontributionindex_pkey"),
    )
    op.create_index(
        "cgrants_grantcontributio_contributor_address_5d4aef43_like",
        "cgrants_grantcontributionindex",
        ["contributor_address"],
        unique=False,
        postgresql_ops={"contributor_address": "varchar_pattern_ops"},
    )
    op.create_index(
        "cgrants_grantcontributionindex_amount_405a7875",
        "cgrants_grantcontributionindex",
        ["amount"],
        unique=False,
    )
    op.create_index(
        "cgrants_grantcontributionindex_contribution_id_fbed3ed7",
        "cgrants_grantcontributionindex",
        ["contribution_id"],
        unique=False,
    )
    op.create_index(
        "cgrants_grantcontributionindex_contributor_address_5d4aef43",
        "cgrants_grantcontributionindex",
        ["contributor_address"],
        unique=False,
    )
    op.create_index(
        "cgrants_grantcontributionindex_grant_id_a3e23458",
        "cgrants_grantcontributionindex",
        ["grant_id"],
        unique=False,
    )
    op.create_index(
        "cgrants_grantcontributionindex_profile_id_227259f7",
        "cgrants_grantcontributionindex",
        ["profile_id"],
        unique=False,
    )
    op.create_table(
        "registry_score",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column(
            "score", passport_scorer.db.types.ExactNumeric(precision=18, scale=9), nullable=True
        ),
        sa.Column("passport_id", sa.BigInteger(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column(
            "last_score_timestamp",
            passport_scorer.db.types.TimestampTZ(timezone=True),
            nullable=True,
        ),
        sa.Column("status", sa.String(length=20), nullable=True),
        sa.Column(
            "evidence",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "stamp_scores",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "expiration_date", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=True
        ),
        sa.Column(
            "stamps",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(
            ["passport_id"],
            ["registry_passport.id"],
            name="registry_score_passport_id_640e4835_fk_registry_passport_id",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="registry_score_pkey"),
        sa.UniqueConstraint("passport_id", name="registry_score_passport_id_640e4835_uniq"),
    )
    op.create_index(
        "registry_score_expiration_date_a46277c6",
        "registry_score",
        ["expiration_date"],
        unique=False,
    )
    op.create_index(
        "registry_score_last_score_timestamp_dcdec469",
        "registry_score",
        ["last_score_timestamp"],
        unique=False,
    )
    op.create_index("registry_score_status_4f7843c9", "registry_score", ["status"], unique=False)
    op.create_index(
        "registry_score_status_4f7843c9_like",
        "registry_score",
        ["status"],
        unique=False,
        postgresql_ops={"status": "varchar_pattern_ops"},
    )
    op.create_table(
        "registry_stamp",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("provider", sa.String(length=256), nullable=False),
        sa.Column(
            "credential",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("passport_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["passport_id"],
            ["registry_passport.id"],
            name="registry_stamp_passport_id_a0a2c334_fk_registry_passport_id",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="registry_stamp_pkey"),
    )
    op.create_index(
        "registry_stamp_passport_id_a0a2c334", "registry_stamp", ["passport_id"], unique=False
    )
    op.create_index(
        "registry_stamp_provider_096281ff", "registry_stamp", ["provider"], unique=False
    )
    op.create_index(
        "registry_stamp_provider_096281ff_like",
        "registry_stamp",
        ["provider"],
        unique=False,
        postgresql_ops={"provider": "varchar_pattern_ops"},
    )


def downgrade() -> None:
    op.drop_index(
        "registry_stamp_provider_096281ff_like",
        table_name="registry_stamp",
        postgresql_ops={"provider": "varchar_pattern_ops"},
    )
    op.drop_index("registry_stamp_provider_096281ff", table_name="registry_stamp")
    op.drop_index("registry_stamp_passport_id_a0a2c334", table_name="registry_stamp")
    op.drop_table("registry_stamp")
    op.drop_index(
        "registry_score_status_4f7843c9_like",
        table_name="registry_score",
        postgresql_ops={"status": "varchar_pattern_ops"},
    )
    op.drop_index("registry_score_status_4f7843c9", table_name="registry_score")
    op.drop_index("registry_score_last_score_timestamp_dcdec469", table_name="registry_score")
    op.drop_index("registry_score_expiration_date_a46277c6", table_name="registry_score")
    op.drop_table("registry_score")
    op.drop_index(
        "cgrants_grantcontributionindex_profile_id_227259f7",
        table_name="cgrants_grantcontributionindex",
    )
    op.drop_index(
        "cgrants_grantcontributionindex_grant_id_a3e23458",
        table_name="cgrants_grantcontributionindex",
    )
    op.drop_index(
        "cgrants_grantcontributionindex_contributor_address_5d4aef43",
        table_name="cgrants_grantcontributionindex",
    )
    op.drop_index(
        "cgrants_grantcontributionindex_contribution_id_fbed3ed7",
        table_name="cgrants_grantcontributionindex",
    )
    op.drop_index(
        "cgrants_grantcontributionindex_amount_405a7875",
        table_name="cgrants_grantcontributionindex",
    )
    op.drop_index(
        "cgrants_grantcontributio_contributor_address_5d4aef43_like",
        table_name="cgrants_grantcontributionindex",
        postgresql_ops={"contributor_address": "varchar_pattern_ops"},
    )
    op.drop_table("cgrants_grantcontributionindex")
    op.drop_index("registry_passport_community_id_1524ae17", table_name="registry_passport")
    op.drop_index(
        "registry_passport_address_fb3975f7_like",
        table_name="registry_passport",
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.drop_index("registry_passport_address_fb3975f7", table_name="registry_passport")
    op.drop_table("registry_passport")
    op.drop_index(
        "registry_humanpointscommunityqualifiedusers_address_a7e51a30",
        table_name="registry_humanpointscommunityqualifiedusers",
    )
    op.drop_index(
        "registry_humanpointscommun_community_id_ae641a3f",
        table_name="registry_humanpointscommunityqualifiedusers",
    )
    op.drop_index(
        "registry_humanpointscomm_address_a7e51a30_like",
        table_name="registry_humanpointscommunityqualifiedusers",
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.drop_index(
        "registry_hu_address_0abb23_idx", table_name="registry_humanpointscommunityqualifiedusers"
    )
    op.drop_table("registry_humanpointscommunityqualifiedusers")
    op.drop_index(
        "registry_hashscorerlink_hash_6798c065_like",
        table_name="registry_hashscorerlink",
        postgresql_ops={"hash": "varchar_pattern_ops"},
    )
    op.drop_index("registry_hashscorerlink_hash_6798c065", table_name="registry_hashscorerlink")
    op.drop_index(
        "registry_hashscorerlink_expires_at_660d8ce1", table_name="registry_hashscorerlink"
    )
    op.drop_index(
        "registry_hashscorerlink_community_id_464dfa88", table_name="registry_hashscorerlink"
    )
    op.drop_index(
        "registry_hashscorerlink_address_b3ffe97e_like",
        table_name="registry_hashscorerlink",
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.drop_index("registry_hashscorerlink_address_b3ffe97e", table_name="registry_hashscorerlink")
    op.drop_table("registry_hashscorerlink")
    op.drop_index("score_history_index", table_name="registry_event")
    op.drop_index("registry_event_community_id_83e82610", table_name="registry_event")
    op.drop_table("registry_event")
    op.drop_index(
        "cgrants_contribution_subscription_id_583fd59b", table_name="cgrants_contribution"
    )
    op.drop_table("cgrants_contribution")
    op.drop_index(
        "account_walletgroupcommunityclaim_community_id_d82acae6",
        table_name="account_walletgroupcommunityclaim",
    )
    op.drop_index(
        "account_walletgroupcommunityclaim_canonical_address_0507e7f5",
        table_name="account_walletgroupcommunityclaim",
    )
    op.drop_index(
        "account_walletgroupcommu_canonical_address_0507e7f5_like",
        table_name="account_walletgroupcommunityclaim",
        postgresql_ops={"canonical_address": "varchar_pattern_ops"},
    )
    op.drop_table("account_walletgroupcommunityclaim")
    op.drop_index(
        "account_customization_path_dfcf319d_like",
        table_name="account_customization",
        postgresql_ops={"path": "varchar_pattern_ops"},
    )
    op.drop_table("account_customization")
    op.drop_index(
        "account_accountapikeyanalytics_status_code_4c74877c",
        table_name="account_accountapikeyanalytics",
    )
    op.drop_index(
        "account_accountapikeyanalytics_response_skipped_6bd76337",
        table_name="account_accountapikeyanalytics",
    )
    op.drop_index(
        "account_accountapikeyanalytics_query_params_3fb7d0fb",
        table_name="account_accountapikeyanalytics",
    )
    op.drop_index(
        "account_accountapikeyanalytics_payload_93057d53",
        table_name="account_accountapikeyanalytics",
    )
    op.drop_index(
        "account_accountapikeyanalytics_path_segments_83f45e13",
        table_name="account_accountapikeyanalytics",
    )
    op.drop_index(
        "account_accountapikeyanalytics_error_0791c82e_like",
        table_name="account_accountapikeyanalytics",
        postgresql_ops={"error": "text_pattern_ops"},
    )
    op.drop_index(
        "account_accountapikeyanalytics_error_0791c82e", table_name="account_accountapikeyanalytics"
    )
    op.drop_index(
        "account_accountapikeyanalytics_created_at_9d239fa0",
        table_name="account_accountapikeyanalytics",
    )
    op.drop_index(
        "account_accountapikeyanalytics_base_path_c10e92ca_like",
        table_name="account_accountapikeyanalytics",
        postgresql_ops={"base_path": "varchar_pattern_ops"},
    )
    op.drop_index(
        "account_accountapikeyanalytics_base_path_c10e92ca",
        table_name="account_accountapikeyanalytics",
    )
    op.drop_index(
        "account_accountapikeyanalytics_api_key_id_f30ca19e_like",
        table_name="account_accountapikeyanalytics",
        postgresql_ops={"api_key_id": "varchar_pattern_ops"},
    )
    op.drop_index(
        "account_accountapikeyanalytics_api_key_id_f30ca19e",
        table_name="account_accountapikeyanalytics",
    )
    op.drop_table("account_accountapikeyanalytics")
    op.drop_index("cgrants_subscription_grant_id_f67f3c3d", table_name="cgrants_subscription")
    op.drop_index(
        "cgrants_subscription_contributor_profile_id_4c5a1727", table_name="cgrants_subscription"
    )
    op.drop_table("cgrants_subscription")
    op.drop_index(
        "unique_non_deleted_name_per_account",
        table_name="account_community",
        postgresql_where=sa.text("deleted_at IS NULL"),
        sqlite_where=sa.text("deleted_at IS NULL"),
    )
    op.drop_index(
        "unique_deleted_name_per_account",
        table_name="account_community",
        postgresql_where=sa.text("deleted_at IS NOT NULL"),
        sqlite_where=sa.text("deleted_at IS NOT NULL"),
    )
    op.drop_index("account_community_scorer_id_fdb68128", table_name="account_community")
    op.drop_index(
        "account_community_external_scorer_id_548ec701_like",
        table_name="account_community",
        postgresql_ops={"external_scorer_id": "varchar_pattern_ops"},
    )
    op.drop_index("account_community_account_id_56b17acb", table_name="account_community")
    op.drop_table("account_community")
    op.drop_index(
        "account_accountapikey_prefix_c5b7b286_like",
        table_name="account_accountapikey",
        postgresql_ops={"prefix": "varchar_pattern_ops"},
    )
    op.drop_index(
        "account_accountapikey_id_e59c877a_like",
        table_name="account_accountapikey",
        postgresql_ops={"id": "varchar_pattern_ops"},
    )
    op.drop_index("account_accountapikey_created_e745f4b8", table_name="account_accountapikey")
    op.drop_index("account_accountapikey_account_id_1a2556bc", table_name="account_accountapikey")
    op.drop_table("account_accountapikey")
    op.drop_table("scorer_weighted_weightedscorer")
    op.drop_table("scorer_weighted_binaryweightedscorer")
    op.drop_index("cgrants_grant_hidden_c8ce8ddd", table_name="cgrants_grant")
    op.drop_index("cgrants_grant_admin_profile_id_c17e76f3", table_name="cgrants_grant")
    op.drop_index("cgrants_grant_active_2099dea6", table_name="cgrants_grant")
    op.drop_table("cgrants_grant")
    op.drop_index(
        "ceramic_cache_revocation_revocation_list_id_afc10362",
        table_name="ceramic_cache_revocation",
    )
    op.drop_index(
        "ceramic_cache_revocation_proof_value_8a505018_like",
        table_name="ceramic_cache_revocation",
        postgresql_ops={"proof_value": "varchar_pattern_ops"},
    )
    op.drop_index(
        "ceramic_cache_revocation_proof_value_8a505018", table_name="ceramic_cache_revocation"
    )
    op.drop_table("ceramic_cache_revocation")
    op.drop_index(
        "ceramic_cache_ban_provider_dd34ee8a_like",
        table_name="ceramic_cache_ban",
        postgresql_ops={"provider": "varchar_pattern_ops"},
    )
    op.drop_index("ceramic_cache_ban_provider_dd34ee8a", table_name="ceramic_cache_ban")
    op.drop_index(
        "ceramic_cache_ban_hash_852c49d9_like",
        table_name="ceramic_cache_ban",
        postgresql_ops={"hash": "varchar_pattern_ops"},
    )
    op.drop_index("ceramic_cache_ban_hash_852c49d9", table_name="ceramic_cache_ban")
    op.drop_index("ceramic_cache_ban_end_time_2948ed9a", table_name="ceramic_cache_ban")
    op.drop_index("ceramic_cache_ban_created_at_2ef4f9b1", table_name="ceramic_cache_ban")
    op.drop_index("ceramic_cache_ban_ban_list_id_bb6f132a", table_name="ceramic_cache_ban")
    op.drop_index(
        "ceramic_cache_ban_address_d88c387c_like",
        table_name="ceramic_cache_ban",
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.drop_index("ceramic_cache_ban_address_d88c387c", table_name="ceramic_cache_ban")
    op.drop_table("ceramic_cache_ban")
    op.drop_index(
        "account_addresslistmember_list_id_e4f611a5", table_name="account_addresslistmember"
    )
    op.drop_index(
        "account_addresslistmember_address_eaaf8d99_like",
        table_name="account_addresslistmember",
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.drop_index(
        "account_addresslistmember_address_eaaf8d99", table_name="account_addresslistmember"
    )
    op.drop_table("account_addresslistmember")
    op.drop_index(
        "account_account_address_c4b1bb22_like",
        table_name="account_account",
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.drop_index("account_account_address_c4b1bb22", table_name="account_account")
    op.drop_table("account_account")
    op.drop_index(
        "stake_stake_staker_51f438f8_like",
        table_name="stake_stake",
        postgresql_ops={"staker": "varchar_pattern_ops"},
    )
    op.drop_index("stake_stake_staker_51f438f8", table_name="stake_stake")
    op.drop_index(
        "stake_stake_stakee_1015ebfc_like",
        table_name="stake_stake",
        postgresql_ops={"stakee": "varchar_pattern_ops"},
    )
    op.drop_index("stake_stake_stakee_1015ebfc", table_name="stake_stake")
    op.drop_index("stake_stake_last_updated_in_block_3659538c", table_name="stake_stake")
    op.drop_index("stake_stake_chain_2b875a1d", table_name="stake_stake")
    op.drop_table("stake_stake")
    op.drop_table("scorer_weighted_scorer")
    op.drop_index(
        "registry_humanpointsmultiplier_address_a5b03f79_like",
        table_name="registry_humanpointsmultiplier",
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.drop_table("registry_humanpointsmultiplier")
    op.drop_index(
        "registry_humanpointsconfig_active_0d54ac09", table_name="registry_humanpointsconfig"
    )
    op.drop_index(
        "registry_humanpointsconfig_action_2c596373_like",
        table_name="registry_humanpointsconfig",
        postgresql_ops={"action": "varchar_pattern_ops"},
    )
    op.drop_index("registry_hu_action_230641_idx", table_name="registry_humanpointsconfig")
    op.drop_table("registry_humanpointsconfig")
    op.drop_index(
        "registry_humanpoints_provider_140cbcda_like",
        table_name="registry_humanpoints",
        postgresql_ops={"provider": "varchar_pattern_ops"},
    )
    op.drop_index("registry_humanpoints_provider_140cbcda", table_name="registry_humanpoints")
    op.drop_index("registry_humanpoints_chain_id_a61cab3f", table_name="registry_humanpoints")
    op.drop_index(
        "registry_humanpoints_address_2575ffb6_like",
        table_name="registry_humanpoints",
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.drop_index("registry_humanpoints_address_2575ffb6", table_name="registry_humanpoints")
    op.drop_index(
        "registry_humanpoints_action_2af7c950_like",
        table_name="registry_humanpoints",
        postgresql_ops={"action": "varchar_pattern_ops"},
    )
    op.drop_index("registry_humanpoints_action_2af7c950", table_name="registry_humanpoints")
    op.drop_index("registry_hu_chain_i_646b64_idx", table_name="registry_humanpoints")
    op.drop_index("registry_hu_address_5fea1a_idx", table_name="registry_humanpoints")
    op.drop_table("registry_humanpoints")
    op.drop_index(
        "registry_gtcstakeevent_staker_2d308c09_like",
        table_name="registry_gtcstakeevent",
        postgresql_ops={"staker": "varchar_pattern_ops"},
    )
    op.drop_index("registry_gtcstakeevent_staker_2d308c09", table_name="registry_gtcstakeevent")
    op.drop_index("registry_gtcstakeevent_round_id_aae45d3f", table_name="registry_gtcstakeevent")
    op.drop_index(
        "registry_gtcstakeevent_address_7509de41_like",
        table_name="registry_gtcstakeevent",
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.drop_index("registry_gtcstakeevent_address_7509de41", table_name="registry_gtcstakeevent")
    op.drop_index("gtc_staking_index_by_staker", table_name="registry_gtcstakeevent")
    op.drop_index("gtc_staking_index", table_name="registry_gtcstakeevent")
    op.drop_table("registry_gtcstakeevent")
    op.drop_index(
        "cgrants_squelchedaccounts_address_8effc17b_like",
        table_name="cgrants_squelchedaccounts",
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.drop_index(
        "cgrants_squelchedaccounts_address_8effc17b", table_name="cgrants_squelchedaccounts"
    )
    op.drop_table("cgrants_squelchedaccounts")
    op.drop_index(
        "cgrants_roundmapping_round_eth_address_2898745f_like",
        table_name="cgrants_roundmapping",
        postgresql_ops={"round_eth_address": "varchar_pattern_ops"},
    )
    op.drop_index(
        "cgrants_roundmapping_round_eth_address_2898745f", table_name="cgrants_roundmapping"
    )
    op.drop_table("cgrants_roundmapping")
    op.drop_index(
        "cgrants_protocolcontributions_round_a00f486c_like",
        table_name="cgrants_protocolcontributions",
        postgresql_ops={"round": "varchar_pattern_ops"},
    )
    op.drop_index(
        "cgrants_protocolcontributions_round_a00f486c", table_name="cgrants_protocolcontributions"
    )
    op.drop_index(
        "cgrants_protocolcontributions_project_9247ecff_like",
        table_name="cgrants_protocolcontributions",
        postgresql_ops={"project": "varchar_pattern_ops"},
    )
    op.drop_index(
        "cgrants_protocolcontributions_project_9247ecff", table_name="cgrants_protocolcontributions"
    )
    op.drop_index(
        "cgrants_protocolcontributions_ext_id_c97518f8_like",
        table_name="cgrants_protocolcontributions",
        postgresql_ops={"ext_id": "varchar_pattern_ops"},
    )
    op.drop_index(
        "cgrants_protocolcontributions_contributor_5b32637f_like",
        table_name="cgrants_protocolcontributions",
        postgresql_ops={"contributor": "varchar_pattern_ops"},
    )
    op.drop_index(
        "cgrants_protocolcontributions_contributor_5b32637f",
        table_name="cgrants_protocolcontributions",
    )
    op.drop_index(
        "cgrants_protocolcontributions_amount_6906e261", table_name="cgrants_protocolcontributions"
    )
    op.drop_table("cgrants_protocolcontributions")
    op.drop_index(
        "cgrants_profile_handle_d5972cf8_like",
        table_name="cgrants_profile",
        postgresql_ops={"handle": "varchar_pattern_ops"},
    )
    op.drop_index("cgrants_profile_github_id_f9dd96ad", table_name="cgrants_profile")
    op.drop_table("cgrants_profile")
    op.drop_index(
        "ceramic_cache_revocationlist_name_bc38f860_like",
        table_name="ceramic_cache_revocationlist",
        postgresql_ops={"name": "varchar_pattern_ops"},
    )
    op.drop_index(
        "ceramic_cache_revocationlist_name_bc38f860", table_name="ceramic_cache_revocationlist"
    )
    op.drop_table("ceramic_cache_revocationlist")
    op.drop_index(
        "unique_non_deleted_provider_for_address",
        table_name="ceramic_cache_ceramiccache",
        postgresql_where=sa.text("deleted_at IS NULL"),
        sqlite_where=sa.text("deleted_at IS NULL"),
    )
    op.drop_index(
        "unique_deleted_provider_for_address",
        table_name="ceramic_cache_ceramiccache",
        postgresql_where=sa.text("deleted_at IS NOT NULL"),
        sqlite_where=sa.text("deleted_at IS NOT NULL"),
    )
    op.drop_index(
        "idx_cc_addr_id_not_deleted",
        table_name="ceramic_cache_ceramiccache",
        postgresql_where=sa.text("deleted_at IS NULL"),
        sqlite_where=sa.text("deleted_at IS NULL"),
    )
    op.drop_index(
        "ceramic_cache_ceramiccache_updated_at_bc471b72", table_name="ceramic_cache_ceramiccache"
    )
    op.drop_index(
        "ceramic_cache_ceramiccache_source_scorer_id_95019b25",
        table_name="ceramic_cache_ceramiccache",
    )
    op.drop_index(
        "ceramic_cache_ceramiccache_source_app_c47146d1", table_name="ceramic_cache_ceramiccache"
    )
    op.drop_index(
        "ceramic_cache_ceramiccache_provider_05926089_like",
        table_name="ceramic_cache_ceramiccache",
        postgresql_ops={"provider": "varchar_pattern_ops"},
    )
    op.drop_index(
        "ceramic_cache_ceramiccache_provider_05926089", table_name="ceramic_cache_ceramiccache"
    )
    op.drop_index(
        "ceramic_cache_ceramiccache_proof_value_f0af64e8_like",
        table_name="ceramic_cache_ceramiccache",
        postgresql_ops={"proof_value": "varchar_pattern_ops"},
    )
    op.drop_index(
        "ceramic_cache_ceramiccache_proof_value_f0af64e8", table_name="ceramic_cache_ceramiccache"
    )
    op.drop_index(
        "ceramic_cache_ceramiccache_issuance_date_ba8f7fb8", table_name="ceramic_cache_ceramiccache"
    )
    op.drop_index(
        "ceramic_cache_ceramiccache_expiration_date_a3d52de9",
        table_name="ceramic_cache_ceramiccache",
    )
    op.drop_index(
        "ceramic_cache_ceramiccache_deleted_at_2e65cde1", table_name="ceramic_cache_ceramiccache"
    )
    op.drop_index(
        "ceramic_cache_ceramiccache_created_at_8b8bf604", table_name="ceramic_cache_ceramiccache"
    )
    op.drop_index(
        "ceramic_cache_ceramiccache_compose_db_stream_id_d977c392_like",
        table_name="ceramic_cache_ceramiccache",
        postgresql_ops={"compose_db_stream_id": "varchar_pattern_ops"},
    )
    op.drop_index(
        "ceramic_cache_ceramiccache_compose_db_stream_id_d977c392",
        table_name="ceramic_cache_ceramiccache",
    )
    op.drop_index(
        "ceramic_cache_ceramiccache_compose_db_save_status_ba2798e2_like",
        table_name="ceramic_cache_ceramiccache",
        postgresql_ops={"compose_db_save_status": "varchar_pattern_ops"},
    )
    op.drop_index(
        "ceramic_cache_ceramiccache_compose_db_save_status_ba2798e2",
        table_name="ceramic_cache_ceramiccache",
    )
    op.drop_index(
        "ceramic_cache_ceramiccache_address_a326f586_like",
        table_name="ceramic_cache_ceramiccache",
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.drop_index(
        "ceramic_cache_ceramiccache_address_a326f586", table_name="ceramic_cache_ceramiccache"
    )
    op.drop_table("ceramic_cache_ceramiccache")
    op.drop_index(
        "ceramic_cache_banlist_name_938ecaa7_like",
        table_name="ceramic_cache_banlist",
        postgresql_ops={"name": "varchar_pattern_ops"},
    )
    op.drop_index("ceramic_cache_banlist_name_938ecaa7", table_name="ceramic_cache_banlist")
    op.drop_table("ceramic_cache_banlist")
    op.drop_index(
        "auth_user_username_6821ab7c_like",
        table_name="auth_user",
        postgresql_ops={"username": "varchar_pattern_ops"},
    )
    op.drop_table("auth_user")
    op.drop_index(
        "account_customcredentialruleset_provider_id_f1bc1925_like",
        table_name="account_customcredentialruleset",
        postgresql_ops={"provider_id": "varchar_pattern_ops"},
    )
    op.drop_table("account_customcredentialruleset")
    op.drop_index(
        "account_addresslist_name_141d0b06_like",
        table_name="account_addresslist",
        postgresql_ops={"name": "varchar_pattern_ops"},
    )
    op.drop_table("account_addresslist")
