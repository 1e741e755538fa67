"""The user's own article library ("bring your own articles").

Layout of `config.LIBRARY_DIR` (env ZONELENS_LIBRARY):

    originals/<id>.<ext>   the file as uploaded, byte for byte
    texts/<id>.txt         the extracted UTF-8 text the pipeline reads (text_paths())
    manifest.json          {"version": 1, "articles": {id: entry}}; entry keys: id, sha256, name, ext, size,
                           uploaded (ISO 8601, UTC), origin ("file" | "paste"), title_guess, title, zone
                           (title and zone are the user's overrides, None when unset)

The id is the first 16 hex digits of the SHA-256 of the extracted text with whitespace and Markdown `#`
marks removed, so the same text uploaded twice (any name, any format, any encoding) is one article.
Every write is atomic (temp file in the same folder, fsync, os.replace) and the manifest is read, changed
and written under a file lock, so concurrent ingests (threads or processes) lose nothing. A refused
upload leaves the library folder byte-for-byte unchanged.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from lib import config
from lib.core.chars import clean_controls, has_cjk, squash_spaces
from lib.core.errors import ReadError
from lib.core.safety import RE_UNSAFE_NAME_CHAR, check_size
from lib.core.storage import write_atomic
from lib.reading import manifest as manifest_file
from lib.reading.formats import extract_text, strip_web_clutter

MANIFEST_NAME = manifest_file.MANIFEST_NAME
LOCK_NAME = ".manifest.lock"
ID_LENGTH = 16
#: Longest file name accepted, in UTF-8 bytes (the usual file-system limit).
MAX_NAME_BYTES = 255
#: Seconds to wait for another ingest holding the lock.
LOCK_TIMEOUT = 60
#: A title guessed from the text is at most this long; a longer first line is a paragraph, not a title.
MAX_TITLE_CHARS = 60
PASTED_NAME = "粘贴的文本"

RE_ID = re.compile(rf"[0-9a-f]{{{ID_LENGTH}}}")
#: What content_key ignores: whitespace and the `#` marks of Markdown headings.
RE_KEY_IGNORED = re.compile(r"^[ \t]*#+|\s+", re.MULTILINE)
RE_HEADING = re.compile(r"#+\s*(.+)")


class IngestError(ReadError):
    """An upload refused: `str(err)` is `文件 <name>：<reason>`; the library is unchanged."""


class LibraryError(Exception):
    """The library itself cannot be used (unknown id, damaged manifest, lock held too long)."""


@dataclass(frozen=True)
class IngestResult:
    id: str
    status: str  # "added" | "duplicate"
    title_guess: str
    path: Path  # the stored text (texts/<id>.txt)
    name: str  # the name as uploaded


# --- adding ---------------------------------------------------------------------------------------


def validate_upload(name: str, data: bytes, *, max_bytes: int | None = None) -> str:
    """The article text of an upload, or IngestError naming the file and the reason (nothing is written)."""
    check_name(name)
    if not data:
        raise IngestError(name, "空文件")
    check_size(name, len(data), limit=max_bytes, error=IngestError)
    try:
        text = extract_text(data, name=name)
    except ReadError as err:
        raise IngestError(name, err.reason) from None
    if not has_cjk(text):
        raise IngestError(name, "没有中文内容")
    return text


def check_name(name: str) -> None:
    """Refuses (never silently repairs) names that are empty, hold a path, control characters or are too long."""
    if not name.strip():
        raise IngestError(name, "文件名为空")
    if "/" in name or "\\" in name:
        raise IngestError(name, "文件名不能包含路径分隔符（/ 或 \\）")
    if name.strip() in (".", ".."):  # a..b.txt is a plain name: only a name that *is* a path step is refused
        raise IngestError(name, "文件名不能是“.”或“..”")
    if RE_UNSAFE_NAME_CHAR.search(name):
        raise IngestError(name, "文件名含有控制字符（如 NUL）、不可见的方向控制字符或无效编码")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise IngestError(name, f"文件名过长（超过 {MAX_NAME_BYTES} 字节）")


def add_file(name: str, data: bytes, *, text: str | None = None) -> IngestResult:
    """Adds an uploaded file; the same text already in the library gives status "duplicate". `text` is
    the upload's text when the caller has it already (the app's preview decoded it in a worker process,
    within the per-file budget), so that a large file is not decoded again in the server."""
    if text is None:
        text = validate_upload(name, data)
    else:
        check_name(name)
        check_size(name, len(data), error=IngestError)
    return _store(
        name=name,
        ext=Path(name).suffix.lower().lstrip("."),
        original=data,
        text=text,
        origin="file",
        title_guess=guess_title(text, fallback=Path(name).stem),
    )


def pasted_text(title: str, text: str) -> tuple[str, str, bytes]:
    """(name, text as it will be stored, original bytes) of pasted text: a non-empty title becomes its
    `# ` first line (unless the text starts with it). IngestError when it cannot be added. The one
    definition of a paste, used to add it and to preview it."""
    title = squash_spaces(RE_UNSAFE_NAME_CHAR.sub("", title or ""))
    name = title or PASTED_NAME
    try:
        original = (text or "").encode("utf-8")
    except UnicodeEncodeError:
        raise IngestError(name, "文字中含有无效字符") from None
    check_size(name, len(original), what="文字", error=IngestError)
    body = strip_web_clutter(clean_controls(text or "")).strip()
    if not body:
        raise IngestError(name, "空文件")
    if not has_cjk(body):
        raise IngestError(name, "没有中文内容")
    if title and body.split("\n", 1)[0].lstrip("#").strip() != title:
        body = f"# {title}\n\n{body}"
    return name, body, original


def add_text(title: str, text: str) -> IngestResult:
    """Adds pasted text (see `pasted_text`)."""
    name, body, original = pasted_text(title, text)
    title = squash_spaces(RE_UNSAFE_NAME_CHAR.sub("", title or ""))
    return _store(
        name=name,
        ext="txt",
        original=original,
        text=body,
        origin="paste",
        title_guess=title or guess_title(body, fallback=PASTED_NAME),
    )


def ingest_paths(
    paths: list[Path], *, vet: Callable[[str, bytes], None] | None = None
) -> list[IngestResult | IngestError]:
    """Adds each file independently: one refused file does not stop the others. `vet(name, data)` may
    refuse a file first by raising IngestError (the command line passes the app's own preview, so both
    accept the same files)."""
    results: list[IngestResult | IngestError] = []
    for path in map(Path, paths):
        try:
            _not_shipped(path)
            data = _read_upload(path)
            if vet is not None:
                vet(path.name, data)
            results.append(add_file(path.name, data))
        except IngestError as err:
            results.append(err)
    return results


def _not_shipped(path: Path) -> None:
    """Refuses a file that is (or links to) one of the shipped reports: they are in the corpus already."""
    try:
        real = path.resolve(strict=True)
    except OSError:
        return  # _read_upload says what is wrong with it
    if config.ARTICLES_DIR.resolve() in real.parents:
        raise IngestError(path.name, "这是随附的文章（或指向它的链接），已在语料库中，无需再加入")


def _read_upload(path: Path) -> bytes:
    name = path.name or str(path)
    if not path.is_file():
        raise IngestError(name, "找不到文件" if not path.exists() else "不是文件")
    check_size(name, path.stat().st_size, error=IngestError)
    try:
        return path.read_bytes()
    except OSError as err:
        raise IngestError(name, f"无法读取文件（{err.strerror}）") from None


def stored_text_bytes(text: str) -> bytes:
    """The bytes of an article's text as the library stores it (texts/<id>.txt), which the build reads."""
    return (text.rstrip() + "\n").encode("utf-8")


