"""Passage search: keyword-in-context over paragraphs, and safe highlighting of hits.

Article text is always HTML-escaped before any markup is added, so nothing in an article can inject
markup or scripts into a page."""

from __future__ import annotations

import html
import re

import pandas as pd

#: Characters of context shown either side of a hit.
CONTEXT = 30


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
    rows = []
    for p in body.itertuples(index=False):
        for m in pattern.finditer(p.text):
            rows.append({
                "paragraph_id": p.paragraph_id, "article_id": p.article_id, "zone": p.zone, "section": p.section,
                "left": p.text[max(0, m.start() - context) : m.start()], "hit": m.group(0),
                "right": p.text[m.end() : m.end() + context], "start": m.start(),
            })
    return pd.DataFrame(rows, columns=cols)
