"""The Streamlit-facing layer the pages share (the only place besides views/ and app.py that imports
streamlit): `state` (the cached loader, the computation cache, the sidebar), `tables` (headers, downloads,
empty state), `html` (escaped article text), `library` (the corpus page's actions and notices),
`profile` (a zone profile drawn)."""
