"""Paths and settings in one place. Every path can be overridden by an environment variable."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"

#: The articles that ship with ZoneLens (never modified by code).
ARTICLES_DIR = Path(os.environ.get("ZONELENS_ARTICLES", DATA_DIR / "articles"))
#: The user's own articles, added in the app or with `python -m lib ingest`.
LIBRARY_DIR = Path(os.environ.get("ZONELENS_LIBRARY", DATA_DIR / "library"))
#: Built dataset and per-article caches.
CACHE_DIR = Path(os.environ.get("ZONELENS_CACHE", DATA_DIR / "cache"))

#: Editable rules: zones, themes, metrics, initiatives, entities.
RULES_DIR = DATA_DIR / "rules"
#: Editable lexicons: domain terms, stopwords, user additions.
LEXICON_DIR = DATA_DIR / "lexicon"

ZONES_FILE = RULES_DIR / "zones.json"
THEMES_FILE = RULES_DIR / "themes.json"

#: Extensions read as article files.
ARTICLE_SUFFIXES = (".txt", ".md")

#: Largest article file accepted (bytes).
MAX_FILE_BYTES = int(os.environ.get("ZONELENS_MAX_FILE_BYTES", 20 * 1024 * 1024))


def rule_files() -> list[Path]:
    """Every data file whose content the dataset depends on (part of the cache key)."""
    files: list[Path] = []
    for d in (RULES_DIR, LEXICON_DIR):
        if d.exists():
            files.extend(p for p in sorted(d.rglob("*")) if p.is_file())
    return files
