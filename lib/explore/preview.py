"""What the corpus page shows about the user's articles: what the pipeline makes of an upload before it is
added, and what the built dataset holds for each library article and each shipped article."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from lib import config
from lib.core.budget import BudgetExceeded, run_bounded
from lib.core.errors import ReadError, RuleFileError
from lib.core.safety import display_name
from lib.dataset import store
from lib.dataset.build import compact_rows, load_analysers, process_file, store_rows
from lib.dataset.schema import Dataset
from lib.extract.zones import load_gazetteer
from lib.reading import library
from lib.reading.library import IngestError

PREVIEW_COLUMNS = [
    "name",
    "size",
    "title",
    "zone",
    "n_chars",
    "n_metrics",
    "n_initiatives",
    "initiatives",
    "status",
]
LIBRARY_COLUMNS = [
    "id",
    "name",
    "title",
    "zone",
    "size",
    "uploaded",
    "n_articles",
    "n_metrics",
    "n_initiatives",
    "status",
]
SHIPPED_COLUMNS = [
    "article_id",
    "source_file",
    "title",
    "zone",
    "year",
    "n_chars",
    "n_metrics",
    "n_initiatives",
]


@dataclass(frozen=True)
class ArticleSummary:
    """One report found in an upload."""

    title: str
    zone: str
    n_chars: int
    n_metrics: int
    n_initiatives: int
    initiatives: tuple[str, ...]


@dataclass(frozen=True)
class UploadPreview:
    """An upload as the pipeline sees it: its reports, or the refusal (`error` is `文件 <name>：<reason>`)."""

    name: str
    size: int
    library_id: str = ""
    articles: tuple[ArticleSummary, ...] = ()
    error: str = ""
    reason: str = ""
    text: str = ""  # the text as it will be stored, for `library.add_file` (not decoded twice)

    @property
    def ok(self) -> bool:
        return not self.error


def _refused(err: IngestError, size: int, library_id: str = "") -> UploadPreview:
    return UploadPreview(err.name, size, library_id, error=str(err), reason=err.reason)


def preview_upload(
    name: str, data: bytes, *, on_wait: Callable[[float], None] | None = None
) -> UploadPreview:
    """Validates an upload as `library.add_file` would and runs the pipeline on its text; writes nothing.
    The work runs in a worker process within the per-file budget (lib.core.budget): a file that passes
    it is refused with the reason. `on_wait(seconds)` hears how long it has taken so far.

    An upload the pipeline finds no report in is refused too, since the dataset would skip it."""
    try:
        return run_bounded(_preview_upload_here, name, data, warm=load_analysers, on_wait=on_wait)
    except BudgetExceeded as err:
        return _refused(IngestError(name, err.reason), len(data))


def vet_upload(name: str, data: bytes) -> None:
    """Raises IngestError when the app would refuse the upload (the command line adds what the app adds)."""
    preview = preview_upload(name, data)
    if not preview.ok:
        raise IngestError(name, preview.reason)


def _preview_upload_here(name: str, data: bytes) -> UploadPreview:
    try:
        text = library.validate_upload(name, data)
    except IngestError as err:
        return _refused(err, len(data))
    return _preview_text(name, len(data), text)


def preview_paste(title: str, text: str, *, on_wait: Callable[[float], None] | None = None) -> UploadPreview:
    """The same for pasted text, as `library.add_text` would store it."""
    try:
        return run_bounded(_preview_paste_here, title, text, warm=load_analysers, on_wait=on_wait)
    except BudgetExceeded as err:
        return _refused(IngestError(library.PASTED_NAME, err.reason), _pasted_size(text))


def _pasted_size(text: str) -> int:
    return len((text or "").encode("utf-8", "replace"))


def _preview_paste_here(title: str, text: str) -> UploadPreview:
    try:
        name, body, original = library.pasted_text(title, text)
    except IngestError as err:
        return _refused(err, _pasted_size(text))
    return _preview_text(name, len(original), body)


def _preview_text(name: str, size: int, text: str) -> UploadPreview:
    data = library.stored_text_bytes(text)  # the bytes the build will read once the text is added
    library_id = library.content_key(text)[: library.ID_LENGTH]
    try:
        rows = process_file(data, name=f"{library_id}.txt", origin="library")
        _keep_for_the_build(f"{library_id}.txt", data, rows)
    except ReadError as err:
        return _refused(IngestError(name, err.reason), size, library_id)
    except RuleFileError as err:  # the rules are at fault, not the file: say which rule file and what
        return _refused(IngestError(name, f"规则有误，暂时无法分析（{err}）"), size, library_id)
    except Exception as err:  # noqa: BLE001 - one odd file must not break the page; the dataset skips it alike
        return _refused(IngestError(name, f"处理失败（{type(err).__name__}）"), size, library_id)
    return UploadPreview(name, size, library_id, summarize_rows(rows), text=text)


def _keep_for_the_build(name: str, data: bytes, rows) -> None:
    """Stores the preview's rows in the per-file cache under the key the build will look for, so adding
    the file analyses nothing again in the server's process (the analysis ran in the budget's worker)."""
    key = store.digest(store.rules_fingerprint(), name, "library", data)
    try:
        store_rows(config.CACHE_DIR, key, compact_rows(rows))
    except OSError:
        pass  # an unwritable cache only means the build analyses the file itself


def preview_table(previews: list[UploadPreview], *, known_ids: set[str]) -> pd.DataFrame:
    """One row per report of the accepted uploads, with whether adding it would add anything."""
    rows = []
    first_name: dict[str, str] = {}
    for p in previews:
        if not p.ok:
            continue
        if p.library_id in known_ids:
            status = "已在语料库中，不会重复加入"
        elif p.library_id in first_name:
            status = f"与本次上传的 {first_name[p.library_id]} 内容相同，只加入一次"
        else:
            status = "可以加入"
        first_name.setdefault(p.library_id, display_name(p.name))
        for a in p.articles:
            rows.append(
                {
                    "name": display_name(p.name),
                    "size": p.size,
                    "title": a.title,
                    "zone": a.zone,
                    "n_chars": a.n_chars,
                    "n_metrics": a.n_metrics,
                    "n_initiatives": a.n_initiatives,
                    "initiatives": list(a.initiatives),
                    "status": status,
                }
            )
    return pd.DataFrame(rows, columns=PREVIEW_COLUMNS)


def summarize_rows(rows: dict[str, list[dict]]) -> tuple[ArticleSummary, ...]:
    """The reports in `process_file` rows with their metric and initiative counts."""
    summaries = []
    for art in rows["articles"]:
        inits = tuple(i["name"] for i in rows["initiatives"] if i["article_id"] == art["article_id"])
        n_metrics = sum(m["article_id"] == art["article_id"] for m in rows["metrics"])
        summaries.append(
            ArticleSummary(art["title"], art["zone"], art["n_chars"], n_metrics, len(inits), inits)
        )
    return tuple(summaries)


def article_counts(ds: Dataset) -> pd.DataFrame:
    """The articles table with `n_metrics` and `n_initiatives` per article."""
    counts = {
        col: ds.table(t)["article_id"].value_counts()
        for col, t in (("n_metrics", "metrics"), ("n_initiatives", "initiatives"))
    }
    articles = ds.articles.copy()
    for col, by_article in counts.items():
        articles[col] = articles["article_id"].map(by_article).fillna(0).astype(int)
    return articles


def library_table(entries: list[dict], ds: Dataset, counted: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per library article (manifest entry joined with its reports on file stem = library id).

    A file holding several reports shows their titles and zones joined; `status` says whether it was analysed.
    `counted`: `article_counts(ds)` when the caller has it already (read only)."""
    articles = article_counts(ds) if counted is None else counted
    articles = articles[articles["origin"] == "library"]
    by_id = dict(list(articles.groupby(articles["source_file"].map(lambda s: Path(s).stem))))
    skipped = dict(ds.skipped)
    rows = []
    for entry in entries:
        parts = by_id.get(entry["id"], articles.iloc[0:0]).sort_values("part")
        reason = skipped.get(f"{entry['id']}.txt")
        rows.append(
            {
                "id": entry["id"],
                "name": display_name(entry["name"]),
                "title": " / ".join(parts["title"]) or entry["title"] or entry["title_guess"],
                "zone": "、".join(dict.fromkeys(z for z in parts["zone"] if z)),
                "size": entry["size"],
                "uploaded": pd.Timestamp(entry["uploaded"]),
                "n_articles": len(parts),
                "n_metrics": int(parts["n_metrics"].sum()),
                "n_initiatives": int(parts["n_initiatives"].sum()),
                "status": f"未能分析：{reason}" if reason else "已分析" if len(parts) else "未在数据集中",
            }
        )
    return pd.DataFrame(rows, columns=LIBRARY_COLUMNS)


