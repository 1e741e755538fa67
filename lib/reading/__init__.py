"""Reading: from a file's bytes to repaired reports, and the user's own library of files.

- `decode`: bytes → text (encodings, Traditional → Simplified);
- `formats`: text out of .txt/.md/.html/.docx/.pdf, web clutter dropped;
- `bylines`: which lines are author lines, and the authors they name;
- `articles`: a file's text split into reports (title, kicker, byline, typed paragraphs);
- `repair`: column spaces, quotes, broken sentences and printed copies mended;
- `library`: the user's articles and corrections, stored atomically under `config.LIBRARY_DIR`.
"""
