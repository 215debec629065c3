"""The bilan as one HTML page: its words and figures, and the page in a real browser
(Debian's Chromium, when installed), screenshot and PDF included."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.numbers import format_currency, format_decimal

from teletravail import presets
from teletravail.errors import ValidationError
from teletravail.policy import BatchAssessment
from teletravail.report import ERRORS_SHOWN, bilan_html, render_bilan, write_bilan
from teletravail.samples import lot_2013_workforce
from teletravail.workforce import Workforce

from ..browser import browser, chromium, print_to_pdf

LOT = presets.load("lot-2013")
WIDTH, HEIGHT = 1024, 1400


def _register() -> Workforce:
    """The Lot's sample with an odd establishment and three bad rows."""
    records = lot_2013_workforce().to_records()[:300]
    for index, record in enumerate(records):
        record["establishment"] = "Cahors <siège> & co" if index % 2 else "Figeac"
    records[4] = {**records[4], "hire_date": "2014-05-01"}
    lines = ["id,hire_date,working_time_pct,commute_distance_km", "Z1,2010-01-01,100,douze"]
    good = Workforce.from_records(records, errors="report")
    bad = Workforce.from_csv(io.StringIO("\n".join(lines) + "\n"), errors="report")
    assert len(bad.rejected) == 1
    return good


@pytest.fixture(scope="module")
def batch() -> BatchAssessment:
    return LOT.assess_workforce(_register(), "2013-01-01", errors="report")


@pytest.fixture(scope="module")
def pages(batch: BatchAssessment) -> dict[str, str]:
    return {lang: render_bilan(batch, lang=lang, source="registre.csv") for lang in ("en", "fr")}


