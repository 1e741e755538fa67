"""The corpus page's actions: adding uploads and pasted text, correcting and removing articles, each a
button callback that leaves one notice for the page to show.

Callbacks run before `app.py` loads the dataset in the same run, so a change is on disk by then: the
content-keyed loader (`ui.state.get_dataset`) rebuilds (only the changed file is processed again) and the
sidebar and every page see the new corpus. No cache needs clearing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import streamlit as st

from lib import config
from lib.core.chars import squash_spaces
from lib.core.safety import display_name
from lib.dataset.store import rules_fingerprint
from lib.explore import preview
from lib.reading import library
from lib.reading.library import IngestError, LibraryError
from ui.state import memo

#: What the last change did, shown until the next one (a `Notice`).
NOTICE = "library-notice"
#: Bumped after adding, so the file uploader starts empty again.
UPLOADER_ROUND = "library-uploader-round"
#: The library id waiting for the user to confirm its removal.
CONFIRM_REMOVE = "library-confirm-remove"
CHOSEN = "library-chosen"
PASTE_TITLE, PASTE_TEXT = "library-paste-title", "library-paste-text"


@dataclass(frozen=True)
class Notice:
    added: list[str] = field(default_factory=list)  # library ids
    info: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def notice() -> Notice | None:
    return st.session_state.get(NOTICE)


def _notify(**kw) -> None:
    st.session_state[NOTICE] = Notice(**kw)


def dismiss() -> None:
    st.session_state.pop(NOTICE, None)


def _preview(name: str, data: bytes, rules: str) -> preview.UploadPreview:
    with _progress(display_name(name)) as on_wait:
        return preview.preview_upload(name, data, on_wait=on_wait)


@contextmanager
def _progress(what: str) -> Iterator[Callable[[float], None]]:
    """A bar of the time the analysis of `what` has taken against the per-file limit, shown while it
    runs (in a worker process) and removed when it ends."""
    slot = st.empty()
    limit = config.FILE_BUDGET_SECONDS

    def on_wait(seconds: float) -> None:
        slot.progress(
            min(1.0, seconds / limit), text=f"正在分析 {what}：已用 {seconds:.0f} 秒（上限 {limit:g} 秒）"
        )

    try:
        yield on_wait
    finally:
        slot.empty()


def preview_upload(name: str, data: bytes) -> preview.UploadPreview:
    """What the pipeline makes of an upload, kept per file content and rule version (no rerun redoes it)."""
    return memo(_preview, name, data, rules_fingerprint())


def preview_paste() -> preview.UploadPreview | None:
    """What the pipeline makes of the pasted text as it will be added, or None while nothing is pasted;
    kept per text and rule version."""
    text = st.session_state.get(PASTE_TEXT) or ""
    if not text.strip():
        return None
    title = st.session_state.get(PASTE_TITLE) or ""
    return memo(_paste_preview, title, text, rules_fingerprint())


def _paste_preview(title: str, text: str, rules: str) -> preview.UploadPreview:
    with _progress("粘贴的文字") as on_wait:
        return preview.preview_paste(title, text, on_wait=on_wait)


def uploader_key() -> str:
    return f"library-upload-{st.session_state.get(UPLOADER_ROUND, 0)}"


#: The container the file uploader is drawn in (its CSS class: st-key-…): UPLOADER_CSS applies there only.
UPLOADER_BOX = "library-uploader"
#: What the uploader's button says, for Streamlit's “Upload”.
UPLOAD_BUTTON = "选择文件"
#: What the drop zone says while files are dragged over it, for “Drag and drop files here”.
DROP_HERE = "松开鼠标，把文件放在这里"
#: Streamlit's uploader draws English of its own that no option of it translates (“Upload”, “20MB per
#: file”, “Drag and drop files here”, the drop zone's only child without a test id while files are dragged
#: over it): within UPLOADER_BOX those words are hidden and the button's and the drop zone's are drawn in
#: Chinese; the caption under it (`upload_caption`) says the limit.
UPLOADER_CSS = f"""<style>
.st-key-{UPLOADER_BOX} [data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer],
.st-key-{UPLOADER_BOX} [data-testid=stFileUploaderDropzoneInstructions] {{display: none}}
.st-key-{UPLOADER_BOX} [data-testid=stBaseButton-secondary] [data-has-shortcut]::after {{content: "{UPLOAD_BUTTON}"}}
.st-key-{UPLOADER_BOX} [data-testid=stFileUploaderDropzone] > div:not([data-testid]):not(:has([data-testid])) > span {{
  visibility: hidden; font-size: 0}}
