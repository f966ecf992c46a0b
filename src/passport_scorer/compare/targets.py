"""Which deployments a comparison may send traffic to: loopback, or hosts named explicitly."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

import httpx

from passport_scorer.compare.errors import CompareInputError


def check_target(option: str, url: str, allowed_hosts: Iterable[str]) -> httpx.URL:
    """The base URL, if its host is loopback or in `allowed_hosts` (else an input error)."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        raise CompareInputError(f"{option} {url!r} is not a URL") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise CompareInputError(f"{option} {url!r}: expected http(s)://host[:port][/prefix]")
    if parsed.userinfo or parsed.query or parsed.fragment:
        # Not echoed: what is there may be a secret.
        raise CompareInputError(f"{option}: no credentials, query or fragment in the URL")
    host = parsed.host.lower()
    if not (_is_loopback(host) or host in {name.strip().lower() for name in allowed_hosts}):
        raise CompareInputError(
            f"{option} host {host} is not loopback; name it with --allow-host {host} to target it"
        )
    return parsed


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
