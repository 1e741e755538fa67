"""Word clouds of Chinese keywords, in a font that has the characters.

wordcloud's default font has no Chinese glyphs (every word comes out as empty boxes), so a
CJK font is looked for, in this order:
1. the ZONELENS_FONT environment variable (a font file; an explicit override, so a wrong one
   is an error, not a silent fallback);
2. the system's fonts: fontconfig's list of Chinese fonts (Linux, and macOS when installed),
   then the usual files on Linux (WenQuanYi, Noto Sans CJK, Source Han Sans), macOS
   (PingFang, Hiragino Sans GB, STHeiti, Arial Unicode) and Windows (Microsoft YaHei, SimHei,
   SimSun);
3. the font of the `noto-cjk-sans-otc` package, a dependency, so a fresh machine with no
   Chinese font still draws (Noto Sans CJK Regular, static CFF). manimgx-fonts-cjk was tried
   first: PIL renders its variable CFF2 collection, but wordcloud can only open face 0 (the
   Japanese one) at the default instance, which is Thin: faint small words; a Regular instance
   takes minutes to compute with fontTools.
A font is accepted only when its character map has a probe of common characters and Pillow
opens it. wordcloud always draws face 0 of a collection, so for a collection (.ttc) whose
face 0 is not the Simplified Chinese one (Noto's is Japanese) that face is copied once to a
font file of its own under the cache directory.

Every word is checked against the font's character map first: a word with a character the
font lacks is never drawn (it would show as a box); it is dropped and reported.
"""

from __future__ import annotations

import io
import math
import os
import re
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont
from PIL import Image, ImageFont
from wordcloud import WordCloud

from lib import config
from lib.core.storage import write_atomic

ENV_FONT = "ZONELENS_FONT"
#: Characters any font used for the clouds must have.
PROBE = "党建中国高新区产业链组织"
FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")

#: Font families preferred among fontconfig's Chinese fonts, best first (sans before serif).
RE_PREFERRED_FAMILY = (
    re.compile(r"WenQuanYi Micro Hei|wqy-microhei", re.I),
    re.compile(r"Noto Sans CJK|Source Han Sans|NotoSansSC|SourceHanSansSC", re.I),
    re.compile(r"WenQuanYi Zen Hei|wqy-zenhei|Droid Sans Fallback", re.I),
)
#: The Simplified Chinese face of a collection, by its name.
RE_SC_FACE = re.compile(r"\bSC\b|Simplified|GB")

#: Well-known Chinese font files (absolute, or under the font folders below), best first.
KNOWN_FONT_FILES = (
    # Linux (Debian/Ubuntu, Fedora, Arch)
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Regular.otf",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    # macOS
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
)
#: Chinese font files of Windows, under %WINDIR%\Fonts.
WINDOWS_FONT_FILES = ("msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc")


class NoCJKFontError(RuntimeError):
    """No font with Chinese glyphs could be found."""


@dataclass(frozen=True)
class FontInfo:
    path: Path
    name: str
    source: str  # "env", "system", "package" or "argument"


@dataclass
class Cloud:
    image: Image.Image
    font: FontInfo
    drawn: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def find_cjk_font() -> FontInfo:
    """The font for Chinese word clouds: ZONELENS_FONT, else a system font, else the packaged one."""
    override = os.environ.get(ENV_FONT, "").strip()
    if override:
        if not usable_font(Path(override)):
            raise NoCJKFontError(f"{ENV_FONT}={override} is not a font file with Chinese characters")
        return _font_info(Path(override), "env")
    for path in _system_font_candidates():
        if usable_font(path):
            return _font_info(path, "system")
    packaged = _package_font()
    if packaged is not None and usable_font(packaged):
        return _font_info(packaged, "package")
    raise NoCJKFontError(
        "No font with Chinese characters found. Install one (Debian/Ubuntu: apt-get install "
        f"fonts-wqy-microhei), or `pip install noto-cjk-sans-otc`, or set {ENV_FONT} to a font file."
    )


def usable_font(path: Path) -> bool:
    """Whether the file is a font Pillow opens and whose character map has the probe characters."""
    if path.suffix.lower() not in FONT_SUFFIXES or not path.is_file() or missing_chars(path, PROBE):
        return False
    try:
        ImageFont.truetype(str(path), 12)
    except OSError:
        return False
    return True


def missing_chars(font_path: Path | str, text: str) -> list[str]:
    """The characters of the text (whitespace aside) that the font's character map lacks
    (face 0 of a collection, the one wordcloud draws with), each once, in order."""
    cmap = _codepoints(str(font_path))
    return list(dict.fromkeys(ch for ch in text if not ch.isspace() and ord(ch) not in cmap))


def font_covers(font_path: Path | str, text: str) -> bool:
    return not missing_chars(font_path, text)


def drawable_words(
    frequencies: Mapping[str, float], font_path: Path | str
) -> tuple[dict[str, float], list[str]]:
    """({word: weight} the font can draw, [words dropped]): a word is dropped when the font
    lacks one of its characters, or when it is blank or its weight is not a positive number."""
    drawable: dict[str, float] = {}
    dropped: list[str] = []
    for word, weight in frequencies.items():
        word = str(word).strip()
        ok = bool(word) and _positive(weight) and font_covers(font_path, word)
        if ok:
            drawable[word] = drawable.get(word, 0) + float(weight)
        else:
            dropped.append(word)
    return drawable, dropped


