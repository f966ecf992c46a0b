"""The demo's Passport-app settings: a local sign-in key pair, kept in an env file that
`make run` loads before `serve`, and an access token for a demo address signed with it.

The key is made on the first run and reused after (tokens printed earlier stay valid). It
is a demo key on the operator's machine: a real deployment's key is its own secret.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from passport_scorer.domain.app_tokens import AppTokenIssuer, load_private_key

KEY_SETTING = "SIWE_JWT_PRIVATE_KEY"


@dataclass(frozen=True)
class DemoApp:
    env_file: Path
    token: str  # an access token for the address it was made for


def _existing_key(path: Path) -> str | None:
    if not path.exists():
        return None
    for line in path.read_text().splitlines():
        name, _, value = line.partition("=")
        if name.strip() == KEY_SETTING and value.strip():
            try:
                load_private_key(value.strip())
            except ValueError:
                return None
            return value.strip()
    return None


def _new_key() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return base64.b64encode(pem).decode()


def write_demo_app(path: Path, community_id: int, base_url: str, address: str) -> DemoApp:
    """Write the app settings for the demo community (keeping the key of an earlier run) and
    sign a token for `address`."""
    key = _existing_key(path) or _new_key()
    host = urlsplit(base_url).netloc or "localhost"
    lines = [
        "# Written by `passport-scorer demo --app-env`: the demo's Passport-app settings.",
        f"CERAMIC_CACHE_SCORER_ID={community_id}",
        f"{KEY_SETTING}={key}",
        f"SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE='{json.dumps([host])}'",
    ]
    path.write_text("\n".join(lines) + "\n")
    path.chmod(0o600)
    token = AppTokenIssuer(load_private_key(key)).issue(address, datetime.now(UTC))
    return DemoApp(path, token)
