"""Every chart is shown through `show_chart`: one Plotly toolbar for all of them, reduced to what users
need (save as image, box or lasso selection on the charts that open passages, reset), its tooltips in
Chinese (Streamlit's Plotly has no Chinese locale, so the words are given here), never over a chart's
title (lib.explore.chart_style puts it on the right, upright)."""

from __future__ import annotations

import streamlit as st

#: The toolbar: no Plotly logo, no zoom and pan buttons (a double click resets the view), images named
#: in Chinese and drawn at twice the screen's resolution for reports.
CHART_CONFIG = {
    "displaylogo": False,
    "locale": "zh-CN",
    "modeBarButtonsToRemove": [
        "zoom2d",
        "pan2d",
        "zoomIn2d",
        "zoomOut2d",
        "autoScale2d",
        "toggleSpikelines",
        "hoverClosestCartesian",
        "hoverCompareCartesian",
    ],
    "toImageButtonOptions": {"filename": "ZoneLens_图表", "scale": 2},
    # Streamlit's Plotly carries no Chinese locale: the words of the buttons kept are given here
    "locales": {
        "zh-CN": {
            "dictionary": {
                "Download plot as a png": "下载图片（PNG）",
                "Download plot as a PNG": "下载图片（PNG）",
                "Fullscreen": "全屏",
                "Exit fullscreen": "退出全屏",
                "Download plot": "下载图片",
                "Box Select": "框选",
                "Lasso Select": "套索选择",
                "Reset axes": "复原坐标轴",
                "Reset view": "复原视图",
                "Double-click to zoom back out": "双击复原",
                "Taking snapshot - this may take a few seconds": "正在生成图片，请稍候",
                "Snapshot succeeded": "图片已生成",
                "Sorry, there was a problem downloading your snapshot!": "抱歉，图片下载失败",
                "Click to enter Colorscale title": "点击输入色阶标题",
                "trace": "系列",
            }
        }
    },
}


def show_chart(fig, *, key: str, **kwargs):
    """`st.plotly_chart` with the shared toolbar; returns the selection state when `on_select` is given."""
    return st.plotly_chart(fig, key=key, config=CHART_CONFIG, **kwargs)
