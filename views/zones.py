"""区域画像: one zone at a time, or two side by side."""

from dataclasses import replace

import streamlit as st

from ui import profile
from ui.state import page_setup
from ui.tables import empty_result

ds, filters = page_setup()

st.title("区域画像")
st.caption(
    "一个区域的报道、数字、举措、企业与人物，以及它的用词与其他区域有何不同（对数似然关键性，而非原始词频）。"
)

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
if filters.active:
    st.caption("主题、文章、年份和文本筛选作用于每个区域的画像；区域由上方选择。")

# The sidebar's zone filter doesn't shape a profile (the zone is chosen above), so it stays out of the key.
narrow = replace(filters, zones=())
if zone_b in others:
    for column, zone in zip(st.columns(2, gap="large"), (zone_a, zone_b), strict=True):
        with column:
            profile.render(ds, zone, narrow)
else:
    profile.render(ds, zone_a, narrow)
