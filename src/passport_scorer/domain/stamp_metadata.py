"""The public stamp metadata (the Passport app's `stampMetadata.json`), as the reference relays it.

Each platform keeps `id`, `icon` (made absolute against the app's public URL), `name`,
`description`, `connectMessage` and `groups` of `{name, stamps: [{name, description, hash}]}`;
anything else in the file is dropped. A file of any other shape is refused.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from pydantic import BaseModel, TypeAdapter, ValidationError


class MetadataStamp(BaseModel):
    name: str
    description: str
    hash: str


class MetadataGroup(BaseModel):
    name: str
    stamps: list[MetadataStamp]


class PlatformMetadata(BaseModel):
    id: str
    icon: str
    name: str
    description: str
    connectMessage: str  # the file's own key
    groups: list[MetadataGroup]


_PLATFORMS = TypeAdapter(list[PlatformMetadata])


class InvalidMetadata(ValueError):
    """The fetched file is not a list of platforms."""


def parse_platforms(document: object, public_url: str) -> list[dict[str, Any]]:
    """The platforms of the metadata file, icons absolute; InvalidMetadata otherwise."""
    try:
        platforms = _PLATFORMS.validate_python(document)
    except ValidationError as error:
        raise InvalidMetadata(str(error.errors(include_url=False)[:1])) from None
    shown = []
    for platform in platforms:
        entry = platform.model_dump()
        entry["icon"] = urljoin(public_url, platform.icon)
        shown.append(entry)
    return shown


def metadata_by_provider(platforms: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Provider (stamp name) → the metadata shown beside a stamp (`include_metadata`)."""
    return {
        stamp["name"]: {
            "group": group["name"],
            "platform": {
                "id": platform["id"],
                "icon": platform["icon"],
                "name": platform["name"],
                "description": platform["description"],
                "connectMessage": platform["connectMessage"],
            },
            "name": stamp["name"],
            "description": stamp["description"],
            "hash": stamp["hash"],
        }
        for platform in platforms
        for group in platform["groups"]
        for stamp in group["stamps"]
    }
