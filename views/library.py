"""语料管理: add your own articles (files or pasted text) after seeing what the pipeline makes of them,
correct or remove them, and see the shipped articles beside them.

Every change goes through a button callback, so it is on disk before `app.py` loads the dataset in the
same run: the content-keyed loader (`ui.state.get_dataset`) then rebuilds (only the changed file is
processed again) and the sidebar and every page see the new corpus. No cache needs clearing.
"""

import streamlit as st

from lib import library, preview
from lib.dataset import rules_fingerprint
from lib.library import IngestError, LibraryError
from lib.reader import SUPPORTED_SUFFIXES, display_name
from ui.state import page_setup

#: What the last change did, shown until the next one: {"added": [ids], "info": [...], "errors": [...]}.
NOTICE = "library-notice"
#: Bumped after adding, so the file uploader starts empty again.
UPLOADER_ROUND = "library-uploader-round"
#: The library id waiting for the user to confirm its removal.
CONFIRM_REMOVE = "library-confirm-remove"
CHOSEN = "library-chosen"
PASTE_TITLE, PASTE_TEXT = "library-paste-title", "library-paste-text"

esc = preview.escape_markdown


@st.cache_data(show_spinner="正在分析上传的文件……", max_entries=64)
def preview_upload(name: str, data: bytes, rules: str) -> preview.UploadPreview:
    """`preview.preview_upload`, kept per file content and rule version so a rerun does not redo it."""
    return preview.preview_upload(name, data)


def uploader_key() -> str:
    return f"library-upload-{st.session_state.get(UPLOADER_ROUND, 0)}"


# --- changes (button callbacks: they run before app.py loads the dataset) ---------------------------


def add_uploads() -> None:
    added, info, errors = [], [], []
    rules = rules_fingerprint()
    for f in st.session_state.get(uploader_key()) or []:
        data = f.getvalue()
        if not preview_upload(f.name, data, rules).ok:
            continue  # refused in the preview already, with its reason
        try:
            result = library.add_file(f.name, data)
        except (IngestError, LibraryError) as err:
            errors.append(str(err))
            continue
        if result.status == "added":
            added.append(result.id)
        else:
            info.append(f"文件 {display_name(f.name)} 与语料库中已有的文章内容相同，没有重复加入。")
    st.session_state[NOTICE] = {"added": added, "info": info, "errors": errors}
    if added:
        st.session_state[CHOSEN] = added[0]  # ready to be corrected
    st.session_state[UPLOADER_ROUND] = st.session_state.get(UPLOADER_ROUND, 0) + 1


def add_pasted() -> None:
    try:
        result = library.add_text(st.session_state[PASTE_TITLE], st.session_state[PASTE_TEXT])
    except (IngestError, LibraryError) as err:
        st.session_state[NOTICE] = {"added": [], "info": [], "errors": [str(err)]}
        return
    if result.status == "added":
        st.session_state[NOTICE] = {"added": [result.id], "info": [], "errors": []}
        st.session_state[CHOSEN] = result.id
    else:
        st.session_state[NOTICE] = {"added": [], "errors": [],
                                    "info": ["这段文字与语料库中已有的文章内容相同，没有重复加入。"]}
    st.session_state[PASTE_TITLE] = st.session_state[PASTE_TEXT] = ""


def save_correction(library_id: str, old_title: str, old_zone: str) -> None:
    title = (st.session_state[f"fix-title-{library_id}"] or "").strip()
    zone = (st.session_state[f"fix-zone-{library_id}"] or "").strip()
    try:
        library.set_override(library_id, title=title if title != old_title else None,
                             zone=zone if zone and zone != old_zone else None)
    except LibraryError as err:
        st.session_state[NOTICE] = {"added": [], "info": [], "errors": [str(err)]}
        return
    forget_fields(library_id)
    st.session_state[NOTICE] = {"added": [], "errors": [], "info": ["已保存更正，重新构建数据集时也会保留。"]}