class _Links(HTMLParser):
    """Every address a page names (src, href, url(...)) and its scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "srcset", "action", "poster") and value is not None:
                self.addresses.append(value)


def test_the_page_names_no_outside_resource(pages: dict[str, str]) -> None:
    """No script, no link, no font, no address but data: images; a strict CSP."""
    for page in pages.values():
        links = _Links()
        links.feed(page)
        assert {"script", "link", "iframe", "object"}.isdisjoint(links.tags)
        assert links.addresses and all(
            a.startswith("data:image/svg+xml;base64,") for a in links.addresses
        )
        assert "url(" not in page and "@import" not in page
        assert re.search(r"https?:|ftp:|file:|//[a-z]", page, re.IGNORECASE) is None
        assert "default-src 'none'; img-src data:; style-src 'unsafe-inline'" in page


def test_the_english_page_says_its_figures(pages: dict[str, str], batch: BatchAssessment) -> None:
    """Title, period, totals, groups, assumptions, sources and errors, in English."""
    page = pages["en"]
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    assert "<title>Telework report: Lot 2013, 1 January to 31 December 2013</title>" in page
    assert (
        "Assessed over 1 January to 31 December 2013, eligibility decided on 1 January 2013."
        in text
    )
    allowance = batch.sums()["allowance_cents"]
    assert format_currency(allowance / 100, "EUR", locale="en_GB") in text
    assert "By role" in text and "By establishment" in text
    assert "Cahors &lt;siège&gt; &amp; co" in page and "<siège>" not in page
    assert "25 days of leave a year" in text and "50 km/h" in text
    assert "car with a combustion engine:" in text
    assert "“Le conseil général du Lot généralise le télétravail" in text
    assert "La Gazette des communes, 6 July 2012" in text
    assert "décret n° 85-1250 du 26 novembre 1985" in text
    assert "1 row could not be read or assessed" in text
    assert "hire_date: expected a date on or before the reference date" in text
    assert "role.excluded" not in text and "car_thermal" not in text


def test_the_french_page_writes_french(pages: dict[str, str], batch: BatchAssessment) -> None:
    """French words, French numbers (Babel's) and dates, French typography."""
    page = pages["fr"]
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    assert '<html lang="fr">' in page
    assert "Bilan du télétravail\u00a0: Lot 2013" in text
    assert (
        "Évalué du 1er janvier au 31 décembre 2013, éligibilité appréciée au 1er janvier 2013"
        in text
    )
    cents = batch.sums()["allowance_cents"]
    assert format_currency(cents / 100, "EUR", locale="fr_FR") in text
    assert format_decimal(300, locale="fr_FR") in text
    assert "Par métier" in text and "Par établissement" in text
    assert "fonctions exclues" in text and "25 jours de congés par an" in text
    assert "«\u00a0Le conseil général du Lot généralise le télétravail" in text
    assert "La Gazette des communes, 6 juillet 2012" in text
    assert "voiture thermique\u00a0:" in text
    assert "1 ligne n'a pu être lue ou évaluée\u202f; elle ne compte dans aucun" in text
    assert "hire_date\u00a0: attendu" in text
    for heading in ("Totaux", "Figures", "Hypothèses", "Sources", "Lignes en erreur"):
        assert f"<h2>{heading}</h2>" in page


def test_errors_beyond_the_limit_are_counted(batch: BatchAssessment) -> None:
    """errors_shown lists the first rows in error and counts the others."""
    page = render_bilan(batch, lang="en", errors_shown=0)
    assert "<td>hire_date</td>" not in page and "… and 1 more." in page
    assert ERRORS_SHOWN == 1000


def test_templates_of_ones_own(tmp_path: Path, batch: BatchAssessment) -> None:
    """A folder's template replaces the shipped one; an unknown name is refused."""
    (tmp_path / "bilan.en.html").write_text("<p>{{ policy.name }} — {{ totals.rows }}</p>")
    assert render_bilan(batch, templates=tmp_path) == "<p>Lot 2013 — 300</p>"
    (tmp_path / "bilan.en.html").write_text("{{ nothing.here }}")
    with pytest.raises(ValidationError) as caught:
        render_bilan(batch, templates=tmp_path)
    assert caught.value.field == "templates"
    with pytest.raises(ValidationError):
        render_bilan(batch, templates=tmp_path / "absent")


def test_write_bilan_refuses_an_existing_file(tmp_path: Path, batch: BatchAssessment) -> None:
    """The page is written whole; an existing file only with force."""
    out = tmp_path / "bilan.html"
    assert write_bilan(out, batch) == out and out.read_text().startswith("<!DOCTYPE html>")
    with pytest.raises(ValidationError, match="--force"):
        write_bilan(out, batch)
    write_bilan(out, batch, lang="fr", force=True)
    assert '<html lang="fr">' in out.read_text()
    assert (
        bilan_html(LOT, _register(), "2013-01-01", period="2013-01-01..2013-03-31").count(
            "1 January to 31 March 2013"
        )
        >= 2
    )


# -- in a real browser ----------------------------------------------------------------

CHROMIUM = chromium()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def open_browser() -> Iterator[object]:
    assert CHROMIUM is not None
    with browser(CHROMIUM) as started:
        yield started


def _pixels(png: bytes) -> object:
    import matplotlib.image

    return matplotlib.image.imread(io.BytesIO(png), format="png")


@needs_chromium
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_page_loads_clean_in_chromium(
    lang: str, pages: dict[str, str], open_browser: object, tmp_path: Path
) -> None:
    """No console error, nothing fetched, a screenshot of the size asked, not blank."""
    import numpy as np

    page = tmp_path / f"bilan.{lang}.html"
    page.write_text(pages[lang], encoding="utf-8")
    visit = open_browser.visit(page.as_uri(), WIDTH, HEIGHT)  # type: ignore[attr-defined]
    assert visit.problems == ()
    assert [u for u in visit.requests if not u.startswith("data:")] == []
    pixels = np.asarray(_pixels(visit.screenshot))
    assert pixels.shape[:2] == (HEIGHT, WIDTH)
    rgb = pixels[..., :3]
    inked = np.any(rgb < 0.9, axis=-1).mean()
    assert 0.02 < inked < 0.6  # text, tables and figures on a white page
    assert len(np.unique(rgb.reshape(-1, 3), axis=0)) > 50


@needs_chromium
def test_the_checks_catch_a_broken_page(open_browser: object, tmp_path: Path) -> None:
    """A page that throws and fetches from elsewhere is caught by the same checks."""
    page = tmp_path / "broken.html"
    page.write_text(
        "<!DOCTYPE html><html><body><p>x</p><img src='http://example.invalid/a.png'>"
        "<script>console.error('boom'); undefined_function();</script></body></html>"
    )
    visit = open_browser.visit(page.as_uri(), 400, 300)  # type: ignore[attr-defined]
    assert any("boom" in e for e in visit.console_errors)
    assert any("undefined_function" in e for e in visit.exceptions)
    assert "http://example.invalid/a.png" in visit.requests
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body></body></html>")
    pixels = _pixels(open_browser.visit(blank.as_uri(), 400, 300).screenshot)  # type: ignore[attr-defined]
    assert float(pixels[..., :3].min()) == 1.0  # type: ignore[index]


@needs_chromium
def test_the_page_prints_to_pdf(pages: dict[str, str], tmp_path: Path) -> None:
    """The same browser prints the French page to a PDF of several pages."""
    assert CHROMIUM is not None
    page = tmp_path / "bilan.html"
    page.write_text(pages["fr"], encoding="utf-8")
    pdf = tmp_path / "bilan.pdf"
    print_to_pdf(CHROMIUM, page.as_uri(), pdf)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", data)]
    assert counts and max(counts) >= 2
