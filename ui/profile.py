"""A zone profile drawn (the 区域画像 page shows one, or two side by side)."""

from __future__ import annotations

import streamlit as st

from lib.core.safety import escape_markdown
from lib.dataset import Dataset
from lib.explore import charts, profiles
from lib.explore.filters import Filters
from ui.html import figure_cards
from ui.plots import show_chart
from ui.state import cached
from ui.tables import download_buttons, empty_result, show_table


def figures(ds: Dataset, zone: str, narrow: Filters) -> dict:
    """The profile's charts, built once per zone and filter."""
    p = cached(profiles.zone_profile, ds, zone, narrow)
    return {
        "mix": charts.theme_mix(p.paragraphs, title=f"{zone}：主题构成") if len(p.paragraphs) else None,
        "top": charts.term_bar(p.top_terms, title=f"{zone}：高频词") if len(p.top_terms) else None,
        "key": charts.term_bar(
            p.distinctive_terms, value="g2", unit="", title=f"{zone}：相对其他区域的特色用词"
        )
        if len(p.distinctive_terms)
        else None,
    }


def render(ds: Dataset, zone: str, narrow: Filters) -> None:
    """One zone's profile under the sidebar's other filters (`narrow`: theme, article, year, text)."""
    p = cached(profiles.zone_profile, ds, zone, narrow)
    st.header(escape_markdown(zone))
    if p.articles.empty:
        empty_result(f"{zone}的文章")
        return
    facts = profiles.zone_facts(p.articles)
    st.caption(
        (escape_markdown(facts) + "  \n" if facts else "")
        + f"{len(p.articles)} 篇报道 · {len(p.paragraphs)} 段正文 · {len(p.metrics)} 条指标 · {len(p.initiatives)} 项举措"
    )
    st.subheader("报道与来源")
    show_table(
        p.articles,
        ["title", "year", "authors", "source_file"],
        key=f"arts-{zone}",
        title=st.column_config.TextColumn("标题", width="large"),
        year=st.column_config.NumberColumn("年份", format="%d"),
        authors=st.column_config.ListColumn("作者"),
    )
    _headline(p)
    _initiatives(p)
    _enterprises_and_people(p, zone)
    _language(ds, p, zone, narrow)


def _headline(p: profiles.ZoneProfile) -> None:
    st.subheader("主要数字")
    if p.headline.empty:
        st.caption("当前筛选下没有可作为主要数字的指标。")
    figure_cards(
        [(row["label"], profiles.format_value(row), row["sentence"]) for _, row in p.headline.iterrows()]
    )


def _initiatives(p: profiles.ZoneProfile) -> None:
    st.subheader("举措及其组成")
    if p.initiatives.empty:
        st.caption("当前筛选下没有识别到举措。")
    for _, it in p.initiatives[p.initiatives["kind"] != "brand"].iterrows():
        parts = "、".join(it["components"]) if len(it["components"]) else "（文中未列出组成部分）"
        st.text(f"{it['full_name']}：{parts}")
    brands = p.initiatives.loc[p.initiatives["kind"] == "brand", "full_name"]
    if len(brands):
        st.text("品牌：" + "、".join(brands))


def _enterprises_and_people(p: profiles.ZoneProfile, zone: str) -> None:
    st.subheader("主导产业与企业")
    if not p.industries.empty:
        st.text(
            "产业（按提及次数）："
            + "、".join(f"{r.industry}（{r.mentions}）" for r in p.industries.head(8).itertuples())
        )
    show_table(
        p.enterprises,
        ["name", "short_name", "mentions", "reports"],
        key=f"ents-{zone}",
        name="企业",
        mentions=st.column_config.NumberColumn("提及", format="%d 次"),
        reports=st.column_config.NumberColumn("报道", format="%d 篇"),
    )
    if not p.institutions.empty:
        st.text("高校与科研院所：" + "、".join(p.institutions["name"]))
    st.subheader("报道中的人物")
    show_table(
        p.people[["name", "role", "sentence"]].fillna(""),
        ["name", "role", "sentence"],
        key=f"people-{zone}",
        name="姓名",
        sentence=st.column_config.TextColumn("原句", width="large"),
    )


def _language(ds: Dataset, p: profiles.ZoneProfile, zone: str, narrow: Filters) -> None:
    figs = cached(figures, ds, zone, narrow)
    st.subheader("主题构成")
    if p.paragraphs.empty:
        st.caption("当前筛选下没有正文段落。")
    else:
        show_chart(figs["mix"], key=f"mix-{zone}")
    st.subheader("高频词与特色用词")
    t1, t2 = st.columns(2)
    if figs["top"] is not None:
        t1.plotly_chart(figs["top"], key=f"top-{zone}")
    if figs["key"] is not None:
        t2.plotly_chart(figs["key"], key=f"key-{zone}")
        download_buttons(p.distinctive_terms, what="特色用词", description=zone, key=f"dl-key-{zone}")
    elif len(ds.zones) < 2:
        t2.caption("只有一个区域时无法比较用词。")
