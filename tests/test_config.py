from __future__ import annotations

import base64

import pytest

from passport_scorer.config import DEFAULT_TRUSTED_IAM_ISSUERS, ConfigurationError, load_settings
from passport_scorer.db.url import redact, to_sqlalchemy_url


def test_defaults_need_nothing() -> None:
    settings = load_settings({})
    assert settings.DATABASE_URL.startswith("sqlite:///")
    assert settings.TRUSTED_IAM_ISSUERS == DEFAULT_TRUSTED_IAM_ISSUERS
    assert not settings.multi_nullifier
    assert settings.CGRANTS_API_TOKEN is None


def test_reference_names_and_spellings() -> None:
    settings = load_settings(
        {
            "TRUSTED_IAM_ISSUERS": '["did:ethr:0x1", "did:key:z6"]',
            "FF_MULTI_NULLIFIER": "on",
            "RATELIMIT_ENABLE": "True",
            "DEMO_API_SCORER_ID": "12",
            "DEMO_API_KEY_ALIASES": '["a", "b"]',
            "CGRANTS_API_TOKEN": "secret-token",
        }
    )
    assert settings.trusted_issuers == {"did:ethr:0x1", "did:key:z6"}
    assert settings.multi_nullifier and settings.RATELIMIT_ENABLE == "on"
    assert settings.DEMO_API_SCORER_ID == 12
    assert sorted(settings.DEMO_API_KEY_ALIASES) == ["a", "b"]
    assert "secret-token" not in repr(settings)


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"TRUSTED_IAM_ISSUERS": "did:ethr:0x1"}, "invalid setting TRUSTED_IAM_ISSUERS"),
        ({"TRUSTED_IAM_ISSUERS": '[""]'}, "invalid setting TRUSTED_IAM_ISSUERS"),
        ({"DATABASE_URL": "mysql://x/y"}, "invalid setting DATABASE_URL"),
        ({"DATABASE_URL": "::::"}, "invalid setting DATABASE_URL"),
        ({"FF_MULTI_NULLIFIER": "maybe"}, "invalid setting FF_MULTI_NULLIFIER"),
        ({"DB_POOL_SIZE": "0"}, "invalid setting DB_POOL_SIZE"),
        ({"DEMO_API_SCORER_ID": "x"}, "invalid setting DEMO_API_SCORER_ID"),
        (
            {"REDIS_URL": "http://:pw@cache:6379/0"},
            "invalid setting REDIS_URL: scheme 'http' is not redis, rediss or unix",
        ),
        ({"REDIS_URL": "cache:6379"}, "invalid setting REDIS_URL: not a URL"),
        ({"ACCESS_LOG": "loud"}, "invalid setting ACCESS_LOG"),
        ({"LIBRARY_LOG_LEVEL": "chatty"}, "invalid setting LIBRARY_LOG_LEVEL"),
        ({"HUMAN_POINTS_WRITE_ENABLED": "true"}, "invalid setting HUMAN_POINTS_WRITE_ENABLED"),
        ({"HUMAN_POINTS_START_TIMESTAMP": "soon"}, "invalid setting HUMAN_POINTS_START_TIMESTAMP"),
    ],
)
def test_invalid_settings_fail_with_one_line(environ: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        load_settings(environ)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_human_points_settings_take_the_reference_spellings() -> None:
    off = load_settings({})
    assert (off.HUMAN_POINTS_ENABLED, off.HUMAN_POINTS_WRITE_ENABLED) == ("off", "off")
    assert (off.HUMAN_POINTS_START_TIMESTAMP, off.HUMAN_POINTS_MTA_ENABLED) == (0, "off")
    on = load_settings(
        {
            "HUMAN_POINTS_ENABLED": "true",
            "HUMAN_POINTS_WRITE_ENABLED": "True",
            "HUMAN_POINTS_START_TIMESTAMP": "1747000000",
            "HUMAN_POINTS_MTA_ENABLED": "1",
        }
    )
    assert (on.HUMAN_POINTS_ENABLED, on.HUMAN_POINTS_WRITE_ENABLED) == ("on", "on")
    assert (on.HUMAN_POINTS_START_TIMESTAMP, on.HUMAN_POINTS_MTA_ENABLED) == (1747000000, "on")


def test_database_urls_map_to_async_drivers() -> None:
    pg = to_sqlalchemy_url("postgres://u:p@db:5432/passport?sslmode=disable")
    assert pg.drivername == "postgresql+asyncpg"
    assert pg.query == {"ssl": "disable"}
    assert to_sqlalchemy_url("sqlite:///./x.db").drivername == "sqlite+aiosqlite"
    assert "p@" not in redact("postgres://u:p@db/passport")


def test_redis_urls_of_every_scheme_and_an_empty_one() -> None:
    for url in ("redis://:pw@cache:6379/0", "rediss://cache:6380/1", "unix:///run/redis.sock"):
        value = load_settings({"REDIS_URL": url}).REDIS_URL
        assert value is not None and value.get_secret_value() == url
    assert load_settings({"REDIS_URL": ""}).REDIS_URL is None


def test_placeholder_issuers_are_recognised() -> None:
    assert load_settings({}).placeholder_issuers
    assert load_settings({"TRUSTED_IAM_ISSUERS": "[]"}).placeholder_issuers
    assert not load_settings({"TRUSTED_IAM_ISSUERS": '["did:ethr:0xreal"]'}).placeholder_issuers


def test_operations_settings_defaults() -> None:
    settings = load_settings({"LOG_LEVEL": "debug"})
    assert (settings.LOG_LEVEL, settings.LIBRARY_LOG_LEVEL) == ("DEBUG", "WARNING")
    assert settings.ACCESS_LOG == "on" and settings.OTEL_EXPORTER_OTLP_ENDPOINT is None


def test_sign_in_settings() -> None:
    from tests.app_tokens import APP_KEYS, AppKeys

    pem = APP_KEYS.private_pem
    settings = load_settings(
        {
            "SIWE_JWT_PRIVATE_KEY": base64.b64encode(pem.encode()).decode(),
            "SIWE_JWT_PUBLIC_KEY": APP_KEYS.public_b64,
            "SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE": '["app.passport.xyz", " Stake.passport.xyz "]',
            "ETHEREUM_RPC_URL": "https://mainnet.example/v3/secret-key",
        }
    )
    assert settings.SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE == ["app.passport.xyz", "Stake.passport.xyz"]
    assert settings.missing_sign_in_settings == []
    assert "secret-key" not in repr(settings) and pem.splitlines()[1] not in repr(settings)
    # Without a public key, the private key's public half verifies the app's tokens.
    assert load_settings({"SIWE_JWT_PRIVATE_KEY": pem}).missing_app_settings == [
        "CERAMIC_CACHE_SCORER_ID"
    ]
    assert load_settings({}).missing_sign_in_settings == [
        "SIWE_JWT_PRIVATE_KEY",
        "SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE",
    ]
    other = AppKeys.generate()
    with pytest.raises(ConfigurationError) as caught:
        load_settings({"SIWE_JWT_PRIVATE_KEY": other.private_pem, **APP_KEYS.settings()})
    assert str(caught.value) == (
        "invalid setting SIWE_JWT_PRIVATE_KEY: is not the private half of SIWE_JWT_PUBLIC_KEY "
        "(the tokens it signs would be refused)"
    )


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"SIWE_JWT_PRIVATE_KEY": "not a key"}, "invalid setting SIWE_JWT_PRIVATE_KEY: must be"),
        ({"SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE": "app.x"}, "invalid setting SIWE_ALLOWED_DOMAINS"),
        (
            {"SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE": '["https://app.x"]'},
            "invalid setting SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE: domains must be host names",
        ),
        ({"ETHEREUM_RPC_URL": "wss://x"}, "invalid setting ETHEREUM_RPC_URL: must be an http(s)"),
        ({"ETHEREUM_RPC_TIMEOUT_SECONDS": "0"}, "invalid setting ETHEREUM_RPC_TIMEOUT_SECONDS"),
    ],
)
def test_invalid_sign_in_settings(environ: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        load_settings(environ)
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)
