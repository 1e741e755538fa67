"""Zone profiles: what one zone's reports say, gathered from the dataset tables."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from lib import config
from lib.core import rulefiles
from lib.dataset import ondisk
from lib.dataset.schema import Dataset, counted_paragraphs
from lib.explore import compare, term_index
from lib.explore.filters import Filters, filter_table
from lib.extract.quantities import load_rules as load_metric_rules


@dataclass
class ZoneProfile:
    zone: str
    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    metrics: pd.DataFrame
    headline: pd.DataFrame
    initiatives: pd.DataFrame
    enterprises: pd.DataFrame
    institutions: pd.DataFrame
    people: pd.DataFrame
    industries: pd.DataFrame
    top_terms: pd.DataFrame
    distinctive_terms: pd.DataFrame


def zone_facts(articles: pd.DataFrame) -> str:
    """One line on where and what a zone is, from its reports' rows (全称 · 级别 · 类型 · 省份城市);
    "" when nothing is known."""
    if articles.empty:
        return ""
    row = articles.iloc[0]
    place = row.get("province", "") + (row.get("city", "") if row.get("city") != row.get("province") else "")
    level = row.get("zone_level", "")
    parts = [
        row.get("zone_full", ""),
        level if level and level != "未知" else "",
        row.get("zone_type", ""),
        place,
    ]
    return " · ".join(p for p in parts if p)


def load_industries() -> tuple[str, ...]:
    """The industries a profile looks for (data/lexicon/industries.txt)."""
    return tuple(rulefiles.entries(rulefiles.read_bytes(config.lexicon_file("industries.txt"))))


def _profile_rules() -> dict:
    return rulefiles.compiled(_parse_profile_rules, config.rule_file("profiles.json"))


def _parse_profile_rules(content: bytes | None) -> dict:
    return rulefiles.json_rules(content, name="profiles.json")


def headline_metrics(metrics: pd.DataFrame, *, n: int | None = None) -> pd.DataFrame:
    """The zone's headline figures: the zone's own numbers (scope zone: never one enterprise's or the
    city's), one per indicator, money and rates first, largest first (units and count from
    data/rules/profiles.json)."""
    if metrics.empty:
        return metrics
    spec = _profile_rules()
    n = spec["headline_count"] if n is None else n
    rank = {u: i for i, u in enumerate(spec["headline_units"])}
    own = metrics["scope"] == "zone" if "scope" in metrics else True
    df = metrics[metrics["unit"].isin(rank) & (metrics["kind"] != "rank") & own].copy()
    df["_rank"] = df["unit"].map(rank)
    df = df.sort_values(["_rank", "base_value", "value"], ascending=[True, False, False])
    return df.drop_duplicates("label").head(n).drop(columns="_rank")


def industry_mentions(texts: pd.Series, *, industries: tuple[str, ...] | None = None) -> pd.DataFrame:
    """How often each industry of the lexicon is named in the texts, most named first."""
    counts = Counter()
    for name in industries or load_industries():
        n = int(texts.str.count(name).sum()) if len(texts) else 0
        if n:
            counts[name] = n
    return pd.DataFrame(counts.most_common(), columns=["industry", "mentions"])


def zone_profile(ds: Dataset, zone: str, filters: Filters | None = None) -> ZoneProfile:
    """Everything the profile page shows for one zone, narrowed by the other filters (theme, article,
    year, text); the zone filter itself is replaced by `zone`."""
    narrow = replace(filters or Filters(), zones=(zone,))
    reports = Filters(zones=(zone,), articles=narrow.articles, years=narrow.years)
    articles = filter_table(ds, "articles", reports)
    body = counted_paragraphs(filter_table(ds, "paragraphs", narrow))
    metrics = ondisk.fill(ds, "metrics", filter_table(ds, "metrics", narrow))
    ents = ondisk.fill(ds, "entities", filter_table(ds, "entities", reports))
    orgs = organisations(ents)
    return ZoneProfile(
        zone=zone,
        articles=articles,
        paragraphs=body,
        metrics=metrics,
        headline=headline_metrics(metrics),
        initiatives=filter_table(ds, "initiatives", narrow),
        enterprises=orgs[orgs["type"] == "enterprise"],
        institutions=orgs[orgs["type"] == "institution"],
        people=ents[ents["type"] == "person"],
        industries=industry_mentions(ondisk.fill(ds, "paragraphs", body, ["text"])["text"]),
        top_terms=compare.top_terms(ds, narrow, n=15, exclude=(zone,)),
        distinctive_terms=distinctive_terms(ds, zone, n=15, article_ids=set(articles["article_id"])),
    )


def organisations(entities: pd.DataFrame) -> pd.DataFrame:
    """Enterprises and institutions named in several reports as one row each: mentions added up, the
    first short name given, the number of reports; most mentioned first."""
    orgs = entities[entities["type"] != "person"]
    if orgs.empty:
        return orgs.assign(reports=pd.Series(dtype="int64"))[
            ["name", "short_name", "type", "mentions", "reports"]
        ]
    table = orgs.groupby(["name", "type"], as_index=False, sort=False).agg(
        short_name=("short_name", lambda s: next((x for x in s if isinstance(x, str) and x), "")),
        mentions=("mentions", "sum"),
        reports=("article_id", "nunique"),
    )
    return table.sort_values(["mentions", "name"], ascending=[False, True], ignore_index=True)[
        ["name", "short_name", "type", "mentions", "reports"]
    ]


def format_value(row) -> str:
    """`超100亿元`, `80余项`, `5家以上`, `15–20%`: a metric as a reader would say it, its qualifier where the
    rules of data/rules/metrics.json place it (before the number, between number and unit, after the unit)."""
    value = f"{row['value']:,.10g}"
    if pd.notna(row.get("value_high")):
        value += f"–{row['value_high']:,.10g}"
    unit = row["unit"] if pd.notna(row["unit"]) else ""
    qualifier = row.get("qualifier") if pd.notna(row.get("qualifier")) else ""
    data = load_metric_rules().data
    if qualifier in data["number_words"]:  # 上百家: the word is the number
        return f"{qualifier}{unit}"
    if qualifier in data["qualifiers_between"]:
        return f"{value}{qualifier}{unit}"
    if qualifier in data["qualifiers_after"]:
        return f"{value}{unit}{qualifier}"
    return f"{qualifier}{value}{unit}"


def distinctive_terms(
    ds: Dataset, zone: str, *, n: int = 20, article_ids=None, min_count: int = 3
) -> pd.DataFrame:
    """Terms the zone over-uses against all other zones: log-likelihood G2 > 0, strongest first, with the
    log ratio as effect size (`keywords.keyness` of the zone's counted paragraphs against those of every
    other zone, on the term index). `article_ids` narrows the zone's side (the other zones stay whole)."""
    paragraphs = ds.paragraphs
    zones = paragraphs["zone"]
    counted = term_index.term_index(ds).counted
    own = counted & (zones == zone).to_numpy(dtype=bool)
    if article_ids is not None:
        own &= paragraphs["article_id"].isin(article_ids).to_numpy(dtype=bool)
    others = counted & (zones.notna() & (zones != "") & (zones != zone)).to_numpy(dtype=bool)
    rows, rest = np.flatnonzero(own), np.flatnonzero(others)
    return compare.keyness_against(ds, rows, rest, n=n, exclude=(zone,), min_count=min_count)