def content_key(text: str) -> str:
    """SHA-256 of the text without whitespace and heading marks: equal for the same text in any format."""
    bare = RE_KEY_IGNORED.sub("", unicodedata.normalize("NFC", text))
    return hashlib.sha256(bare.encode("utf-8")).hexdigest()


def guess_title(text: str, *, fallback: str) -> str:
    """The first heading among the first lines, else a short first line, else the fallback (file stem)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][:5]
    for line in lines:
        if match := RE_HEADING.fullmatch(line):
            return match.group(1).strip()[: MAX_TITLE_CHARS * 2]
    if lines and len(lines[0]) <= MAX_TITLE_CHARS:
        return lines[0]
    return fallback


def _store(*, name: str, ext: str, original: bytes, text: str, origin: str, title_guess: str) -> IngestResult:
    sha = content_key(text)
    article_id = sha[:ID_LENGTH]
    root = config.LIBRARY_DIR
    text_path = root / "texts" / f"{article_id}.txt"
    with _locked(root):
        manifest = _read_manifest(root)
        if article_id in manifest["articles"]:
            known = manifest["articles"][article_id]
            return IngestResult(article_id, "duplicate", known["title_guess"], text_path, name)
        write_atomic(root / "originals" / f"{article_id}.{ext}", original)
        write_atomic(text_path, stored_text_bytes(text))
        manifest["articles"][article_id] = manifest_file.new_entry(
            article_id,
            sha256=sha,
            name=unicodedata.normalize("NFC", name).strip(),
            ext=ext,
            size=len(original),
            uploaded=datetime.now(UTC),
            origin=origin,
            title_guess=title_guess,
        )
        _write_manifest(root, manifest)
    return IngestResult(article_id, "added", title_guess, text_path, name)


# --- reading, removing, overrides -----------------------------------------------------------------


def list_entries() -> list[dict]:
    """Every article's manifest entry, oldest upload first."""
    articles = _read_manifest(config.LIBRARY_DIR)["articles"].values()
    return sorted((dict(entry) for entry in articles), key=lambda e: (e["uploaded"], e["id"]))


