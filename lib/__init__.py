"""ZoneLens's pipeline and queries: plain Python, no Streamlit. docs/ARCHITECTURE.md describes it.

Packages, in the order data flows through them (each imports only those before it):
`core` (shared helpers) → `reading` (files to reports) → `text` (words) → `extract` (facts, one
registered extractor per table) → `dataset` (tables, build, cache) → `explore` (what the pages ask).
`config` holds every path and setting; `cli` is the command line (`python -m lib`).
"""
