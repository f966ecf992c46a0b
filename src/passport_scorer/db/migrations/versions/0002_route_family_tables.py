"""Create the tables of the other route families, exactly as the reference's Django migrations do.

Sign-in nonces, customization (allow lists, custom credentials, embed sections), stamp and
weight metadata, terms of service, app notices and batch model scoring. Databases migrated
with 0001 gain these tables; none of 0001's tables change.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 09:46:07.036966
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import passport_scorer.db.types

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "account_customplatform",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("platform_type", sa.String(length=5), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=64), nullable=True),
        sa.Column("icon_url", sa.String(length=64), nullable=True),
        sa.Column("description", sa.String(length=256), nullable=True),
        sa.Column("banner_heading", sa.String(length=64), nullable=True),
        sa.Column("banner_content", sa.String(length=256), nullable=True),
        sa.Column("banner_cta_text", sa.String(length=256), nullable=True),
        sa.Column("banner_cta_url", sa.String(length=256), nullable=True),
        sa.Column("is_evm", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="account_customplatform_pkey"),
        sa.UniqueConstraint("name", name="account_customplatform_name_key"),
    )
    op.create_index(
        "account_customplatform_name_f88110ba_like",
        "account_customplatform",
        ["name"],
        unique=False,
        postgresql_ops={"name": "varchar_pattern_ops"},
    )
    op.create_table(
        "account_embedsectionheader",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id", name="account_embedsectionheader_pkey"),
        sa.UniqueConstraint("name", name="account_embedsectionheader_name_key"),
    )
    op.create_index(
        "account_embedsectionheader_name_c8e8ed60_like",
        "account_embedsectionheader",
        ["name"],
        unique=False,
        postgresql_ops={"name": "varchar_pattern_ops"},
    )
    op.create_table(
        "account_nonce",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("nonce", sa.String(length=60), nullable=False),
        sa.Column(
            "created_on", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False
        ),
        sa.Column("was_used", sa.Boolean(), nullable=False),
        sa.Column("expires_on", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="account_nonce_pkey"),
        sa.UniqueConstraint("nonce", name="account_nonce_nonce_key"),
    )
    op.create_index(
        "account_nonce_nonce_19bf6339_like",
        "account_nonce",
        ["nonce"],
        unique=False,
        postgresql_ops={"nonce": "varchar_pattern_ops"},
    )
    op.create_table(
        "passport_admin_passportbanner",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("link", sa.String(length=200), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("application", sa.String(length=50), nullable=False),
        sa.Column("display_on_all_dashboards", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="passport_admin_passportbanner_pkey"),
    )
    op.create_index(
        "passport_admin_passportbanner_application_e63c877c",
        "passport_admin_passportbanner",
        ["application"],
        unique=False,
    )
    op.create_index(
        "passport_admin_passportbanner_application_e63c877c_like",
        "passport_admin_passportbanner",
        ["application"],
        unique=False,
        postgresql_ops={"application": "varchar_pattern_ops"},
    )
    op.create_table(
        "passport_admin_systemtestrun",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("timestamp", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=True),
        sa.Column("finished", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="passport_admin_systemtestrun_pkey"),
    )
    op.create_index(
        "passport_admin_systemtestrun_timestamp_003896b1",
        "passport_admin_systemtestrun",
        ["timestamp"],
        unique=False,
    )
    op.create_table(
        "registry_batchmodelscoringrequest",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column(
            "created_at", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False
        ),
        sa.Column("s3_filename", sa.String(length=100), nullable=False),
        sa.Column("model_list", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("input_addresses_file", sa.String(length=100), nullable=True),
        sa.Column(
            "last_progress_update",
            passport_scorer.db.types.TimestampTZ(timezone=True),
            nullable=True,
        ),
        sa.Column("results_file", sa.String(length=100), nullable=True),
        sa.Column("trigger_processing_file", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id", name="registry_batchmodelscoringrequest_pkey"),
    )
    op.create_index(
        "registry_batchmodelscoringrequest_s3_filename_b29bfee0",
        "registry_batchmodelscoringrequest",
        ["s3_filename"],
        unique=False,
    )
    op.create_index(
        "registry_batchmodelscoringrequest_s3_filename_b29bfee0_like",
        "registry_batchmodelscoringrequest",
        ["s3_filename"],
        unique=False,
        postgresql_ops={"s3_filename": "varchar_pattern_ops"},
    )
    op.create_index(
        "registry_batchmodelscoringrequest_status_1e39ea57",
        "registry_batchmodelscoringrequest",
        ["status"],
        unique=False,
    )
    op.create_index(
        "registry_batchmodelscoringrequest_status_1e39ea57_like",
        "registry_batchmodelscoringrequest",
        ["status"],
        unique=False,
        postgresql_ops={"status": "varchar_pattern_ops"},
    )
    op.create_table(
        "registry_platformmetadata",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("platform_id", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id", name="registry_platformmetadata_pkey"),
        sa.UniqueConstraint("platform_id", name="registry_platformmetadata_platform_id_key"),
    )
    op.create_index(
        "registry_platformmetadata_platform_id_4cfe4071_like",
        "registry_platformmetadata",
        ["platform_id"],
        unique=False,
        postgresql_ops={"platform_id": "varchar_pattern_ops"},
    )
    op.create_table(
        "registry_weightconfiguration",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("version", sa.String(length=50), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False
        ),
        sa.Column("threshold", sa.Double(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("csv_source", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id", name="registry_weightconfiguration_pkey"),
        sa.UniqueConstraint("version", name="registry_weightconfiguration_version_key"),
    )
    op.create_index(
        "registry_weightconfiguration_version_dd3c204b_like",
        "registry_weightconfiguration",
        ["version"],
        unique=False,
        postgresql_ops={"version": "varchar_pattern_ops"},
    )
    op.create_index(
        "unique_active_weight_configuration",
        "registry_weightconfiguration",
        ["active"],
        unique=True,
        postgresql_where=sa.text("active"),
        sqlite_where=sa.text("active"),
    )
    op.create_table(
        "tos_tos",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column(
            "created_at", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False
        ),
        sa.Column(
            "modified_at", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False
        ),
        sa.Column("type", sa.String(length=3), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("final", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="tos_tos_pkey"),
    )
    op.create_index(
        "Only 1 active final tos is allowed for any given type",
        "tos_tos",
        ["type", "final", "active"],
        unique=True,
        postgresql_where=sa.text("active AND final"),
        sqlite_where=sa.text("active AND final"),
    )
    op.create_index("tos_tos_type_8eb81af0", "tos_tos", ["type"], unique=False)
    op.create_index(
        "tos_tos_type_8eb81af0_like",
        "tos_tos",
        ["type"],
        unique=False,
        postgresql_ops={"type": "varchar_pattern_ops"},
    )
    op.create_table(
        "passport_admin_dismissedbanners",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("address", sa.String(length=42), nullable=False),
        sa.Column("banner_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["banner_id"],
            ["passport_admin_passportbanner.id"],
            name="passport_admin_dismi_banner_id_f9734da0_fk_passport_",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="passport_admin_dismissedbanners_pkey"),
    )
    op.create_index(
        "passport_admin_dismissedbanners_banner_id_f9734da0",
        "passport_admin_dismissedbanners",
        ["banner_id"],
        unique=False,
    )
    op.create_table(
        "passport_admin_systemtestresult",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column(
            "category",
            sa.JSON(none_as_null=True).with_variant(
                postgresql.JSONB(none_as_null=True, astext_type=sa.Text()), "postgresql"
            ),
            nullable=False,
        ),
        sa.Column("success", sa.Boolean(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("timestamp", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False),
        sa.Column("run_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["passport_admin_systemtestrun.id"],
            name="passport_admin_syste_run_id_c1f157bf_fk_passport_",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="passport_admin_systemtestresult_pkey"),
    )
    op.create_index(
        "passport_admin_systemtestresult_name_6d6305dc",
        "passport_admin_systemtestresult",
        ["name"],
        unique=False,
    )
    op.create_index(
        "passport_admin_systemtestresult_name_6d6305dc_like",
        "passport_admin_systemtestresult",
        ["name"],
        unique=False,
        postgresql_ops={"name": "varchar_pattern_ops"},
    )
    op.create_index(
        "passport_admin_systemtestresult_run_id_c1f157bf",
        "passport_admin_systemtestresult",
        ["run_id"],
        unique=False,
    )
    op.create_index(
        "passport_admin_systemtestresult_timestamp_09d4a189",
        "passport_admin_systemtestresult",
        ["timestamp"],
        unique=False,
    )
    op.create_table(
        "registry_batchmodelscoringrequestitem",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=42), nullable=False),
        sa.Column(
            "result",
            sa.JSON(none_as_null=True).with_variant(
                postgresql.JSONB(none_as_null=True, astext_type=sa.Text()), "postgresql"
            ),
            nullable=True,
        ),
        sa.Column("batch_scoring_request_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_scoring_request_id"],
            ["registry_batchmodelscoringrequest.id"],
            name="registry_batchmodels_batch_scoring_reques_1b4411d4_fk_registry_",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="registry_batchmodelscoringrequestitem_pkey"),
        sa.UniqueConstraint(
            "batch_scoring_request_id",
            "address",
            name="registry_batchmodelscori_batch_scoring_request_id_84025355_uniq",
        ),
    )
    op.create_index(
        "registry_batchmodelscoring_batch_scoring_request_id_1b4411d4",
        "registry_batchmodelscoringrequestitem",
        ["batch_scoring_request_id"],
        unique=False,
    )
    op.create_index(
        "registry_batchmodelscoringrequestitem_address_db1c05fb",
        "registry_batchmodelscoringrequestitem",
        ["address"],
        unique=False,
    )
    op.create_index(
        "registry_batchmodelscoringrequestitem_address_db1c05fb_like",
        "registry_batchmodelscoringrequestitem",
        ["address"],
        unique=False,
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.create_index(
        "registry_batchmodelscoringrequestitem_status_3792db9d",
        "registry_batchmodelscoringrequestitem",
        ["status"],
        unique=False,
    )
    op.create_index(
        "registry_batchmodelscoringrequestitem_status_3792db9d_like",
        "registry_batchmodelscoringrequestitem",
        ["status"],
        unique=False,
        postgresql_ops={"status": "varchar_pattern_ops"},
    )
    op.create_table(
        "registry_stampmetadata",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("provider", sa.String(length=100), nullable=False),
        sa.Column("is_beta", sa.Boolean(), nullable=False),
        sa.Column("platform_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["registry_platformmetadata.id"],
            name="registry_stampmetada_platform_id_2db1cda7_fk_registry_",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="registry_stampmetadata_pkey"),
        sa.UniqueConstraint("provider", name="registry_stampmetadata_provider_key"),
    )
    op.create_index(
        "registry_stampmetadata_platform_id_2db1cda7",
        "registry_stampmetadata",
        ["platform_id"],
        unique=False,
    )
    op.create_index(
        "registry_stampmetadata_provider_c1e63c14_like",
        "registry_stampmetadata",
        ["provider"],
        unique=False,
        postgresql_ops={"provider": "varchar_pattern_ops"},
    )
    op.create_table(
        "tos_tosacceptanceproof",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column(
            "created_at", passport_scorer.db.types.TimestampTZ(timezone=True), nullable=False
        ),
        sa.Column("address", sa.String(length=42), nullable=False),
        sa.Column("signature", sa.String(length=132), nullable=False),
        sa.Column("nonce", sa.String(length=60), nullable=False),
        sa.Column("tos_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tos_id"],
            ["tos_tos.id"],
            name="tos_tosacceptanceproof_tos_id_b93bc3e2_fk_tos_tos_id",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="tos_tosacceptanceproof_pkey"),
        sa.UniqueConstraint("nonce", name="tos_tosacceptanceproof_nonce_key"),
        sa.UniqueConstraint(
            "tos_id", "address", name="tos_tosacceptanceproof_tos_id_address_944e91c7_uniq"
        ),
    )
    op.create_index(
        "tos_tosacceptanceproof_nonce_5cddfc59_like",
        "tos_tosacceptanceproof",
        ["nonce"],
        unique=False,
        postgresql_ops={"nonce": "varchar_pattern_ops"},
    )
    op.create_index(
        "tos_tosacceptanceproof_tos_id_b93bc3e2", "tos_tosacceptanceproof", ["tos_id"], unique=False
    )
    op.create_table(
        "registry_weightconfigurationitem",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("provider", sa.String(length=100), nullable=False),
        sa.Column("weight", sa.Double(), nullable=False),
        sa.Column("weight_configuration_id", sa.BigInteger(), nullable=False),
        sa.Column("stamp_metadata_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["stamp_metadata_id"],
            ["registry_stampmetadata.id"],
            name="registry_weightconfi_stamp_metadata_id_45946ad6_fk_registry_",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["weight_configuration_id"],
            ["registry_weightconfiguration.id"],
            name="registry_weightconfi_weight_configuration_e19e8710_fk_registry_",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="registry_weightconfigurationitem_pkey"),
        sa.UniqueConstraint(
            "weight_configuration_id",
            "provider",
            name="registry_weightconfigura_weight_configuration_id__b10abd40_uniq",
        ),
    )
    op.create_index(
        "registry_weightconfigurati_weight_configuration_id_e19e8710",
        "registry_weightconfigurationitem",
        ["weight_configuration_id"],
        unique=False,
    )
    op.create_index(
        "registry_weightconfigurationitem_stamp_metadata_id_45946ad6",
        "registry_weightconfigurationitem",
        ["stamp_metadata_id"],
        unique=False,
    )
    op.create_table(
        "passport_admin_notification",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("notification_id", sa.String(length=255), nullable=False),
        sa.Column("type", sa.String(length=50), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("link", sa.String(length=255), nullable=True),
        sa.Column("link_text", sa.String(length=255), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Date(), nullable=False),
        sa.Column("expires_at", sa.Date(), nullable=True),
        sa.Column("eth_address", sa.String(length=42), nullable=True),
        sa.Column("community_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["account_community.id"],
            name="passport_admin_notif_community_id_9896ef85_fk_account_c",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="passport_admin_notification_pkey"),
        sa.UniqueConstraint(
            "notification_id", name="passport_admin_notification_notification_id_key"
        ),
    )
    op.create_index(
        "passport_admin_notification_community_id_9896ef85",
        "passport_admin_notification",
        ["community_id"],
        unique=False,
    )
    op.create_index(
        "passport_admin_notification_created_at_50b27616",
        "passport_admin_notification",
        ["created_at"],
        unique=False,
    )
    op.create_index(
        "passport_admin_notification_eth_address_ab8d7cdd",
        "passport_admin_notification",
        ["eth_address"],
        unique=False,
    )
    op.create_index(
        "passport_admin_notification_eth_address_ab8d7cdd_like",
        "passport_admin_notification",
        ["eth_address"],
        unique=False,
        postgresql_ops={"eth_address": "varchar_pattern_ops"},
    )
    op.create_index(
        "passport_admin_notification_expires_at_f4b46eb9",
        "passport_admin_notification",
        ["expires_at"],
        unique=False,
    )
    op.create_index(
        "passport_admin_notification_is_active_4894e950",
        "passport_admin_notification",
        ["is_active"],
        unique=False,
    )
    op.create_index(
        "passport_admin_notification_notification_id_1d2173f4_like",
        "passport_admin_notification",
        ["notification_id"],
        unique=False,
        postgresql_ops={"notification_id": "varchar_pattern_ops"},
    )
    op.create_index(
        "passport_admin_notification_type_433ef3b6",
        "passport_admin_notification",
        ["type"],
        unique=False,
    )
    op.create_index(
        "passport_admin_notification_type_433ef3b6_like",
        "passport_admin_notification",
        ["type"],
        unique=False,
        postgresql_ops={"type": "varchar_pattern_ops"},
    )
    op.create_table(
        "account_allowlist",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column(
            "weight", passport_scorer.db.types.ExactNumeric(precision=7, scale=4), nullable=False
        ),
        sa.Column("address_list_id", sa.BigInteger(), nullable=False),
        sa.Column("customization_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["address_list_id"],
            ["account_addresslist.id"],
            name="account_allowlist_address_list_id_2e8eb2ee_fk_account_a",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["customization_id"],
            ["account_customization.id"],
            name="account_allowlist_customization_id_28db4778_fk_account_c",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="account_allowlist_pkey"),
    )
    op.create_index(
        "account_allowlist_address_list_id_2e8eb2ee",
        "account_allowlist",
        ["address_list_id"],
        unique=False,
    )
    op.create_index(
        "account_allowlist_customization_id_28db4778",
        "account_allowlist",
        ["customization_id"],
        unique=False,
    )
    op.create_table(
        "account_customcredential",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column(
            "weight", passport_scorer.db.types.ExactNumeric(precision=7, scale=4), nullable=False
        ),
        sa.Column("display_name", sa.String(length=64), nullable=False),
        sa.Column("description", sa.String(length=256), nullable=True),
        sa.Column("customization_id", sa.BigInteger(), nullable=False),
        sa.Column("platform_id", sa.BigInteger(), nullable=False),
        sa.Column("ruleset_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customization_id"],
            ["account_customization.id"],
            name="account_customcreden_customization_id_9f3ca665_fk_account_c",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["account_customplatform.id"],
            name="account_customcreden_platform_id_a560e785_fk_account_c",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["ruleset_id"],
            ["account_customcredentialruleset.id"],
            name="account_customcreden_ruleset_id_379112c2_fk_account_c",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="account_customcredential_pkey"),
    )
    op.create_index(
        "account_customcredential_customization_id_9f3ca665",
        "account_customcredential",
        ["customization_id"],
        unique=False,
    )
    op.create_index(
        "account_customcredential_platform_id_a560e785",
        "account_customcredential",
        ["platform_id"],
        unique=False,
    )
    op.create_index(
        "account_customcredential_ruleset_id_379112c2",
        "account_customcredential",
        ["ruleset_id"],
        unique=False,
    )
    op.create_table(
        "account_embedsectionorder",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("order", sa.Integer(), nullable=False),
        sa.Column("customization_id", sa.BigInteger(), nullable=False),
        sa.Column("section_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customization_id"],
            ["account_customization.id"],
            name="account_embedsection_customization_id_09f8ae57_fk_account_c",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["section_id"],
            ["account_embedsectionheader.id"],
            name="account_embedsectionorder_section_id_840109b0_fk",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="account_embedsectionorder_pkey"),
        sa.UniqueConstraint(
            "customization_id",
            "section_id",
            name="account_embedsectionorde_customization_id_section_2eab805a_uniq",
        ),
    )
    op.create_index(
        "account_embedsectionorder_customization_id_09f8ae57",
        "account_embedsectionorder",
        ["customization_id"],
        unique=False,
    )
    op.create_index(
        "account_embedsectionorder_section_id_840109b0",
        "account_embedsectionorder",
        ["section_id"],
        unique=False,
    )
    op.create_table(
        "account_embedstampplatform",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("order", sa.Integer(), nullable=False),
        sa.Column("customization_id", sa.BigInteger(), nullable=False),
        sa.Column("section_id", sa.BigInteger(), nullable=False),
        sa.Column("platform_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customization_id"],
            ["account_customization.id"],
            name="account_embedstamppl_customization_id_6b544d49_fk_account_c",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["registry_platformmetadata.id"],
            name="account_embedstamppl_platform_id_8ee80cb9_fk_registry_",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["section_id"],
            ["account_embedsectionheader.id"],
            name="account_embedstampplatform_section_id_3c4418f0_fk",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="account_embedstampplatform_pkey"),
        sa.UniqueConstraint(
            "customization_id",
            "platform_id",
            name="account_embedstampplatfo_customization_id_platfor_478f90b6_uniq",
        ),
    )
    op.create_index(
        "account_embedstampplatform_customization_id_6b544d49",
        "account_embedstampplatform",
        ["customization_id"],
        unique=False,
    )
    op.create_index(
        "account_embedstampplatform_platform_id_8ee80cb9",
        "account_embedstampplatform",
        ["platform_id"],
        unique=False,
    )
    op.create_index(
        "account_embedstampplatform_section_id_3c4418f0",
        "account_embedstampplatform",
        ["section_id"],
        unique=False,
    )
    op.create_table(
        "account_includedchainid",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("chain_id", sa.String(length=200), nullable=False),
        sa.Column("customization_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customization_id"],
            ["account_customization.id"],
            name="account_includedchai_customization_id_efe0b943_fk_account_c",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="account_includedchainid_pkey"),
        sa.UniqueConstraint(
            "chain_id",
            "customization_id",
            name="account_includedchainid_chain_id_customization_id_7e72c4c7_uniq",
        ),
    )
    op.create_index(
        "account_includedchainid_customization_id_efe0b943",
        "account_includedchainid",
        ["customization_id"],
        unique=False,
    )
    op.create_table(
        "passport_admin_notificationstatus",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False, start=1, increment=1),
            nullable=False,
        ),
        sa.Column("is_read", sa.Boolean(), nullable=False),
        sa.Column("is_deleted", sa.Boolean(), nullable=False),
        sa.Column("eth_address", sa.String(length=42), nullable=False),
        sa.Column("notification_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["notification_id"],
            ["passport_admin_notification.id"],
            name="passport_admin_notif_notification_id_acdcb74a_fk_passport_",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name="passport_admin_notificationstatus_pkey"),
    )
    op.create_index(
        "passport_admin_notificationstatus_eth_address_a493bb99",
        "passport_admin_notificationstatus",
        ["eth_address"],
        unique=False,
    )
    op.create_index(
        "passport_admin_notificationstatus_eth_address_a493bb99_like",
        "passport_admin_notificationstatus",
        ["eth_address"],
        unique=False,
        postgresql_ops={"eth_address": "varchar_pattern_ops"},
    )
    op.create_index(
        "passport_admin_notificationstatus_is_deleted_60338f92",
        "passport_admin_notificationstatus",
        ["is_deleted"],
        unique=False,
    )
    op.create_index(
        "passport_admin_notificationstatus_is_read_7cfef409",
        "passport_admin_notificationstatus",
        ["is_read"],
        unique=False,
    )
    op.create_index(
        "passport_admin_notificationstatus_notification_id_acdcb74a",
        "passport_admin_notificationstatus",
        ["notification_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        "passport_admin_notificationstatus_notification_id_acdcb74a",
        table_name="passport_admin_notificationstatus",
    )
    op.drop_index(
        "passport_admin_notificationstatus_is_read_7cfef409",
        table_name="passport_admin_notificationstatus",
    )
    op.drop_index(
        "passport_admin_notificationstatus_is_deleted_60338f92",
        table_name="passport_admin_notificationstatus",
    )
    op.drop_index(
        "passport_admin_notificationstatus_eth_address_a493bb99_like",
        table_name="passport_admin_notificationstatus",
        postgresql_ops={"eth_address": "varchar_pattern_ops"},
    )
    op.drop_index(
        "passport_admin_notificationstatus_eth_address_a493bb99",
        table_name="passport_admin_notificationstatus",
    )
    op.drop_table("passport_admin_notificationstatus")
    op.drop_index(
        "account_includedchainid_customization_id_efe0b943", table_name="account_includedchainid"
    )
    op.drop_table("account_includedchainid")
    op.drop_index(
        "account_embedstampplatform_section_id_3c4418f0", table_name="account_embedstampplatform"
    )
    op.drop_index(
        "account_embedstampplatform_platform_id_8ee80cb9", table_name="account_embedstampplatform"
    )
    op.drop_index(
        "account_embedstampplatform_customization_id_6b544d49",
        table_name="account_embedstampplatform",
    )
    op.drop_table("account_embedstampplatform")
    op.drop_index(
        "account_embedsectionorder_section_id_840109b0", table_name="account_embedsectionorder"
    )
    op.drop_index(
        "account_embedsectionorder_customization_id_09f8ae57",
        table_name="account_embedsectionorder",
    )
    op.drop_table("account_embedsectionorder")
    op.drop_index(
        "account_customcredential_ruleset_id_379112c2", table_name="account_customcredential"
    )
    op.drop_index(
        "account_customcredential_platform_id_a560e785", table_name="account_customcredential"
    )
    op.drop_index(
        "account_customcredential_customization_id_9f3ca665", table_name="account_customcredential"
    )
    op.drop_table("account_customcredential")
    op.drop_index("account_allowlist_customization_id_28db4778", table_name="account_allowlist")
    op.drop_index("account_allowlist_address_list_id_2e8eb2ee", table_name="account_allowlist")
    op.drop_table("account_allowlist")
    op.drop_index(
        "passport_admin_notification_type_433ef3b6_like",
        table_name="passport_admin_notification",
        postgresql_ops={"type": "varchar_pattern_ops"},
    )
    op.drop_index(
        "passport_admin_notification_type_433ef3b6", table_name="passport_admin_notification"
    )
    op.drop_index(
        "passport_admin_notification_notification_id_1d2173f4_like",
        table_name="passport_admin_notification",
        postgresql_ops={"notification_id": "varchar_pattern_ops"},
    )
    op.drop_index(
        "passport_admin_notification_is_active_4894e950", table_name="passport_admin_notification"
    )
    op.drop_index(
        "passport_admin_notification_expires_at_f4b46eb9", table_name="passport_admin_notification"
    )
    op.drop_index(
        "passport_admin_notification_eth_address_ab8d7cdd_like",
        table_name="passport_admin_notification",
        postgresql_ops={"eth_address": "varchar_pattern_ops"},
    )
    op.drop_index(
        "passport_admin_notification_eth_address_ab8d7cdd", table_name="passport_admin_notification"
    )
    op.drop_index(
        "passport_admin_notification_created_at_50b27616", table_name="passport_admin_notification"
    )
    op.drop_index(
        "passport_admin_notification_community_id_9896ef85",
        table_name="passport_admin_notification",
    )
    op.drop_table("passport_admin_notification")
    op.drop_index(
        "registry_weightconfigurationitem_stamp_metadata_id_45946ad6",
        table_name="registry_weightconfigurationitem",
    )
    op.drop_index(
        "registry_weightconfigurati_weight_configuration_id_e19e8710",
        table_name="registry_weightconfigurationitem",
    )
    op.drop_table("registry_weightconfigurationitem")
    op.drop_index("tos_tosacceptanceproof_tos_id_b93bc3e2", table_name="tos_tosacceptanceproof")
    op.drop_index(
        "tos_tosacceptanceproof_nonce_5cddfc59_like",
        table_name="tos_tosacceptanceproof",
        postgresql_ops={"nonce": "varchar_pattern_ops"},
    )
    op.drop_table("tos_tosacceptanceproof")
    op.drop_index(
        "registry_stampmetadata_provider_c1e63c14_like",
        table_name="registry_stampmetadata",
        postgresql_ops={"provider": "varchar_pattern_ops"},
    )
    op.drop_index(
        "registry_stampmetadata_platform_id_2db1cda7", table_name="registry_stampmetadata"
    )
    op.drop_table("registry_stampmetadata")
    op.drop_index(
        "registry_batchmodelscoringrequestitem_status_3792db9d_like",
        table_name="registry_batchmodelscoringrequestitem",
        postgresql_ops={"status": "varchar_pattern_ops"},
    )
    op.drop_index(
        "registry_batchmodelscoringrequestitem_status_3792db9d",
        table_name="registry_batchmodelscoringrequestitem",
    )
    op.drop_index(
        "registry_batchmodelscoringrequestitem_address_db1c05fb_like",
        table_name="registry_batchmodelscoringrequestitem",
        postgresql_ops={"address": "varchar_pattern_ops"},
    )
    op.drop_index(
        "registry_batchmodelscoringrequestitem_address_db1c05fb",
        table_name="registry_batchmodelscoringrequestitem",
    )
    op.drop_index(
        "registry_batchmodelscoring_batch_scoring_request_id_1b4411d4",
        table_name="registry_batchmodelscoringrequestitem",
    )
    op.drop_table("registry_batchmodelscoringrequestitem")
    op.drop_index(
        "passport_admin_systemtestresult_timestamp_09d4a189",
        table_name="passport_admin_systemtestresult",
    )
    op.drop_index(
        "passport_admin_systemtestresult_run_id_c1f157bf",
        table_name="passport_admin_systemtestresult",
    )
    op.drop_index(
        "passport_admin_systemtestresult_name_6d6305dc_like",
        table_name="passport_admin_systemtestresult",
        postgresql_ops={"name": "varchar_pattern_ops"},
    )
    op.drop_index(
        "passport_admin_systemtestresult_name_6d6305dc",
        table_name="passport_admin_systemtestresult",
    )
    op.drop_table("passport_admin_systemtestresult")
    op.drop_index(
        "passport_admin_dismissedbanners_banner_id_f9734da0",
        table_name="passport_admin_dismissedbanners",
    )
    op.drop_table("passport_admin_dismissedbanners")
    op.drop_index(
        "tos_tos_type_8eb81af0_like",
        table_name="tos_tos",
        postgresql_ops={"type": "varchar_pattern_ops"},
    )
    op.drop_index("tos_tos_type_8eb81af0", table_name="tos_tos")
    op.drop_index(
        "Only 1 active final tos is allowed for any given type",
        table_name="tos_tos",
        postgresql_where=sa.text("active AND final"),
        sqlite_where=sa.text("active AND final"),
    )
    op.drop_table("tos_tos")
    op.drop_index(
        "unique_active_weight_configuration",
        table_name="registry_weightconfiguration",
        postgresql_where=sa.text("active"),
        sqlite_where=sa.text("active"),
    )
    op.drop_index(
        "registry_weightconfiguration_version_dd3c204b_like",
        table_name="registry_weightconfiguration",
        postgresql_ops={"version": "varchar_pattern_ops"},
    )
    op.drop_table("registry_weightconfiguration")
    op.drop_index(
        "registry_platformmetadata_platform_id_4cfe4071_like",
        table_name="registry_platformmetadata",
        postgresql_ops={"platform_id": "varchar_pattern_ops"},
    )
    op.drop_table("registry_platformmetadata")
    op.drop_index(
        "registry_batchmodelscoringrequest_status_1e39ea57_like",
        table_name="registry_batchmodelscoringrequest",
        postgresql_ops={"status": "varchar_pattern_ops"},
    )
    op.drop_index(
        "registry_batchmodelscoringrequest_status_1e39ea57",
        table_name="registry_batchmodelscoringrequest",
    )
    op.drop_index(
        "registry_batchmodelscoringrequest_s3_filename_b29bfee0_like",
        table_name="registry_batchmodelscoringrequest",
        postgresql_ops={"s3_filename": "varchar_pattern_ops"},
    )
    op.drop_index(
        "registry_batchmodelscoringrequest_s3_filename_b29bfee0",
        table_name="registry_batchmodelscoringrequest",
    )
    op.drop_table("registry_batchmodelscoringrequest")
    op.drop_index(
        "passport_admin_systemtestrun_timestamp_003896b1", table_name="passport_admin_systemtestrun"
    )
    op.drop_table("passport_admin_systemtestrun")
    op.drop_index(
        "passport_admin_passportbanner_application_e63c877c_like",
        table_name="passport_admin_passportbanner",
        postgresql_ops={"application": "varchar_pattern_ops"},
    )
    op.drop_index(
        "passport_admin_passportbanner_application_e63c877c",
        table_name="passport_admin_passportbanner",
    )
    op.drop_table("passport_admin_passportbanner")
    op.drop_index(
        "account_nonce_nonce_19bf6339_like",
        table_name="account_nonce",
        postgresql_ops={"nonce": "varchar_pattern_ops"},
    )
    op.drop_table("account_nonce")
    op.drop_index(
        "account_embedsectionheader_name_c8e8ed60_like",
        table_name="account_embedsectionheader",
        postgresql_ops={"name": "varchar_pattern_ops"},
    )
    op.drop_table("account_embedsectionheader")
    op.drop_index(
        "account_customplatform_name_f88110ba_like",
        table_name="account_customplatform",
        postgresql_ops={"name": "varchar_pattern_ops"},
    )
    op.drop_table("account_customplatform")
