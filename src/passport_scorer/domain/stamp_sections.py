"""The embed widget's stamp sections: titled groups of platforms, each in its set order.

A customization orders section headers (`account_embedsectionorder`) and places platforms in
sections (`account_embedstampplatform`); both are shown by (`order`, id). A platform placed in
a section the customization does not order is not shown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SectionOrder:
    section_id: int
    title: str
    order: int


@dataclass(frozen=True, slots=True)
class PlacedPlatform:
    section_id: int
    platform_id: str
    order: int


@dataclass(frozen=True, slots=True)
class StampSection:
    title: str
    order: int
    items: tuple[PlacedPlatform, ...]


def stamp_sections(
    sections: Sequence[SectionOrder], platforms: Sequence[PlacedPlatform]
) -> list[StampSection]:
    """Sections and platforms each already in (`order`, id) order."""
    by_section: dict[int, list[PlacedPlatform]] = defaultdict(list)
    for platform in platforms:
        by_section[platform.section_id].append(platform)
    return [
        StampSection(section.title, section.order, tuple(by_section.get(section.section_id, ())))
        for section in sections
    ]
