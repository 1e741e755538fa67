"""The real-browser test: Debian's Chromium, driven by Playwright, against the running app.

It opens every page, uses the sidebar filter, downloads a table, and saves a screenshot of each page
under the folder printed at the end of the test run (`browser screenshots: …`). Where Chromium is
missing it fails (CI installs it with `make test`); it never skips."""

from __future__ import annotations

import io
import os
import re
import time
import urllib.parse
import urllib.request
from pathlib import Path

import openpyxl
import pytest
from browser_setup import ARGS, CHROMIUM, PAGES, start_app, wait_healthy

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("app")
    env = {**os.environ, "ZONELENS_CACHE": str(tmp / "cache"), "ZONELENS_LIBRARY": str(tmp / "library")}
    log = (tmp / "server.log").open("w")
    server, url = start_app(env, log, root=ROOT)
    try:
        wait_healthy(server, url)
        yield url
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture(scope="module")
def page(app_url, screenshot_dir):
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), (
        f"Chromium not found at {CHROMIUM}: run `make test` (it installs Debian's chromium)"
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        pg = browser.new_page(viewport={"width": 1440, "height": 2200}, accept_downloads=True)
        yield pg
        browser.close()


def _wait_idle(pg, limit_s: float = 90) -> None:
    """Until the script run is over: no running indicator and no spinner, four checks in a row."""
    calm = 0
    deadline = time.time() + limit_s
    while time.time() < deadline and calm < 4:
        busy = (
            pg.locator("[data-testid=stStatusWidget]").count() + pg.locator("[data-testid=stSpinner]").count()
        )
        calm = calm + 1 if busy == 0 else 0
        pg.wait_for_timeout(250)


def _open(pg, url: str, title: str) -> None:
    pg.goto(url)
    pg.get_by_role("heading", name=title).first.wait_for(timeout=90_000)
    _wait_idle(pg)


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_renders_without_errors(page, app_url, path, screenshot_dir):
    _open(page, f"{app_url}/{path}", PAGES[path])
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.locator("[role=dialog]").count() == 0  # e.g. Streamlit's "Page not found"
    main = page.locator("[data-testid=stMain]")
    assert (
        "区" in main.inner_text()
    )  # Chinese text is in the page (its glyphs are checked on the screenshots)
    page.screenshot(
        path=str(screenshot_dir / f"{list(PAGES).index(path):02d}_{path or 'overview'}.png"), full_page=True
    )


def test_sidebar_filter_narrows_the_page_and_goes_into_the_url(page, app_url, screenshot_dir):
    _open(page, f"{app_url}/", PAGES[""])
    sidebar = page.locator("[data-testid=stSidebar]")
    sidebar.locator("[data-testid=stMultiSelect]").filter(has_text="省份").click()
    page.get_by_role("option", name="浙江省").click()
    page.keyboard.press("Escape")
    page.wait_for_url("**province=*", timeout=30_000)
    _wait_idle(page)
    sidebar.locator("[data-testid=stMultiSelect]").filter(has_text="区域").click()
    assert page.get_by_role("option").all_inner_texts() == ["嘉兴高新区"]  # the province narrows the zones
    page.get_by_role("option", name="嘉兴高新区").click()
    page.keyboard.press("Escape")
    page.wait_for_url("**zone=*", timeout=30_000)
    _wait_idle(page)
    assert "%E5%98%89%E5%85%B4" in page.url or "嘉兴" in page.url
    main = page.locator("[data-testid=stMain]")
    main.get_by_text("1 篇").first.wait_for(timeout=30_000)
    assert "省份为 浙江省，区域为 嘉兴高新区" in sidebar.inner_text()
    page.screenshot(path=str(screenshot_dir / "filter_嘉兴高新区.png"), full_page=True)

    with page.expect_download() as info:
        main.get_by_role("button", name="下载 CSV").first.click()
    download = info.value
    assert download.suggested_filename.startswith("ZoneLens_文章_") and download.suggested_filename.endswith(
        ".csv"
    )
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = data.decode("utf-8-sig").strip().splitlines()
    assert len(rows) == 2 and "嘉兴高新区" in rows[1]

    with page.expect_download() as info:  # the Excel file is built only on click
        main.get_by_role("button", name="下载 Excel").first.click()
    assert info.value.suggested_filename.endswith(".xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(Path(info.value.path()).read_bytes())).active
    assert sheet.max_row == 2 and "嘉兴高新区" in [c.value for c in sheet[2]]

    # the filter survives a move to another page and a reload of the copied link
    _open(page, page.url.replace(f"{app_url}/", f"{app_url}/initiatives"), PAGES["initiatives"])
    assert "区域为 嘉兴高新区" in page.locator("[data-testid=stSidebar]").inner_text()


def _follow_a_word(page, app_url, tab: str, screenshot: Path, query: str = "") -> str:
    """On 词语分析's `tab` (with the sidebar's filters of `query`), click the first word of its chart and
    follow the link to its contexts; returns the word, once 原文检索 shows its hits."""
    _open(page, f"{app_url}/words{query}", PAGES["words"])
    main = page.locator("[data-testid=stMain]")
    main.get_by_role("tab", name=tab).click()
    chart = main.locator("[data-testid=stPlotlyChart]:visible").first
    chart.wait_for(timeout=30_000)
    _wait_idle(page)
    page.screenshot(path=str(screenshot), full_page=True)
    chart.locator(".scatterlayer .trace .points path").first.click(force=True)  # a word, not an edge
    link = main.get_by_role("link", name=re.compile("在原文检索中查看"))
    link.first.wait_for(timeout=30_000)
    word = re.search("“(.+)”", link.first.inner_text()).group(1)
    link.first.click()
    page.get_by_role("heading", name=PAGES["search"]).first.wait_for(timeout=60_000)
    _wait_idle(page)
    assert "/search" in page.url and "kw=" in page.url
    assert main.locator("[data-testid=stTextInput] input").first.input_value() == word
    main.get_by_text(re.compile(f"“{re.escape(word)}”共 \\d+ 处")).first.wait_for(timeout=30_000)  # its hits
    assert page.locator("[data-testid=stException]").count() == 0
    return word


def test_a_word_in_the_network_leads_to_its_contexts(page, app_url, screenshot_dir):
    _follow_a_word(page, app_url, "共现网络", screenshot_dir / "words_network.png")


def test_a_word_on_the_correspondence_map_leads_to_its_contexts(page, app_url, screenshot_dir):
    _follow_a_word(page, app_url, "分组对比", screenshot_dir / "words_groups.png")


def test_a_word_leads_to_its_contexts_under_the_same_filters(page, app_url, screenshot_dir):
    zone = "嘉兴高新区"
    _follow_a_word(page, app_url, "共现网络", screenshot_dir / "words_filtered.png", f"?zone={zone}")
    assert "zone=" in page.url  # the link keeps the sidebar's filters
    sidebar = page.locator("[data-testid=stSidebar]")
    assert sidebar.get_by_text(zone).count() >= 1  # still chosen in the zone filter
    zones_shown = page.locator("[data-testid=stMain] [data-testid=stDataFrame]").first.inner_text()
    assert "昆山高新区" not in zones_shown and "贵阳高新区" not in zones_shown


def test_uploaded_article_appears_in_the_catalog(page, app_url, tmp_path, screenshot_dir):
    report = tmp_path / "合肥高新区报道.txt"
    report.write_text(
        "# 合肥高新区推行“三联工作法”\n\n▶ 本报记者 张三\n\n合肥高新区党工委推行“三联工作法”，实现组织联建、"
        "资源联享、人才联育，全年走访企业1200家次。\n",
        encoding="utf-8",
    )
    _open(page, f"{app_url}/library", PAGES["library"])
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(str(report))
    add = page.get_by_role("button", name="加入语料库（1 个文件）")
    add.wait_for(timeout=60_000)
    add.click()
    _wait_idle(page)
    page.screenshot(path=str(screenshot_dir / "library_after_upload.png"), full_page=True)

    _open(
        page,
        f"{app_url}/initiatives?zone=%E5%90%88%E8%82%A5%E9%AB%98%E6%96%B0%E5%8C%BA",
        PAGES["initiatives"],
    )
    main = page.locator("[data-testid=stMain]")
    main.get_by_text("共 1 项举措").first.wait_for(timeout=60_000)
    assert "区域为 合肥高新区" in page.locator("[data-testid=stSidebar]").inner_text()
    page.screenshot(path=str(screenshot_dir / "catalog_after_upload.png"), full_page=True)


def test_a_search_hit_opens_its_article_scrolled_to_the_hit(page, app_url, screenshot_dir):
    """On a phone, choosing a KWIC row opens the hit's whole article below the table, and the page and the
    article's box scroll so the hit shows."""
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        _open(page, f"{app_url}/search?kw={urllib.parse.quote('六联工作法')}", PAGES["search"])
        grid = page.locator("[data-testid=stDataFrame]").first
        grid.wait_for(timeout=30_000)
        box = grid.bounding_box()
        page.mouse.click(box["x"] + 15, box["y"] + 52)  # the first row's selection box, below the header
        hit = page.locator("mark[id^=hit-]")
        hit.wait_for(timeout=30_000)
        _wait_idle(page)
        page.wait_for_timeout(500)
        where = hit.evaluate(
            "m => [m.getBoundingClientRect().top, m.getBoundingClientRect().bottom, innerHeight,"
            " m.closest('[data-article]').scrollTop, m.closest('[data-article]').innerText]"
        )
        top, bottom, height, scrolled, text = where
        assert 0 <= top and bottom <= height and scrolled > 0, where[:4]
        assert "作为嘉兴市唯一的国家高新区" in text and "嘉兴高新区供图" in text  # the whole report
        page.screenshot(path=str(screenshot_dir / "search_article_390.png"))
    finally:
        page.set_viewport_size({"width": 1440, "height": 2200})


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)])
def test_headline_figures_are_never_cut_off(page, app_url, screenshot_dir, width, height):
    """Two zones side by side (the narrowest cards on a wide screen) and a phone: every figure and its
    label show whole (a cut value ends in "…" because its text is wider than its box)."""
    page.set_viewport_size({"width": width, "height": height})
    try:
        query = urllib.parse.urlencode({"zone_a": "昆山高新区", "zone_b": "贵阳高新区"})
        _open(page, f"{app_url}/zones?{query}", PAGES["zones"])
        main = page.locator("[data-testid=stMain]")
        main.get_by_text("1,828亿元").first.wait_for(timeout=30_000)
        cut = page.evaluate(  # any element whose text is wider than its box, or any box wider than the screen
            """() => [...document.querySelectorAll('[data-testid=stMain] div, [data-testid=stMain] p')]
                 .filter(e => e.children.length === 0 && e.textContent.trim()
                         && (e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth + 1))
                 .map(e => e.textContent.trim())"""
        )
        figures = ["1,828亿元", "100.41亿元", "100%", "23家"]
        assert not [c for c in cut if any(f in c for f in figures)], cut
        assert all(main.get_by_text(f, exact=True).count() for f in figures)
        page.screenshot(path=str(screenshot_dir / f"zones_compare_{width}.png"), full_page=True)
    finally:
        page.set_viewport_size({"width": 1440, "height": 2200})


