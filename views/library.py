"""语料管理: add your own articles (files or pasted text) after seeing what the pipeline makes of them,
correct or remove them, and see the shipped articles beside them. The actions are ui.library's callbacks."""

import streamlit as st

from lib.core.safety import escape_markdown as esc
from lib.explore import preview
from lib.reading import library
from lib.reading.formats import SUPPORTED_SUFFIXES
from ui import library as actions
from ui.state import cached, page_setup
from ui.tables import show_table

ds, _ = page_setup()
entries = library.list_entries()
counted = cached(preview.article_counts, ds)  # once per dataset, not twice per rerun
mine = preview.library_table(entries, ds, counted)
shipped = preview.shipped_table(ds, counted)
WIDE_TITLE = st.column_config.TextColumn("标题", width="large")
BYTES = st.column_config.NumberColumn("大小（字节）", format="%d")
CHARS = st.column_config.NumberColumn("字数", format="%d 字")


def show_previews(previews: list[preview.UploadPreview], *, key: str, what: str) -> None:
    """What the pipeline reads from files or pasted text before they are added, and why any is refused."""
    for p in previews:
        if not p.ok:
            st.error(f"无法加入：{esc(p.error)}", icon=":material/block:")
    table = preview.preview_table(previews, known_ids=set(mine["id"]))
    if len(table):
        show_table(
            table,
            preview.PREVIEW_COLUMNS,
            key=key,
            name=what,
            size=BYTES,
            title=st.column_config.TextColumn("识别出的标题", width="large"),
            n_chars=CHARS,
            initiatives=st.column_config.ListColumn("举措名称"),
        )


st.title("语料管理")
st.caption(
    "加入自己的报道（文件或粘贴文字），先看分析流程能从中读出什么，再加入语料库；加入后所有页面随之更新。"
    "也可以更正识别出的标题和区域，或删除文章。随附的文章只能查看。"
)
c1, c2, c3 = st.columns(3)
c1.metric("随附文章", f"{len(shipped)} 篇")
c2.metric("我的文章", f"{len(mine)} 篇")
c3.metric("全部报道", f"{len(ds.articles)} 篇")

notice = actions.notice()
if notice:
    for message in notice.errors:
        st.error(esc(message), icon=":material/error:")
    for message in notice.info:
        st.info(esc(message), icon=":material/info:")
    added = mine[mine["id"].isin(notice.added)]
    if len(added):
        st.success(f"已加入 {len(added)} 篇，数据集已更新，现在包含：", icon=":material/check_circle:")
        show_table(
            added,
            ["name", "title", "zone", "n_articles", "n_metrics", "n_initiatives", "status"],
            key="library-added",
            name="文件",
            title=WIDE_TITLE,
        )
    st.button("清除提示", key="library-dismiss", on_click=actions.dismiss)

st.header("加入文章")
upload_tab, paste_tab = st.tabs(["上传文件", "粘贴文字"])
with upload_tab:
    with actions.chinese_uploader():
        files = st.file_uploader(
            f"选择一个或多个文件（{' '.join(SUPPORTED_SUFFIXES)}）",
            accept_multiple_files=True,
            key=actions.uploader_key(),
            help="文件先在这里分析、预览，点击“加入语料库”后才会保存。",
        )
        st.caption(actions.upload_caption())
    if files:
        previews = [actions.preview_upload(f.name, f.getvalue()) for f in files]
        show_previews(previews, key="library-preview", what="文件")
        n_new = len({p.library_id for p in previews if p.ok} - set(mine["id"]))
        st.button(
            f"加入语料库（{n_new} 个文件）",
            type="primary",
            disabled=not n_new,
            on_click=actions.add_uploads,
            key="library-add-files",
            icon=":material/library_add:",
        )
