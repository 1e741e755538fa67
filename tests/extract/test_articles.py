"""lib.extract.articles: the report-level facts of a page's articles."""

from lib.extract.articles import share_year


def _page_rows(*years):
    ids = [f"p-{n}" for n in range(1, len(years) + 1)]
    return {
        "articles": [{"article_id": i, "year": y} for i, y in zip(ids, years, strict=True)],
        "paragraphs": [{"article_id": i, "year": y} for i, y in zip(ids, years, strict=True)],
        "metrics": [{"article_id": i, "year": None} for i in ids],
    }


def test_an_undated_article_takes_the_one_year_of_its_pages_other_articles():
    rows = _page_rows(2024, None)
    share_year(rows)
    assert [r["year"] for r in rows["articles"]] == [2024, 2024]
    assert [r["year"] for r in rows["paragraphs"]] == [2024, 2024]
    assert [r["year"] for r in rows["metrics"]] == [None, None]  # a metric's year is its sentence's


def test_a_page_whose_articles_name_two_years_gives_none_to_the_undated():
    rows = _page_rows(2023, 2024, None)
    share_year(rows)
    assert [r["year"] for r in rows["articles"]] == [2023, 2024, None]
