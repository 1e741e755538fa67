"""Passage search: keyword-in-context over the counted paragraphs, paging of the hits, and the look-ups
the pages use to show where a row comes from (its paragraph, its whole article, its section)."""

from __future__ import annotations

import re

import pandas as pd

from lib.dataset import ondisk
from lib.dataset.schema import Dataset, counted_paragraphs
from lib.explore.filters import Filters, filter_table

#: Characters of context shown either side of a hit.
CONTEXT = 30
#: Most characters of an article shown around a hit: a longer report is shown in part, the hit's paragraph
#: in the middle (a 20 MB report is never sent to the browser whole).
ARTICLE_WINDOW = 60_000


def kwic(
    paragraphs: pd.DataFrame,
    query: str,
    *,
    context: int = CONTEXT,
    include_duplicates: bool = False,
    limit: int | None = None,
) -> pd.DataFrame:
    """Every occurrence of `query` (literal, case-insensitive) in the body paragraphs, one row per hit:
    left context, hit, right context, and where it is (article, section, paragraph). With `limit`, the
    first `limit` hits only (a common word has 300,000 hits at 100 MB: a row for each is 350 MB at once;
    `hit_counts` counts them all)."""
    cols = ["paragraph_id", "article_id", "zone", "section", "left", "hit", "right", "start"]
    query = (query or "").strip()
    if not query or paragraphs.empty or limit == 0:
        return pd.DataFrame(columns=cols)
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    body = _paragraphs_with(paragraphs, pattern, include_duplicates)
    rows = []
    for p in body[["paragraph_id", "article_id", "zone", "section", "text"]].itertuples(index=False):
        if limit is not None and len(rows) >= limit:
            break
        for m in pattern.finditer(p.text):
            rows.append(
                {
                    "paragraph_id": p.paragraph_id,
                    "article_id": p.article_id,
                    "zone": p.zone,
                    "section": p.section,
                    "left": p.text[max(0, m.start() - context) : m.start()],
                    "hit": m.group(0),
                    "right": p.text[m.end() : m.end() + context],
                    "start": m.start(),
                }
            )
    return pd.DataFrame(rows[:limit], columns=cols)


def hit_counts(
    paragraphs: pd.DataFrame, query: str, *, include_duplicates: bool = False
) -> tuple[int, int, int]:
    """(hits, paragraphs, articles) of `kwic(paragraphs, query)`, counted without making its rows."""
    query = (query or "").strip()
    if not query or paragraphs.empty:
        return 0, 0, 0
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    body = _paragraphs_with(paragraphs, pattern, include_duplicates)
    return (
        int(body["text"].str.count(pattern).sum()),
        body["paragraph_id"].nunique(),
        body["article_id"].nunique(),
    )


def _paragraphs_with(paragraphs: pd.DataFrame, pattern: re.Pattern, include_duplicates: bool) -> pd.DataFrame:
    """The body paragraphs (copies too when asked) in which the pattern occurs: one pass in pandas."""
    body = counted_paragraphs(paragraphs, with_copies=include_duplicates)
    return body[body["text"].str.contains(pattern, na=False)]


