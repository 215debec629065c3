"""The articles the presets cite: bibliographic references, the same in every preset, and
no shipped text citing a file that does not ship with the package."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources

import pytest

from teletravail import bibliography, presets
from teletravail.allowance import presets as allowance_presets
from teletravail.dated import Source
from teletravail.eligibility import presets as eligibility_presets
from teletravail.impact.economics import pilot_2012_costs
from teletravail.impact.factors import tailpipe_2012
from teletravail.scheduling import presets as scheduling_presets
from teletravail.scheduling.telecentre import aurillac_figeac_decazeville_2012

ARTICLES = {(a.title, a.publication, a.date) for a in bibliography.ARTICLES.values()}


def cited(source: Source) -> tuple[str, str | None, dt.date | None]:
    return source.title, source.publication, source.date


def test_every_article_has_a_title_a_publication_and_no_guessed_date() -> None:
    """Each article names its publication; the two dated pages carry their dates, written
    by hand here from the pages (the others show none)."""
    dated = {name: a.date for name, a in bibliography.ARTICLES.items() if a.date is not None}
    assert dated == {"lot-2013": dt.date(2012, 7, 6), "lozere-2015": dt.date(2015, 4, 2)}
    for article in bibliography.ARTICLES.values():
        assert article.publication and article.title
        assert article.reference is None and article.note is None


@pytest.mark.parametrize("name", presets.names())
def test_preset_articles_are_the_bibliography(name: str) -> None:
    """Every source of a preset that has a publication is one of the articles, with the
    same title, publication and date; the legal texts have none."""
    for source in presets.load(name).sources:
        if source.publication is None:
            assert source.date is None
            continue
        assert cited(source) in ARTICLES, source


def test_python_presets_cite_the_articles() -> None:
    """The Python presets' sources are the articles, with their own references."""
    found = [
        eligibility_presets.LOT_2013_SOURCE,
        eligibility_presets.LOZERE_2015_SOURCE,
        scheduling_presets.LOT_2013,
        scheduling_presets.CANTAL_2012,
        allowance_presets.LOT_2013,
        pilot_2012_costs().source,
        tailpipe_2012().values[0].source,
        aurillac_figeac_decazeville_2012().source,
        *(centre.source for centre in aurillac_figeac_decazeville_2012()),
    ]
    for source in found:
        assert source is not None and cited(source) in ARTICLES, source
    assert tailpipe_2012().values[0].source.unconfirmed
    lot = [scheduling_presets.LOT_2013, allowance_presets.LOT_2013]
    assert {cited(s) for s in lot} == {cited(bibliography.LOT_2013_GENERALISATION)}


#: A name of a file in a shipped text: a word ending in a file suffix.
FILE_NAME = re.compile(r"[\w./-]+\.(?:md|txt|csv|toml|json)\b")
#: What such a word may also be: a page of the project's documentation, a placeholder
#: in capitals (``WORKFORCE.csv``) or an attribute (``args.json``).
ALLOWED = re.compile(r"^(docs/[\w-]+\.md|[A-Z]+\.(csv|toml|json)|args\.json)$")
#: Shipped modules still citing a private file (none left).
PENDING: set[str] = set()


def _shipped() -> dict[str, str]:
    root = resources.files("teletravail")
    found: dict[str, str] = {}

    def walk(folder: object, prefix: str) -> None:
        for entry in folder.iterdir():  # type: ignore[attr-defined]
            path = f"{prefix}/{entry.name}"
            if entry.is_dir():
                if entry.name != "__pycache__":
                    walk(entry, path)
            elif entry.name.endswith((".py", ".toml", ".md", ".txt")):
                found[path] = entry.read_text(encoding="utf-8")

    walk(root, "teletravail")
    return found


def test_no_shipped_text_cites_a_file_that_is_not_shipped() -> None:
    """Docstrings, comments, presets and data files cite texts by title, never a file of
    the developers' own folders: every file name they write ships with the package."""
    shipped = _shipped()
    names = {path.rsplit("/", 1)[1] for path in shipped} | {"lot_2013_synthetic.csv"}
    strays = [
        (path, word)
        for path, text in shipped.items()
        if path not in PENDING
        for word in FILE_NAME.findall(text)
        if word.rsplit("/", 1)[-1] not in names and not ALLOWED.match(word)
    ]
    assert strays == []
    assert "teletravail/presets/lot-2013.toml" in shipped
