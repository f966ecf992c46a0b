"""The stamp metadata source: fetched over HTTP from the app's public URL, kept for an hour."""

from __future__ import annotations

import json

import pytest

from passport_scorer.errors import UpstreamUnavailable
from passport_scorer.services.stamp_metadata import StampMetadataSource
from tests.metadata_server import metadata_server


async def test_fetches_once_and_makes_icons_absolute() -> None:
    with metadata_server() as upstream:
        source = StampMetadataSource(upstream.url)
        try:
            first = await source.platforms()
            second = await source.platforms()
            google = await source.for_provider("GithubGuru")
        finally:
            await source.close()
    assert upstream.fetches == 1
    assert first == second
    assert [p["icon"] for p in first] == [
        f"{upstream.url}assets/googleStampIcon.svg",
        f"{upstream.url}assets/githubStampIcon.svg",
    ]
    assert "isEVM" not in first[0]
    assert google == {
        "group": "Contributions",
        "platform": {
            "id": "Github",
            "icon": f"{upstream.url}assets/githubStampIcon.svg",
            "name": "Github",
            "description": "Connect your Github account.",
            "connectMessage": "Connect Account",
        },
        "name": "GithubGuru",
        "description": "Many commits",
        "hash": "0xcc",
    }


async def test_refetches_after_the_cache_time() -> None:
    with metadata_server() as upstream:
        source = StampMetadataSource(upstream.url, cache_seconds=0)
        try:
            await source.platforms()
            await source.platforms()
        finally:
            await source.close()
    assert upstream.fetches == 2


@pytest.mark.parametrize(
    ("status", "body"),
    [(500, b"{}"), (200, b"not json"), (200, json.dumps({"platforms": []}).encode())],
)
async def test_an_unusable_answer_is_unavailable(status: int, body: bytes) -> None:
    with metadata_server() as upstream:
        upstream.status, upstream.body = status, body
        source = StampMetadataSource(upstream.url)
        try:
            with pytest.raises(UpstreamUnavailable) as caught:
                await source.platforms()
            with pytest.raises(UpstreamUnavailable) as for_provider:
                await source.for_provider("Google")
        finally:
            await source.close()
    assert caught.value.detail == "Error fetching external stamp metadata"
    assert for_provider.value.detail == (
        "Error fetching external stamp metadata for provider Google"
    )


async def test_an_unreachable_app_is_unavailable() -> None:
    with metadata_server() as upstream:
        url = upstream.url
    source = StampMetadataSource(url)  # the server is gone
    try:
        with pytest.raises(UpstreamUnavailable):
            await source.platforms()
    finally:
        await source.close()