def with_titles(table: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """`table` with a `title` column: the title of each row's article ("" when unknown; the last title of an
    id given twice); rows keep their order. Looked up by index, not through a dict of every title: a dict
    of 49,000 Arrow strings took most of the 0.3-0.4 s this took at 100 MB."""
    return table.assign(title=table["article_id"].map(by_article(articles, "title")).fillna(""))


def by_article(articles: pd.DataFrame, column: str) -> pd.Series:
    """A column of the articles table indexed by article_id (the last row of an id given twice), for
    `Series.map`."""
    last = articles.drop_duplicates("article_id", keep="last")
    return pd.Series(last[column].array, index=pd.Index(last["article_id"].array))


def kwic_table(hits: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """KWIC hits with their article's title, in reading order: where (title, section) then left | hit | right,
    and the hit's `start` in its paragraph (which occurrence it is, to find it in the article)."""
    cols = ["paragraph_id", "article_id", "zone", "title", "section", "left", "hit", "right", "start"]
    return with_titles(hits, articles)[cols]


#: How KWIC hits can be ordered: reading order, by the words just left of the hit (read leftwards, as
#: concordancers sort “L1, L2 …”), or by the words right after it.
KWIC_ORDERS = {"text": "按原文顺序", "left": "按左文（紧挨命中的字在前）", "right": "按右文"}


def sort_kwic(hits: pd.DataFrame, by: str) -> pd.DataFrame:
    """KWIC hits in the order `by` of KWIC_ORDERS: ties keep reading order."""
    if by == "left":
        key = hits["left"].map(lambda text: text[::-1])
    elif by == "right":
        key = hits["right"]
    else:
        return hits
    return hits.assign(_key=key).sort_values("_key", kind="stable").drop(columns="_key")


def page_count(n_rows: int, *, size: int) -> int:
    """How many pages of `size` rows `n_rows` rows fill (at least one)."""
    return max(1, -(-n_rows // size))


def page_of(df: pd.DataFrame, page: int, *, size: int) -> pd.DataFrame:
    """Rows of page `page` (from 1) when `df` is cut into pages of `size`; out-of-range pages clamp."""
    page = min(max(page, 1), page_count(len(df), size=size))
    return df.iloc[(page - 1) * size : page * size]


def paragraph_context(paragraphs: pd.DataFrame, articles: pd.DataFrame, paragraph_id: str) -> dict | None:
    """A paragraph with where it stands: {text, section, zone, article_id, title}; None when unknown."""
    rows = paragraphs[paragraphs["paragraph_id"] == paragraph_id]
    if rows.empty:
        return None
    p = rows.iloc[0]
    titles = articles.loc[articles["article_id"] == p["article_id"], "title"]
    return {
        "text": p["text"],
        "section": p["section"] or "",
        "zone": p["zone"] or "",
        "article_id": p["article_id"],
        "title": titles.iloc[0] if len(titles) else "",
    }


def article_context(
    paragraphs: pd.DataFrame, articles: pd.DataFrame, paragraph_id: str, *, window: int = ARTICLE_WINDOW
) -> dict | None:
    """The whole article a paragraph belongs to, to read a hit in place: {article_id, title, zone, date,
    paragraphs, n_paragraphs, n_chars, cut}. `paragraphs` holds every block of the report in order
    ([paragraph_id, seq, section, kind, text, counted]: captions, credits and copies too); a report
    longer than `window` characters keeps only the blocks within `window` characters centred on the
    paragraph (always kept), and `cut` says so. None when the paragraph is unknown."""
    where = paragraphs.loc[paragraphs["paragraph_id"] == paragraph_id, "article_id"]
    if where.empty:
        return None
    article_id = where.iloc[0]
    cols = ["paragraph_id", "seq", "section", "kind", "text", "counted"]
    blocks = paragraphs.loc[paragraphs["article_id"] == article_id, cols].sort_values("seq")
    blocks = blocks.reset_index(drop=True)
    lengths = blocks["text"].str.len().fillna(0)
    ends = lengths.cumsum()
    starts = ends - lengths
    at = blocks.index[blocks["paragraph_id"] == paragraph_id][0]
    middle = starts[at] + lengths[at] / 2
    keep = (ends > middle - window / 2) & (starts < middle + window / 2)
    keep[at] = True
    meta = articles[articles["article_id"] == article_id].head(1)
    about = {c: _text(meta[c].iloc[0]) if len(meta) and c in meta else "" for c in ("title", "zone", "date")}
    return {
        "article_id": article_id,
        **about,
        "paragraphs": blocks[keep].reset_index(drop=True),
        "n_paragraphs": len(blocks),
        "n_chars": int(ends.iloc[-1]),
        "cut": not keep.all(),
    }


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


# --- for the pages ------------------------------------------------------------------------------------


def hit_article(ds: Dataset, paragraph_id: str) -> dict | None:
    """`article_context` of a paragraph of the dataset (every block of its report, whatever the filters),
    the report's text read from disk when the dataset keeps it there."""
    paragraphs = ds.paragraphs
    where = paragraphs.loc[paragraphs["paragraph_id"] == paragraph_id, "article_id"]
    if where.empty:
        return None
    blocks = ondisk.fill(ds, "paragraphs", paragraphs[paragraphs["article_id"] == where.iloc[0]], ["text"])
    return article_context(blocks, ds.articles, paragraph_id)


def source_paragraph(ds: Dataset, paragraph_id: str) -> dict | None:
    """`paragraph_context` of a paragraph of the dataset (the source passage of a metric or initiative)."""
    paragraphs = ds.paragraphs
    rows = ondisk.fill(
        ds, "paragraphs", paragraphs[paragraphs["paragraph_id"] == paragraph_id].head(1), ["text"]
    )
    return paragraph_context(rows, ds.articles, paragraph_id)


def find(
    ds: Dataset, filters: Filters, query: str, include_duplicates: bool = False, limit: int | None = None
) -> tuple[tuple[int, int, int], pd.DataFrame]:
    """(`hit_counts`, `kwic` with `limit`) of the paragraphs under the filters. When the dataset keeps
    the text on disk it is read a row group at a time (the body paragraphs' only), never whole."""
    paragraphs = filter_table(ds, "paragraphs", filters)
    query = (query or "").strip()
    if "text" in paragraphs or not query:
        return hit_counts(paragraphs, query, include_duplicates=include_duplicates), kwic(
            paragraphs, query, include_duplicates=include_duplicates, limit=limit
        )
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    body = counted_paragraphs(paragraphs, with_copies=include_duplicates)
    n_hits, paragraph_ids, article_ids, found = 0, set(), set(), []
    for part in ondisk.chunks(ds, "paragraphs", ["text"], body.index):
        hits = _paragraphs_with(body.loc[part.index].assign(text=part["text"]), pattern, include_duplicates)
        n_hits += int(hits["text"].str.count(pattern).sum())
        paragraph_ids.update(hits["paragraph_id"])
        article_ids.update(hits["article_id"])
        left = None if limit is None else limit - sum(map(len, found))
        if left is None or left > 0:
            found.append(kwic(hits, query, include_duplicates=include_duplicates, limit=left))
    rows = pd.concat(found, ignore_index=True) if found else kwic(body.iloc[:0], query)
    return (n_hits, len(paragraph_ids), len(article_ids)), rows
