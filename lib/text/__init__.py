"""Text: the words of a report. `lexicon` (domain terms, stopwords, keyword settings and the user's
additions), `segment` (Chinese word segmentation that keeps names whole) and `keywords` (which tokens are
keywords, and frequencies, TF-IDF and keyness over them)."""
