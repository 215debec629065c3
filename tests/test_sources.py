"""The catalogue of sources: each text declared once, the presets and the library's own
values citing it, one definition of each fact, and no shipped text citing a file that
does not ship with the package."""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import importlib.util
import inspect
import pkgutil
import re
import tomllib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

from teletravail import presets, sources
from teletravail.allowance import forfait_annual_cap, forfait_daily_rate, national_parameters
from teletravail.conformity import framework
from teletravail.dates import date_words
from teletravail.errors import ValidationError
from teletravail.impact import pilot_2012_costs
from teletravail.impact.factors import emission_factors, tailpipe_2012
from teletravail.impact.rebound import Rebound
from teletravail.scheduling import (
    LeaveAssumption,
    aurillac_figeac_decazeville_2012,
    national_derogations,
)
from teletravail.scheduling.presets import part_time_caps
from teletravail.sources import Source

from .strategies import sources as any_source

SRC = Path(__file__).resolve().parent.parent / "src" / "teletravail"

#: The catalogue's ids, written out by hand: 22 texts.
IDS = (
    "decret-2016-151",
    "decret-2019-637",
    "decret-2020-524",
    "decret-2021-1725",
    "accord-fonction-publique-2021",
    "arrete-temps-partiel",
    "decret-85-1250",
    "decret-2021-1123",
    "arrete-2021-08-26",
    "arrete-2022-11-23",
    "arrete-2024-04-03",
    "code-du-travail",
    "ani-2020",
    "urssaf-boss",
    "ademe-rebond-2020",
    "impactco2",
    "zevillage-lot-pilote",
    "gazette-lot-2013",
    "solozere-2015",
    "zevillage-cantal",
    "zevillage-bilan-2012",
    "smica-teletravail",
)


def text_of(source: Source) -> tuple[str, str | None, dt.date | None]:
    """Which text a source is: its title, publication and date."""
    return source.title, source.publication, source.date


# --- the catalogue -----------------------------------------------------------------------


def test_the_catalogue_holds_each_text_once_under_a_stable_id() -> None:
    """The ids are the ones written here; no two entries are the same text; each id is
    found again with cited() and derived_from()."""
    catalogue = sources.catalogue()
    assert tuple(catalogue) == IDS
    assert len({text_of(s) for s in catalogue.values()}) == len(IDS)
    assert len({s.title for s in catalogue.values()}) == len(IDS)
    for ident, entry in catalogue.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ident)
        assert sources.cited(ident) is entry
        assert sources.derived_from(entry) == ident
        assert sources.derived_from(attrs.evolve(entry, reference="art. 1", note="n")) == ident
    assert sources.derived_from(Source(title="Délibération du 29 juin 2012")) is None
    assert sources.derived_from("decret-2016-151") is None  # type: ignore[arg-type]


def test_an_unknown_id_lists_the_ids_and_suggests_one() -> None:
    """cited() refuses an id the catalogue does not hold, with the closest one."""
    with pytest.raises(ValidationError, match="did you mean 'decret-2016-151'") as caught:
        sources.cited("decret-2016-15")
    assert caught.value.field == "source" and "gazette-lot-2013" in caught.value.expected
    with pytest.raises(ValidationError):
        sources.cited(2016)  # type: ignore[arg-type]


def test_every_article_has_a_title_a_publication_and_no_guessed_date() -> None:
    """Each article names its publication; the two dated pages carry their dates, written
    by hand here from the pages (the others show none)."""
    articles = {i: s for i, s in sources.catalogue().items() if s.publication is not None}
    assert len(articles) == 6
    dated = {ident: a.date for ident, a in articles.items() if a.date is not None}
    assert dated == {"gazette-lot-2013": dt.date(2012, 7, 6), "solozere-2015": dt.date(2015, 4, 2)}
    for article in articles.values():
        assert article.title and article.reference is None and article.note is None
    legal = [s for s in sources.catalogue().values() if s.publication is None]
    assert all(s.date is None for s in legal)


