"""Fixtures of the dataset tests."""

from __future__ import annotations

import pytest

from lib import config


@pytest.fixture
def isolated(tmp_path, monkeypatch, corpus_files):
    """The shipped reports copied to a folder of their own, with a cache and a library of their own."""
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for p in corpus_files:
        (corpus / p.name).write_bytes(p.read_bytes())
    monkeypatch.setattr(config, "ARTICLES_DIR", corpus)
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(config, "LIBRARY_DIR", tmp_path / "library")
    return corpus