def reset_correction(library_id: str) -> None:
    library.set_override(library_id, title="", zone="")
    forget_fields(library_id)
    st.session_state[NOTICE] = {"added": [], "errors": [], "info": ["已恢复自动识别的标题和区域。"]}


def forget_fields(library_id: str) -> None:
    """Drops the correction form's values, so it shows the article as the rebuilt dataset has it."""
    for key in (f"fix-title-{library_id}", f"fix-zone-{library_id}"):
        st.session_state.pop(key, None)


def remove_article(library_id: str, label: str) -> None:
    st.session_state.pop(CONFIRM_REMOVE, None)
    if not library.remove(library_id):
        st.session_state[NOTICE] = {"added": [], "info": [], "errors": [f"语料库中已没有 {label}。"]}
        return
    st.session_state[NOTICE] = {"added": [], "errors": [], "info": [f"已从语料库删除 {label}。"]}


# --- the page --------------------------------------------------------------------------------------

ds, _ = page_setup()
entries = library.list_entries()
mine = preview.library_table(entries, ds)
shipped = preview.shipped_table(ds)

st.title("语料管理")
st.caption("加入自己的报道（文件或粘贴文字），先看分析流程能从中读出什么，再加入语料库；加入后所有页面随之更新。"
           "也可以更正识别出的标题和区域，或删除文章。随附的文章只能查看。")
c1, c2, c3 = st.columns(3)
c1.metric("随附文章", f"{len(shipped)} 篇")
c2.metric("我的文章", f"{len(mine)} 个")
c3.metric("全部报道", f"{len(ds.articles)} 篇")

notice = st.session_state.get(NOTICE)
if notice:
    for message in notice["errors"]:
        st.error(esc(message), icon=":material/error:")
    for message in notice["info"]:
        st.info(esc(message), icon=":material/info:")
    added = mine[mine["id"].isin(notice["added"])]
    if len(added):
        st.success(f"已加入 {len(added)} 个，数据集已更新，现在包含：", icon=":material/check_circle:")
        st.dataframe(added[["name", "title", "zone", "n_articles", "n_metrics", "n_initiatives", "status"]],
                     hide_index=True, key="library-added", column_config={
                         "name": "文件", "title": st.column_config.TextColumn("标题", width="large"),
                         "zone": "区域", "n_articles": "报道", "n_metrics": "指标", "n_initiatives": "举措",
                         "status": "状态"})
    st.button("清除提示", key="library-dismiss", on_click=lambda: st.session_state.pop(NOTICE, None))

st.header("加入文章")
upload_tab, paste_tab = st.tabs(["上传文件", "粘贴文字"])
with upload_tab:
    files = st.file_uploader(f"选择一个或多个文件（{' '.join(SUPPORTED_SUFFIXES)}）", accept_multiple_files=True,
                             key=uploader_key(), help="文件先在这里分析、预览，点击“加入语料库”后才会保存。")
    if files:
        rules = rules_fingerprint()
        previews = [preview_upload(f.name, f.getvalue(), rules) for f in files]
        for p in previews:
            if not p.ok:
                st.error(f"无法加入：{esc(p.error)}", icon=":material/block:")
        table = preview.preview_table(previews, known_ids=set(mine["id"]))
        if len(table):
            st.dataframe(table, hide_index=True, key="library-preview", column_config={
                "name": "文件", "size": st.column_config.NumberColumn("大小（字节）", format="%d"),
                "title": st.column_config.TextColumn("识别出的标题", width="large"), "zone": "区域",
                "n_chars": st.column_config.NumberColumn("字数", format="%d 字"), "n_metrics": "指标",
                "n_initiatives": "举措", "initiatives": st.column_config.ListColumn("举措名称"), "status": "状态"})
        n_new = len({p.library_id for p in previews if p.ok} - set(mine["id"]))
        st.button(f"加入语料库（{n_new} 个文件）", type="primary", disabled=not n_new, on_click=add_uploads,
                  key="library-add-files", icon=":material/library_add:")
