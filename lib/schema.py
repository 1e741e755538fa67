"""Row types and fixed column names of the dataset. docs/DATA.md documents every column
(tests/test_docs.py fails when one is missing)."""

from __future__ import annotations

from dataclasses import dataclass, field

ARTICLE_COLUMNS = [
    "article_id", "source_file", "part", "title", "kicker", "authors", "byline", "zone", "zone_method",
    "zones_mentioned", "year", "n_chars", "n_paragraphs", "n_duplicates", "content_hash", "origin",
]
PARAGRAPH_COLUMNS = [
    "paragraph_id", "article_id", "zone", "year", "seq", "section", "kind", "text",
    "is_duplicate", "duplicate_of", "themes", "tokens",
]
METRIC_COLUMNS = [
    "metric_id", "article_id", "paragraph_id", "zone", "label", "value", "value_high", "unit",
    "base_value", "base_unit", "qualifier", "qualifier_kind", "kind", "year", "theme", "raw", "sentence",
]
INITIATIVE_COLUMNS = [
    "initiative_id", "article_id", "paragraph_id", "zone", "name", "full_name", "kind", "components",
    "expected_count", "found_count", "theme", "sentence", "shared_zones",
]
ENTITY_COLUMNS = [
    "entity_id", "article_id", "paragraph_id", "zone", "name", "short_name", "type", "role",
    "mentions", "sentence",
]

TABLES = {
    "articles": ARTICLE_COLUMNS,
    "paragraphs": PARAGRAPH_COLUMNS,
    "metrics": METRIC_COLUMNS,
    "initiatives": INITIATIVE_COLUMNS,
    "entities": ENTITY_COLUMNS,
}

#: Paragraph kinds.
BODY, HEADING, CAPTION, CREDIT, BYLINE, TITLE = "body", "heading", "caption", "credit", "byline", "title"


@dataclass
class Paragraph:
    seq: int
    kind: str
    text: str
    section: str = ""
    is_duplicate: bool = False
    duplicate_of: int | None = None


@dataclass
class Article:
    """One report, after splitting a file and repairing its text."""

    source_file: str
    part: int
    title: str
    kicker: str = ""
    authors: list[str] = field(default_factory=list)
    byline: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def body(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == BODY and not p.is_duplicate]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.body)
