"""No secret leaves the compare command."""

from __future__ import annotations

from passport_scorer.compare.redact import REDACTED, Redactor, is_secret_name

KEY = "AbCd1234.abcdefghijklmnopqrstuvwxyz012345"
JWT = "eyJhbGciOiJSUzI1NiJ9.eyJkaWQiOiJkaWQ6cGtoIn0.sig_nature-part"


def test_variable_values_become_their_names() -> None:
    redactor = Redactor({"TOKEN": "internal-token-value", "SCORER": "12"})
    assert redactor.text("Authorization internal-token-value on 12") == (
        "Authorization ${TOKEN} on 12"  # short values are not secrets
    )


def test_keys_and_jwts_in_any_text_are_redacted() -> None:
    redactor = Redactor()
    assert redactor.text(f"curl -H 'X-API-Key: {KEY}'") == f"curl -H 'X-API-Key: {REDACTED}'"
    assert redactor.text(f"Bearer {JWT}") == f"Bearer {REDACTED}"
    assert redactor.text("0x0000000000000000000000000000000000a11ce0 24.00000") == (
        "0x0000000000000000000000000000000000a11ce0 24.00000"
    )


def test_values_under_secret_names_are_redacted_at_any_depth() -> None:
    redactor = Redactor()
    value = {
        "headers": {"x-api-key": "k", "Authorization": "Token t", "Cookie": "c", "Accept": "a"},
        "query": {"access_token": "q", "address": "0xabc"},
        "body": {"access": "a", "refresh": "r", "intercom_user_hash": "h", "items": [{"token": 1}]},
        "empty": {"password": None, "secret": ""},
    }
    assert redactor.value(value) == {
        "headers": {"x-api-key": REDACTED, "Authorization": REDACTED, "Cookie": REDACTED,
                    "Accept": "a"},
        "query": {"access_token": REDACTED, "address": "0xabc"},
        "body": {"access": REDACTED, "refresh": REDACTED, "intercom_user_hash": "h",
                 "items": [{"token": REDACTED}]},
        "empty": {"password": None, "secret": ""},
    }  # fmt: skip


def test_secret_names() -> None:
    assert all(map(is_secret_name, ["X-API-Key", "SIWE_JWT", "api_key", "Set-Cookie", "key"]))
    assert not any(map(is_secret_name, ["address", "score", "stamps", "requests", "row"]))