def layout_cloud(
    frequencies: Mapping[str, float],
    *,
    width: int = 800,
    height: int = 450,
    font_path: Path | str | None = None,
    max_words: int = 150,
    background: str = "white",
    seed: int = 7,
) -> Cloud:
    """A word cloud of the words the font can draw (the same input gives the same picture).
    ValueError when no word is left to draw; NoCJKFontError when no font is found;
    FileNotFoundError when `font_path` is given and is not a file."""
    if font_path and not Path(font_path).is_file():
        raise FileNotFoundError(f"no font file {font_path}")
    font = _font_info(Path(font_path), "argument") if font_path else find_cjk_font()
    drawable, dropped = drawable_words(frequencies, font.path)
    if not drawable:
        raise ValueError(f"no word to draw (dropped: {dropped})")
    cloud = WordCloud(
        font_path=str(font.path),
        width=width,
        height=height,
        background_color=background,
        max_words=max_words,
        prefer_horizontal=1.0,  # Chinese turned on its side is hard to read
        colormap="Dark2",  # dark colours, readable on white
        random_state=seed,
    ).generate_from_frequencies(drawable)
    drawn = [word for (word, _), *_ in cloud.layout_]
    return Cloud(image=cloud.to_image(), font=font, drawn=drawn, dropped=dropped)


def render_cloud(
    frequencies: Mapping[str, float],
    *,
    width: int = 800,
    height: int = 450,
    font_path: Path | str | None = None,
    max_words: int = 150,
) -> bytes:
    """PNG bytes of `layout_cloud` (use that to learn which words were dropped)."""
    cloud = layout_cloud(frequencies, width=width, height=height, font_path=font_path, max_words=max_words)
    buffer = io.BytesIO()
    cloud.image.save(buffer, format="PNG")
    return buffer.getvalue()


def _positive(weight: object) -> bool:
    try:
        value = float(weight)
    except (TypeError, ValueError):
        return False
    return math.isfinite(value) and value > 0


def _font_info(path: Path, source: str) -> FontInfo:
    path = _single_face(path)
    return FontInfo(path=path, name=_font_name(str(path)), source=source)


def _system_font_candidates() -> Iterator[Path]:
    """Chinese font files of this machine, best first (fontconfig's, then well-known paths)."""
    yield from _fontconfig_fonts()
    yield from (Path(p) for p in KNOWN_FONT_FILES)
    windir = os.environ.get("WINDIR")
    if windir:
        yield from (Path(windir) / "Fonts" / name for name in WINDOWS_FONT_FILES)


def _fontconfig_fonts() -> list[Path]:
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return []
    try:
        out = subprocess.run(
            [fc_list, ":lang=zh", "file", "family"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    ranked = []
    for line in sorted(set(out.splitlines())):
        path, _, family = line.partition(":")
        rank = next(
            (i for i, rx in enumerate(RE_PREFERRED_FAMILY) if rx.search(line)), len(RE_PREFERRED_FAMILY)
        )
        if family and path.lower().endswith(FONT_SUFFIXES):
            ranked.append((rank, Path(path.strip())))
    return [path for _, path in sorted(ranked)]


def _package_font() -> Path | None:
    try:
        import noto_cjk_sans_otc
    except ImportError:
        return None
    return Path(str(noto_cjk_sans_otc.FONT_PATH))


def _single_face(path: Path) -> Path:
    """The font file wordcloud should open: for a collection whose face 0 is not Simplified
    Chinese but another face is, that face copied (once) to a file of its own; else the path."""
    if path.suffix.lower() not in (".ttc", ".otc"):
        return path
    try:
        names = [face["name"].getDebugName(4) or "" for face in TTCollection(str(path), lazy=True).fonts]
    except Exception:  # an unreadable collection is used as it is
        return path
    index = next((i for i, name in enumerate(names) if RE_SC_FACE.search(name)), 0)
    if index == 0:
        return path
    stat = path.stat()
    cache = config.CACHE_DIR / "fonts"
    target = cache / f"{path.stem}-{index}-{stat.st_size}-{int(stat.st_mtime)}.otf"
    if target.exists():
        return target
    buffer = io.BytesIO()
    try:
        TTFont(str(path), fontNumber=index, lazy=True).save(buffer)
        write_atomic(target, buffer.getvalue(), durable=False)
    except Exception:  # face 0 has the same characters, in another region's glyph style
        return path
    return target


@lru_cache(maxsize=16)
def _codepoints(font_path: str) -> frozenset[int]:
    try:
        with TTFont(font_path, fontNumber=0, lazy=True) as font:
            return frozenset(font.getBestCmap() or ())
    except Exception:  # not a font (or a broken one): it covers nothing
        return frozenset()


@lru_cache(maxsize=16)
def _font_name(font_path: str) -> str:
    try:
        with TTFont(font_path, fontNumber=0, lazy=True) as font:
            return font["name"].getDebugName(4) or Path(font_path).stem
    except Exception:  # not a font: its file name will do
        return Path(font_path).stem
