"""Word clouds: a CJK font is found or supplied, every drawn word is in its character map."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import reference_words as ref
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops, ImageDraw, ImageFont
from wordcloud.wordcloud import FONT_PATH as WORDCLOUD_DEFAULT_FONT  # DroidSansMono: no Chinese

from lib import config
from lib.explore import clouds
from lib.text import keywords

MISSING = "\U000f0000"  # a private-use character no font has
WORDS = {
    "党建联建": 30,
    "两新组织": 25,
    "红色管家": 22,
    "行动党支部": 18,
    "1+4+N": 9,
    "海棠红·幸福里": 9,
    "5F党建": 8,
    "光伏": 6,
}


@pytest.fixture(scope="module")
def font_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_cache(font_cache, monkeypatch):
    """Fonts copied out of a collection go to a temporary cache, not data/cache."""
    monkeypatch.setattr(config, "CACHE_DIR", font_cache)


@pytest.fixture
def no_system_fonts(monkeypatch):
    """A machine without Chinese fonts: no ZONELENS_FONT, no system candidates."""
    monkeypatch.delenv(clouds.ENV_FONT, raising=False)
    monkeypatch.setattr(clouds, "_system_font_candidates", lambda: iter(()))


def _draw(font_path: Path, text: str) -> Image.Image:
    image = Image.new("L", (40 * len(text) + 20, 60), 0)
    ImageDraw.Draw(image).text((10, 5), text, font=ImageFont.truetype(str(font_path), 40), fill=255)
    return image


def _assert_real_glyphs(font_path: Path, text: str) -> None:
    """Each character draws ink, and not the .notdef box a missing character gets (no tofu)."""
    tofu = _draw(font_path, MISSING)
    for ch in text:
        glyph = _draw(font_path, ch)
        assert glyph.getbbox() is not None
        assert ImageChops.difference(glyph, tofu).getbbox() is not None, ch


def _ink_pixels(png: bytes, background=(255, 255, 255)) -> int:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return sum(n for n, colour in image.getcolors(maxcolors=1 << 20) if colour != background)


def test_a_cjk_font_is_found_here():
    font = clouds.find_cjk_font()
    assert font.source in {"env", "system", "package"}
    assert clouds.font_covers(font.path, "".join(WORDS))
    _assert_real_glyphs(font.path, "党建两新红色管家")


def test_without_system_fonts_the_packaged_font_is_used_and_renders(no_system_fonts):
    font = clouds.find_cjk_font()
    assert font.source == "package" and "CJK SC" in font.name
    assert font.path.parent == config.CACHE_DIR / "fonts"  # the Simplified Chinese face of the collection
    assert clouds.font_covers(font.path, "".join(WORDS))
    _assert_real_glyphs(font.path, "党建联两新组织红色管家光伏骨直")
    png = clouds.render_cloud(WORDS, width=400, height=200)
    assert _ink_pixels(png) > 2000


def test_no_font_anywhere_is_a_clear_error(no_system_fonts, monkeypatch):
    monkeypatch.setattr(clouds, "_package_font", lambda: None)
    with pytest.raises(clouds.NoCJKFontError, match="fonts-wqy-microhei"):
        clouds.find_cjk_font()
    with pytest.raises(clouds.NoCJKFontError):
        clouds.render_cloud(WORDS)


def test_env_override(monkeypatch, tmp_path):
    packaged = clouds._package_font()
    monkeypatch.setenv(clouds.ENV_FONT, str(packaged))
    assert clouds.find_cjk_font().source == "env"
    for wrong in (WORDCLOUD_DEFAULT_FONT, str(tmp_path / "nope.ttf")):
        monkeypatch.setenv(clouds.ENV_FONT, wrong)
        with pytest.raises(clouds.NoCJKFontError, match=clouds.ENV_FONT):
            clouds.find_cjk_font()


def test_missing_chars_reads_the_character_map():
    assert clouds.missing_chars(WORDCLOUD_DEFAULT_FONT, "AB 党建A") == ["党", "建"]
    assert clouds.font_covers(WORDCLOUD_DEFAULT_FONT, "ZoneLens 2025")
    assert clouds.missing_chars("/no/such/font.ttf", "A") == ["A"]
    font = clouds.find_cjk_font()
    assert clouds.missing_chars(font.path, f"党建{MISSING}") == [MISSING]


def test_words_the_font_lacks_are_dropped_and_reported():
    font = clouds.find_cjk_font()
    words = {**WORDS, f"党建{MISSING}": 40, "": 5, "零": 0, "负": -1, "坏": "x"}
    drawable, dropped = clouds.drawable_words(words, font.path)
    assert drawable == {k: float(v) for k, v in WORDS.items()}
    assert dropped == [f"党建{MISSING}", "", "零", "负", "坏"]


def test_every_drawn_word_is_in_the_fonts_character_map_and_the_image_is_not_blank():
    cloud = clouds.layout_cloud({**WORDS, f"红色{MISSING}": 50}, width=500, height=250)
    assert cloud.drawn and set(cloud.drawn) <= set(WORDS)
    assert cloud.dropped == [f"红色{MISSING}"]
    assert all(clouds.font_covers(cloud.font.path, w) for w in cloud.drawn)
    assert cloud.image.size == (500, 250)
    assert len(cloud.image.getcolors(maxcolors=1 << 20)) > 10


def test_render_cloud_gives_the_same_png_for_the_same_input():
    png = clouds.render_cloud(WORDS, width=300, height=150)
    assert png.startswith(b"\x89PNG") and Image.open(io.BytesIO(png)).size == (300, 150)
    assert png == clouds.render_cloud(WORDS, width=300, height=150)
    assert _ink_pixels(png) > 1000


def test_a_font_without_chinese_draws_no_boxes():
    with pytest.raises(ValueError, match="no word to draw"):
        clouds.render_cloud({"党建": 3, "两新组织": 2}, font_path=WORDCLOUD_DEFAULT_FONT)
    cloud = clouds.layout_cloud({"党建": 3, "AI": 2}, font_path=WORDCLOUD_DEFAULT_FONT, width=200, height=100)
    assert cloud.drawn == ["AI"] and cloud.dropped == ["党建"] and cloud.font.source == "argument"
    with pytest.raises(FileNotFoundError):
        clouds.render_cloud({"AI": 1}, font_path="/no/such/font.ttf")


def test_cloud_of_a_real_zone(raw):
    text = raw("003")
    frequencies = ref.cloud_frequencies(
        [keywords.extract_terms(line) for line in text.splitlines()], max_words=80
    )
    cloud = clouds.layout_cloud(frequencies, width=600, height=300)
    assert {"红色管家", "书记项目"} <= set(cloud.drawn) and not cloud.dropped
    assert not set(cloud.drawn) & {"党建", "推动", "坚持", "，"}
    assert all(clouds.font_covers(cloud.font.path, w) for w in cloud.drawn)


@given(st.dictionaries(st.text(max_size=6), st.floats(allow_nan=True), max_size=6))
@settings(max_examples=50, deadline=None)
def test_drawable_words_never_raises(words):
    drawable, dropped = clouds.drawable_words(words, clouds.find_cjk_font().path)
    assert set(drawable) | set(dropped) == {w.strip() for w in words}
    assert all(v > 0 for v in drawable.values())
