"""`/docs` works offline: every asset comes from this service (the Swagger UI package)."""

from __future__ import annotations

import asyncio
import re
import subprocess

import httpx
import pytest

from tests.conftest import CHROMIUM, ServerStarter


async def test_docs_page_declares_its_charset_and_loads_only_local_assets(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/docs")
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert '<meta charset="utf-8">' in page.text
    references = re.findall(r'(?:src|href)="([^"]+)"', page.text) + re.findall(
        r'url: "([^"]+)"', page.text
    )
    assert references, page.text
    assert not [ref for ref in references if "//" in ref], references  # nothing off-site
    assert "validatorUrl: null" in page.text  # no badge fetched from the validator service
    for ref in references:
        asset = await client.get(ref)
        assert asset.status_code == 200, ref
        assert len(asset.content) > 100, ref
    bundle = await client.get("/docs/assets/swagger-ui-bundle.js")
    assert bundle.headers["content-type"].startswith(("text/javascript", "application/javascript"))


@pytest.mark.chromium
@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # the page, not the database
async def test_docs_render_in_headless_chromium_with_the_network_off(
    start_server: ServerStarter, database_url: str
) -> None:
    """Every host name but the loopback server's fails to resolve, and no proxy is reachable:
    the page renders its operations from local assets alone."""
    binary = CHROMIUM
    assert binary is not None
    base = start_server(database_url)
    process = await asyncio.create_subprocess_exec(
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--proxy-server=http://127.0.0.1:9",
        "--proxy-bypass-list=127.0.0.1",
        "--virtual-time-budget=15000",
        "--dump-dom",
        f"{base}/docs",
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    dom, _ = await asyncio.wait_for(process.communicate(), timeout=120)
    text = dom.decode()
    assert 'class="title">Passport scorer' in text, text[:2000]
    assert "/v2/stamps/{scorer_id}/score/{address}" in text
    assert "Failed to load" not in text