.st-key-{UPLOADER_BOX} [data-testid=stFileUploaderDropzone] > div:not([data-testid]):not(:has([data-testid])) > span::after {{
  content: "{DROP_HERE}"; visibility: visible; font-size: 1rem}}
</style>"""


def chinese_uploader():
    """A container for a file uploader whose own English words are hidden (UPLOADER_CSS)."""
    st.html(UPLOADER_CSS)
    return st.container(key=UPLOADER_BOX)


def upload_caption() -> str:
    """What the uploader's hidden note said, in Chinese: how to add files and the largest file accepted
    (the smaller of the library's limit and Streamlit's upload limit)."""
    limit = min(config.MAX_FILE_BYTES / 2**20, float(st.get_option("server.maxUploadSize")))
    return f"点击“{UPLOAD_BUTTON}”，或把文件拖到上面的框里；每个文件不超过 {limit:g} MB。"


def add_uploads() -> None:
    added, info, errors = [], [], []
    for f in st.session_state.get(uploader_key()) or []:
        data = f.getvalue()
        seen = preview_upload(f.name, data)
        if not seen.ok:
            continue  # refused in the preview already, with its reason
        try:
            result = library.add_file(f.name, data, text=seen.text)
        except (IngestError, LibraryError) as err:
            errors.append(str(err))
            continue
        if result.status == "added":
            added.append(result.id)
        else:
            info.append(f"文件 {display_name(f.name)} 与语料库中已有的文章内容相同，没有重复加入。")
    _notify(added=added, info=info, errors=errors)
    if added:
        st.session_state[CHOSEN] = added[0]  # ready to be corrected
    st.session_state[UPLOADER_ROUND] = st.session_state.get(UPLOADER_ROUND, 0) + 1


def add_pasted() -> None:
    try:
        result = library.add_text(st.session_state[PASTE_TITLE], st.session_state[PASTE_TEXT])
    except (IngestError, LibraryError) as err:
        _notify(errors=[str(err)])
        return
    if result.status == "added":
        _notify(added=[result.id])
        st.session_state[CHOSEN] = result.id
    else:
        _notify(info=["这段文字与语料库中已有的文章内容相同，没有重复加入。"])
    st.session_state[PASTE_TITLE] = st.session_state[PASTE_TEXT] = ""


def save_correction(library_id: str, old_title: str, old_zone: str) -> None:
    title = squash_spaces(st.session_state[f"fix-title-{library_id}"] or "")
    zone = squash_spaces(st.session_state[f"fix-zone-{library_id}"] or "")
    try:  # a value equal to the shown one but for spaces is no correction
        library.set_override(
            library_id,
            title=title if title != squash_spaces(old_title) else None,
            zone=zone if zone and zone != squash_spaces(old_zone) else None,
        )
    except LibraryError as err:
        _notify(errors=[str(err)])
        return
    _forget_fields(library_id)
    _notify(info=["已保存更正，重新构建数据集时也会保留。"])


def reset_correction(library_id: str) -> None:
    library.set_override(library_id, title="", zone="")
    _forget_fields(library_id)
    _notify(info=["已恢复自动识别的标题和区域。"])


def _forget_fields(library_id: str) -> None:
    """Drops the correction form's values, so it shows the article as the rebuilt dataset has it."""
    for key in (f"fix-title-{library_id}", f"fix-zone-{library_id}"):
        st.session_state.pop(key, None)


def ask_remove(library_id: str) -> None:
    st.session_state[CONFIRM_REMOVE] = library_id


def cancel_remove() -> None:
    st.session_state.pop(CONFIRM_REMOVE, None)


def remove_article(library_id: str, label: str) -> None:
    st.session_state.pop(CONFIRM_REMOVE, None)
    if not library.remove(library_id):
        _notify(errors=[f"语料库中已没有 {label}。"])
        return
    _notify(info=[f"已从语料库删除 {label}。"])