#: Every title and legend of a chart, and the box each must stay within: the chart, and for an axis
#: title, the length of its axis (a vertical one longer than the plot ran out of the chart on a phone).
CHART_TEXT_OUTSIDE = """() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')].flatMap(chart => {
    const box = chart.getBoundingClientRect(), out = [];
    const plot = chart.querySelector('.draglayer .xy .nsewdrag');
    const title = chart.querySelector('.gtitle'), legend = chart.querySelector('.legend');
    for (const e of chart.querySelectorAll('.gtitle, .g-xtitle, .g-ytitle, .legend')) {
        const r = e.getBoundingClientRect();
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
            out.push(['outside the chart', e.textContent]);
    }
    const y = chart.querySelector('.g-ytitle');
    if (y && plot) {
        const r = y.getBoundingClientRect(), p = plot.getBoundingClientRect();
        if (r.top < p.top - 2 || r.bottom > p.bottom + 2) out.push(['longer than its axis', y.textContent]);
    }
    if (title && legend && legend.getBoundingClientRect().top < title.getBoundingClientRect().bottom - 1)
        out.push(['legend over the title', title.textContent]);
    return out;
})"""


#: Pages with charts, metric charts with the longest indicator name.
CHART_PAGES = {
    "metrics": {"indicator": "互联网企业“两高一创”党委/党总支/党支部书记占比"},
    "": {},
    "zones": {},
    "keywords": {},
}


