"""The paragraphs table: every block of a report after repair, with its themes and its keywords. Runs
last: the keywords keep whole the names the other extractors found in the report."""

from __future__ import annotations

from lib.extract.context import ArticleContext
from lib.extract.registry import ARTICLE_ID, KIND, PARAGRAPH_ID, YEAR, ZONE, Column, Extractor, register
from lib.text import keywords


@register
class Paragraphs(Extractor):
    table = "paragraphs"
    order = 90
    columns = (
        PARAGRAPH_ID,
        ARTICLE_ID,
        ZONE,
        YEAR,
        Column("seq", "int", "段序"),
        Column("section", "str", "小节"),
        KIND,
        Column("text", "str", "正文", text=True),
        Column("is_duplicate", "bool", "是否重复"),
        Column("duplicate_of", "str", "重复于"),
        Column("counted", "bool", "计入统计"),
        Column("themes", "list", "主题"),
        Column("tokens", "list", "分词"),
    )

    def load(self) -> None:
        keywords.extract_terms("")  # the segmenter and the keyword settings

    def extract(self, ctx: ArticleContext) -> list[dict]:
        names = report_names(ctx)
        settings, segmenter = keywords.keyword_settings(), keywords.current_segmenter()
        return [
            {
                "paragraph_id": ctx.paragraph_id(p.seq),
                "year": ctx.facts.get("year"),
                "seq": p.seq,
                "section": p.section,
                "kind": p.kind,
                "text": p.text,
                "is_duplicate": p.is_duplicate,
                "duplicate_of": ctx.paragraph_id(p.duplicate_of) if p.duplicate_of is not None else None,
                "counted": p.counted,
                "themes": ctx.paragraph_themes.get(p.seq, []),
                "tokens": keywords.extract_terms(
                    p.text, extra_words=names, settings=settings, segmenter=segmenter
                )
                if p.counted
                else [],
            }
            for p in ctx.article.paragraphs
        ]


def report_names(ctx: ArticleContext) -> set[str]:
    """The names found in a report (its zones, initiatives, organisations and people, with short names):
    the segmenter keeps each one whole in that report."""
    found = ctx.found
    names = {ctx.facts.get("zone", ""), *ctx.facts.get("zones_mentioned", [])}
    names |= {i["name"] for i in found.get("initiatives", [])}
    names |= {e["name"] for e in found.get("entities", [])}
    names |= {e["short_name"] for e in found.get("entities", []) if e.get("short_name")}
    names.discard("")
    return names
