"""Shared fixtures: the real corpus, and an isolated cache/library so tests never touch data/."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    return sorted(ARTICLES.glob("*.txt"))


@pytest.fixture(scope="session")
def raw(corpus_files):
    """Raw text of a corpus file by its three-digit prefix."""
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in corpus_files}
    return texts.__getitem__


@pytest.fixture(scope="session")
def corpus_dataset(corpus_files, tmp_path_factory):
    """The dataset of the real corpus, built once per test session without touching data/cache."""
    from lib.dataset import build_dataset

    return build_dataset(corpus_files)


SCREENSHOTS: list[Path] = []


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    """Where the browser test saves its screenshots; the path is printed at the end of the run."""
    path = tmp_path_factory.mktemp("screenshots")
    SCREENSHOTS.append(path)
    return path


def pytest_terminal_summary(terminalreporter):
    for path in SCREENSHOTS:
        shots = sorted(p.name for p in path.glob("*.png"))
        terminalreporter.write_line(f"browser screenshots: {path} ({len(shots)} files)")


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    """For page tests: the real corpus with its own cache and an empty library, caches cleared; every
    download a page offers is kept in the returned in-memory storage."""
    import streamlit as st
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
    from streamlit.testing.v1 import app_test as app_test_module

    from lib import config
    from ui import state

    storage = MemoryMediaFileStorage("/mock/media")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(config, "CACHE_DIR", tmp_path_factory.mktemp("cache"))
        mp.setattr(config, "LIBRARY_DIR", tmp_path_factory.mktemp("library"))
        mp.setattr(app_test_module, "MemoryMediaFileStorage", lambda endpoint: storage)
        st.cache_data.clear()
        st.cache_resource.clear()
        state.RESULTS.clear()
        yield storage
    st.cache_data.clear()
    st.cache_resource.clear()
    state.RESULTS.clear()


@pytest.fixture
def user_lexicon(tmp_path, monkeypatch):
    """An empty library of the user's own, so lexicon edits land in tmp_path (the shipped data/lexicon is
    never written): returns the folder of the user's lexicon files."""
    from lib import config

    monkeypatch.setattr(config, "LIBRARY_DIR", tmp_path / "library")
    return config.user_lexicon_dir()


@pytest.fixture
def broken_rules(tmp_path, monkeypatch):
    """A copy of the rule files, in use, in which initiatives.json writes the key “stoplist” twice (a slip a
    user's edit can make): returns its folder."""
    import shutil

    from lib import config

    rules = tmp_path / "broken-rules"
    shutil.copytree(config.RULES_DIR, rules)
    spec = (rules / "initiatives.json").read_text(encoding="utf-8")
    (rules / "initiatives.json").write_text(spec.replace("{", '{"stoplist": [], ', 1), encoding="utf-8")
    monkeypatch.setattr(config, "RULES_DIR", rules)
    return rules