def library_reports(ds: Dataset, library_id: str) -> pd.DataFrame:
    """The reports the dataset holds for one library article, in file order."""
    articles = ds.articles[ds.articles["origin"] == "library"]
    return articles[articles["source_file"].map(lambda s: Path(s).stem) == library_id].sort_values("part")


def detected(ds: Dataset, entry: dict) -> tuple[str, str]:
    """(title, zone) of a library article as the dataset has them (its first report), else as the
    manifest entry has them."""
    reports = library_reports(ds, entry["id"])
    if len(reports):
        return reports["title"].iloc[0], reports["zone"].iloc[0]
    return entry["title"] or entry["title_guess"], entry["zone"] or ""


def shipped_table(ds: Dataset, counted: pd.DataFrame | None = None) -> pd.DataFrame:
    """The articles that ship with ZoneLens, with their metric and initiative counts (`counted`:
    `article_counts(ds)` when the caller has it already)."""
    articles = article_counts(ds) if counted is None else counted
    return articles.loc[articles["origin"] == "shipped", SHIPPED_COLUMNS].reset_index(drop=True)


def zone_choices(zones: list[str]) -> list[str]:
    """The zones a user can pick when correcting a zone: the gazetteer's and the corpus's, sorted."""
    return sorted({*load_gazetteer().alias_to_zone.values(), *(z for z in zones if z)})
