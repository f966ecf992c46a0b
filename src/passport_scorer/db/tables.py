"""The Passport tables, exactly as the reference's Django migrations create them.

Names, types, nullability, constraints and indexes mirror the reference schema
(Django 4.2 on PostgreSQL): no column defaults in the database, every foreign
key `DEFERRABLE INITIALLY DEFERRED` with no ON DELETE action. Our migrations are
generated from this metadata, and a test compares the migrated Postgres catalog
with the reference DDL.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Double,
    ForeignKeyConstraint,
    Identity,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from passport_scorer.db.types import (
    BigIdentityType,
    ExactNumeric,
    IntIdentityType,
    JsonB,
    TimestampTZ,
)

metadata = MetaData()


account_account = Table(
    "account_account",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("address", String(100), nullable=False),
    Column("user_id", Integer(), nullable=False),
    ForeignKeyConstraint(
        ["user_id"],
        ["auth_user.id"],
        name="account_account_user_id_8d4f4816_fk_auth_user_id",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="account_account_pkey"),
    UniqueConstraint("user_id", name="account_account_user_id_key"),
    Index("account_account_address_c4b1bb22", "address"),
    Index(
        "account_account_address_c4b1bb22_like",
        "address",
        postgresql_ops={"address": "varchar_pattern_ops"},
    ),
)


account_accountapikey = Table(
    "account_accountapikey",
    metadata,
    Column("id", String(150), nullable=False),
    Column("prefix", String(8), nullable=False),
    Column("hashed_key", String(150), nullable=False),
    Column("created", TimestampTZ(), nullable=False),
    Column("name", String(50), nullable=False),
    Column("revoked", Boolean(), nullable=False),
    Column("expiry_date", TimestampTZ(), nullable=True),
    Column("account_id", BigInteger(), nullable=False),
    Column("rate_limit", String(20), nullable=True),
    Column("create_scorers", Boolean(), nullable=False),
    Column("read_scores", Boolean(), nullable=False),
    Column("submit_passports", Boolean(), nullable=False),
    Column("analysis_rate_limit", String(20), nullable=True),
    Column("historical_endpoint", Boolean(), nullable=False),
    Column("embed_rate_limit", String(20), nullable=True),
    Column("hashed_key_sha256", String(71), nullable=True),
    ForeignKeyConstraint(
        ["account_id"],
        ["account_account.id"],
        name="account_accountapikey_account_id_1a2556bc_fk_account_account_id",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="account_accountapikey_pkey"),
    UniqueConstraint("prefix", name="account_accountapikey_prefix_key"),
    Index("account_accountapikey_account_id_1a2556bc", "account_id"),
    Index("account_accountapikey_created_e745f4b8", "created"),
    Index(
        "account_accountapikey_id_e59c877a_like", "id", postgresql_ops={"id": "varchar_pattern_ops"}
    ),
    Index(
        "account_accountapikey_prefix_c5b7b286_like",
        "prefix",
        postgresql_ops={"prefix": "varchar_pattern_ops"},
    ),
)


account_accountapikeyanalytics = Table(
    "account_accountapikeyanalytics",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("created_at", TimestampTZ(), nullable=True),
    Column("path", String(1000), nullable=False),
    Column("api_key_id", String(150), nullable=False),
    Column("base_path", String(200), nullable=True),
    Column("error", Text(), nullable=True),
    Column("headers", JsonB, nullable=True),
    Column("path_segments", JsonB, nullable=True),
    Column("payload", JsonB, nullable=True),
    Column("query_params", JsonB, nullable=True),
    Column("response", JsonB, nullable=True),
    Column("response_skipped", Boolean(), nullable=True),
    Column("status_code", Integer(), nullable=True),
    ForeignKeyConstraint(
        ["api_key_id"],
        ["account_accountapikey.id"],
        name="account_accountapike_api_key_id_f30ca19e_fk_account_a",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="account_accountapikeyanalytics_pkey"),
    Index("account_accountapikeyanalytics_api_key_id_f30ca19e", "api_key_id"),
    Index(
        "account_accountapikeyanalytics_api_key_id_f30ca19e_like",
        "api_key_id",
        postgresql_ops={"api_key_id": "varchar_pattern_ops"},
    ),
    Index("account_accountapikeyanalytics_base_path_c10e92ca", "base_path"),
    Index(
        "account_accountapikeyanalytics_base_path_c10e92ca_like",
        "base_path",
        postgresql_ops={"base_path": "varchar_pattern_ops"},
    ),
    Index("account_accountapikeyanalytics_created_at_9d239fa0", "created_at"),
    Index("account_accountapikeyanalytics_error_0791c82e", "error"),
    Index(
        "account_accountapikeyanalytics_error_0791c82e_like",
        "error",
        postgresql_ops={"error": "text_pattern_ops"},
    ),
    Index("account_accountapikeyanalytics_path_segments_83f45e13", "path_segments"),
    Index("account_accountapikeyanalytics_payload_93057d53", "payload"),
    Index("account_accountapikeyanalytics_query_params_3fb7d0fb", "query_params"),
    Index("account_accountapikeyanalytics_response_skipped_6bd76337", "response_skipped"),
    Index("account_accountapikeyanalytics_status_code_4c74877c", "status_code"),
)


account_addresslist = Table(
    "account_addresslist",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("name", String(100), nullable=False),
    PrimaryKeyConstraint("id", name="account_addresslist_pkey"),
    UniqueConstraint("name", name="account_addresslist_name_key"),
    Index(
        "account_addresslist_name_141d0b06_like",
        "name",
        postgresql_ops={"name": "varchar_pattern_ops"},
    ),
)


account_addresslistmember = Table(
    "account_addresslistmember",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("address", String(100), nullable=False),
    Column("list_id", BigInteger(), nullable=False),
    ForeignKeyConstraint(
        ["list_id"],
        ["account_addresslist.id"],
        name="account_addresslistm_list_id_e4f611a5_fk_account_a",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="account_addresslistmember_pkey"),
    UniqueConstraint(
        "address", "list_id", name="account_addresslistmember_address_list_id_671a99b1_uniq"
    ),
    Index("account_addresslistmember_address_eaaf8d99", "address"),
    Index(
        "account_addresslistmember_address_eaaf8d99_like",
        "address",
        postgresql_ops={"address": "varchar_pattern_ops"},
    ),
    Index("account_addresslistmember_list_id_e4f611a5", "list_id"),
)


account_community = Table(
    "account_community",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("name", String(100), nullable=False),
    Column("description", String(100), nullable=False),
    Column("account_id", BigInteger(), nullable=False),
    Column("scorer_id", BigInteger(), nullable=False),
    Column("created_at", TimestampTZ(), nullable=True),
    Column("rule", String(100), nullable=False),
    Column("use_case", String(100), nullable=True),
    Column("deleted_at", TimestampTZ(), nullable=True),
    Column("external_scorer_id", String(42), nullable=True),
    Column("human_points_program", Boolean(), nullable=False),
    ForeignKeyConstraint(
        ["account_id"],
        ["account_account.id"],
        name="account_community_account_id_56b17acb_fk_account_account_id",
        deferrable=True,
        initially="DEFERRED",
    ),
    ForeignKeyConstraint(
        ["scorer_id"],
        ["scorer_weighted_scorer.id"],
        name="account_community_scorer_id_fdb68128_fk_scorer_we",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="account_community_pkey"),
    UniqueConstraint("external_scorer_id", name="account_community_external_scorer_id_key"),
    Index("account_community_account_id_56b17acb", "account_id"),
    Index(
        "account_community_external_scorer_id_548ec701_like",
        "external_scorer_id",
        postgresql_ops={"external_scorer_id": "varchar_pattern_ops"},
    ),
    Index("account_community_scorer_id_fdb68128", "scorer_id"),
    Index(
        "unique_deleted_name_per_account",
        "account_id",
        "name",
        "deleted_at",
        unique=True,
        postgresql_where=text("deleted_at IS NOT NULL"),
        sqlite_where=text("deleted_at IS NOT NULL"),
    ),
    Index(
        "unique_non_deleted_name_per_account",
        "account_id",
        "name",
        unique=True,
        postgresql_where=text("deleted_at IS NULL"),
        sqlite_where=text("deleted_at IS NULL"),
    ),
)


account_customcredentialruleset = Table(
    "account_customcredentialruleset",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("credential_type", String(5), nullable=False),
    Column("definition", JsonB, nullable=False),
    Column("name", String(64), nullable=False),
    Column("provider_id", String(256), nullable=False),
    PrimaryKeyConstraint("id", name="account_customcredentialruleset_pkey"),
    UniqueConstraint("provider_id", name="account_customcredentialruleset_provider_id_key"),
    Index(
        "account_customcredentialruleset_provider_id_f1bc1925_like",
        "provider_id",
        postgresql_ops={"provider_id": "varchar_pattern_ops"},
    ),
)


account_customization = Table(
    "account_customization",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("path", String(100), nullable=False),
    Column("customization_background_1", String(7), nullable=True),
    Column("customization_background_2", String(7), nullable=True),
    Column("customization_foreground_1", String(7), nullable=True),
    Column("logo_image", Text(), nullable=True),
    Column("logo_caption", Text(), nullable=True),
    Column("logo_background", String(10), nullable=True),
    Column("body_main_text", Text(), nullable=True),
    Column("body_sub_text", Text(), nullable=True),
    Column("body_action_text", Text(), nullable=True),
    Column("body_action_url", String(200), nullable=True),
    Column("scorer_id", BigInteger(), nullable=False),
    Column("use_custom_dashboard_panel", Boolean(), nullable=False),
    Column("scorer_panel_title", String(100), nullable=True),
    Column("scorer_panel_text", Text(), nullable=True),
    Column("body_display_info_tooltip", Boolean(), nullable=False),
    Column("body_info_tooltip_text", Text(), nullable=True),
    Column("button_action_type", String(25), nullable=False),
    Column("customization_background_3", String(7), nullable=True),
    Column("customization_foreground_2", String(7), nullable=True),
    Column("show_explanation_panel", Boolean(), nullable=False),
    Column("partner_name", String(100), nullable=False),
    Column("custom_dashboard_panel_title", String(255), nullable=True),
    Column("nav_logo", Text(), nullable=True),
    Column("nav_order", Integer(), nullable=False),
    Column("show_in_top_nav", Boolean(), nullable=False),
    ForeignKeyConstraint(
        ["scorer_id"],
        ["account_community.id"],
        name="account_customizatio_scorer_id_354f8a7d_fk_account_c",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="account_customization_pkey"),
    UniqueConstraint("path", name="account_customization_path_key"),
    UniqueConstraint("scorer_id", name="account_customization_scorer_id_354f8a7d_uniq"),
    Index(
        "account_customization_path_dfcf319d_like",
        "path",
        postgresql_ops={"path": "varchar_pattern_ops"},
    ),
)


account_walletgroupcommunityclaim = Table(
    "account_walletgroupcommunityclaim",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("group_key", Text(), nullable=False),
    Column("canonical_address", String(42), nullable=False),
    Column("claimed_at", TimestampTZ(), nullable=False),
    Column("community_id", BigInteger(), nullable=False),
    ForeignKeyConstraint(
        ["community_id"],
        ["account_community.id"],
        name="account_walletgroupc_community_id_d82acae6_fk_account_c",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="account_walletgroupcommunityclaim_pkey"),
    UniqueConstraint(
        "group_key",
        "community_id",
        name="account_walletgroupcommu_group_key_community_id_60ec33ad_uniq",
    ),
    Index(
        "account_walletgroupcommu_canonical_address_0507e7f5_like",
        "canonical_address",
        postgresql_ops={"canonical_address": "varchar_pattern_ops"},
    ),
    Index("account_walletgroupcommunityclaim_canonical_address_0507e7f5", "canonical_address"),
    Index("account_walletgroupcommunityclaim_community_id_d82acae6", "community_id"),
)


auth_user = Table(
    "auth_user",
    metadata,
    Column("id", IntIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("password", String(128), nullable=False),
    Column("last_login", TimestampTZ(), nullable=True),
    Column("is_superuser", Boolean(), nullable=False),
    Column("username", String(150), nullable=False),
    Column("first_name", String(150), nullable=False),
    Column("last_name", String(150), nullable=False),
    Column("email", String(254), nullable=False),
    Column("is_staff", Boolean(), nullable=False),
    Column("is_active", Boolean(), nullable=False),
    Column("date_joined", TimestampTZ(), nullable=False),
    PrimaryKeyConstraint("id", name="auth_user_pkey"),
    UniqueConstraint("username", name="auth_user_username_key"),
    Index(
        "auth_user_username_6821ab7c_like",
        "username",
        postgresql_ops={"username": "varchar_pattern_ops"},
    ),
)


ceramic_cache_ban = Table(
    "ceramic_cache_ban",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("provider", String(256), nullable=False),
    Column("hash", String(100), nullable=False),
    Column("address", String(42), nullable=False),
    Column("end_time", TimestampTZ(), nullable=True),
    Column("reason", Text(), nullable=True),
    Column("created_at", TimestampTZ(), nullable=False),
    Column("last_run_revoke_matching", TimestampTZ(), nullable=True),
    Column("type", String(20), nullable=False),
    Column("ban_list_id", BigInteger(), nullable=True),
    ForeignKeyConstraint(
        ["ban_list_id"],
        ["ceramic_cache_banlist.id"],
        name="ceramic_cache_ban_ban_list_id_bb6f132a_fk_ceramic_c",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="ceramic_cache_ban_pkey"),
    Index("ceramic_cache_ban_address_d88c387c", "address"),
    Index(
        "ceramic_cache_ban_address_d88c387c_like",
        "address",
        postgresql_ops={"address": "varchar_pattern_ops"},
    ),
    Index("ceramic_cache_ban_ban_list_id_bb6f132a", "ban_list_id"),
    Index("ceramic_cache_ban_created_at_2ef4f9b1", "created_at"),
    Index("ceramic_cache_ban_end_time_2948ed9a", "end_time"),
    Index("ceramic_cache_ban_hash_852c49d9", "hash"),
    Index(
        "ceramic_cache_ban_hash_852c49d9_like",
        "hash",
        postgresql_ops={"hash": "varchar_pattern_ops"},
    ),
    Index("ceramic_cache_ban_provider_dd34ee8a", "provider"),
    Index(
        "ceramic_cache_ban_provider_dd34ee8a_like",
        "provider",
        postgresql_ops={"provider": "varchar_pattern_ops"},
    ),
)


ceramic_cache_banlist = Table(
    "ceramic_cache_banlist",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("name", String(256), nullable=True),
    Column("description", Text(), nullable=True),
    Column("csv_file", String(1024), nullable=False),
    PrimaryKeyConstraint("id", name="ceramic_cache_banlist_pkey"),
    Index("ceramic_cache_banlist_name_938ecaa7", "name"),
    Index(
        "ceramic_cache_banlist_name_938ecaa7_like",
        "name",
        postgresql_ops={"name": "varchar_pattern_ops"},
    ),
)


ceramic_cache_ceramiccache = Table(
    "ceramic_cache_ceramiccache",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("address", String(100), nullable=True),
    Column("provider", String(256), nullable=False),
    Column("stamp", JsonB, nullable=False),
    Column("created_at", TimestampTZ(), nullable=True),
    Column("updated_at", TimestampTZ(), nullable=False),
    Column("type", Integer(), nullable=False),
    Column("deleted_at", TimestampTZ(), nullable=True),
    Column("compose_db_save_status", String(10), nullable=False),
    Column("compose_db_stream_id", String(100), nullable=False),
    Column("expiration_date", TimestampTZ(), nullable=True),
    Column("issuance_date", TimestampTZ(), nullable=True),
    Column("proof_value", String(256), nullable=False),
    Column("source_app", Integer(), nullable=True),
    Column("source_scorer_id", BigInteger(), nullable=True),
    PrimaryKeyConstraint("id", name="ceramic_cache_ceramiccache_pkey"),
    UniqueConstraint(
        "type",
        "address",
        "provider",
        "deleted_at",
        name="ceramic_cache_ceramiccac_type_address_provider_de_91b0dfe5_uniq",
    ),
    Index("ceramic_cache_ceramiccache_address_a326f586", "address"),
    Index(
        "ceramic_cache_ceramiccache_address_a326f586_like",
        "address",
        postgresql_ops={"address": "varchar_pattern_ops"},
    ),
    Index("ceramic_cache_ceramiccache_compose_db_save_status_ba2798e2", "compose_db_save_status"),
    Index(
        "ceramic_cache_ceramiccache_compose_db_save_status_ba2798e2_like",
        "compose_db_save_status",
        postgresql_ops={"compose_db_save_status": "varchar_pattern_ops"},
    ),
    Index("ceramic_cache_ceramiccache_compose_db_stream_id_d977c392", "compose_db_stream_id"),
    Index(
        "ceramic_cache_ceramiccache_compose_db_stream_id_d977c392_like",
        "compose_db_stream_id",
        postgresql_ops={"compose_db_stream_id": "varchar_pattern_ops"},
    ),
    Index("ceramic_cache_ceramiccache_created_at_8b8bf604", "created_at"),
    Index("ceramic_cache_ceramiccache_deleted_at_2e65cde1", "deleted_at"),
    Index("ceramic_cache_ceramiccache_expiration_date_a3d52de9", "expiration_date"),
    Index("ceramic_cache_ceramiccache_issuance_date_ba8f7fb8", "issuance_date"),
    Index("ceramic_cache_ceramiccache_proof_value_f0af64e8", "proof_value"),
    Index(
        "ceramic_cache_ceramiccache_proof_value_f0af64e8_like",
        "proof_value",
        postgresql_ops={"proof_value": "varchar_pattern_ops"},
    ),
    Index("ceramic_cache_ceramiccache_provider_05926089", "provider"),
    Index(
        "ceramic_cache_ceramiccache_provider_05926089_like",
        "provider",
        postgresql_ops={"provider": "varchar_pattern_ops"},
    ),
    Index("ceramic_cache_ceramiccache_source_app_c47146d1", "source_app"),
    Index("ceramic_cache_ceramiccache_source_scorer_id_95019b25", "source_scorer_id"),
    Index("ceramic_cache_ceramiccache_updated_at_bc471b72", "updated_at"),
    Index(
        "unique_deleted_provider_for_address",
        "type",
        "address",
        "provider",
        "deleted_at",
        unique=True,
        postgresql_where=text("deleted_at IS NOT NULL"),
        sqlite_where=text("deleted_at IS NOT NULL"),
    ),
    Index(
        "unique_non_deleted_provider_for_address",
        "type",
        "address",
        "provider",
        unique=True,
        postgresql_where=text("deleted_at IS NULL"),
        sqlite_where=text("deleted_at IS NULL"),
    ),
)


ceramic_cache_revocation = Table(
    "ceramic_cache_revocation",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("proof_value", String(256), nullable=False),
    Column("ceramic_cache_id", BigInteger(), nullable=False),
    Column("revocation_list_id", BigInteger(), nullable=True),
    ForeignKeyConstraint(
        ["ceramic_cache_id"],
        ["ceramic_cache_ceramiccache.id"],
        name="ceramic_cache_revoca_ceramic_cache_id_3363c773_fk_ceramic_c",
        deferrable=True,
        initially="DEFERRED",
    ),
    ForeignKeyConstraint(
        ["revocation_list_id"],
        ["ceramic_cache_revocationlist.id"],
        name="ceramic_cache_revoca_revocation_list_id_afc10362_fk_ceramic_c",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="ceramic_cache_revocation_pkey"),
    UniqueConstraint("ceramic_cache_id", name="ceramic_cache_revocation_ceramic_cache_id_key"),
    Index("ceramic_cache_revocation_proof_value_8a505018", "proof_value"),
    Index(
        "ceramic_cache_revocation_proof_value_8a505018_like",
        "proof_value",
        postgresql_ops={"proof_value": "varchar_pattern_ops"},
    ),
    Index("ceramic_cache_revocation_revocation_list_id_afc10362", "revocation_list_id"),
)


ceramic_cache_revocationlist = Table(
    "ceramic_cache_revocationlist",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("name", String(256), nullable=True),
    Column("description", Text(), nullable=True),
    Column("csv_file", String(1024), nullable=False),
    PrimaryKeyConstraint("id", name="ceramic_cache_revocationlist_pkey"),
    Index("ceramic_cache_revocationlist_name_bc38f860", "name"),
    Index(
        "ceramic_cache_revocationlist_name_bc38f860_like",
        "name",
        postgresql_ops={"name": "varchar_pattern_ops"},
    ),
)


cgrants_contribution = Table(
    "cgrants_contribution",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("data", JsonB, nullable=False),
    Column("subscription_id", BigInteger(), nullable=False),
    Column("success", Boolean(), nullable=False),
    Column("amount_per_period_usdt", ExactNumeric(64, 18), nullable=False),
    ForeignKeyConstraint(
        ["subscription_id"],
        ["cgrants_subscription.id"],
        name="cgrants_contribution_subscription_id_583fd59b_fk_cgrants_s",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="cgrants_contribution_pkey"),
    Index("cgrants_contribution_subscription_id_583fd59b", "subscription_id"),
)


cgrants_grant = Table(
    "cgrants_grant",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("hidden", Boolean(), nullable=False),
    Column("active", Boolean(), nullable=False),
    Column("is_clr_eligible", Boolean(), nullable=False),
    Column("data", JsonB, nullable=False),
    Column("admin_profile_id", BigInteger(), nullable=False),
    ForeignKeyConstraint(
        ["admin_profile_id"],
        ["cgrants_profile.id"],
        name="cgrants_grant_admin_profile_id_c17e76f3_fk_cgrants_profile_id",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="cgrants_grant_pkey"),
    Index("cgrants_grant_active_2099dea6", "active"),
    Index("cgrants_grant_admin_profile_id_c17e76f3", "admin_profile_id"),
    Index("cgrants_grant_hidden_c8ce8ddd", "hidden"),
)


cgrants_grantcontributionindex = Table(
    "cgrants_grantcontributionindex",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("round_num", Integer(), nullable=True),
    Column("amount", ExactNumeric(64, 18), nullable=False),
    Column("contribution_id", BigInteger(), nullable=True),
    Column("grant_id", BigInteger(), nullable=False),
    Column("profile_id", BigInteger(), nullable=False),
    Column("contributor_address", String(100), nullable=True),
    ForeignKeyConstraint(
        ["contribution_id"],
        ["cgrants_contribution.id"],
        name="cgrants_grantcontrib_contribution_id_fbed3ed7_fk_cgrants_c",
        deferrable=True,
        initially="DEFERRED",
    ),
    ForeignKeyConstraint(
        ["grant_id"],
        ["cgrants_grant.id"],
        name="cgrants_grantcontrib_grant_id_a3e23458_fk_cgrants_g",
        deferrable=True,
        initially="DEFERRED",
    ),
    ForeignKeyConstraint(
        ["profile_id"],
        ["cgrants_profile.id"],
        name="cgrants_grantcontrib_profile_id_227259f7_fk_cgrants_p",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="cgrants_grantcontributionindex_pkey"),
    Index(
        "cgrants_grantcontributio_contributor_address_5d4aef43_like",
        "contributor_address",
        postgresql_ops={"contributor_address": "varchar_pattern_ops"},
    ),
    Index("cgrants_grantcontributionindex_amount_405a7875", "amount"),
    Index("cgrants_grantcontributionindex_contribution_id_fbed3ed7", "contribution_id"),
    Index("cgrants_grantcontributionindex_contributor_address_5d4aef43", "contributor_address"),
    Index("cgrants_grantcontributionindex_grant_id_a3e23458", "grant_id"),
    Index("cgrants_grantcontributionindex_profile_id_227259f7", "profile_id"),
)


cgrants_profile = Table(
    "cgrants_profile",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("handle", String(255), nullable=False),
    Column("data", JsonB, nullable=False),
    Column("github_id", BigInteger(), nullable=True),
    Column("notes", Text(), nullable=True),
    PrimaryKeyConstraint("id", name="cgrants_profile_pkey"),
    UniqueConstraint("handle", name="cgrants_profile_handle_key"),
    Index("cgrants_profile_github_id_f9dd96ad", "github_id"),
    Index(
        "cgrants_profile_handle_d5972cf8_like",
        "handle",
        postgresql_ops={"handle": "varchar_pattern_ops"},
    ),
)


cgrants_protocolcontributions = Table(
    "cgrants_protocolcontributions",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("ext_id", String(66), nullable=False),
    Column("contributor", String(100), nullable=False),
    Column("round", String(100), nullable=False),
    Column("project", String(100), nullable=False),
    Column("amount", ExactNumeric(64, 18), nullable=False),
    Column("data", JsonB, nullable=False),
    PrimaryKeyConstraint("id", name="cgrants_protocolcontributions_pkey"),
    UniqueConstraint("ext_id", name="cgrants_protocolcontributions_ext_id_key"),
    Index("cgrants_protocolcontributions_amount_6906e261", "amount"),
    Index("cgrants_protocolcontributions_contributor_5b32637f", "contributor"),
    Index(
        "cgrants_protocolcontributions_contributor_5b32637f_like",
        "contributor",
        postgresql_ops={"contributor": "varchar_pattern_ops"},
    ),
    Index(
        "cgrants_protocolcontributions_ext_id_c97518f8_like",
        "ext_id",
        postgresql_ops={"ext_id": "varchar_pattern_ops"},
    ),
    Index("cgrants_protocolcontributions_project_9247ecff", "project"),
    Index(
        "cgrants_protocolcontributions_project_9247ecff_like",
        "project",
        postgresql_ops={"project": "varchar_pattern_ops"},
    ),
    Index("cgrants_protocolcontributions_round_a00f486c", "round"),
    Index(
        "cgrants_protocolcontributions_round_a00f486c_like",
        "round",
        postgresql_ops={"round": "varchar_pattern_ops"},
    ),
)


cgrants_roundmapping = Table(
    "cgrants_roundmapping",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("round_number", String(100), nullable=False),
    Column("round_eth_address", String(100), nullable=False),
    PrimaryKeyConstraint("id", name="cgrants_roundmapping_pkey"),
    UniqueConstraint(
        "round_number",
        "round_eth_address",
        name="cgrants_roundmapping_round_number_round_eth_a_c92a02f4_uniq",
    ),
    Index("cgrants_roundmapping_round_eth_address_2898745f", "round_eth_address"),
    Index(
        "cgrants_roundmapping_round_eth_address_2898745f_like",
        "round_eth_address",
        postgresql_ops={"round_eth_address": "varchar_pattern_ops"},
    ),
)


cgrants_squelchedaccounts = Table(
    "cgrants_squelchedaccounts",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("address", String(100), nullable=True),
    Column("score_when_squelched", ExactNumeric(64, 18), nullable=False),
    Column("sybil_signal", Boolean(), nullable=False),
    Column("round_number", String(100), nullable=False),
    PrimaryKeyConstraint("id", name="cgrants_squelchedaccounts_pkey"),
    Index("cgrants_squelchedaccounts_address_8effc17b", "address"),
    Index(
        "cgrants_squelchedaccounts_address_8effc17b_like",
        "address",
        postgresql_ops={"address": "varchar_pattern_ops"},
    ),
)


cgrants_subscription = Table(
    "cgrants_subscription",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("data", JsonB, nullable=False),
    Column("contributor_profile_id", BigInteger(), nullable=True),
    Column("grant_id", BigInteger(), nullable=False),
    Column("is_mainnet", Boolean(), nullable=False),
    ForeignKeyConstraint(
        ["contributor_profile_id"],
        ["cgrants_profile.id"],
        name="cgrants_subscription_contributor_profile__4c5a1727_fk_cgrants_p",
        deferrable=True,
        initially="DEFERRED",
    ),
    ForeignKeyConstraint(
        ["grant_id"],
        ["cgrants_grant.id"],
        name="cgrants_subscription_grant_id_f67f3c3d_fk_cgrants_grant_id",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="cgrants_subscription_pkey"),
    Index("cgrants_subscription_contributor_profile_id_4c5a1727", "contributor_profile_id"),
    Index("cgrants_subscription_grant_id_f67f3c3d", "grant_id"),
)


registry_event = Table(
    "registry_event",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("action", String(3), nullable=False),
    Column("address", String(42), nullable=False),
    Column("created_at", TimestampTZ(), nullable=False),
    Column("data", JsonB, nullable=False),
    Column("community_id", BigInteger(), nullable=True),
    ForeignKeyConstraint(
        ["community_id"],
        ["account_community.id"],
        name="registry_event_community_id_83e82610_fk_account_community_id",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="registry_event_pkey"),
    Index("registry_event_community_id_83e82610", "community_id"),
    Index("score_history_index", "action", "address", "community_id", "created_at"),
)


registry_gtcstakeevent = Table(
    "registry_gtcstakeevent",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("event_type", String(15), nullable=False),
    Column("round_id", Integer(), nullable=False),
    Column("staker", String(42), nullable=False),
    Column("address", String(42), nullable=True),
    Column("amount", ExactNumeric(78, 18), nullable=False),
    Column("staked", Boolean(), nullable=False),
    Column("block_number", Integer(), nullable=False),
    Column("tx_hash", String(66), nullable=False),
    PrimaryKeyConstraint("id", name="registry_gtcstakeevent_pkey"),
    Index("gtc_staking_index", "round_id", "address", "staker"),
    Index("gtc_staking_index_by_staker", "round_id", "staker"),
    Index("registry_gtcstakeevent_address_7509de41", "address"),
    Index(
        "registry_gtcstakeevent_address_7509de41_like",
        "address",
        postgresql_ops={"address": "varchar_pattern_ops"},
    ),
    Index("registry_gtcstakeevent_round_id_aae45d3f", "round_id"),
    Index("registry_gtcstakeevent_staker_2d308c09", "staker"),
    Index(
        "registry_gtcstakeevent_staker_2d308c09_like",
        "staker",
        postgresql_ops={"staker": "varchar_pattern_ops"},
    ),
)


registry_hashscorerlink = Table(
    "registry_hashscorerlink",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("hash", String(100), nullable=False),
    Column("address", String(42), nullable=False),
    Column("expires_at", TimestampTZ(), nullable=False),
    Column("community_id", BigInteger(), nullable=False),
    ForeignKeyConstraint(
        ["community_id"],
        ["account_community.id"],
        name="registry_hashscorerl_community_id_464dfa88_fk_account_c",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="registry_hashscorerlink_pkey"),
    UniqueConstraint(
        "hash", "community_id", name="registry_hashscorerlink_hash_community_id_ea7e08a6_uniq"
    ),
    Index("registry_hashscorerlink_address_b3ffe97e", "address"),
    Index(
        "registry_hashscorerlink_address_b3ffe97e_like",
        "address",
        postgresql_ops={"address": "varchar_pattern_ops"},
    ),
    Index("registry_hashscorerlink_community_id_464dfa88", "community_id"),
    Index("registry_hashscorerlink_expires_at_660d8ce1", "expires_at"),
    Index("registry_hashscorerlink_hash_6798c065", "hash"),
    Index(
        "registry_hashscorerlink_hash_6798c065_like",
        "hash",
        postgresql_ops={"hash": "varchar_pattern_ops"},
    ),
)


registry_humanpoints = Table(
    "registry_humanpoints",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("address", String(42), nullable=False),
    Column("action", String(3), nullable=False),
    Column("timestamp", TimestampTZ(), nullable=False),
    Column("tx_hash", String(100), nullable=False),
    Column("chain_id", Integer(), nullable=False),
    Column("provider", String(100), nullable=False),
    PrimaryKeyConstraint("id", name="registry_humanpoints_pkey"),
    UniqueConstraint(
        "address",
        "action",
        "chain_id",
        "provider",
        "tx_hash",
        name="unique_human_points_constraint",
    ),
    Index("registry_hu_address_5fea1a_idx", "address", "action"),
    Index("registry_hu_chain_i_646b64_idx", "chain_id", "action"),
    Index("registry_humanpoints_action_2af7c950", "action"),
    Index(
        "registry_humanpoints_action_2af7c950_like",
        "action",
        postgresql_ops={"action": "varchar_pattern_ops"},
    ),
    Index("registry_humanpoints_address_2575ffb6", "address"),
    Index(
        "registry_humanpoints_address_2575ffb6_like",
        "address",
        postgresql_ops={"address": "varchar_pattern_ops"},
    ),
    Index("registry_humanpoints_chain_id_a61cab3f", "chain_id"),
    Index("registry_humanpoints_provider_140cbcda", "provider"),
    Index(
        "registry_humanpoints_provider_140cbcda_like",
        "provider",
        postgresql_ops={"provider": "varchar_pattern_ops"},
    ),
)


registry_humanpointscommunityqualifiedusers = Table(
    "registry_humanpointscommunityqualifiedusers",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("address", String(42), nullable=False),
    Column("community_id", BigInteger(), nullable=False),
    ForeignKeyConstraint(
        ["community_id"],
        ["account_community.id"],
        name="registry_humanpoints_community_id_ae641a3f_fk_account_c",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="registry_humanpointscommunityqualifiedusers_pkey"),
    UniqueConstraint(
        "address",
        "community_id",
        name="registry_humanpointscomm_address_community_id_a9e351f4_uniq",
    ),
    Index("registry_hu_address_0abb23_idx", "address"),
    Index(
        "registry_humanpointscomm_address_a7e51a30_like",
        "address",
        postgresql_ops={"address": "varchar_pattern_ops"},
    ),
    Index("registry_humanpointscommun_community_id_ae641a3f", "community_id"),
    Index("registry_humanpointscommunityqualifiedusers_address_a7e51a30", "address"),
)


registry_humanpointsconfig = Table(
    "registry_humanpointsconfig",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("action", String(3), nullable=False),
    Column("points", Integer(), nullable=False),
    Column("active", Boolean(), nullable=False),
    PrimaryKeyConstraint("id", name="registry_humanpointsconfig_pkey"),
    UniqueConstraint("action", name="registry_humanpointsconfig_action_key"),
    Index("registry_hu_action_230641_idx", "action", "active"),
    Index(
        "registry_humanpointsconfig_action_2c596373_like",
        "action",
        postgresql_ops={"action": "varchar_pattern_ops"},
    ),
    Index("registry_humanpointsconfig_active_0d54ac09", "active"),
)


registry_humanpointsmultiplier = Table(
    "registry_humanpointsmultiplier",
    metadata,
    Column("address", String(42), nullable=False),
    Column("multiplier", Integer(), nullable=False),
    PrimaryKeyConstraint("address", name="registry_humanpointsmultiplier_pkey"),
    Index(
        "registry_humanpointsmultiplier_address_a5b03f79_like",
        "address",
        postgresql_ops={"address": "varchar_pattern_ops"},
    ),
)


registry_passport = Table(
    "registry_passport",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("community_id", BigInteger(), nullable=True),
    Column("address", String(100), nullable=True),
    Column("requires_calculation", Boolean(), nullable=True),
    ForeignKeyConstraint(
        ["community_id"],
        ["account_community.id"],
        name="registry_passport_community_id_1524ae17_fk_account_community_id",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="registry_passport_pkey"),
    UniqueConstraint(
        "address", "community_id", name="registry_passport_address_community_id_14f7b36b_uniq"
    ),
    Index("registry_passport_address_fb3975f7", "address"),
    Index(
        "registry_passport_address_fb3975f7_like",
        "address",
        postgresql_ops={"address": "varchar_pattern_ops"},
    ),
    Index("registry_passport_community_id_1524ae17", "community_id"),
)


registry_score = Table(
    "registry_score",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("score", ExactNumeric(18, 9), nullable=True),
    Column("passport_id", BigInteger(), nullable=False),
    Column("error", Text(), nullable=True),
    Column("last_score_timestamp", TimestampTZ(), nullable=True),
    Column("status", String(20), nullable=True),
    Column("evidence", JsonB, nullable=True),
    Column("stamp_scores", JsonB, nullable=True),
    Column("expiration_date", TimestampTZ(), nullable=True),
    Column("stamps", JsonB, nullable=True),
    ForeignKeyConstraint(
        ["passport_id"],
        ["registry_passport.id"],
        name="registry_score_passport_id_640e4835_fk_registry_passport_id",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="registry_score_pkey"),
    UniqueConstraint("passport_id", name="registry_score_passport_id_640e4835_uniq"),
    Index("registry_score_expiration_date_a46277c6", "expiration_date"),
    Index("registry_score_last_score_timestamp_dcdec469", "last_score_timestamp"),
    Index("registry_score_status_4f7843c9", "status"),
    Index(
        "registry_score_status_4f7843c9_like",
        "status",
        postgresql_ops={"status": "varchar_pattern_ops"},
    ),
)


registry_stamp = Table(
    "registry_stamp",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("provider", String(256), nullable=False),
    Column("credential", JsonB, nullable=False),
    Column("passport_id", BigInteger(), nullable=True),
    ForeignKeyConstraint(
        ["passport_id"],
        ["registry_passport.id"],
        name="registry_stamp_passport_id_a0a2c334_fk_registry_passport_id",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="registry_stamp_pkey"),
    Index("registry_stamp_passport_id_a0a2c334", "passport_id"),
    Index("registry_stamp_provider_096281ff", "provider"),
    Index(
        "registry_stamp_provider_096281ff_like",
        "provider",
        postgresql_ops={"provider": "varchar_pattern_ops"},
    ),
)


scorer_weighted_binaryweightedscorer = Table(
    "scorer_weighted_binaryweightedscorer",
    metadata,
    Column("scorer_ptr_id", BigInteger(), nullable=False),
    Column("weights", JsonB, nullable=True),
    Column("threshold", ExactNumeric(10, 5), nullable=False),
    ForeignKeyConstraint(
        ["scorer_ptr_id"],
        ["scorer_weighted_scorer.id"],
        name="scorer_weighted_bina_scorer_ptr_id_12e4494a_fk_scorer_we",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("scorer_ptr_id", name="scorer_weighted_binaryweightedscorer_pkey"),
)


scorer_weighted_scorer = Table(
    "scorer_weighted_scorer",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("type", String(100), nullable=False),
    Column("exclude_from_weight_updates", Boolean(), nullable=False),
    PrimaryKeyConstraint("id", name="scorer_weighted_scorer_pkey"),
)


scorer_weighted_weightedscorer = Table(
    "scorer_weighted_weightedscorer",
    metadata,
    Column("scorer_ptr_id", BigInteger(), nullable=False),
    Column("weights", JsonB, nullable=True),
    Column("threshold", ExactNumeric(10, 5), nullable=False),
    ForeignKeyConstraint(
        ["scorer_ptr_id"],
        ["scorer_weighted_scorer.id"],
        name="scorer_weighted_weig_scorer_ptr_id_fd2d9079_fk_scorer_we",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("scorer_ptr_id", name="scorer_weighted_weightedscorer_pkey"),
)


stake_stake = Table(
    "stake_stake",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("chain", Integer(), nullable=False),
    Column("lock_time", TimestampTZ(), nullable=False),
    Column("unlock_time", TimestampTZ(), nullable=False),
    Column("last_updated_in_block", ExactNumeric(78, 0), nullable=False),
    Column("staker", String(42), nullable=False),
    Column("stakee", String(42), nullable=False),
    Column("current_amount", ExactNumeric(78, 18), nullable=False),
    PrimaryKeyConstraint("id", name="stake_stake_pkey"),
    UniqueConstraint(
        "staker", "stakee", "chain", name="stake_stake_staker_stakee_chain_fcf3d5e9_uniq"
    ),
    Index("stake_stake_chain_2b875a1d", "chain"),
    Index("stake_stake_last_updated_in_block_3659538c", "last_updated_in_block"),
    Index("stake_stake_stakee_1015ebfc", "stakee"),
    Index(
        "stake_stake_stakee_1015ebfc_like",
        "stakee",
        postgresql_ops={"stakee": "varchar_pattern_ops"},
    ),
    Index("stake_stake_staker_51f438f8", "staker"),
    Index(
        "stake_stake_staker_51f438f8_like",
        "staker",
        postgresql_ops={"staker": "varchar_pattern_ops"},
    ),
)


# Hand-written in the reference (migration 0034): newest live rows per address.
Index(
    "idx_cc_addr_id_not_deleted",
    ceramic_cache_ceramiccache.c.address,
    ceramic_cache_ceramiccache.c.id.desc(),
    postgresql_where=text("deleted_at IS NULL"),
    sqlite_where=text("deleted_at IS NULL"),
)


# --- The tables of the other route families (migration 0002) -------------------------------------
# Sign-in nonces, customization (allow lists, custom credentials, embed sections), stamp and
# weight metadata, terms of service, app notices and batch model scoring; which route family
# reads which is in `db/requirements.py`.


account_allowlist = Table(
    "account_allowlist",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("weight", ExactNumeric(7, 4), nullable=False),
    Column("address_list_id", BigInteger(), nullable=False),
    Column("customization_id", BigInteger(), nullable=False),
    ForeignKeyConstraint(
        ["address_list_id"],
        ["account_addresslist.id"],
        name="account_allowlist_address_list_id_2e8eb2ee_fk_account_a",
        deferrable=True,
        initially="DEFERRED",
    ),
    ForeignKeyConstraint(
        ["customization_id"],
        ["account_customization.id"],
        name="account_allowlist_customization_id_28db4778_fk_account_c",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="account_allowlist_pkey"),
    Index("account_allowlist_address_list_id_2e8eb2ee", "address_list_id"),
    Index("account_allowlist_customization_id_28db4778", "customization_id"),
)


account_customcredential = Table(
    "account_customcredential",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("weight", ExactNumeric(7, 4), nullable=False),
    Column("display_name", String(64), nullable=False),
    Column("description", String(256), nullable=True),
    Column("customization_id", BigInteger(), nullable=False),
    Column("platform_id", BigInteger(), nullable=False),
    Column("ruleset_id", BigInteger(), nullable=False),
    ForeignKeyConstraint(
        ["customization_id"],
        ["account_customization.id"],
        name="account_customcreden_customization_id_9f3ca665_fk_account_c",
        deferrable=True,
        initially="DEFERRED",
    ),
    ForeignKeyConstraint(
        ["platform_id"],
        ["account_customplatform.id"],
        name="account_customcreden_platform_id_a560e785_fk_account_c",
        deferrable=True,
        initially="DEFERRED",
    ),
    ForeignKeyConstraint(
        ["ruleset_id"],
        ["account_customcredentialruleset.id"],
        name="account_customcreden_ruleset_id_379112c2_fk_account_c",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="account_customcredential_pkey"),
    Index("account_customcredential_customization_id_9f3ca665", "customization_id"),
    Index("account_customcredential_platform_id_a560e785", "platform_id"),
    Index("account_customcredential_ruleset_id_379112c2", "ruleset_id"),
)


account_customplatform = Table(
    "account_customplatform",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("platform_type", String(5), nullable=False),
    Column("name", String(64), nullable=False),
    Column("display_name", String(64), nullable=True),
    Column("icon_url", String(64), nullable=True),
    Column("description", String(256), nullable=True),
    Column("banner_heading", String(64), nullable=True),
    Column("banner_content", String(256), nullable=True),
    Column("banner_cta_text", String(256), nullable=True),
    Column("banner_cta_url", String(256), nullable=True),
    Column("is_evm", Boolean(), nullable=False),
    PrimaryKeyConstraint("id", name="account_customplatform_pkey"),
    UniqueConstraint("name", name="account_customplatform_name_key"),
    Index(
        "account_customplatform_name_f88110ba_like",
        "name",
        postgresql_ops={"name": "varchar_pattern_ops"},
    ),
)


account_embedsectionheader = Table(
    "account_embedsectionheader",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("name", String(255), nullable=False),
    PrimaryKeyConstraint("id", name="account_embedsectionheader_pkey"),
    UniqueConstraint("name", name="account_embedsectionheader_name_key"),
    Index(
        "account_embedsectionheader_name_c8e8ed60_like",
        "name",
        postgresql_ops={"name": "varchar_pattern_ops"},
    ),
)


account_embedsectionorder = Table(
    "account_embedsectionorder",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("order", Integer(), nullable=False),
    Column("customization_id", BigInteger(), nullable=False),
    Column("section_id", BigInteger(), nullable=False),
    ForeignKeyConstraint(
        ["customization_id"],
        ["account_customization.id"],
        name="account_embedsection_customization_id_09f8ae57_fk_account_c",
        deferrable=True,
        initially="DEFERRED",
    ),
    ForeignKeyConstraint(
        ["section_id"],
        ["account_embedsectionheader.id"],
        name="account_embedsectionorder_section_id_840109b0_fk",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="account_embedsectionorder_pkey"),
    UniqueConstraint(
        "customization_id",
        "section_id",
        name="account_embedsectionorde_customization_id_section_2eab805a_uniq",
    ),
    Index("account_embedsectionorder_customization_id_09f8ae57", "customization_id"),
    Index("account_embedsectionorder_section_id_840109b0", "section_id"),
)


account_embedstampplatform = Table(
    "account_embedstampplatform",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("order", Integer(), nullable=False),
    Column("customization_id", BigInteger(), nullable=False),
    Column("section_id", BigInteger(), nullable=False),
    Column("platform_id", BigInteger(), nullable=False),
    ForeignKeyConstraint(
        ["customization_id"],
        ["account_customization.id"],
        name="account_embedstamppl_customization_id_6b544d49_fk_account_c",
        deferrable=True,
        initially="DEFERRED",
    ),
    ForeignKeyConstraint(
        ["platform_id"],
        ["registry_platformmetadata.id"],
        name="account_embedstamppl_platform_id_8ee80cb9_fk_registry_",
        deferrable=True,
        initially="DEFERRED",
    ),
    ForeignKeyConstraint(
        ["section_id"],
        ["account_embedsectionheader.id"],
        name="account_embedstampplatform_section_id_3c4418f0_fk",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="account_embedstampplatform_pkey"),
    UniqueConstraint(
        "customization_id",
        "platform_id",
        name="account_embedstampplatfo_customization_id_platfor_478f90b6_uniq",
    ),
    Index("account_embedstampplatform_customization_id_6b544d49", "customization_id"),
    Index("account_embedstampplatform_platform_id_8ee80cb9", "platform_id"),
    Index("account_embedstampplatform_section_id_3c4418f0", "section_id"),
)


account_includedchainid = Table(
    "account_includedchainid",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("chain_id", String(200), nullable=False),
    Column("customization_id", BigInteger(), nullable=False),
    ForeignKeyConstraint(
        ["customization_id"],
        ["account_customization.id"],
        name="account_includedchai_customization_id_efe0b943_fk_account_c",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="account_includedchainid_pkey"),
    UniqueConstraint(
        "chain_id",
        "customization_id",
        name="account_includedchainid_chain_id_customization_id_7e72c4c7_uniq",
    ),
    Index("account_includedchainid_customization_id_efe0b943", "customization_id"),
)


account_nonce = Table(
    "account_nonce",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("nonce", String(60), nullable=False),
    Column("created_on", TimestampTZ(), nullable=False),
    Column("was_used", Boolean(), nullable=False),
    Column("expires_on", TimestampTZ(), nullable=True),
    PrimaryKeyConstraint("id", name="account_nonce_pkey"),
    UniqueConstraint("nonce", name="account_nonce_nonce_key"),
    Index(
        "account_nonce_nonce_19bf6339_like",
        "nonce",
        postgresql_ops={"nonce": "varchar_pattern_ops"},
    ),
)


passport_admin_dismissedbanners = Table(
    "passport_admin_dismissedbanners",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("address", String(42), nullable=False),
    Column("banner_id", BigInteger(), nullable=False),
    ForeignKeyConstraint(
        ["banner_id"],
        ["passport_admin_passportbanner.id"],
        name="passport_admin_dismi_banner_id_f9734da0_fk_passport_",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="passport_admin_dismissedbanners_pkey"),
    Index("passport_admin_dismissedbanners_banner_id_f9734da0", "banner_id"),
)


passport_admin_notification = Table(
    "passport_admin_notification",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("notification_id", String(255), nullable=False),
    Column("type", String(50), nullable=False),
    Column("is_active", Boolean(), nullable=False),
    Column("link", String(255), nullable=True),
    Column("link_text", String(255), nullable=True),
    Column("content", Text(), nullable=False),
    Column("created_at", Date(), nullable=False),
    Column("expires_at", Date(), nullable=True),
    Column("eth_address", String(42), nullable=True),
    Column("community_id", BigInteger(), nullable=False),
    ForeignKeyConstraint(
        ["community_id"],
        ["account_community.id"],
        name="passport_admin_notif_community_id_9896ef85_fk_account_c",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="passport_admin_notification_pkey"),
    UniqueConstraint("notification_id", name="passport_admin_notification_notification_id_key"),
    Index("passport_admin_notification_community_id_9896ef85", "community_id"),
    Index("passport_admin_notification_created_at_50b27616", "created_at"),
    Index("passport_admin_notification_eth_address_ab8d7cdd", "eth_address"),
    Index(
        "passport_admin_notification_eth_address_ab8d7cdd_like",
        "eth_address",
        postgresql_ops={"eth_address": "varchar_pattern_ops"},
    ),
    Index("passport_admin_notification_expires_at_f4b46eb9", "expires_at"),
    Index("passport_admin_notification_is_active_4894e950", "is_active"),
    Index(
        "passport_admin_notification_notification_id_1d2173f4_like",
        "notification_id",
        postgresql_ops={"notification_id": "varchar_pattern_ops"},
    ),
    Index("passport_admin_notification_type_433ef3b6", "type"),
    Index(
        "passport_admin_notification_type_433ef3b6_like",
        "type",
        postgresql_ops={"type": "varchar_pattern_ops"},
    ),
)


passport_admin_notificationstatus = Table(
    "passport_admin_notificationstatus",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("is_read", Boolean(), nullable=False),
    Column("is_deleted", Boolean(), nullable=False),
    Column("eth_address", String(42), nullable=False),
    Column("notification_id", BigInteger(), nullable=False),
    ForeignKeyConstraint(
        ["notification_id"],
        ["passport_admin_notification.id"],
        name="passport_admin_notif_notification_id_acdcb74a_fk_passport_",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="passport_admin_notificationstatus_pkey"),
    Index("passport_admin_notificationstatus_eth_address_a493bb99", "eth_address"),
    Index(
        "passport_admin_notificationstatus_eth_address_a493bb99_like",
        "eth_address",
        postgresql_ops={"eth_address": "varchar_pattern_ops"},
    ),
    Index("passport_admin_notificationstatus_is_deleted_60338f92", "is_deleted"),
    Index("passport_admin_notificationstatus_is_read_7cfef409", "is_read"),
    Index("passport_admin_notificationstatus_notification_id_acdcb74a", "notification_id"),
)


passport_admin_passportbanner = Table(
    "passport_admin_passportbanner",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("content", Text(), nullable=False),
    Column("link", String(200), nullable=True),
    Column("is_active", Boolean(), nullable=False),
    Column("application", String(50), nullable=False),
    Column("display_on_all_dashboards", Boolean(), nullable=False),
    PrimaryKeyConstraint("id", name="passport_admin_passportbanner_pkey"),
    Index("passport_admin_passportbanner_application_e63c877c", "application"),
    Index(
        "passport_admin_passportbanner_application_e63c877c_like",
        "application",
        postgresql_ops={"application": "varchar_pattern_ops"},
    ),
)


passport_admin_systemtestresult = Table(
    "passport_admin_systemtestresult",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("name", String(255), nullable=False),
    Column("category", JsonB, nullable=False),
    Column("success", Boolean(), nullable=False),
    Column("error", Text(), nullable=True),
    Column("timestamp", TimestampTZ(), nullable=False),
    Column("run_id", BigInteger(), nullable=False),
    ForeignKeyConstraint(
        ["run_id"],
        ["passport_admin_systemtestrun.id"],
        name="passport_admin_syste_run_id_c1f157bf_fk_passport_",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="passport_admin_systemtestresult_pkey"),
    Index("passport_admin_systemtestresult_name_6d6305dc", "name"),
    Index(
        "passport_admin_systemtestresult_name_6d6305dc_like",
        "name",
        postgresql_ops={"name": "varchar_pattern_ops"},
    ),
    Index("passport_admin_systemtestresult_run_id_c1f157bf", "run_id"),
    Index("passport_admin_systemtestresult_timestamp_09d4a189", "timestamp"),
)


passport_admin_systemtestrun = Table(
    "passport_admin_systemtestrun",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("timestamp", TimestampTZ(), nullable=True),
    Column("finished", Boolean(), nullable=False),
    PrimaryKeyConstraint("id", name="passport_admin_systemtestrun_pkey"),
    Index("passport_admin_systemtestrun_timestamp_003896b1", "timestamp"),
)


registry_batchmodelscoringrequest = Table(
    "registry_batchmodelscoringrequest",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("created_at", TimestampTZ(), nullable=False),
    Column("s3_filename", String(100), nullable=False),
    Column("model_list", String(100), nullable=False),
    Column("status", String(20), nullable=False),
    Column("progress", Integer(), nullable=False),
    Column("input_addresses_file", String(100), nullable=True),
    Column("last_progress_update", TimestampTZ(), nullable=True),
    Column("results_file", String(100), nullable=True),
    Column("trigger_processing_file", String(100), nullable=True),
    PrimaryKeyConstraint("id", name="registry_batchmodelscoringrequest_pkey"),
    Index("registry_batchmodelscoringrequest_s3_filename_b29bfee0", "s3_filename"),
    Index(
        "registry_batchmodelscoringrequest_s3_filename_b29bfee0_like",
        "s3_filename",
        postgresql_ops={"s3_filename": "varchar_pattern_ops"},
    ),
    Index("registry_batchmodelscoringrequest_status_1e39ea57", "status"),
    Index(
        "registry_batchmodelscoringrequest_status_1e39ea57_like",
        "status",
        postgresql_ops={"status": "varchar_pattern_ops"},
    ),
)


registry_batchmodelscoringrequestitem = Table(
    "registry_batchmodelscoringrequestitem",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("status", String(20), nullable=False),
    Column("address", String(42), nullable=False),
    Column("result", JsonB, nullable=True),
    Column("batch_scoring_request_id", BigInteger(), nullable=False),
    ForeignKeyConstraint(
        ["batch_scoring_request_id"],
        ["registry_batchmodelscoringrequest.id"],
        name="registry_batchmodels_batch_scoring_reques_1b4411d4_fk_registry_",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="registry_batchmodelscoringrequestitem_pkey"),
    UniqueConstraint(
        "batch_scoring_request_id",
        "address",
        name="registry_batchmodelscori_batch_scoring_request_id_84025355_uniq",
    ),
    Index(
        "registry_batchmodelscoring_batch_scoring_request_id_1b4411d4", "batch_scoring_request_id"
    ),
    Index("registry_batchmodelscoringrequestitem_address_db1c05fb", "address"),
    Index(
        "registry_batchmodelscoringrequestitem_address_db1c05fb_like",
        "address",
        postgresql_ops={"address": "varchar_pattern_ops"},
    ),
    Index("registry_batchmodelscoringrequestitem_status_3792db9d", "status"),
    Index(
        "registry_batchmodelscoringrequestitem_status_3792db9d_like",
        "status",
        postgresql_ops={"status": "varchar_pattern_ops"},
    ),
)


registry_platformmetadata = Table(
    "registry_platformmetadata",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("platform_id", String(100), nullable=False),
    Column("name", String(255), nullable=False),
    PrimaryKeyConstraint("id", name="registry_platformmetadata_pkey"),
    UniqueConstraint("platform_id", name="registry_platformmetadata_platform_id_key"),
    Index(
        "registry_platformmetadata_platform_id_4cfe4071_like",
        "platform_id",
        postgresql_ops={"platform_id": "varchar_pattern_ops"},
    ),
)


registry_stampmetadata = Table(
    "registry_stampmetadata",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("provider", String(100), nullable=False),
    Column("is_beta", Boolean(), nullable=False),
    Column("platform_id", BigInteger(), nullable=True),
    ForeignKeyConstraint(
        ["platform_id"],
        ["registry_platformmetadata.id"],
        name="registry_stampmetada_platform_id_2db1cda7_fk_registry_",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="registry_stampmetadata_pkey"),
    UniqueConstraint("provider", name="registry_stampmetadata_provider_key"),
    Index("registry_stampmetadata_platform_id_2db1cda7", "platform_id"),
    Index(
        "registry_stampmetadata_provider_c1e63c14_like",
        "provider",
        postgresql_ops={"provider": "varchar_pattern_ops"},
    ),
)


registry_weightconfiguration = Table(
    "registry_weightconfiguration",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("version", String(50), nullable=False),
    Column("active", Boolean(), nullable=False),
    Column("created_at", TimestampTZ(), nullable=False),
    Column("updated_at", TimestampTZ(), nullable=False),
    Column("threshold", Double(), nullable=False),
    Column("description", Text(), nullable=True),
    Column("csv_source", String(100), nullable=True),
    PrimaryKeyConstraint("id", name="registry_weightconfiguration_pkey"),
    UniqueConstraint("version", name="registry_weightconfiguration_version_key"),
    Index(
        "registry_weightconfiguration_version_dd3c204b_like",
        "version",
        postgresql_ops={"version": "varchar_pattern_ops"},
    ),
    Index(
        "unique_active_weight_configuration",
        "active",
        unique=True,
        postgresql_where=text("active"),
        sqlite_where=text("active"),
    ),
)


registry_weightconfigurationitem = Table(
    "registry_weightconfigurationitem",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("provider", String(100), nullable=False),
    Column("weight", Double(), nullable=False),
    Column("weight_configuration_id", BigInteger(), nullable=False),
    Column("stamp_metadata_id", BigInteger(), nullable=True),
    ForeignKeyConstraint(
        ["stamp_metadata_id"],
        ["registry_stampmetadata.id"],
        name="registry_weightconfi_stamp_metadata_id_45946ad6_fk_registry_",
        deferrable=True,
        initially="DEFERRED",
    ),
    ForeignKeyConstraint(
        ["weight_configuration_id"],
        ["registry_weightconfiguration.id"],
        name="registry_weightconfi_weight_configuration_e19e8710_fk_registry_",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="registry_weightconfigurationitem_pkey"),
    UniqueConstraint(
        "weight_configuration_id",
        "provider",
        name="registry_weightconfigura_weight_configuration_id__b10abd40_uniq",
    ),
    Index("registry_weightconfigurati_weight_configuration_id_e19e8710", "weight_configuration_id"),
    Index("registry_weightconfigurationitem_stamp_metadata_id_45946ad6", "stamp_metadata_id"),
)


tos_tos = Table(
    "tos_tos",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("created_at", TimestampTZ(), nullable=False),
    Column("modified_at", TimestampTZ(), nullable=False),
    Column("type", String(3), nullable=False),
    Column("active", Boolean(), nullable=False),
    Column("content", Text(), nullable=False),
    Column("final", Boolean(), nullable=False),
    PrimaryKeyConstraint("id", name="tos_tos_pkey"),
    Index(
        "Only 1 active final tos is allowed for any given type",
        "type",
        "final",
        "active",
        unique=True,
        postgresql_where=text("active AND final"),
        sqlite_where=text("active AND final"),
    ),
    Index("tos_tos_type_8eb81af0", "type"),
    Index("tos_tos_type_8eb81af0_like", "type", postgresql_ops={"type": "varchar_pattern_ops"}),
)


tos_tosacceptanceproof = Table(
    "tos_tosacceptanceproof",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("created_at", TimestampTZ(), nullable=False),
    Column("address", String(42), nullable=False),
    Column("signature", String(132), nullable=False),
    Column("nonce", String(60), nullable=False),
    Column("tos_id", BigInteger(), nullable=False),
    ForeignKeyConstraint(
        ["tos_id"],
        ["tos_tos.id"],
        name="tos_tosacceptanceproof_tos_id_b93bc3e2_fk_tos_tos_id",
        deferrable=True,
        initially="DEFERRED",
    ),
    PrimaryKeyConstraint("id", name="tos_tosacceptanceproof_pkey"),
    UniqueConstraint("nonce", name="tos_tosacceptanceproof_nonce_key"),
    UniqueConstraint(
        "tos_id", "address", name="tos_tosacceptanceproof_tos_id_address_944e91c7_uniq"
    ),
    Index(
        "tos_tosacceptanceproof_nonce_5cddfc59_like",
        "nonce",
        postgresql_ops={"nonce": "varchar_pattern_ops"},
    ),
    Index("tos_tosacceptanceproof_tos_id_b93bc3e2", "tos_id"),
)


# --- Migration 0003: the customization routes' featured campaigns ----------------------------

account_featuredcampaign = Table(
    "account_featuredcampaign",
    metadata,
    Column("id", BigIdentityType, Identity(start=1, increment=1), nullable=False),
    Column("partner_name", String(100), nullable=False),
    Column("partner_logo", Text(), nullable=False),
    Column("image_tag", String(100), nullable=False),
    Column("header_text", String(255), nullable=False),
    Column("body_text", Text(), nullable=False),
    Column("destination_url", String(200), nullable=False),
    Column("is_active", Boolean(), nullable=False),
    Column("display_order", Integer(), nullable=False),
    CheckConstraint("display_order >= 0", name="account_featuredcampaign_display_order_check"),
    PrimaryKeyConstraint("id", name="account_featuredcampaign_pkey"),
)