with paste_tab:
    with st.form("library-paste"):
        st.text_input("标题", key=PASTE_TITLE, placeholder="可留空：留空时用正文第一行作标题")
        st.text_area("正文", key=PASTE_TEXT, height=240, placeholder="把报道全文粘贴到这里")
        st.form_submit_button("加入语料库", type="primary", on_click=add_pasted, icon=":material/library_add:")

st.header(f"我的文章（{len(mine)} 个）")
if mine.empty:
    st.info("还没有加入自己的文章。在上面上传文件或粘贴文字即可加入。", icon=":material/info:")
else:
    st.dataframe(mine, hide_index=True, key="library-mine", column_config={
        "id": "编号", "name": "原文件名", "title": st.column_config.TextColumn("标题", width="large"),
        "zone": "区域", "size": st.column_config.NumberColumn("大小（字节）", format="%d"),
        "uploaded": st.column_config.DatetimeColumn("加入时间（北京时间）", format="YYYY-MM-DD HH:mm",
                                                    timezone="Asia/Shanghai"),
        "n_articles": "报道", "n_metrics": "指标", "n_initiatives": "举措", "status": "状态"})

    labels = {row.id: f"{row.title}（{row.name}）" for row in mine.itertuples()}
    chosen = st.selectbox("更正或删除哪一篇", list(labels), format_func=labels.__getitem__, key=CHOSEN)
    entry = next(e for e in entries if e["id"] == chosen)
    reports = preview.library_reports(ds, chosen)
    auto_title = reports["title"].iloc[0] if len(reports) else entry["title"] or entry["title_guess"]
    auto_zone = reports["zone"].iloc[0] if len(reports) else entry["zone"] or ""

    fix, drop = st.columns([3, 2])
    with fix, st.form(f"fix-{chosen}"):
        st.markdown("**更正标题或区域**")
        st.text_input("标题", value=auto_title, key=f"fix-title-{chosen}",
                      help="文件含有多篇报道时，更正的是第一篇的标题；清空后保存则恢复自动识别的标题。")
        zones = preview.zone_choices(ds.zones)
        st.selectbox("区域", zones, index=zones.index(auto_zone) if auto_zone in zones else None,
                     key=f"fix-zone-{chosen}", accept_new_options=True, placeholder="选择或输入区域名称",
                     help="可以从已知区域中选择，也可以直接输入新的区域名称。")
        st.form_submit_button("保存更正", on_click=save_correction, args=(chosen, auto_title, auto_zone),
                              icon=":material/save:")
    if entry["title"] or entry["zone"]:
        fix.caption("这篇文章有手动更正：" + "；".join(
            f"{what}：{esc(entry[k])}" for what, k in (("标题", "title"), ("区域", "zone")) if entry[k]))
        fix.button("恢复自动识别", key=f"fix-reset-{chosen}", on_click=reset_correction, args=(chosen,))
    with drop:
        st.markdown("**删除**")
        if st.session_state.get(CONFIRM_REMOVE) == chosen:
            st.warning(f"确定从语料库删除 {esc(labels[chosen])} 吗？原文件和提取的文字都会删除，不能撤销。",
                       icon=":material/warning:")
            st.button("确认删除", type="primary", key="library-remove-yes", on_click=remove_article,
                      args=(chosen, labels[chosen]), icon=":material/delete:")
            st.button("取消", key="library-remove-no", on_click=lambda: st.session_state.pop(CONFIRM_REMOVE, None))
        else:
            st.button("删除这篇文章…", key="library-remove", icon=":material/delete:",
                      on_click=lambda i=chosen: st.session_state.update({CONFIRM_REMOVE: i}))

st.header(f"随附文章（{len(shipped)} 篇，只读）")
st.caption("ZoneLens 自带的报道，不能在这里更改或删除。")
st.dataframe(shipped, hide_index=True, key="library-shipped", column_config={
    "article_id": "编号", "source_file": "来源文件", "title": st.column_config.TextColumn("标题", width="large"),
    "zone": "区域", "year": st.column_config.NumberColumn("年份", format="%d"),
    "n_chars": st.column_config.NumberColumn("字数", format="%d 字"), "n_metrics": "指标", "n_initiatives": "举措"})
