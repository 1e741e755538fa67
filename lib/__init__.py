"""ZoneLens: the plain-Python core (no Streamlit import). One module per stage; see docs/ARCHITECTURE.md."""