@pytest.mark.parametrize("width", [1440, 390])
@pytest.mark.parametrize("path", list(CHART_PAGES))
def test_chart_titles_and_legends_fit_the_chart(page, app_url, screenshot_dir, path, width):
    """Every chart's title, axis titles and legend stay within the chart, a vertical axis title within its
    axis, and the legend under the title, on a desktop and a phone."""
    page.set_viewport_size({"width": width, "height": 844})
    try:
        _open(page, f"{app_url}/{path}?{urllib.parse.urlencode(CHART_PAGES[path])}", PAGES[path])
        charts = page.locator("[data-testid=stPlotlyChart]")
        charts.first.locator(".gtitle").wait_for(state="attached", timeout=30_000)
        assert page.evaluate(CHART_TEXT_OUTSIDE) == []
        charts.first.screenshot(path=str(screenshot_dir / f"chart_{path or 'overview'}_{width}.png"))
    finally:
        page.set_viewport_size({"width": 1440, "height": 2200})


#: English words Streamlit itself draws and lets no app translate (also listed in the README).
STREAMLIT_ENGLISH = {"Fullscreen"}
#: English words a page may show, and why: Streamlit's own (README), names of measures and file types.
PAGE_ENGLISH = {
    "MB": "sizes (the uploader's limit in its caption)",
    "CSV": "a file type",
    "Excel": "a file type",
    "PNG": "a file type",
    "TF": "TF-IDF, the name of a measure",
    "IDF": "TF-IDF, the name of a measure",
    "G2": "the log-likelihood measure's name",
    "log": "log₂ in the logDice formula",
    "ZoneLens": "the product's name",
    "htm": "a file type",
    "logDice": "the collocation measure's name",
    "Jaccard": "the co-occurrence measure's name",
    "txt": "a file type",
    "md": "a file type",
    "html": "a file type",
    "docx": "a file type",
    "pdf": "a file type",
    "N": "part of initiative formulas such as 1+4+N",
    "X": "part of initiative formulas such as 1+5+X",
    "AI": "a word in the reports",
}


