"""Making outside text safe to show, and the one size limit.

Article text, file names, corrections and lexicon entries come from outside: shown in Markdown they must
never become a link, a colour directive, math or HTML (`escape_markdown`), and a file name must never
carry control or bidi-override characters onto a page or a terminal (`display_name`)."""

from __future__ import annotations

import re

from lib import config
from lib.core.errors import ReadError

#: Every ASCII punctuation character: CommonMark lets each be backslash-escaped, and escaping all of
#: them neutralises links ([x](y)), Streamlit directives (:red[x]), math ($x$), HTML (<b>) and emphasis.
RE_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")
#: Characters a shown name must not carry: C0/C1 controls, bidi overrides and isolates, lone surrogates.
RE_UNSAFE_NAME_CHAR = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def escape_markdown(text: str) -> str:
    """Outside text safe inside a Markdown message: every ASCII punctuation character backslash-escaped.

    >>> escape_markdown("昆山[点此](https://evil.example) :red[x] $y$")
    '昆山\\\\[点此\\\\]\\\\(https\\\\:\\\\/\\\\/evil\\\\.example\\\\) \\\\:red\\\\[x\\\\] \\\\$y\\\\$'
    """
    return RE_MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def display_name(name: str, *, limit: int = 80) -> str:
    """A file name safe to show: control, bidi-override and surrogate characters escaped, length capped."""
    shown = RE_UNSAFE_NAME_CHAR.sub(lambda m: f"\\x{ord(m.group()):02x}", name)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def megabytes(size: int) -> str:
    """A size as users read it: MiB with one decimal (20971520 → "20.0 MB")."""
    return f"{size / 1024 / 1024:.1f} MB"


def check_size(
    name: str, size: int, *, limit: int | None = None, what: str = "文件", error: type[ReadError] = ReadError
) -> None:
    """Refuses more than the size limit (`config.MAX_FILE_BYTES` unless given) with `error` (a ReadError)."""
    limit = config.MAX_FILE_BYTES if limit is None else limit
    if size > limit:
        raise error(name, f"{what}过大（{megabytes(size)}，上限 {megabytes(limit)}）")
