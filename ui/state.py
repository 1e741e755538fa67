"""The Streamlit-facing state every page shares: the one cached loader, the one cache for page
computations, and the one sidebar.

The sidebar is drawn once, in `app.py`, before the page runs. Its widgets are bound to the URL query
string (`bind="query-params"`), so they keep their values across pages and a copied link reopens the
same view. Pages read the selection with `current_filters()`.
"""

from __future__ import annotations

import ctypes
import sys

import streamlit as st

from lib import dataset as datasets
from lib.core.safety import escape_markdown
from lib.core.sized_cache import SizedCache
from lib.dataset import Dataset
from lib.explore.filters import MAX_ARTICLE_OPTIONS, Filters, article_choices, article_titles, sidebar_choices
from lib.explore.term_index import term_index
from lib.extract.themes import load_taxonomy

#: Query-string keys of the shared filters (also their session_state keys).
PROVINCE, ZONE, THEME, ARTICLE, YEAR, QUERY = "province", "zone", "theme", "article", "year", "q"
FILTER_KEYS = (PROVINCE, ZONE, THEME, ARTICLE, YEAR, QUERY)
#: Where app.py leaves the dataset it loaded, so the page in the same run doesn't hash the corpus again.
RUN_DATASET = "_zonelens_dataset"
#: Megabytes the cached results of page computations may take (`RESULTS`).
RESULTS_MB = 96


def page_setup() -> tuple[Dataset, Filters]:
    """Called at the top of every page: the dataset app.py loaded in this run, and the sidebar's filters."""
    return st.session_state.get(RUN_DATASET) or get_dataset(), current_filters()


#: Columns the app leaves in the dataset's Parquet files ({table: columns}), read only when asked
#: (lib.dataset.ondisk). The paragraphs' tokens are read once, into the term index, when the dataset is
#: loaded: every computation that counts words counts on the index (70 MB of lists at 100 MB of text).
#: Their text (92 MB) is read a row group at a time by the search (search.find), the text filter
#: (filters.query_mask, remembered per query), a report or passage shown whole (search.hit_article,
#: search.source_paragraph) and a zone's industries (profiles.zone_profile). The source sentences of
#: metrics, initiatives and entities (105 MB) are read for the rows a page sends (a table's page, a
#: chart, a download: lib.dataset.ondisk.filler) and by the text filter.
ON_DISK = {
    "paragraphs": ("tokens", "text"),
    "metrics": ("sentence",),
    "initiatives": ("sentence",),
    "entities": ("sentence",),
}


@st.cache_resource(show_spinner=False, max_entries=2)
def _dataset_for(key: str) -> Dataset:
    ds = datasets.load_dataset(key=key, leave_out=ON_DISK)
    term_index(ds)  # made now, from the tokens on disk: the frame holds no tokens to make it from later
    return ds


def get_dataset() -> Dataset:
    """The dataset of the current corpus, loaded once per content key and shared by all sessions.
    When it has to be built (first start, or after an article, rule or lexicon changed), the build
    shows a progress bar; only the files that changed are processed again."""
    key = datasets.current_key()
    if not datasets.is_built(key):
        holder = st.empty()

        def progress(done: int, total: int, name: str) -> None:
            holder.progress(done / max(total, 1), text=f"正在构建数据集：{done}/{total} {name}")

        try:
            datasets.load_dataset(progress=progress, key=key)
        finally:  # also when a broken rule file stops the build: no progress bar left above its message
            holder.empty()
    ds = _dataset_for(key)
    st.session_state[RUN_DATASET] = ds
    return ds


#: The page computations' results, shared by every session and kept within these bounds, the least
#: recently used leaving first. At 100 MB a session that opens every page, then filters by a zone, leaves
#: 36 results of 12 MB (a zone's profile and its figures 5 MB each, a word table a few kB); 96 MB keep a few
#: hundred recent views, where 256 results of any size could hold GBs (docs/BENCHMARKS.md).
RESULTS = SizedCache(max_bytes=RESULTS_MB * 2**20, max_entries=256)
_MISSING = object()


def _memo(fn, name: str, dataset_key: str, args: tuple, ds: Dataset | None):
    key = (name, dataset_key, args)
    found = RESULTS.get(key, _MISSING)
    if found is _MISSING:
        with st.spinner("正在计算……"):
            found = fn(*args) if ds is None else fn(ds, *args)
        RESULTS.put(key, found)
    return found


def cached(fn, ds: Dataset, *args):
    """`fn(ds, *args)`, computed once per dataset content and arguments and shared by every session (the
    result is shared, not copied: treat it as read-only). `args` must be hashable: names, tuples, Filters."""
    return _memo(fn, _name(fn), ds.key, args, ds)