#: The file uploader's visible words, its button's and, while files are dragged over it, its drop zone's.
UPLOADER_WORDS = """(zone) => {
    const icons = new Set([...zone.querySelectorAll('[data-testid*=Icon]')].map(e => e.textContent.trim()));
    const words = (zone.innerText.match(/[A-Za-z][A-Za-z0-9_-]*/g) || []).filter(w => !icons.has(w));
    const after = e => e ? getComputedStyle(e, '::after').content : null;
    const overlay = [...zone.children].find(e => e.tagName === 'DIV' && !e.dataset.testid
                                            && !e.querySelector('[data-testid]'));
    return {words, button: after(zone.querySelector('button [data-has-shortcut]')),
            drop: overlay ? after(overlay.firstElementChild) : null};
}"""


def test_the_file_uploader_speaks_chinese(page, app_url):
    """Streamlit's own “Upload”, “20MB per file” and “Drag and drop files here” are hidden on 语料管理 and
    drawn in Chinese (ui.library.UPLOADER_CSS); the caption under the uploader gives the limit."""
    from ui.library import DROP_HERE, UPLOAD_BUTTON

    _open(page, f"{app_url}/library", PAGES["library"])
    zone = page.locator("[data-testid=stFileUploaderDropzone]").first
    shown = zone.evaluate(UPLOADER_WORDS)
    assert shown == {"words": [], "button": f'"{UPLOAD_BUTTON}"', "drop": None}
    assert page.get_by_text(re.compile(r"每个文件不超过 20 MB")).count() == 1
    zone.evaluate(
        """z => { const dt = new DataTransfer(); dt.items.add(new File(['党建'], 'a.txt', {type: 'text/plain'}));
                 z.dispatchEvent(new DragEvent('dragenter', {dataTransfer: dt, bubbles: true})); }"""
    )
    page.wait_for_timeout(500)
    dragged = zone.evaluate(UPLOADER_WORDS)
    assert dragged == {"words": [], "button": f'"{UPLOAD_BUTTON}"', "drop": f'"{DROP_HERE}"'}
    zone.evaluate("z => z.dispatchEvent(new DragEvent('dragleave', {bubbles: true}))")


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)])
@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_fits_the_screen_and_speaks_chinese(page, app_url, path, width, height, screenshot_dir):
    """At a desktop and a phone width: nothing in the page is wider than the screen or cut off with “…”,
    and every English word shown is on the allow-list."""
    page.set_viewport_size({"width": width, "height": height})
    try:
        _open(page, f"{app_url}/{path}", PAGES[path])
        found = page.evaluate(
            """() => {
                const main = document.querySelector('[data-testid=stMain]');
                const boxes = [...main.querySelectorAll('div, p, span, h1, h2, h3, label, button')]
                    .filter(e => e.offsetParent !== null && e.children.length === 0 && e.textContent.trim());
                const wide = boxes.filter(e => e.getBoundingClientRect().right > innerWidth + 1
                                          && !e.closest('[data-testid=stDataFrame], .js-plotly-plot'))
                                  .map(e => e.textContent.trim().slice(0, 40));
                const cut = boxes.filter(e => e.textContent.trim().endsWith('…') && e.scrollWidth > e.clientWidth + 1)
                                 .map(e => e.textContent.trim().slice(0, 40));
                // the words a user sees, without icon names (download, table …: icons are drawn from them)
                const icons = new Set([...main.querySelectorAll('[data-testid*=Icon], [class*=material]')]
                                      .map(e => (e.textContent || '').trim()));
                const words = (main.innerText.match(/[A-Za-z][A-Za-z0-9_-]*/g) || []).filter(w => !icons.has(w));
                return {wide, cut, words};
            }"""
        )
        english = sorted(set(found["words"]) - set(PAGE_ENGLISH) - STREAMLIT_ENGLISH)
        page.screenshot(path=str(screenshot_dir / f"fit_{path or 'overview'}_{width}.png"), full_page=True)
        assert not found["wide"], (path, width, found["wide"])
        assert not found["cut"], (path, width, found["cut"])
        assert not english, (path, width, english)
    finally:
        page.set_viewport_size({"width": 1440, "height": 2200})


def test_chart_toolbar_speaks_chinese(page, app_url):
    _open(page, f"{app_url}/metrics", PAGES["metrics"])
    page.locator(".modebar-btn").first.wait_for(state="attached", timeout=30_000)
    titles = set(
        page.eval_on_selector_all(".modebar-btn", "els => els.map(e => e.getAttribute('data-title'))")
    )
    assert "下载图片（PNG）" in titles
    assert not {t for t in titles if t and t.isascii()} - STREAMLIT_ENGLISH