# --- the presets cite the catalogue --------------------------------------------------------


def _tables(data: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every table of a document's data, with its key path."""
    if isinstance(data, dict):
        yield path, data
        for key, value in data.items():
            yield from _tables(value, f"{path}.{key}" if path else key)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _tables(value, f"{path}[{index}]")


def _names_of_texts() -> set[str]:
    """How a text of the catalogue is named: its title, and for a décret its number
    (``Décret n° 2016-151``), however the rest is written."""
    names = set()
    for entry in sources.catalogue().values():
        names.add(entry.title)
        found = re.match(r"(Décret n° [0-9-]+)", entry.title)
        if found:
            names.add(found.group(1))
    return names


@pytest.mark.parametrize("name", presets.names())
def test_no_preset_declares_a_text_the_catalogue_holds(name: str) -> None:
    """A preset cites the catalogue's texts (by id, or ``cites`` with a reference of its
    own): none of its source tables writes the title of a text the catalogue holds, or
    names one of its décrets."""
    names = _names_of_texts()
    data = tomllib.loads(presets.text(name))
    titles = [(path, table["title"]) for path, table in _tables(data) if "title" in table]
    for path, title in titles:
        assert not any(known in title for known in names), (path, title)
    for source in presets.load(name).sources:
        if source.publication is not None:
            assert sources.derived_from(source) is not None, source


@pytest.mark.parametrize("name", presets.names())
def test_a_preset_writes_back_citing_the_catalogue(name: str) -> None:
    """The written-back document cites the catalogue as the preset does: no source table
    of it writes a title the catalogue holds."""
    from teletravail import config

    written = config.to_document(presets.load(name))
    names = {entry.title for entry in sources.catalogue().values()}
    for path, table in _tables(written):
        assert table.get("title") not in names, path


def test_the_presets_cite_the_same_texts_as_before() -> None:
    """Each preset cites the texts its schemes come from (its rules' sources), counted
    here by hand."""
    found = {}
    for name in presets.names():
        data = tomllib.loads(presets.text(name))
        cited = {t["cites"] for _, t in _tables(data) if "cites" in t}
        cited |= {
            v
            for _, t in _tables(data)
            for k, v in t.items()
            if k == "source" and isinstance(v, str) and v in sources.catalogue()
        }
        found[name] = cited
    assert found == {
        "cantal-2012": {"zevillage-cantal"},
        "lot-2011": {"zevillage-lot-pilote"},
        "lot-2013": {"gazette-lot-2013"},
        "lozere-2015": {"solozere-2015"},
        "private-sector": {"code-du-travail", "ani-2020", "urssaf-boss"},
        "public-service": {
            "decret-2016-151",
            "decret-2020-524",
            "decret-2021-1725",
            "decret-2021-1123",
        },
    }


# --- the library's own values cite the catalogue -------------------------------------------


def _library_sources() -> list[Source]:
    """The sources of the library's own values: the framework, the forfait and the
    URSSAF limits, the national derogations and part-time caps, leave, impact factors,
    costs and the télécentres of 2012."""
    found: list[Source | None] = [
        framework.DECRET_2016_151_IN_FORCE,
        framework.ART_2_2016,
        framework.ART_2_2020,
        framework.ART_3,
        framework.ART_4_2016,
        framework.ART_4_2019,
        framework.ART_4_2020,
        framework.ART_5_2016,
        framework.ART_5_2020,
        framework.NOTICE,
        framework.CALENDAR_SOURCE,
        LeaveAssumption.annual_leave().source,
        Rebound.ademe_trips().source,
        pilot_2012_costs().source,
        aurillac_figeac_decazeville_2012().source,
        *(centre.source for centre in aurillac_figeac_decazeville_2012()),
        *(rule.source for rule in national_derogations()),
        *(cap.source for cap in part_time_caps()),
    ]
    parameters = [forfait_daily_rate(), forfait_annual_cap(), tailpipe_2012()]
    parameters += list(emission_factors().values())
    for national in national_parameters().values():
        found.append(national.source)
        for _, values in national.values:
            parameters += [p for p in (values.rate, values.cap) if p is not None]
    found += [entry.source for parameter in parameters for entry in parameter.values]
    return [source for source in found if source is not None]


def test_the_library_s_values_cite_the_catalogue() -> None:
    """Every source of the library's own values is a text of the catalogue, or qualifies
    one: none names a text of its own."""
    found = _library_sources()
    assert len(found) > 40
    strays = [source for source in found if sources.derived_from(source) is None]
    assert strays == []
    assert tailpipe_2012().values[0].source.unconfirmed
    assert {sources.derived_from(s) for s in found} >= {
        "decret-2016-151",
        "decret-2021-1123",
        "arrete-2021-08-26",
        "arrete-2022-11-23",
        "arrete-2024-04-03",
        "urssaf-boss",
        "code-du-travail",
        "impactco2",
        "zevillage-lot-pilote",
        "zevillage-bilan-2012",
        "smica-teletravail",
    }


# --- one definition of each fact -----------------------------------------------------------


def _modules() -> dict[str, ast.Module]:
    return {
        str(path.relative_to(SRC.parent)): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(SRC.rglob("*.py"))
    }


def _called(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def test_no_text_is_declared_outside_the_catalogue() -> None:
    """No module but the catalogue builds a Source with a title of its own (a Source built
    from a value read, ``Source(**data)``, is a document's); no module derives a source
    changing the text (its title, publication or date)."""
    declared: list[tuple[str, str]] = []
    renamed: list[tuple[str, int]] = []
    for path, tree in _modules().items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            keywords = {k.arg: k.value for k in node.keywords}
            if _called(node) == "Source" and path != "teletravail/sources.py":
                title = keywords.get("title")
                if isinstance(title, ast.Constant | ast.JoinedStr | ast.BinOp):
                    declared.append((path, ast.unparse(title)))
            if _called(node) == "evolve" and node.args:
                first = ast.unparse(node.args[0])
                changed = set(keywords) & {"title", "publication", "date"}
                if ("sources." in first or first.isupper()) and changed:
                    renamed.append((path, node.lineno))
    assert declared == []
    assert renamed == []


def test_the_catalogue_declares_each_title_once() -> None:
    """In the catalogue's own module, no two Source constructions share a title."""
    tree = _modules()["teletravail/sources.py"]
    titles = [
        ast.unparse(k.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and _called(node) == "Source"
        for k in node.keywords
        if k.arg == "title"
    ]
    assert len(titles) == len(set(titles)) == len(IDS) + 2  # and STATED, GIVEN


def _scheme_parts() -> list[tuple[str, object]]:
    """The parts of each shipped scheme that a territory writes: its rule and each rule
    inside it, its quota, its selection, its allowance and each component that is not a
    national amount."""
    parts: list[tuple[str, object]] = []
    for name in presets.names():
        policy = presets.load(name)
        rules = getattr(policy.eligibility, "rules", ())
        parts += [(name, part) for part in (policy.eligibility, *rules)]
        parts += [(name, policy.quota), (name, policy.selection), (name, policy.allowance)]
        if policy.allowance is not None:
            own = [c for c in policy.allowance.components if getattr(c, "national", None) is None]
            parts += [(name, component) for component in own]
    return [(name, part) for name, part in parts if part is not None]


def _builders() -> Iterator[tuple[str, Any]]:
    """Every public function of the domain packages that can be called without
    arguments."""
    for package in ("eligibility", "scheduling", "allowance", "impact", "policy"):
        module = importlib.import_module(f"teletravail.{package}")
        names = [module.__name__]
        names += [
            info.name for info in pkgutil.walk_packages(module.__path__, f"{module.__name__}.")
        ]
        for name in names:
            found = importlib.import_module(name)
            for attribute, value in vars(found).items():
                if attribute.startswith("_") or not inspect.isfunction(value):
                    continue
                if getattr(value, "__module__", None) != found.__name__:
                    continue
                signature = inspect.signature(value)
                if all(p.default is not p.empty for p in signature.parameters.values()):
                    yield f"{found.__name__}.{attribute}", value


def test_no_python_function_builds_a_shipped_scheme() -> None:
    """A scheme lives once, in its preset document: no function of the domain packages
    returns its rule, quota, selection or allowance (the national derogations, part-time
    caps and national amounts are national parameters, not a scheme's), and the former
    builders are gone."""
    parts = _scheme_parts()
    assert len(parts) > 15
    builders = list(_builders())
    assert len(builders) > 10
    same = []
    for name, builder in builders:
        try:
            built = builder()
        except Exception:  # a builder that needs something the defaults do not give
            continue
        same += [
            (name, scheme) for scheme, part in parts if type(built) is type(part) and built == part
        ]
    assert same == []
    import teletravail.allowance.presets as allowances
    import teletravail.eligibility as eligibility
    import teletravail.scheduling.presets as quotas

    for module in (eligibility, quotas, allowances):
        for gone in ("lot_2013", "cantal_2012", "lozere_2015", "public_service"):
            assert not hasattr(module, gone), (module.__name__, gone)
    assert importlib.util.find_spec("teletravail.eligibility.presets") is None


# --- no shipped text cites a file that does not ship ------------------------------------

#: A name of a file in a shipped text: a word ending in a file suffix.
FILE_NAME = re.compile(r"[\w./-]+\.(?:md|txt|csv|toml|json)\b")
#: What such a word may also be: a page of the project's documentation, a placeholder
#: in capitals (``WORKFORCE.csv``), an attribute (``args.json``) or the path of the web
#: service's OpenAPI document (``/v1/openapi.json``, a path of its API, not a file).
ALLOWED = re.compile(r"^(docs/[\w-]+\.md|[A-Z]+\.(csv|toml|json)|args\.json|(/v1)?/openapi\.json)$")
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
    data = resources.files("teletravail.reproductions") / "scenarios"
    registers = {entry.name for entry in data.iterdir() if entry.name.endswith(".csv")}
    names = {path.rsplit("/", 1)[1] for path in shipped} | {"lot_2013_synthetic.csv"} | registers
    strays = [
        (path, word)
        for path, text in shipped.items()
        if path not in PENDING
        for word in FILE_NAME.findall(text)
        if word.rsplit("/", 1)[-1] not in names and not ALLOWED.match(word)
    ]
    assert strays == []
    assert "teletravail/presets/lot-2013.toml" in shipped


# --- how a source is cited in each language ------------------------------------------------

#: English words that a French citation of the library's sources must not hold (as whole
#: words, outside no title: the shipped titles are French).
ENGLISH_WORDS = (
    "of",
    "in force",
    "taken",
    "for",
    "days",
    "week",
    "at most",
    "at least",
    "as amended",
    "by",
    "and",
    "the",
    "original",
    "wording",
    "unconfirmed",
    "implementing",
    "signed",
    "paid",
    "JORF",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: French month names, which an English citation writes only inside a French title.
FRENCH_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: French connecting words, which an English citation writes only inside a French title.
FRENCH_WORDS = (
    "du",
    "de",
    "la",
    "dans",
    "sa",
    "pris",
    "prise",
    "entrée",
    "vigueur",
    "rédaction",
    "issue",
    "confirmer",
)


def _shipped_sources() -> list[Source]:
    """Every source the library ships: the catalogue, the library's own values and the
    sources of every preset (declared, and cited by its rules, quota and allowance)."""
    found = list(sources.catalogue().values()) + _library_sources()
    for name in presets.names():
        policy = presets.load(name)
        found += list(policy.sources)
        found += [source for _, part in _scheme_parts() for source in _sources_of(part)]
    return list(dict.fromkeys(found))


def _sources_of(part: object) -> list[Source]:
    """The source of a part of a scheme, if it has one."""
    source = getattr(part, "source", None)
    return [source] if isinstance(source, Source) else []


def _outside_titles(source: Source, text: str) -> str:
    """``text`` without the titles it names (the text's own, and the titles of the texts
    it is amended by or taken for), which are the texts' French names."""
    for title in (source.title, source.amended_by, source.implements):
        if title:
            text = text.replace(title, "").replace(title[0].lower() + title[1:], "")
    return text


def test_the_shipped_sources_are_many_and_all_of_them_are_checked() -> None:
    """The list checked below holds the catalogue, the library's values and every preset's
    sources."""
    shipped = _shipped_sources()
    assert len(shipped) > 35
    assert set(sources.catalogue().values()) <= set(shipped)
    assert presets.load("lozere-2015").quota.source in shipped  # type: ignore[union-attr]


@pytest.mark.parametrize("source", _shipped_sources(), ids=lambda s: s.title[:40])
def test_a_shipped_source_is_cited_in_french_without_english(source: Source) -> None:
    """The French citation has no English word of the list, no ISO date, no file name,
    no ``seed``; the English one no French month outside the titles; neither a catalogue
    id."""
    french, english = source.cite("fr"), source.cite("en")
    for word in ENGLISH_WORDS:
        assert not re.search(rf"\b{word}\b", french), (word, french)
    for text in (french, english):
        assert not ISO_DATE.search(text), text
        assert ".txt" not in text and "seed" not in text, text
        assert not any(ident in text for ident in sources.catalogue() if "-" in ident), text
    outside = _outside_titles(source, english)
    for word in FRENCH_MONTHS + FRENCH_WORDS:
        assert not re.search(rf"\b{word}\b", outside), (word, english)


#: Citations written by hand, from the texts themselves: (source, French, English).
BY_HAND = (
    (
        attrs.evolve(sources.DECRET_2016_151, article="3"),
        "décret n° 2016-151 du 11 février 2016, art. 3",
        "décret n° 2016-151 du 11 février 2016, art. 3",
    ),
    (
        sources.DECRET_2016_151,
        "décret n° 2016-151 du 11 février 2016, pris pour l'application de la loi n° 2012-347"
        " du 12 mars 2012, Journal officiel du 12 février 2016, entrée en vigueur le 13 février"
        " 2016",
        "décret n° 2016-151 du 11 février 2016, implementing loi n° 2012-347 du 12 mars 2012,"
        " Journal officiel of 12 February 2016, in force from 13 February 2016",
    ),
    (
        framework.ART_4_2019,
        "décret n° 2016-151 du 11 février 2016, art. 4, dans sa rédaction issue du décret"
        " n° 2019-637 du 25 juin 2019",
        "décret n° 2016-151 du 11 février 2016, art. 4, as amended by décret n° 2019-637 du"
        " 25 juin 2019",
    ),
    (
        framework.ART_4_2016,
        "décret n° 2016-151 du 11 février 2016, art. 4, dans sa version en vigueur le 13"
        " février 2016 (à confirmer)",
        "décret n° 2016-151 du 11 février 2016, art. 4, as in force on 13 February 2016"
        " (unconfirmed)",
    ),
    (
        sources.ARRETE_2021_08_26,
        "arrêté du 26 août 2021, pris pour l'application du décret n° 2021-1123 du 26 août 2021",
        "arrêté du 26 août 2021, implementing décret n° 2021-1123 du 26 août 2021",
    ),
    (
        sources.DECRET_2021_1123,
        "décret n° 2021-1123 du 26 août 2021, entrée en vigueur le 1er septembre 2021",
        "décret n° 2021-1123 du 26 août 2021, in force from 1 September 2021",
    ),
    (
        framework.CALENDAR_SOURCE,
        "code du travail, art. L. 3133-1, L. 3134-13",
        "code du travail, art. L. 3133-1, L. 3134-13",
    ),
    (
        sources.LOZERE_2015,
        "«\u00a0Le Conseil Général de la Lozère a mis en place le télétravail pour ses"
        " agents\u00a0», SoLozère, 2 avril 2015",
        "\u201cLe Conseil Général de la Lozère a mis en place le télétravail pour ses"
        " agents\u201d, SoLozère, 2 April 2015",
    ),
    (
        sources.CANTAL_AGENTS,
        "«\u00a0La politique d'accueil des télétravailleurs dans le Cantal\u00a0», Zevillage",
        "\u201cLa politique d'accueil des télétravailleurs dans le Cantal\u201d, Zevillage",
    ),
    (
        sources.STATED,
        "énoncé dans le document de la politique",
        "stated in the policy document",
    ),
)


@pytest.mark.parametrize(("source", "french", "english"), BY_HAND)
def test_sources_are_cited_as_written_by_hand(source: Source, french: str, english: str) -> None:
    """A few citations, written by hand in both languages, are the library's."""
    assert source.cite("fr") == french
    assert source.cite("en") == english
    assert str(source) == english


@given(source=any_source())
def test_every_date_of_a_source_is_cited_in_words(source: Source) -> None:
    """Whatever the source, each of its dates that a citation gives is written in the
    reader's words (``1er septembre 2021``, ``1 September 2021``); without free text, no
    citation holds an ISO date."""
    for lang in ("en", "fr"):
        text = source.cite(lang)
        shown = [source.date, source.version]
        if not source.article:
            shown += [source.journal, source.in_force]
        for day in shown:
            if day is not None:
                assert date_words(day, lang) in text
    plain = attrs.evolve(source, reference=None, note=None, url=None)
    written = (plain.title, plain.publication, plain.amended_by, plain.implements)
    if not any(ISO_DATE.search(text or "") for text in written):
        for lang in ("en", "fr"):
            assert not ISO_DATE.search(plain.cite(lang))


def test_the_kind_of_text_sets_the_french_connecting_words() -> None:
    """ "of" in French contracts with the kind of text (du décret, de la loi, de l'arrêté),
    "pris" agrees with it, and a title that is not a kind of text is kept as it is."""
    loi = Source(title="Loi n° 2012-347 du 12 mars 2012", article="133")
    assert loi.cite("fr") == "loi n° 2012-347 du 12 mars 2012, art. 133"
    circulaire = Source(title="Circulaire du 26 mai 2016", implements="Décret n° 2016-151")
    assert circulaire.cite("fr") == (
        "circulaire du 26 mai 2016, prise pour l'application du décret n° 2016-151"
    )
    own = Source(title="Règlement intérieur", amended_by="Délibération du 29 juin 2012")
    assert own.cite("fr") == (
        "Règlement intérieur, dans sa rédaction issue de la délibération du 29 juin 2012"
    )
    assert own.cite("en") == "Règlement intérieur, as amended by délibération du 29 juin 2012"
    odd = Source(title="Charte", implements="Accord-cadre local")
    assert odd.cite("fr") == "Charte, pris pour l'application de Accord-cadre local"


def test_the_whole_text_s_details_leave_a_citation_of_one_article() -> None:
    """The Journal officiel, the entry into force and the text implemented describe the
    whole text: a citation of one of its articles leaves them out."""
    whole = sources.DECRET_2016_151
    article = attrs.evolve(whole, article="5")
    assert "Journal officiel" in whole.cite("fr") and "vigueur" in whole.cite("fr")
    assert article.cite("fr") == "décret n° 2016-151 du 11 février 2016, art. 5"
    assert article.journal == whole.journal  # kept, only not printed


def test_reference_and_note_are_printed_as_written_in_both_languages() -> None:
    """A document's free text is its own: the same words in both citations, the note in
    brackets; a note that says "unconfirmed" flags the source without repeating it in
    English."""
    source = Source(title="Délibération", reference="annexe 2", note="unconfirmed: one page")
    assert source.unconfirmed
    assert source.cite("en") == "délibération, annexe 2 (unconfirmed: one page)"
    assert source.cite("fr") == "délibération, annexe 2 (unconfirmed: one page) (à confirmer)"


def test_an_unknown_language_is_a_typed_error_listing_the_known_ones() -> None:
    """cite() refuses a language it does not write, naming en and fr."""
    for lang in ("de", "FR", "", None):
        with pytest.raises(ValidationError) as caught:
            sources.DECRET_2016_151.cite(lang)  # type: ignore[arg-type]
        assert caught.value.field == "lang"
        assert "en" in caught.value.expected and "fr" in caught.value.expected


# --- the keys that cite a legal text: written, read back, refused --------------------------


def test_the_new_keys_round_trip_through_a_source_s_dict() -> None:
    """article, amended_by, version, implements, journal, in_force and unconfirmed are
    written (the dates as ISO text, a false flag left out) and read back equal."""
    source = Source(
        title="Arrêté du 1er mars 2024",
        article="2, 2-1",
        amended_by="arrêté du 4 juin 2025",
        version="2024-03-02",
        implements="décret n° 2021-1123 du 26 août 2021",
        journal="2024-03-02",
        in_force="2024-03-03",
        unconfirmed=True,
    )
    data = source.to_dict()
    assert data == {
        "title": "Arrêté du 1er mars 2024",
        "article": "2, 2-1",
        "amended_by": "arrêté du 4 juin 2025",
        "version": "2024-03-02",
        "implements": "décret n° 2021-1123 du 26 août 2021",
        "journal": "2024-03-02",
        "in_force": "2024-03-03",
        "unconfirmed": True,
    }
    assert Source.from_dict(data) == source
    assert "unconfirmed" not in attrs.evolve(source, unconfirmed=False).to_dict()


def test_a_document_s_source_table_reads_the_new_keys_and_writes_them_back() -> None:
    """A policy document qualifies a text of the catalogue with an article, its wording
    and the flag; written back and read again it is the same policy."""
    from teletravail import config

    text = """
name = "Saint-Test"
territory = "Saint-Test"
period = { start = "2024-01-01" }
eligibility = { criterion = "volunteer", source = "art-4" }

[[sources]]
id = "art-4"
cites = "decret-2016-151"
article = "4"
amended_by = "décret n° 2021-1725 du 21 décembre 2021"
version = "2021-12-23"
unconfirmed = true
"""
    policy = config.loads(text)
    source = policy.eligibility.source
    assert source == attrs.evolve(
        sources.DECRET_2016_151,
        article="4",
        amended_by="décret n° 2021-1725 du 21 décembre 2021",
        version=dt.date(2021, 12, 23),
        unconfirmed=True,
    )
    written = config.to_document(policy)
    assert written["sources"] == [
        {
            "id": "source-1",
            "cites": "decret-2016-151",
            "article": "4",
            "amended_by": "décret n° 2021-1725 du 21 décembre 2021",
            "version": "2021-12-23",
            "unconfirmed": True,
        }
    ]
    assert config.loads(config.dumps(policy)) == policy


def test_bad_values_of_the_new_keys_are_refused_at_their_paths() -> None:
    """An empty article, a version that is no date, a flag that is not true or false:
    each refused at its key, all at once."""
    with pytest.raises(ValidationError) as caught:
        Source.from_dict(
            {
                "title": "Décret",
                "article": " ",
                "version": "13 février 2016",
                "journal": "2016-02-30",
                "unconfirmed": "yes",
            }
        )
    text = str(caught.value)
    for path in ("source.article", "source.version", "source.journal", "source.unconfirmed"):
        assert path in text, (path, text)
    with pytest.raises(ValidationError):
        Source(title="Décret", unconfirmed="yes")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Source(title="Décret", article="")