def memo(fn, *args):
    """`fn(*args)`, computed once per arguments (bytes, names, tuples) and shared by every session."""
    return _memo(fn, _name(fn), "", args, None)


def _name(fn) -> str:
    if fn.__name__ == "<lambda>":
        raise TypeError("cached() needs a named function")
    return f"{fn.__module__}.{fn.__qualname__}"


def _glibc():
    """glibc's malloc, when the server runs on it; None elsewhere (macOS, Windows, musl): then nothing is
    tuned or trimmed."""
    try:
        libc = ctypes.CDLL(None)
    except (OSError, TypeError):  # Windows has no process-wide C library to open by None
        return None
    return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None


_LIBC = _glibc()
#: glibc's mallopt setting for the number of memory arenas.
_M_ARENA_MAX = -8
#: Arenas the server's threads share. glibc gives threads up to 8 per core, and memory freed in one is
#: not reused by the others: each session's script thread kept its own (bench/bench_first_paint.py).
ARENAS = 2
#: Linux's prctl option that turns transparent huge pages off for the process.
_PR_SET_THP_DISABLE = 41
if _LIBC is not None:
    _LIBC.mallopt(_M_ARENA_MAX, ARENAS)
    # NumPy and Arrow's allocator (mimalloc) ask the kernel for 2 MB pages for their large blocks, and a
    # huge page is resident whole however little of it is used: at 100 MB of text, Arrow's arena held
    # 82 MB resident for at most 6 MB allocated (docs/BENCHMARKS.md). Ordinary pages from here on.
    if sys.platform.startswith("linux") and hasattr(_LIBC, "prctl"):
        _LIBC.prctl(_PR_SET_THP_DISABLE, 1, 0, 0, 0)


def release_memory() -> None:
    """Gives the memory a run freed back to the system (called at the end of every run). A page's
    computation over a large dataset frees hundreds of MB that the allocator would otherwise keep."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def reset_filters() -> None:
    for k in FILTER_KEYS:
        st.session_state[k] = "" if k == QUERY else []


def draw_sidebar(ds: Dataset) -> Filters:
    """Draws the shared filters and the active-filter summary; returns the selection."""
    with st.sidebar:
        st.header("筛选")
        # the chosen provinces' zones, plus any zone already chosen
        provinces, zones, years = cached(sidebar_choices, ds, tuple(st.session_state.get(PROVINCE) or ()))
        zones = sorted({*zones, *(st.session_state.get(ZONE) or ())})
        st.multiselect("省份", provinces, key=PROVINCE, bind="query-params", placeholder="全部省份")
        st.multiselect("区域", zones, key=ZONE, bind="query-params", placeholder="全部区域")
        st.multiselect("主题", load_taxonomy().names, key=THEME, bind="query-params", placeholder="全部主题")
        st.multiselect(
            "年份",
            [str(y) for y in years],
            key=YEAR,
            bind="query-params",
            placeholder="全部年份",
            format_func=lambda y: f"{y} 年",
        )
        offered, left = article_choices(ds.articles, current_filters())
        # the titles of the articles offered or chosen only: a dict of 49,000 titles took 60 ms a rerun
        titles = article_titles(ds.articles, [*offered, *(st.session_state.get(ARTICLE) or ())])
        many = left > MAX_ARTICLE_OPTIONS
        st.multiselect(
            "文章",
            offered,
            key=ARTICLE,
            bind="query-params",
            placeholder=f"共 {left:,} 篇：先按省份、区域或年份缩小范围" if many else "全部文章",
            format_func=lambda a: titles.get(a, a),
            help=f"筛选后不超过 {MAX_ARTICLE_OPTIONS} 篇时，可在此按文章筛选。" if many else None,
        )
        st.text_input(
            "文本包含",
            key=QUERY,
            bind="query-params",
            placeholder="例如：党建联建",
            help="只保留含有这段文字的段落、指标、举措（不区分大小写，按原文字面匹配）",
        )
        filters = current_filters()
        st.caption(escape_markdown(filters.describe(titles=titles)))  # titles and query come from outside
        st.button("重置筛选", on_click=reset_filters, disabled=not filters.active, width="stretch")
    return filters


def current_filters() -> Filters:
    s = st.session_state
    return Filters(
        provinces=tuple(s.get(PROVINCE) or ()),
        zones=tuple(s.get(ZONE) or ()),
        themes=tuple(s.get(THEME) or ()),
        articles=tuple(s.get(ARTICLE) or ()),
        years=tuple(int(y) for y in s.get(YEAR) or ()),
        query=(s.get(QUERY) or "").strip(),
    )
