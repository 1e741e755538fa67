"""Paths and settings in one place. Every path can be overridden by an environment variable, and
every module asks this one for its paths at call time (tests patch the roots here, nowhere else).

Three kinds of data live apart:
- shipped, read-only: the articles, the rules and the base lexicon under `data/` (tracked by git, never
  written by the app, so an upgrade never collides with a user's edits);
- the user's: their articles, their corrections and their lexicon edits, under `LIBRARY_DIR`;
- derived, safe to delete: the built dataset and per-file caches under `CACHE_DIR`.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"

#: The articles that ship with ZoneLens (never modified by code).
ARTICLES_DIR = Path(os.environ.get("ZONELENS_ARTICLES", DATA_DIR / "articles"))
#: The user's own articles, corrections and lexicon edits (`python -m lib ingest`, the 语料管理 page).
LIBRARY_DIR = Path(os.environ.get("ZONELENS_LIBRARY", DATA_DIR / "library"))
#: Built dataset and per-article caches.
CACHE_DIR = Path(os.environ.get("ZONELENS_CACHE", DATA_DIR / "cache"))

#: Editable rules: zones, themes, metrics, initiatives, entities, web clutter.
RULES_DIR = DATA_DIR / "rules"
#: The shipped lexicons: domain terms, stopwords, enterprises, industries, keyword settings.
LEXICON_DIR = DATA_DIR / "lexicon"
#: The code whose every line the built dataset depends on (part of the cache key).
CODE_DIR = ROOT / "lib"

#: Extensions read as article files from a corpus folder.
ARTICLE_SUFFIXES = (".txt", ".md")

#: Largest article file accepted, in bytes (one limit, one meaning of MB: see lib.core.safety).
MAX_FILE_BYTES = int(os.environ.get("ZONELENS_MAX_FILE_BYTES", 20 * 1024 * 1024))
#: The budget of the work on one added file (reading and analysing it, in a worker process): after this
#: many seconds, or beyond this much memory, the file is refused with the reason (lib.core.budget).
FILE_BUDGET_SECONDS = float(os.environ.get("ZONELENS_FILE_BUDGET_SECONDS", 60))
FILE_BUDGET_MB = int(os.environ.get("ZONELENS_FILE_BUDGET_MB", 1024))


@lru_cache(maxsize=256)
def _join(folder: Path, *names: str) -> Path:
    """folder / names, made once (rule paths are asked for once per report)."""
    return folder.joinpath(*names)


def rule_file(name: str) -> Path:
    """A rule file under data/rules/ (zones.json, metrics.json …)."""
    return _join(RULES_DIR, name)


def lexicon_file(name: str) -> Path:
    """A shipped lexicon file under data/lexicon/ (read-only base)."""
    return _join(LEXICON_DIR, name)


def user_lexicon_dir() -> Path:
    """Where the user's lexicon edits live: next to their articles, never in a tracked file."""
    return _join(LIBRARY_DIR, "lexicon")


def user_lexicon_file(name: str) -> Path:
    return _join(LIBRARY_DIR, "lexicon", name)


def rule_files() -> list[Path]:
    """Every data file whose content the dataset depends on (part of the cache key): the rules, the
    shipped lexicon and the user's lexicon edits."""
    files: list[Path] = []
    for d in (RULES_DIR, LEXICON_DIR, user_lexicon_dir()):
        if d.exists():
            files.extend(p for p in sorted(d.rglob("*")) if p.is_file() and not p.name.startswith("."))
    return files


def code_files() -> list[Path]:
    """The pipeline's source files (a code change rebuilds the dataset)."""
    return sorted(CODE_DIR.rglob("*.py"))