with paste_tab:
    with st.form("library-paste"):
        st.text_input("标题", key=actions.PASTE_TITLE, placeholder="可留空：留空时用正文第一行作标题")
        st.text_area("正文", key=actions.PASTE_TEXT, height=240, placeholder="把报道全文粘贴到这里")
        st.form_submit_button("预览", icon=":material/preview:", help="先看分析流程能从这段文字中读出什么")
    pasted = actions.preview_paste()
    if pasted is not None:
        show_previews([pasted], key="library-paste-preview", what="文字")
        st.button(
            "加入语料库",
            type="primary",
            disabled=not pasted.ok,
            on_click=actions.add_pasted,
            key="library-add-paste",
            icon=":material/library_add:",
        )

st.header(f"我的文章（{len(mine)} 篇）")
if mine.empty:
    st.info("还没有加入自己的文章。在上面上传文件或粘贴文字即可加入。", icon=":material/info:")
else:
    show_table(
        mine,
        preview.LIBRARY_COLUMNS,
        key="library-mine",
        name="原文件名",
        title=WIDE_TITLE,
        size=BYTES,
        uploaded=st.column_config.DatetimeColumn(
            "加入时间（北京时间）", format="YYYY-MM-DD HH:mm", timezone="Asia/Shanghai"
        ),
    )

    labels = {row.id: f"{row.title}（{row.name}）" for row in mine.itertuples()}
    chosen = st.selectbox(
        "更正或删除哪一篇", list(labels), format_func=labels.__getitem__, key=actions.CHOSEN
    )
    entry = next(e for e in entries if e["id"] == chosen)
    auto_title, auto_zone = preview.detected(ds, entry)

    fix, drop = st.columns([3, 2])
    with fix, st.form(f"fix-{chosen}"):
        st.markdown("**更正标题或区域**")
        st.text_input(
            "标题",
            value=auto_title,
            key=f"fix-title-{chosen}",
            help="文件含有多篇报道时，更正的是第一篇的标题；清空后保存则恢复自动识别的标题。",
        )
        zones = preview.zone_choices(ds.zones)
        st.selectbox(
            "区域",
            zones,
            index=zones.index(auto_zone) if auto_zone in zones else None,
            key=f"fix-zone-{chosen}",
            accept_new_options=True,
            placeholder="选择或输入区域名称",
            help="可以从已知区域中选择，也可以直接输入新的区域名称。",
        )
        st.form_submit_button(
            "保存更正",
            on_click=actions.save_correction,
            args=(chosen, auto_title, auto_zone),
            icon=":material/save:",
        )
    if entry["title"] or entry["zone"]:
        fix.caption(
            "这篇文章有手动更正："
            + "；".join(
                f"{what}：{esc(entry[k])}" for what, k in (("标题", "title"), ("区域", "zone")) if entry[k]
            )
        )
        fix.button(
            "恢复自动识别", key=f"fix-reset-{chosen}", on_click=actions.reset_correction, args=(chosen,)
        )
    with drop:
        st.markdown("**删除**")
        if st.session_state.get(actions.CONFIRM_REMOVE) == chosen:
            st.warning(
                f"确定从语料库删除 {esc(labels[chosen])} 吗？原文件和提取的文字都会删除，不能撤销。",
                icon=":material/warning:",
            )
            st.button(
                "确认删除",
                type="primary",
                key="library-remove-yes",
                on_click=actions.remove_article,
                args=(chosen, labels[chosen]),
                icon=":material/delete:",
            )
            st.button("取消", key="library-remove-no", on_click=actions.cancel_remove)
        else:
            st.button(
                "删除这篇文章…",
                key="library-remove",
                icon=":material/delete:",
                on_click=actions.ask_remove,
                args=(chosen,),
            )

st.header(f"随附文章（{len(shipped)} 篇，只读）")
st.caption("ZoneLens 自带的报道，不能在这里更改或删除。")
show_table(
    shipped,
    preview.SHIPPED_COLUMNS,
    key="library-shipped",
    article_id="编号",
    title=WIDE_TITLE,
    year=st.column_config.NumberColumn("年份", format="%d"),
    n_chars=CHARS,
)
