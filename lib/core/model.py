"""A report as the reading stage leaves it: its headline lines, byline and typed paragraphs.

What counts: only a body paragraph that is not a printed copy of an earlier one is counted anywhere
(statistics, metrics, initiatives, keywords). `Paragraph.counted` is the one definition; the dataset
stores it as the paragraphs table's `counted` column and `lib.dataset.schema.counted_paragraphs` selects
by that column, so no other module restates the rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Paragraph kinds.
BODY, HEADING, CAPTION, CREDIT, BYLINE = "body", "heading", "caption", "credit", "byline"
#: Kinds of line that never become paragraphs: web-page metadata (dates, sources) and clutter (menus …).
META, CLUTTER = "meta", "clutter"


@dataclass
class Paragraph:
    seq: int
    kind: str
    text: str
    section: str = ""
    is_duplicate: bool = False
    duplicate_of: int | None = None

    @property
    def counted(self) -> bool:
        """A body paragraph that is not a copy: the only kind statistics and extraction count."""
        return self.kind == BODY and not self.is_duplicate


@dataclass
class Article:
    """One report, after splitting a file and repairing its text."""

    source_file: str
    part: int
    title: str
    kicker: str = ""
    byline: str = ""
    #: The publication date its page gives (YYYY-MM-DD), else None.
    date: str | None = None
    #: The page's source and date lines above the body (来源：某某经开区 2024-05-31), joined.
    page_meta: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def body(self) -> list[Paragraph]:
        """The counted paragraphs, in order."""
        return [p for p in self.paragraphs if p.counted]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.body)