def text_paths() -> list[Path]:
    """The stored texts the pipeline reads, oldest upload first (the file stem is the article id)."""
    paths = (config.LIBRARY_DIR / "texts" / f"{entry['id']}.txt" for entry in list_entries())
    return [path for path in paths if path.is_file()]


def remove(article_id: str) -> bool:
    """Removes an article (text, original and manifest entry); False when no article has that id."""
    root = config.LIBRARY_DIR
    if not RE_ID.fullmatch(article_id or "") or not (root / MANIFEST_NAME).is_file():
        return False
    with _locked(root):
        manifest = _read_manifest(root)
        entry = manifest["articles"].pop(article_id, None)
        if entry is None:
            return False
        _write_manifest(root, manifest)
    (root / "texts" / f"{article_id}.txt").unlink(missing_ok=True)
    (root / "originals" / f"{article_id}.{entry['ext']}").unlink(missing_ok=True)
    return True


def set_override(article_id: str, *, title: str | None = None, zone: str | None = None) -> None:
    """Sets the user's title and/or zone for an article (None leaves a value as is, "" clears it).

    Overrides live in the manifest, so they survive dataset rebuilds."""
    root = config.LIBRARY_DIR
    if not (root / MANIFEST_NAME).is_file():
        raise LibraryError(f"资料库中没有编号为 {article_id} 的文章")
    with _locked(root):
        manifest = _read_manifest(root)
        entry = manifest["articles"].get(article_id)
        if entry is None:
            raise LibraryError(f"资料库中没有编号为 {article_id} 的文章")
        for key, value in (("title", title), ("zone", zone)):
            if value is not None:
                entry[key] = check_correction(key, value) or None
        _write_manifest(root, manifest)


#: The longest title and zone name a correction may set, in characters.
MAX_CORRECTION_CHARS = {"title": 200, "zone": 40}
#: Characters a corrected zone name may not hold: markup, links, math and formula starts.
RE_BAD_ZONE_CHAR = re.compile(r"[\[\]()<>{}$`*_~|\\:=@#!^]")


def check_correction(key: str, value: str) -> str:
    """A title or zone correction with its spaces squashed, or LibraryError when it is too long or holds
    control characters (both) or markup characters (a zone: 昆山[点此](https://…) is not a zone name)."""
    value = squash_spaces(value)
    what = "标题" if key == "title" else "区域名称"
    if len(value) > MAX_CORRECTION_CHARS[key]:
        raise LibraryError(f"{what}太长（{len(value)} 字，最多 {MAX_CORRECTION_CHARS[key]} 字）")
    if RE_UNSAFE_NAME_CHAR.search(value):
        raise LibraryError(f"{what}含有控制字符或不可见的方向控制字符")
    if key == "zone" and RE_BAD_ZONE_CHAR.search(value):
        raise LibraryError("区域名称只能含文字、数字和常见标点，不能含 [ ] ( ) < > $ : 等符号")
    return value


def overrides() -> dict[str, dict[str, str]]:
    """{article id: {"title": ..., "zone": ...}} with only the overrides the user has set."""
    found = {}
    for entry in list_entries():
        values = {key: entry[key] for key in ("title", "zone") if entry.get(key)}
        if values:
            found[entry["id"]] = values
    return found


# --- storage helpers ------------------------------------------------------------------------------


@contextmanager
def _locked(root: Path) -> Iterator[None]:
    root.mkdir(parents=True, exist_ok=True)
    try:
        with FileLock(root / LOCK_NAME, timeout=LOCK_TIMEOUT):
            yield
    except Timeout:
        raise LibraryError(f"资料库 {root} 正被另一个程序使用，请稍后再试") from None


def _read_manifest(root: Path) -> dict:
    """The manifest, healed from the stored originals and texts when damaged (lib.reading.manifest)."""
    return manifest_file.read_manifest(root, guess_title=guess_title, content_key=content_key)


def _write_manifest(root: Path, manifest: dict) -> None:
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_atomic(root / MANIFEST_NAME, text.encode("utf-8"))
