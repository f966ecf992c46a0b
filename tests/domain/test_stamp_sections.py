from __future__ import annotations

from passport_scorer.domain.stamp_sections import (
    PlacedPlatform,
    SectionOrder,
    StampSection,
    stamp_sections,
)


def test_platforms_go_to_their_sections_in_the_order_given() -> None:
    sections = [SectionOrder(2, "Blockchain", 0), SectionOrder(1, "Social", 1)]
    platforms = [
        PlacedPlatform(1, "Github", 0),
        PlacedPlatform(2, "ETH", 0),
        PlacedPlatform(1, "Discord", 1),
        PlacedPlatform(9, "Unplaced", 0),  # in a section that is not ordered: left out
    ]
    assert stamp_sections(sections, platforms) == [
        StampSection("Blockchain", 0, (PlacedPlatform(2, "ETH", 0),)),
        StampSection(
            "Social", 1, (PlacedPlatform(1, "Github", 0), PlacedPlatform(1, "Discord", 1))
        ),
    ]


def test_no_sections() -> None:
    assert stamp_sections([], [PlacedPlatform(1, "Github", 0)]) == []
