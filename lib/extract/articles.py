"""The articles table: one row per report, with the report-level facts other extractors read (its zone
and year), set first."""

from __future__ import annotations

from lib.core.model import CAPTION
from lib.extract import zone_choice, zones
from lib.extract.context import ArticleContext
from lib.extract.registry import ARTICLE_ID, YEAR, ZONE, Column, Extractor, register
from lib.reading import dates
from lib.reading.bylines import authors


@register
class Articles(Extractor):
    table = "articles"
    order = 0
    columns = (
        ARTICLE_ID,
        Column("source_file", "str", "来源文件"),
        Column("part", "int", "篇序"),
        Column("title", "str", "标题"),
        Column("kicker", "str", "引题"),
        Column("authors", "list", "作者"),
        Column("byline", "str", "署名"),
        ZONE,
        Column("zone_full", "str", "区域全称"),
        Column("zone_level", "str", "区域级别"),
        Column("zone_type", "str", "区域类型"),
        Column("province", "str", "省份"),
        Column("city", "str", "城市"),
        Column("zone_method", "str", "区域识别方式"),
        Column("zones_mentioned", "list", "提及区域"),
        YEAR,
        Column("date", "str", "发布日期"),
        Column("n_chars", "int", "字数"),
        Column("n_paragraphs", "int", "段落数"),
        Column("n_duplicates", "int", "重复段落数"),
        Column("content_hash", "str", "内容指纹"),
        Column("origin", "str", "来源"),
    )

    def load(self) -> None:
        zones.load_gazetteer()
        dates.load_rules()

    def extract(self, ctx: ArticleContext) -> list[dict]:
        art = ctx.article
        found = zone_choice.detect_zone(art.title, ctx.body_text, source=art.page_meta)
        captions = "\n".join(p.text for p in art.paragraphs if p.kind == CAPTION and not p.is_duplicate)
        if not found.zone.name and captions:  # ▲某某保税区“英语角”活动: a photo's caption may name the zone
            pictured = zone_choice.detect_zone(
                art.title, f"{ctx.body_text}\n{captions}", source=art.page_meta
            )
            found = pictured if pictured.zone.name else found
        # a zone's own site may name it only in the page bar: 信息来源：某某经济开发区
        if not found.zone.name and art.page_meta:
            bar = zone_choice.detect_zone("", art.page_meta)
            found = bar if bar.zone.name else found  # else the place the body names most stays
        zone, method, mentioned = found.zone.name, found.method, found.mentioned
        year = int(art.date[:4]) if art.date else dates.article_year(f"{art.title}\n{ctx.body_text}")
        ctx.facts.update(zone=zone, zone_method=method, zones_mentioned=mentioned, year=year)
        return [
            {
                "article_id": ctx.article_id,
                "source_file": ctx.source_file,
                "part": art.part,
                "title": art.title,
                "kicker": art.kicker,
                "authors": authors(art.byline),
                "byline": art.byline,
                "zone": zone,
                "zone_full": found.zone.full_name,
                "zone_level": zones.LEVEL_LABELS.get(found.zone.level, found.zone.level) if zone else "",
                "zone_type": found.zone.type,
                "province": found.zone.province,
                "city": found.zone.city,
                "zone_method": method,
                "zones_mentioned": mentioned,
                "year": year,
                "date": art.date,
                "n_chars": len(ctx.body_text),
                "n_paragraphs": len(ctx.body),
                "n_duplicates": sum(p.is_duplicate for p in art.paragraphs),
                "content_hash": ctx.content_hash,
                "origin": ctx.origin,
            }
        ]


#: The tables whose `year` is the report's (a metric's is its sentence's).
REPORT_YEAR_TABLES = ("articles", "paragraphs")


def share_year(rows: dict[str, list[dict]]) -> None:
    """Gives the articles of one file that name no year the one year its other articles have: a page's
    photo captions (…举办2024年“七一”表彰大会) date the report beside them; two years, and none is given."""
    years = {r["year"] for r in rows["articles"] if r.get("year") is not None}
    if len(years) != 1:
        return
    year = years.pop()
    undated = {r["article_id"] for r in rows["articles"] if r.get("year") is None}
    for table in REPORT_YEAR_TABLES:
        for row in rows.get(table, ()):
            if row["article_id"] in undated:
                row["year"] = year
