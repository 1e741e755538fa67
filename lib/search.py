"""Passage search: keyword-in-context over paragraphs, safe highlighting of hits, and the lookups the
pages use to show where a row comes from (its paragraph, article and section).

Article text is always HTML-escaped before any markup is added, so nothing in an article can inject
markup or scripts into a page."""

from __future__ import annotations

import hashlib
import html
import re

import pandas as pd

#: Characters Markdown gives a meaning to (escaped by `escape_markdown`).
RE_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")
#: Characters of context shown either side of a hit.
CONTEXT = 30
#: Chinese headers of the KWIC columns (the other columns use lib.export.HEADERS).
KWIC_HEADERS = {"left": "左文", "hit": "命中", "right": "右文"}


def _terms_pattern(terms) -> re.Pattern | None:
    terms = sorted({t for t in terms if t and t.strip()}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE) if terms else None


def highlight_html(text: str, terms=()) -> str:
    """`text` escaped for HTML with each occurrence of a term wrapped in <mark>.

    >>> highlight_html("<b>党建</b>联建", ["党建"])
    '&lt;b&gt;<mark>党建</mark>&lt;/b&gt;联建'
    """
    pattern = _terms_pattern(terms)
    if pattern is None:
        return html.escape(text)
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(html.escape(text[last : m.start()]))
        out.append(f"<mark>{html.escape(m.group(0))}</mark>")
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def kwic(paragraphs: pd.DataFrame, query: str, *, context: int = CONTEXT, include_duplicates: bool = False) -> pd.DataFrame:
    """Every occurrence of `query` (literal, case-insensitive) in the body paragraphs, one row per hit:
    left context, hit, right context, and where it is (article, section, paragraph)."""
    cols = ["paragraph_id", "article_id", "zone", "section", "left", "hit", "right", "start"]
    query = (query or "").strip()
    if not query or paragraphs.empty:
        return pd.DataFrame(columns=cols)
    body = paragraphs[paragraphs["kind"] == "body"]
    if not include_duplicates:
        body = body[~body["is_duplicate"]]
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    body = body[body["text"].str.contains(pattern, na=False)]  # one pass in pandas before the per-hit loop
    rows = []
    for p in body[["paragraph_id", "article_id", "zone", "section", "text"]].itertuples(index=False):
        for m in pattern.finditer(p.text):
            rows.append({
                "paragraph_id": p.paragraph_id, "article_id": p.article_id, "zone": p.zone, "section": p.section,
                "left": p.text[max(0, m.start() - context) : m.start()], "hit": m.group(0),
                "right": p.text[m.end() : m.end() + context], "start": m.start(),
            })
    return pd.DataFrame(rows, columns=cols)


def escape_markdown(text: str) -> str:
    """`text` with every character Markdown (or Streamlit's :directives:) gives a meaning to backslash-escaped,
    for a user's or an article's words inside a Markdown message: `*强调*` → `\\*强调\\*`."""
    return RE_MARKDOWN.sub(r"\\\1", text)


def with_titles(table: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """`table` with a `title` column: the title of each row's article ("" when unknown); rows keep their order."""
    titles = dict(zip(articles["article_id"], articles["title"], strict=False))
    return table.assign(title=table["article_id"].map(titles).fillna(""))


def rows_key(prefix: str, ids) -> str:
    """A widget key that changes when the rows of a table change, so a row selection never outlives its rows."""
    digest = hashlib.sha1("\n".join(map(str, ids)).encode("utf-8")).hexdigest()[:10]
    return f"{prefix}-{digest}"


def kwic_table(hits: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """KWIC hits with their article's title, in reading order: where (title, section) then left | hit | right."""
    cols = ["paragraph_id", "article_id", "zone", "title", "section", "left", "hit", "right"]
    return with_titles(hits, articles)[cols]


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
    return {"text": p["text"], "section": p["section"] or "", "zone": p["zone"] or "",
            "article_id": p["article_id"], "title": titles.iloc[0] if len(titles) else ""}


def source_html(title: str, section: str = "", zone: str = "") -> str:
    """Where a passage comes from, escaped: 《标题》 · 小节 · 区域 (empty parts left out)."""
    parts = [f"《{title}》" if title else "", f"小节：{section}" if section else "", zone]
    return '<div style="color:#666;font-size:0.9rem">' + html.escape(" · ".join(p for p in parts if p)) + "</div>"


def numbered_list_html(items) -> str:
    """Items as an escaped ordered list."""
    return "<ol>" + "".join(f"<li>{html.escape(str(item))}</li>" for item in items) + "</ol>"
