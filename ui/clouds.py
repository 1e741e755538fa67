"""Word clouds on the pages: drawn once per word list and font (ui.state.memo), as PNG."""

from __future__ import annotations

import io

from lib.explore import clouds
from ui.state import memo

#: How the font was found, in words.
FONT_SOURCES = {
    "env": "环境变量 ZONELENS_FONT",
    "system": "系统字体",
    "package": "随应用安装的字体",
    "argument": "指定",
}


def _draw(frequencies: tuple[tuple[str, float], ...], font_path: str) -> tuple[bytes, list[str]]:
    cloud = clouds.layout_cloud(dict(frequencies), font_path=font_path, width=900, height=450)
    buf = io.BytesIO()
    cloud.image.save(buf, format="PNG")
    return buf.getvalue(), cloud.dropped


def cloud_png(frequencies: dict[str, float], font: clouds.FontInfo) -> tuple[bytes, list[str]]:
    """PNG of a word cloud and the words dropped for want of glyphs."""
    return memo(_draw, tuple(frequencies.items()), str(font.path))


def font_note(font: clouds.FontInfo) -> tuple[str, str]:
    """(caption, its help text): where the cloud's Chinese font comes from, with the font's own name and
    how to choose another one in the help (a font name is no Chinese word)."""
    source = FONT_SOURCES.get(font.source, font.source)
    return (
        f"词云字体：{source}中的中文字体",
        f"字体名称：{font.name}。可用环境变量 ZONELENS_FONT 指定其他字体文件。",
    )
