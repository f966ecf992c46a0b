"""A real HTTP server on loopback serving a Passport app's `stampMetadata.json` (for the stamp
metadata routes); tests change what it answers and count the fetches."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.loopback_http import loopback_server

PLATFORMS: list[dict[str, Any]] = [
    {
        "id": "Google",
        "icon": "./assets/googleStampIcon.svg",
        "name": "Google",
        "description": "Connect your existing Google Account to verify.",
        "connectMessage": "Connect Account",
        "isEVM": False,  # dropped from the answer, as the reference does
        "groups": [
            {
                "name": "Account Name",
                "stamps": [
                    {"name": "Google", "description": "Encrypted", "hash": "0xaa"},
                ],
            }
        ],
    },
    {
        "id": "Github",
        "icon": "./assets/githubStampIcon.svg",
        "name": "Github",
        "description": "Connect your Github account.",
        "connectMessage": "Connect Account",
        "groups": [
            {
                "name": "Contributions",
                "stamps": [
                    {"name": "Github", "description": "Has an account", "hash": "0xbb"},
                    {"name": "GithubGuru", "description": "Many commits", "hash": "0xcc"},
                ],
            }
        ],
    },
]


@dataclass
class MetadataServer:
    url: str  # the app's public URL (ends with `/`)
    status: int = 200
    body: bytes = field(default_factory=lambda: json.dumps(PLATFORMS).encode())
    fetches: int = 0


@contextmanager
def metadata_server() -> Iterator[MetadataServer]:
    state = MetadataServer(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path != "/stampMetadata.json":
                self.send_error(404)
                return
            state.fetches += 1
            self.send_response(state.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(state.body)))
            self.end_headers()
            self.wfile.write(state.body)

        def log_message(self, format: str, *args: Any) -> None:
            return None

    with loopback_server(Handler) as base:
        state.url = f"{base}/"
        yield state
