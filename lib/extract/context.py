"""What an extractor sees of one report: the repaired article, its ids, the facts and rows of the
extractors that ran before it, and a per-report cache of sentence themes."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from lib.core.model import BODY, Article, Paragraph
from lib.extract import themes


@dataclass
class ArticleContext:
    article: Article
    article_id: str
    source_file: str
    origin: str
    content_hash: str
    #: Report-level facts set by earlier extractors (the articles extractor sets zone, zone_method,
    #: zones_mentioned, year).
    facts: dict = field(default_factory=dict)
    #: Rows of the extractors that ran before, by table.
    found: dict[str, list[dict]] = field(default_factory=dict)
    _sentence_themes: dict[str, list[str]] = field(default_factory=dict, repr=False)

    @cached_property
    def body(self) -> list[Paragraph]:
        """The counted paragraphs (see lib.core.model), in order."""
        return self.article.body

    @cached_property
    def body_texts(self) -> list[str]:
        return [p.text for p in self.body]

    @cached_property
    def body_text(self) -> str:
        return "\n".join(self.body_texts)

    def paragraph_id(self, seq: int) -> str:
        """The stable id of the report's paragraph number `seq`."""
        return f"{self.article_id}-p{seq:03d}"

    def body_paragraph_id(self, index: int) -> str:
        """The id of body paragraph number `index` (the first one when out of range)."""
        body = self.body
        return self.paragraph_id(body[index].seq if 0 <= index < len(body) else body[0].seq)

    @cached_property
    def taxonomy(self) -> themes.Taxonomy:
        return themes.load_taxonomy()

    @cached_property
    def paragraph_themes(self) -> dict[int, list[str]]:
        """Themes of every body paragraph (copies included), by seq."""
        return {
            p.seq: themes.tag_themes(p.text, taxonomy=self.taxonomy)
            for p in self.article.paragraphs
            if p.kind == BODY
        }

    def theme_of(self, sentence: str, index: int) -> str:
        """The first theme of a sentence, else of its body paragraph number `index`; "" when none."""
        if sentence not in self._sentence_themes:
            self._sentence_themes[sentence] = themes.tag_themes(sentence, taxonomy=self.taxonomy)
        found = self._sentence_themes[sentence]
        if not found and self.body:
            found = self.paragraph_themes.get(self.body[index if 0 <= index < len(self.body) else 0].seq, [])
        return found[0] if found else ""
