"""区域画像: one zone at a time, or two side by side."""

from dataclasses import replace

import streamlit as st

from lib import charts, profiles, search
from ui.state import cached, page_setup
from ui.widgets import download_buttons, empty_result

ds, filters = page_setup()

st.title("区域画像")
st.caption("一个区域的报道、数字、举措、企业与人物，以及它的用词与其他区域有何不同（对数似然关键性，而非原始词频）。")

zones = ds.zones
if not zones:
    empty_result("可识别区域的文章")
    st.stop()
by_size = ds.articles["zone"].value_counts()
default = [z for z in filters.zones if z in zones][:1] or [max(zones, key=lambda z: by_size.get(z, 0))]
c1, c2 = st.columns(2)
zone_a = c1.selectbox("区域", zones, index=zones.index(default[0]), key="zone_a", bind="query-params")
others = [z for z in zones if z != zone_a]
zone_b = c2.selectbox("并排比较（可选）", ["（不比较）", *others], key="zone_b", bind="query-params")
shown = [zone_a] + ([zone_b] if zone_b in others else [])
if filters.active:
    st.caption("主题、文章、年份和文本筛选作用于每个区域的画像；区域由上方选择。")


# The sidebar's zone filter doesn't shape a profile (the zone is chosen above), so it stays out of the key.
narrow = replace(filters, zones=())


def figures(ds, zone: str, narrow):
    """The profile's charts, built once per zone and filter."""
    p = cached(profiles.zone_profile, ds, zone, narrow)
    return {
        "mix": charts.theme_mix(p.paragraphs, title=f"{zone}：主题构成") if len(p.paragraphs) else None,
        "top": charts.term_bar(p.top_terms, title=f"{zone}：高频词") if len(p.top_terms) else None,
        "key": charts.term_bar(p.distinctive_terms, value="g2", unit="", title=f"{zone}：相对其他区域的特色用词")
        if len(p.distinctive_terms) else None,
    }


def render(zone: str, container) -> None:
    p = cached(profiles.zone_profile, ds, zone, narrow)
    figs = cached(figures, ds, zone, narrow)
    arts, body, metrics, inits = p.articles, p.paragraphs, p.metrics, p.initiatives
    with container:
        st.header(zone)
        if arts.empty:
            empty_result(f"{zone}的文章")
            return
        st.caption(f"{len(arts)} 篇报道 · {len(body)} 段正文 · {len(metrics)} 条指标 · {len(inits)} 项举措")

        st.subheader("报道与来源")
        st.dataframe(arts[["title", "year", "authors", "source_file"]], hide_index=True, column_config={
            "title": st.column_config.TextColumn("标题", width="large"),
            "year": st.column_config.NumberColumn("年份", format="%d"),
            "authors": st.column_config.ListColumn("作者"), "source_file": "来源文件"}, key=f"arts-{zone}")

        st.subheader("主要数字")
        head = p.headline
        if head.empty:
            st.caption("当前筛选下没有可作为主要数字的指标。")
        cards = st.columns(3)
        for i, (_, row) in enumerate(head.iterrows()):
            cards[i % 3].metric(search.escape_markdown(row["label"]), profiles.format_value(row),
                                help="原句：" + search.escape_markdown(row["sentence"]), border=True)

        st.subheader("举措及其组成")
        if inits.empty:
            st.caption("当前筛选下没有识别到举措。")
        counted = inits[inits["kind"] != "brand"]
        for _, it in counted.iterrows():
            parts = "、".join(it["components"]) if len(it["components"]) else "（文中未列出组成部分）"
            st.text(f"{it['full_name']}：{parts}")
        brands = inits.loc[inits["kind"] == "brand", "full_name"]
        if len(brands):
            st.text("品牌：" + "、".join(brands))

        st.subheader("主导产业与企业")
        ind = p.industries
        if not ind.empty:
            st.text("产业（按提及次数）：" + "、".join(f"{r.industry}（{r.mentions}）" for r in ind.head(8).itertuples()))
        ents = p.enterprises
        st.dataframe(ents[["name", "short_name", "mentions", "reports"]], hide_index=True, key=f"ents-{zone}", column_config={
            "name": "企业", "short_name": "简称", "mentions": st.column_config.NumberColumn("提及", format="%d 次"),
            "reports": st.column_config.NumberColumn("报道", format="%d 篇")})
        inst = p.institutions
        if not inst.empty:
            st.text("高校与科研院所：" + "、".join(inst["name"]))

        st.subheader("报道中的人物")
        people = p.people
        st.dataframe(people[["name", "role", "sentence"]].fillna(""), hide_index=True, key=f"people-{zone}", column_config={
            "name": "姓名", "role": "身份", "sentence": st.column_config.TextColumn("原句", width="large")})

        st.subheader("主题构成")
        if body.empty:
            st.caption("当前筛选下没有正文段落。")
        else:
            st.plotly_chart(figs["mix"], key=f"mix-{zone}")

        st.subheader("高频词与特色用词")
        t1, t2 = st.columns(2)
        if figs["top"] is not None:
            t1.plotly_chart(figs["top"], key=f"top-{zone}")
        if figs["key"] is not None:
            t2.plotly_chart(figs["key"], key=f"key-{zone}")
            download_buttons(p.distinctive_terms, what="特色用词", description=zone, key=f"dl-key-{zone}")
        elif len(ds.zones) < 2:
            t2.caption("只有一个区域时无法比较用词。")


if len(shown) == 1:
    render(zone_a, st.container())
else:
    left, right = st.columns(2, gap="large")
    render(zone_a, left)
    render(zone_b, right)
