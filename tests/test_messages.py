"""Messages in English and in French: phrases, the errors that frame them (and pickle),
and the modules whose every message has its French (tests/whole/test_french_documents.py
reads whole documents and the command line)."""

from __future__ import annotations

import ast
import datetime as dt
import io
import math
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import teletravail
from teletravail import dated, dates, errors, formats, sources, unit_words
from teletravail.dated import Duration
from teletravail.dates import date_words
from teletravail.errors import (
    ConfigError,
    NotAvailableError,
    NoValueInForceError,
    Problem,
    RowError,
    TeletravailError,
    UnitError,
    ValidationError,
    WorkforceError,
)
from teletravail.messages import NBSP, NNBSP, Phrase, counted, show, text_of
from teletravail.sources import cited
from teletravail.week import WeeklyPattern
from teletravail.workforce import Agent, Workforce

ROOT = Path(__file__).resolve().parent.parent / "src" / "teletravail"

# -- phrases -------------------------------------------------------------------------------


def test_a_phrase_is_its_english_and_holds_its_french() -> None:
    phrase = Phrase("a duration", "une durée")
    assert phrase == "a duration"
    assert isinstance(phrase, str)
    assert hash(phrase) == hash("a duration")
    assert repr(phrase) == "'a duration'"
    assert f"{phrase}!" == "a duration!"
    assert type(str(phrase)) is str
    assert phrase.text() == phrase.text("en") == "a duration"
    assert phrase.text("fr") == "une durée"


def test_parts_are_rendered_in_the_language_of_the_template() -> None:
    inner = Phrase("a duration", "une durée")
    phrase = Phrase(
        "{inner}, such as {example!r}, at most {most:,} {unit!s}",
        "{inner}, comme {example!r}, au plus {most} {unit!s}",
        inner=inner,
        example="1 an",
        most=1000,
        unit=Phrase("years", "ans"),
    )
    assert phrase == "a duration, such as '1 an', at most 1,000 years"
    assert phrase.text("fr") == f"une durée, comme «{NBSP}1 an{NBSP}», au plus 1000 ans"


def test_phrases_join_and_add_in_each_language() -> None:
    words = Phrase(" or ", " ou ").join([Phrase("home", "domicile"), "site"])
    assert words == "home or site"
    assert words.text("fr") == "domicile ou site"
    both = Phrase("one", "un") + Phrase(" and two", " et deux")
    assert isinstance(both, Phrase)
    assert both.text("fr") == "un et deux"
    plain = Phrase("one", "un") + " plain"  # a plain string is English only: plain str
    assert plain == "one plain"
    assert not isinstance(plain, Phrase)


def test_braces_stay_as_they_are_without_parts() -> None:
    assert Phrase("{x}", "{y}").text("fr") == "{y}"


def test_counted_follows_each_language_plural() -> None:
    noun = (("problem", "problems"), ("problème", "problèmes"))
    assert [counted(n, *noun) for n in (0, 1, 2)] == ["0 problems", "1 problem", "2 problems"]
    assert [counted(n, *noun).text("fr") for n in (0, 1, 2)] == [
        "0 problème",
        "1 problème",
        "2 problèmes",
    ]


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_a_phrase_pickles(protocol: int) -> None:
    phrase = Phrase("a {x}", "un {x}")
    back = pickle.loads(pickle.dumps(phrase, protocol))
    assert type(back) is Phrase
    assert (back, back.text("fr")) == ("a {x}", "un {x}")


def test_an_unknown_language_is_a_typed_error_that_lists_the_known_ones() -> None:
    with pytest.raises(ValidationError, match="one of: en, fr") as caught:
        Phrase("a", "b").text("de")  # type: ignore[arg-type]
    assert caught.value.field == "lang"
    assert (
        caught.value.text("fr")
        == f"lang{NBSP}: attendu une valeur parmi en, fr, trouvé «{NBSP}de{NBSP}»"
    )


def test_an_unknown_language_is_a_validation_error_from_a_fresh_process() -> None:
    """The messages cannot import the errors (they sit below them): the package loads the
    errors first, which hand the messages the error to raise, so even a process that
    imports only the messages gets the typed error."""
    code = (
        "import sys\n"
        "from teletravail.messages import Phrase\n"
        "try:\n"
        "    Phrase('a', 'b').text('de')\n"
        "except Exception as e:\n"
        "    print(type(e).__module__, type(e).__name__, e.field)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["teletravail.errors", "ValidationError", "lang"]


def test_the_messages_do_not_import_the_errors() -> None:
    # the messages stand below the errors; beneath them only the formats and the unit
    # words, which import nothing else of the package (but for annotations: the
    # imports under ``if TYPE_CHECKING:`` do not count)
    def imports(module: str) -> set[str]:
        tree = ast.parse((ROOT / f"{module}.py").read_text(encoding="utf-8"))
        typing_only = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
            for inner in ast.walk(node)
        }
        found: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.ImportFrom) and node.module:
                base = node.module
                found |= {f"{base}.{a.name}" if base == "teletravail" else base for a in node.names}
            elif isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
        return {name for name in found if name.startswith("teletravail")}

    assert imports("messages") == {"teletravail.formats"}
    assert imports("formats") == {"teletravail.unit_words"}
    assert imports("unit_words") == set()


def test_text_of_a_plain_string_is_the_string() -> None:
    assert text_of("code", "fr") == "code"


@pytest.mark.parametrize(
    ("value", "english", "french"),
    [
        ("2 km", "'2 km'", "«\u00a02 km\u00a0»"),
        (3, "3", "3"),
        (2.5, "2.5", "2.5"),
        (True, "True", "true"),
        (None, "None", "rien"),
        (dt.date(2024, 1, 31), "'2024-01-31'", "«\u00a02024-01-31\u00a0»"),
        (["a", 1], "['a', 1]", "[«\u00a0a\u00a0», 1]"),
        (("a",), "('a',)", "(«\u00a0a\u00a0»)"),
        ({"low": "50 %"}, "{'low': '50 %'}", "{low = «\u00a050 %\u00a0»}"),
        (object(), None, "une valeur de type object"),
    ],
)
def test_values_are_shown_as_each_language_quotes_them(
    value: object, english: str | None, french: str
) -> None:
    if english is not None:
        assert show(value) == english
    assert show(value, "fr") == french


def test_long_values_are_cut_to_a_line_in_french_too() -> None:
    shown = show("x" * 500, "fr")
    assert len(shown) <= 80
    assert shown.startswith("«\u00a0x") and shown.endswith("x\u00a0»") and "…" in shown
    assert len(show(list(range(500)), "fr")) <= 80


def test_quantities_are_shown_as_written() -> None:
    from teletravail.units import Q_

    assert show(Q_(2, "km")) == "'2 km'"
    assert show(Q_(2, "km"), "fr") == "«\u00a02 km\u00a0»"


# -- the errors ----------------------------------------------------------------------------


def test_a_validation_error_in_french() -> None:
    error = ValidationError(
        "quota.maximum",
        "2 km",
        Phrase("a quantity such as {x!r}", "une quantité comme {x!r}", x="3"),
    )
    assert str(error) == "quota.maximum: expected a quantity such as '3', got '2 km'"
    assert error.text("en") == str(error)
    assert error.text("fr") == (
        "quota.maximum\u00a0: attendu une quantité comme «\u00a03\u00a0», trouvé «\u00a02 km\u00a0»"
    )
    assert ValidationError("x", None, Phrase("a", "un")).text("fr") == (
        "x\u00a0: attendu un, aucune valeur trouvée"
    )


def test_a_unit_error_names_the_dimension_in_french_words() -> None:
    error = UnitError(
        "commute_distance", "2 kg", "[length]", Phrase("its dimension is [mass]", "c'est une masse")
    )
    assert str(error) == (
        "commute_distance: expected a quantity of dimension [length] (its dimension is [mass]),"
        " got '2 kg'"
    )
    assert error.text("fr") == (
        "commute_distance\u00a0: attendu une distance (c'est une masse), trouvé «\u00a02 kg\u00a0»"
    )
    # pint writes the factors in its own order: the French words are found all the same
    assert errors.dimension_words("[co2e] * [mass] / [length]").text("fr") == (
        "une masse de CO2e par distance"
    )
    assert errors.dimension_words("[luminosity]").text("fr") == (
        "une quantité de dimension [luminosity]"
    )
    assert (
        UnitError("x", 1, "any dimension").text("fr") == "x\u00a0: attendu une quantité, trouvé 1"
    )


def test_a_config_error_in_french() -> None:
    problems = [
        Problem(
            "quota.maximum",
            None,
            Phrase("a quantity (missing key)", "une quantité (clé manquante)"),
        ),
        Problem("", 3, Phrase("a table", "une table")),
    ]
    error = ConfigError(problems, "ours.toml")
    assert str(error) == (
        "ours.toml: 2 problems\n"
        "  quota.maximum: expected a quantity (missing key), got nothing\n"
        "  (document): expected a table, got 3"
    )
    assert error.text("fr") == (
        "ours.toml\u00a0: 2 problèmes\n"
        "  quota.maximum\u00a0: attendu une quantité (clé manquante), aucune valeur trouvée\n"
        "  (document)\u00a0: attendu une table, trouvé 3"
    )
    many = ConfigError([Problem(f"k{i}", i, Phrase("a", "un")) for i in range(53)])
    assert many.text("fr").endswith("\n  … et 3 autres")


def test_row_errors_and_workforce_errors_in_french() -> None:
    cause = ValidationError("working_time", "2 km", Phrase("a share", "une proportion"))
    row = RowError.from_error(4, cause)
    assert row.message == str(cause)
    assert row.text("fr") == cause.text("fr")
    assert row.to_dict()["message"] == str(cause)
    error = WorkforceError(
        [row, RowError(7, "id", "A", Phrase("a new id", "un identifiant nouveau"))]
    )
    assert str(error).startswith("2 invalid row(s): row 4: working_time: expected a share")
    assert error.text("fr") == (
        "2 lignes invalides\u00a0: ligne 4\u00a0: working_time\u00a0: attendu une proportion,"
        f" trouvé «\u00a02 km\u00a0»{NNBSP}; ligne 7\u00a0: un identifiant nouveau"
    )


def test_no_value_in_force_in_french() -> None:
    error = NoValueInForceError("forfait", dt.date(2020, 1, 1), "2021-09-01..")
    assert error.text("fr") == (
        "forfait\u00a0: aucune valeur en vigueur le 2020-01-01 (les valeurs couvrent 2021-09-01..)"
    )


def _error_classes() -> list[type[BaseException]]:
    """Every error class of the package: its modules imported, the subclasses of the
    base class collected."""
    import importlib
    import pkgutil

    for module in pkgutil.walk_packages(teletravail.__path__, "teletravail."):
        if module.name.split(".")[-1] not in ("__main__",):
            importlib.import_module(module.name)
    found: list[type[BaseException]] = []
    todo: list[type[BaseException]] = [TeletravailError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return sorted(set(found), key=lambda cls: cls.__qualname__)


def _example(cls: type[BaseException]) -> BaseException:
    """An instance of ``cls``, built with arguments of the kind its constructor takes."""
    from teletravail import Agent
    from teletravail.scheduling.quota import Quota
    from teletravail.week import WeeklyPattern

    expected = Phrase("a quantity such as {x!r}", "une quantité comme {x!r}", x="2 km")
    if issubclass(cls, ConfigError):
        return cls([Problem("quota.maximum", "3", expected), Problem("", None, expected)], "a.toml")
    if issubclass(cls, UnitError):
        return cls(
            "distance", "2 kg", "[length]", Phrase("its dimension is [mass]", "c'est une masse")
        )
    if cls.__name__ == "RegisterError":
        return cls("registre.csv", "columns.quotite", "quotite", expected, 1200)  # type: ignore[call-arg]
    if cls.__name__ == "QuotaExceededError":
        agent = Agent(id="A", hire_date="2020-01-01", working_time="100 %")
        decision = Quota(maximum="1 workday/week").check(
            WeeklyPattern.parse("mon, tue"), agent, "2024-01-01"
        )
        return cls(decision)  # type: ignore[call-arg]
    if issubclass(cls, ValidationError):
        return cls("working_time", ["2 km", dt.date(2024, 1, 1)], expected)
    if issubclass(cls, NoValueInForceError):
        return cls("forfait", dt.date(2020, 1, 1), "2021-09-01..")
    if issubclass(cls, NotAvailableError):
        return cls("schedule", expected)
    if issubclass(cls, WorkforceError):
        cause = ValidationError("id", "", expected)
        return cls([RowError.from_error(3, cause), RowError(5, "id", "A", "plain message")])
    assert cls.__init__ is TeletravailError.__init__, f"{cls.__name__}: add it to this test"
    return cls("something went wrong")


ERROR_CLASSES = _error_classes()


def test_every_error_class_is_listed() -> None:
    names = {cls.__name__ for cls in ERROR_CLASSES}
    assert {"ConfigError", "UnitError", "QuotaExceededError", "NotPayableError"} <= names


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_every_error_pickles_with_its_french(cls: type[BaseException], protocol: int) -> None:
    error = _example(cls)
    error.add_note("a note")
    back = pickle.loads(pickle.dumps(error, protocol))
    assert type(back) is cls
    assert str(back) == str(error)
    assert back.__notes__ == ["a note"]
    assert back.text("fr") == error.text("fr")  # type: ignore[attr-defined]
    if isinstance(error, ValidationError):
        assert isinstance(back, ValidationError)
        assert (back.field, back.value, back.expected) == (error.field, error.value, error.expected)


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_problems_and_row_errors_pickle(protocol: int) -> None:
    problem = Problem("a.b", ["x"], Phrase("a", "un"))
    back = pickle.loads(pickle.dumps(problem, protocol))
    assert back == problem and back.text("fr") == problem.text("fr")
    row = RowError(3, "id", "A", Phrase("a", "un"))
    again = pickle.loads(pickle.dumps(row, protocol))
    assert again == row and again.text("fr") == "un"


def test_english_messages_are_those_of_before() -> None:
    """The English frame is the one the library always wrote (tests and docs pin it)."""
    error = ValidationError("f", ["a"], Phrase("x", "y"))
    assert str(error) == "f: expected x, got ['a']"
    assert str(Problem("", None, "a table")) == "(document): expected a table, got nothing"
    assert str(ConfigError([Problem("a", 1, "b")], "f")) == "f: 1 problem\n  a: expected b, got 1"


# -- what the modules say in French, checked by hand --------------------------------------


def _said(call: Callable[[], object]) -> tuple[str, str]:
    """The English and the French of the error ``call`` raises."""
    with pytest.raises(TeletravailError) as caught:
        call()
    return str(caught.value), caught.value.text("fr")


def test_small_phrases_of_the_modules() -> None:
    from teletravail.formats import french_unit
    from teletravail.messages import decimal, either, french_count, grouped
    from teletravail.units import Q_

    assert (either("raise", "report"), either("raise", "report").text("fr")) == (
        "'raise' or 'report'",
        "«\u00a0raise\u00a0» ou «\u00a0report\u00a0»",
    )
    assert (grouped(131_072), grouped(131_072).text("fr")) == ("131,072", "131\u202f072")
    assert (decimal(0.5), decimal(0.5).text("fr"), decimal(90).text("fr")) == ("0.5", "0,5", "90")
    assert [french_count(n, "valeur", "valeurs") for n in (0, 1, 2)] == [
        "0 valeur",
        "1 valeur",
        "2 valeurs",
    ]
    assert french_unit(Q_(2.5, "EUR/workday")) == "€ par jour"
    assert french_unit(Q_(3, "km")) == "km"


def test_system_reasons_in_french() -> None:
    from teletravail.messages import system_reason

    missing = system_reason(FileNotFoundError(2, "No such file or directory"))
    assert (missing, missing.text("fr")) == ("No such file or directory", "ce fichier n'existe pas")
    other = system_reason(OSError(5, "Input/output error"), "erreur de lecture")
    assert (other, other.text("fr")) == ("Input/output error", "erreur de lecture")


@pytest.mark.parametrize(
    ("call", "english", "french"),
    [
        (
            lambda: dates.to_date("2024-02-30", "start"),
            "start: expected a date that exists, e.g. 2013-02-28, got '2024-02-30'",
            "start : attendu une date qui existe, par exemple 2013-02-28, trouvé « 2024-02-30 »",
        ),
        (
            lambda: dates.to_date("1800-01-01", "start"),
            "start: expected a date from 1900-01-01 to 9990-12-31 (leave an end out for none),"
            " got '1800-01-01'",
            "start : attendu une date du 1900-01-01 au 9990-12-31 (pour ne fixer aucune fin,"
            " omettez-la), trouvé « 1800-01-01 »",
        ),
        (
            lambda: dated.Duration.parse("3 moiss"),
            "duration: expected a duration such as 'P1Y6M' or '1 year 6 months', got '3 moiss'",
            "duration : attendu une durée comme « 1 an 6 mois », « 2 semaines » ou « P1Y6M »,"
            " trouvé « 3 moiss »",
        ),
        (
            lambda: dated.Duration.parse("5000 ans"),
            "duration: expected a duration of at most 1,000 years, got '5000 ans'",
            "duration : attendu une durée d'au plus 1\u202f000 ans, trouvé « 5000 ans »",
        ),
        (
            lambda: dated.Duration(years=10).after(dt.date(9995, 1, 1)),
            "date: expected a date whose 10 years later is before 10000-01-01, got '9995-01-01'",
            "date : attendu une date qui, 10 ans plus tard, reste antérieure à l'an 10000, trouvé"
            " « 9995-01-01 »",
        ),
        (
            lambda: _parameter(
                ("2024-01-01", "2.88 EUR/workday"), ("2023-01-01", "2.5 EUR/workday")
            ),
            "values[1].start: expected a start after 2024-01-01 (unsorted start dates),"
            " got '2023-01-01'",
            "values[1].start : attendu un début postérieur au 2024-01-01 (dates de début dans le"
            " désordre), trouvé « 2023-01-01 »",
        ),
        (
            lambda: _parameter(("2024-01-01", "2.88 EUR/workday"), ("2025-01-01", "2 km")),
            "values[1].value: expected the same dimension as values[0] (EUR / workday): units"
            " may not be mixed, got '2 km'",
            "values[1].value : attendu la même dimension que values[0] (€ par jour) : les unités ne"
            " se mélangent pas, trouvé « 2 km »",
        ),
        (
            lambda: Agent(id="A", hire_date="2020-01-01", activities="a 60 %; b 30.5 %"),
            "activities: expected shares summing to 100 % (± 0.5 %), not 90.5 %, got"
            " 'a 60 %; b 30.5 %'",
            "activities : attendu des parts dont la somme fait 100 % (à 0,5 % près), et non"
            " 90,5 %, trouvé « a 60 %; b 30.5 % »",
        ),
        (
            lambda: Agent(id="A", hire_date="2020-01-01", absences="2024-01-01"),
            "absences: expected spans 'start/end' separated by ';', or 'none', got '2024-01-01'",
            "absences : attendu des périodes « début/fin » séparées par « ; », ou « aucune »,"
            " trouvé « 2024-01-01 »",
        ),
        (
            lambda: Agent(id="A", hire_date="2020-01-01", category="D"),
            "category: expected a category A, B or C ('catégorie B', 'cat. C'), got 'D'",
            "category : attendu une catégorie A, B ou C (« catégorie B », « cat. C »),"
            " trouvé « D »",
        ),
        (
            lambda: _criteria().MinimumWorkingTime(minimum="120 %"),
            "minimum: expected a finite minimum between 0 and 100 percent, got '120 %'",
            "minimum : attendu un minimum fini, de 0 à 100 %, trouvé « 120\u00a0% »",
        ),
        (
            lambda: _criteria().Predicate(name="a b", function=len, text="x"),
            "name: expected a non-empty code without spaces, e.g. 'site.badge', got 'a b'",
            "name : attendu un code non vide, sans espace, par exemple « site.badge », trouvé"
            " « a b »",
        ),
        (
            lambda: (
                _criteria()
                .Volunteer()
                .evaluate(Agent(id="A", hire_date="2020-01-01"), "2019-06-01")
            ),
            "hire_date: expected a date on or before the reference date, 1 June 2019, got"
            " '2020-01-01'",
            "hire_date : attendu une date égale ou antérieure à la date de référence, le"
            " 1er juin 2019, trouvé « 2020-01-01 »",
        ),
    ],
)
def test_what_the_modules_say_in_french(
    call: Callable[[], object], english: str, french: str
) -> None:
    assert _said(call) == (
        english,
        french.replace(" :", "\u00a0:").replace("« ", "«\u00a0").replace(" »", "\u00a0»"),
    )


#: English words of the library's messages that are no French word, code or unit.
ENGLISH = frozenset(
    {
        "expected", "got", "nothing", "such", "the", "and", "with", "missing", "did", "mean",
        "more", "its", "least", "without", "above", "quantity", "string", "whole", "share",
        "workday", "of", "or", "is", "must", "an", "column", "columns", "row", "rows", "values",
        "file", "number", "finite", "between", "duration", "once", "from", "to", "in", "for",
        "than", "each", "every", "name", "names", "set", "list", "after", "before", "which",
        "kind", "should", "exists", "known", "unknown", "empty", "characters", "spans",
    }
)  # fmt: skip


def _english_words(text: str) -> set[str]:
    """The English words of a French message, once the values it quotes, the value found
    (after ``trouvé``), the key paths (before a colon) and the dimensions (``[workday]``)
    are left out."""
    import re

    said = text.rsplit(", trouvé ", 1)[0]
    prose = re.sub(r"«\u00a0.*?\u00a0»|\S+\u00a0:|\[[^\]]*\]", " ", said)
    return {word for word in re.findall(r"[\w'’.-]+", prose) if word.lower() in ENGLISH}


def _csv(text: str) -> Workforce:
    return Workforce.from_csv(io.StringIO(text))


def _columns(**columns: Any) -> Workforce:
    return Workforce.from_columns(ids=["A"], hire_date=["2020-01-01"], **columns)


#: Bad input of every module converted in the second pass (each raises an error).
BAD_CALLS: list[Callable[[], object]] = [
    lambda: dates.to_date(dt.datetime(2024, 1, 1), "d"),
    lambda: dates.to_date("2024/01/01", "d"),
    lambda: dates.to_date(3, "d"),
    lambda: dated.check_order(dt.date(2024, 1, 2), dt.date(2024, 1, 1)),
    lambda: dated.Duration.parse(3),
    lambda: dated.Duration(years=10).latest_start(dt.date(5, 1, 1)),
    lambda: dated.Duration.between(dt.date(2024, 1, 2), dt.date(2024, 1, 1)),
    lambda: dated.Duration(years=-1),
    lambda: sources.Source(title=""),
    lambda: sources.Source.from_dict({"seed": "x"}),
    lambda: sources.Source.from_dict({"title": "x", "foo": 1}),
    lambda: sources.Source.from_dict({}),
    lambda: dated.Period(start="2024-01-01").days,
    lambda: dated.DatedParameter(name="p", values=[]),
    lambda: dated.DatedParameter(name="p", values="x"),
    lambda: _parameter(("2024-01-01", "2 km"), ("2024-01-01", "3 km")),
    lambda: dated.DatedParameter.from_dict({"name": "p", "values": 3}),
    lambda: Agent(id="", hire_date="2020-01-01"),
    lambda: Agent(id="A\u200b", hire_date="2020-01-01"),
    lambda: Agent(id="A", hire_date="2020-01-01", tags=["a;b"]),
    lambda: Agent(id="A", hire_date="2020-01-01", commute_distance="-3 km"),
    lambda: Agent(id="A", hire_date="2020-01-01", derogations=[{"kind": "health"}]),
    lambda: Agent(id="A", hire_date="2020-01-01", requested_telework="9 workday/week"),
    lambda: Agent(id="A", hire_date="2020-01-01", pattern=3),
    lambda: Agent(id="A", hire_date="2020-01-01", absences="2024-01-01/2024-02-30"),
    lambda: Agent(id="A", hire_date="2020-01-01", contract_type="contractuell"),
    lambda: Agent(id="A", hire_date="2020-01-01", activities="a;a"),
    lambda: Agent(id="A", hire_date="2020-01-01", activities=" 60 %"),
    lambda: Agent(id="A", hire_date="2020-01-01", activities="a 60 %; b"),
    lambda: _csv("id,hire_date,foo\nA,2020-01-01,1\n"),
    lambda: _csv("id,hire_date,requested_telework_day_per_week\nA,2020-01-01,1\n"),
    lambda: _csv("id,working_time\nA,90 %\n"),
    lambda: _csv('"id,hire_date\nA,2020-01-01\n'),
    lambda: _csv("id,hire_date\n" + "A" * 140_000 + ",2020-01-01\n"),
    lambda: Workforce.from_csv(io.StringIO("a,hire_date\n"), columns={"agnt": "id"}),
    lambda: Workforce.from_csv(io.StringIO("a,hire_date\n"), columns={"a": ("id", "km")}),
    lambda: Workforce.from_csv(
        io.StringIO("a,hire_date\n"), columns={"a": ("commute_distance", "kg")}
    ),
    lambda: Workforce.from_csv(io.BytesIO(b"id\nA\xff\n"), encoding="utf-8"),
    lambda: Workforce.from_records([3]),
    lambda: _columns(pattern=["a", "b"]),
    lambda: _columns(volunteer=np.array([[True]])),
    lambda: _columns(derogations=[[], []]),
    lambda: _csv("id,hire_date\nA,2020-01-01\n").take([0, 0]),
    lambda: _csv("id,hire_date\nA,2020-01-01\n").index_of("Z"),
    lambda: _criteria().ExcludedContracts(contract_types=[]),
    lambda: _criteria().HasDerogation(kinds=[]),
    lambda: (
        _criteria()
        .Predicate(name="x", function=lambda w, o: 1 / 0, text="x")
        .evaluate(_csv("id,hire_date\nA,2020-01-01\n"), "2024-01-01")
    ),
    lambda: _criteria().Volunteer().evaluate(3, "2024-01-01"),
    lambda: _criteria().Volunteer() & 3,  # type: ignore[operator]
    lambda: teletravail.explain.results.Decision.from_dict({"schema_version": 9}),
    lambda: teletravail.explain.results.result_from_dict({"kind": "x"}),
    lambda: teletravail.eligibility.selection.SelectionCampaign(seats=-1),
    lambda: teletravail.eligibility.selection.SelectionCampaign(seats=1, rank_by="x"),
    lambda: teletravail.workforce.io.read_workforce("x.xls"),
    lambda: teletravail.workforce.io.read_workforce("/nonexistent/x.csv"),
    lambda: teletravail.presets.load("lot-2031"),
    lambda: teletravail.presets.starter.starter_document(None, lang="de"),  # type: ignore[arg-type]
]


def test_the_english_words_are_found() -> None:
    said = "a.b\u00a0: attendu a list of «\u00a0the\u00a0» values [workday], trouvé « x or y »"
    assert _english_words(said) == {"list", "of", "values"}


@pytest.mark.parametrize("call", BAD_CALLS)
def test_no_english_word_in_the_french_of_the_modules(call: Callable[[], object]) -> None:
    english, french = _said(call)
    assert french != english
    assert _english_words(french) == set(), french


def _parameter(*values: tuple[str, str]) -> object:
    source = sources.Source(title="Arrêté")
    return dated.DatedParameter(
        name="rate",
        values=[
            dated.DatedValue(start=start, value=value, source=source) for start, value in values
        ],
    )


def _criteria() -> Any:
    from teletravail.eligibility import criteria

    return criteria


def test_an_error_said_in_a_phrase_is_said_in_french_and_pickles() -> None:
    error = TeletravailError(Phrase("{name!r} failed", "{name!r} a échoué", name="x"))
    assert (str(error), error.text("fr")) == ("'x' failed", "«\u00a0x\u00a0» a échoué")
    back = pickle.loads(pickle.dumps(error))
    assert back.text("fr") == error.text("fr")
    assert TeletravailError("free text").text("fr") == "free text"


# -- the bad rows of a workforce, in French --------------------------------------------------

#: A register with a bad row of each kind the CSV reader finds: a date that does not
#: exist, a bare "stagiaire", shares that do not sum to 100 %, a row with a cell too many,
#: a number with a unit in its column's name that is no number, a repeated id.
REGISTER = (
    "id,hire_date,contract_type,activities,commute_distance_km\n"
    "A,2010-01-01,contractuel,,12\n"
    "B,2010-02-30,,,\n"
    "C,2010-01-01,stagiaire,,\n"
    "D,2010-01-01,,accueil 60 %; instruction 30 %,\n"
    "E,2010-01-01,,,,8\n"
    "F,2010-01-01,,,douze\n"
    "A,2011-01-01,,,\n"
)


def test_the_bad_rows_of_a_register_in_french() -> None:
    workforce = Workforce.from_csv(io.StringIO(REGISTER), errors="report")
    assert list(workforce.ids) == ["A"]
    said = {error.row: (error.message, error.text("fr")) for error in workforce.rejected}
    typeset = {
        row: french.replace(" :", "\u00a0:").replace("« ", "«\u00a0").replace(" »", "\u00a0»")
        for row, french in {
            1: "hire_date : attendu une date qui existe, par exemple 2013-02-28, trouvé"
            " « 2010-02-30 »",
            2: "contract_type : attendu un type de contrat qui précise de quel stagiaire il"
            " s'agit : « fonctionnaire stagiaire » (un stagiaire de la fonction publique, code"
            " probationer) ou « stagiaire étudiant » (un étudiant en stage, code trainee)"
            "\u202f; « stagiaire » seul est ambigu, trouvé « stagiaire »",
            3: "activities : attendu des parts dont la somme fait 100 % (à 0,5 % près), et non"
            " 90 %, trouvé « accueil 60 %; instruction 30 % »",
            4: "cells : attendu au plus autant de cellules que l'en-tête a de colonnes, trouvé"
            " [« 8 »]",
            5: "commute_distance : attendu un nombre, en km, trouvé « douze »",
            6: "id : attendu un identifiant employé une seule fois dans l'effectif, trouvé « A »",
        }.items()
    }
    assert {row: french for row, (_, french) in said.items()} == typeset
    # the English, as it always was
    assert said[1][0] == "hire_date: expected a date that exists, e.g. 2013-02-28, got '2010-02-30'"
    assert said[6][0] == "id: expected an id used once in the workforce, got 'A'"
    assert workforce.rejected[0].to_dict()["message"] == said[1][0]
    with pytest.raises(WorkforceError) as caught:
        Workforce.from_csv(io.StringIO(REGISTER))
    assert caught.value.text("fr").startswith(
        "6 lignes invalides\u00a0: ligne 1\u00a0: " + typeset[1] + "\u202f; ligne 2\u00a0: "
    )
    assert caught.value.text("fr").endswith(" (et 1 autre)")


def test_the_bad_rows_of_columns_in_french() -> None:
    from teletravail.units import Q_

    with pytest.raises(WorkforceError) as caught:
        Workforce.from_columns(
            ids=["A", "B", "C"],
            hire_date=np.array(
                ["2020-01-01T10:00", "2020-01-01", "2020-01-01"], dtype="datetime64[m]"
            ),
            working_time=Q_(np.array([90.0, 120.0, 90.0]), "percent"),
            commute_mode=["bus", "bus", "vélo"],
        )
    rows = caught.value.errors
    assert [row.message for row in rows] == [
        "hire_date: expected a date without a time of day, got 2020-01-01T10:00",
        "working_time: expected a share in (0 %, 100 %], got 120.0",
        "commute_mode: expected one of: car_thermal, car_electric, bus, train_regional, tram,"
        " motorbike, bike, walking, got 'vélo'",
    ]
    assert [row.text("fr") for row in rows] == [
        "hire_date\u00a0: attendu une date sans heure, trouvé «\u00a02020-01-01T10:00\u00a0»",
        "working_time\u00a0: attendu une proportion de plus de 0 % et d'au plus 100 %,"
        " trouvé 120.0",
        "commute_mode\u00a0: attendu une valeur parmi car_thermal, car_electric, bus,"
        " train_regional, tram, motorbike, bike, walking, trouvé «\u00a0vélo\u00a0»",
    ]


def test_the_agents_hired_after_the_reference_date_in_french() -> None:
    from teletravail.eligibility.criteria import Volunteer

    workforce = Workforce.from_csv(io.StringIO("id,hire_date\nA,2010-01-01\nB,2014-03-01\n"))
    batch = Volunteer().evaluate(workforce, "2013-06-01", errors="report")
    (row,) = batch.errors
    assert row.message == (
        "hire_date: expected a date on or before the reference date, 1 June 2013, got 2014-03-01"
    )
    assert row.text("fr") == (
        "hire_date\u00a0: attendu une date égale ou antérieure à la date de référence, le"
        " 1er juin 2013, trouvé «\u00a02014-03-01\u00a0»"
    )


# -- every message of the package has its French ------------------------------------------

#: Every module of the package, found by walking it: each message must be written in both
#: languages, none is left out.
MODULES = sorted(str(path.relative_to(ROOT)) for path in ROOT.rglob("*.py"))

#: Calls whose ``expected`` (or ``detail``, ``message``) says what was wanted: the name
#: called, the position of that argument and its keyword.
WANTED = {
    "ValidationError": (2, "expected"),
    "DatedValueError": (2, "expected"),
    "ReferenceDateError": (2, "expected"),
    "PatternError": (2, "expected"),
    "NotPayableError": (2, "expected"),
    "UnitError": (3, "detail"),
    "Problem": (2, "expected"),
    "fail": (2, "expected"),
    "flag": (3, "expected"),
    "_Refused": (1, "expected"),
    "RowError": (3, "message"),
    "TeletravailError": (0, "message"),
    "_error": (0, "message"),
    "print_error": (0, "message"),
}


def _called(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        if func.attr == "__init__" and isinstance(func.value, ast.Call):  # super().__init__
            return "ValidationError"
        return func.attr
    return None


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _own(scope: ast.AST) -> list[ast.AST]:
    """The nodes of ``scope`` outside the functions and classes it defines."""
    found: list[ast.AST] = []
    todo = list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        found.append(node)
        if not isinstance(node, _SCOPES):
            todo.extend(ast.iter_child_nodes(node))
    return found


def _assigned(scope: ast.AST) -> dict[str, list[ast.AST]]:
    """The values each name is given in ``scope`` itself."""
    found: dict[str, list[ast.AST]] = {}
    for node in _own(scope):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, []).append(node.value)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            found.setdefault(node.target.id, []).append(node.value)
    return found


class _Module:
    """What the check knows of a module: its functions, by name."""

    def __init__(self, tree: ast.AST) -> None:
        self.functions = {
            node.name: node
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        }

    def plain_text(
        self, node: ast.AST, assigned: dict[str, list[ast.AST]], seen: frozenset[str] = frozenset()
    ) -> bool:
        """Whether ``node`` is English text alone: a string literal, an f-string, text put
        together with ``+``, ``%``, ``.format``, ``.join`` or ``or``, a name given such
        text, or a call of a function of the module that returns such text."""
        if isinstance(node, ast.Constant):
            return isinstance(node.value, str) and node.value != ""
        if isinstance(node, ast.JoinedStr):
            return True
        if isinstance(node, ast.BinOp):
            return self.plain_text(node.left, assigned, seen) or self.plain_text(
                node.right, assigned, seen
            )
        if isinstance(node, ast.BoolOp):
            return any(self.plain_text(value, assigned, seen) for value in node.values)
        if isinstance(node, ast.IfExp):
            return self.plain_text(node.body, assigned, seen) or self.plain_text(
                node.orelse, assigned, seen
            )
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in ("format", "join"):
                return isinstance(func.value, ast.Constant | ast.JoinedStr)
            if isinstance(func, ast.Name) and func.id == "str":
                return True
            if isinstance(func, ast.Name) and func.id in self.functions and func.id not in seen:
                function = self.functions[func.id]
                inner = _assigned(function)
                return any(
                    self.plain_text(found.value, inner, seen | {func.id})
                    for found in _own(function)
                    if isinstance(found, ast.Return) and found.value is not None
                )
            return False
        if isinstance(node, ast.Name) and node.id not in seen:
            return any(
                self.plain_text(value, assigned, seen | {node.id})
                for value in assigned.get(node.id, ())
            )
        return False


def _is_label(node: ast.Assign, scope: ast.AST) -> bool:
    """Whether ``node`` sets the label of a kind of document value: ``label = ...`` in a
    class body, or ``self.label = ...``."""
    for target in node.targets:
        if isinstance(target, ast.Name) and target.id == "label":
            return isinstance(scope, ast.ClassDef)
        if isinstance(target, ast.Attribute) and target.attr == "label":
            return isinstance(target.value, ast.Name) and target.value.id == "self"
    return False


def _english_only(tree: ast.AST) -> list[str]:
    """The calls of ``tree`` that say what they wanted in English only, and the labels
    (what a kind of document value is, said in messages) written in English only. A name
    is followed to the values its own scope, or an enclosing one, gives it."""
    found: list[str] = []
    module = _Module(tree)
    todo: list[tuple[ast.AST, dict[str, list[ast.AST]]]] = [(tree, {})]
    while todo:
        scope, outer = todo.pop()
        assigned = {**outer}
        for name, values in _assigned(scope).items():
            assigned[name] = [*outer.get(name, ()), *values]
        for node in _own(scope):
            if isinstance(node, _SCOPES):
                todo.append((node, assigned))
            elif isinstance(node, ast.Assign):
                if _is_label(node, scope) and module.plain_text(node.value, assigned):
                    found.append(f"line {node.lineno}: label = {ast.unparse(node.value)[:60]}")
            elif isinstance(node, ast.Call) and (name := _called(node)) in WANTED:
                position, keyword = WANTED[name]
                argument = next((k.value for k in node.keywords if k.arg == keyword), None)
                if argument is None and len(node.args) > position:
                    argument = node.args[position]
                if argument is not None and module.plain_text(argument, assigned):
                    found.append(f"line {node.lineno}: {name}({ast.unparse(argument)[:60]})")
    return sorted(set(found))


def test_every_module_is_checked() -> None:
    assert len(MODULES) > 50
    assert {
        "cli/command.py",
        "workforce/agent.py",
        "dated.py",
        "eligibility/criteria/criterion.py",
    } <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_every_message_of_every_module_has_its_french(module: str) -> None:
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    assert _english_only(tree) == []


def test_the_check_finds_english_only_messages() -> None:
    code = """
def f(x, ctx):
    hint = f"did you mean {x}?"
    if x:
        raise ValidationError("f", x, "a number")
    if x > 1:
        raise UnitError("f", x, "[length]", hint)
    ctx.fail("p", x, "one of: " + ", ".join(x))
    raise ValidationError("f", x, Phrase("a", "un"))

def wanted(x):
    if x:
        return Phrase("a", "un")
    return f"one of {x}"

def g(x, why=None):
    raise ValidationError("g", x, wanted(x))
    raise ValidationError("g", x, why or "a value")
    raise TeletravailError(f"{x} failed")
    _error("interrupted")
    raise ValidationError("g", x, why or Phrase("a", "un"))

def h(expected):
    raise ValidationError("h", 1, expected)  # another scope's name is not this one

class Kind:
    label = "a value"

    def __init__(self):
        self.label = Phrase("a", "un")
        self.label = "a table"

def k():
    label = "a local label, not a kind's"
    expected = f"shown {label}"
    def inner():
        raise ValidationError("k", 1, expected)  # the enclosing scope's name
"""
    assert [line.split(":")[0] for line in _english_only(ast.parse(code))] == [
        "line 17",
        "line 18",
        "line 19",
        "line 20",
        "line 27",
        "line 31",
        "line 37",
        "line 5",
        "line 7",
        "line 8",
    ]


def test_every_error_lives_in_errors_py_with_its_own_code() -> None:
    """Every exception of the package is defined in teletravail.errors (one place to
    find them), and each kind has its own stable code."""
    import teletravail.errors

    codes: dict[str, str] = {}
    for cls in ERROR_CLASSES:
        assert cls.__module__ == "teletravail.errors", f"{cls.__name__} in {cls.__module__}"
        code = cls.code  # type: ignore[attr-defined]
        assert code not in codes, f"{cls.__name__} and {codes[code]} share the code {code!r}"
        codes[code] = cls.__name__
        assert cls.__name__ in teletravail.errors.__all__


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_every_error_says_itself_as_json_ready_data(cls: type[BaseException]) -> None:
    """to_dict() holds the stable code and the messages in English and French, and what
    the error carries (field, value, expected; rows; problems); json.dumps takes it."""
    import json

    error = _example(cls)
    data = error.to_dict()  # type: ignore[attr-defined]
    assert data["code"] == cls.code  # type: ignore[attr-defined]
    assert data["message"] == str(error)
    assert data["message_fr"] == error.text("fr")  # type: ignore[attr-defined]
    if isinstance(error, ValidationError):
        assert data["field"] == error.field and data["expected"] == str(error.expected)
    if isinstance(error, WorkforceError):
        assert [row["row"] for row in data["errors"]] == [3, 5]
    if isinstance(error, ConfigError):
        assert [p["path"] for p in data["problems"]] == ["quota.maximum", ""]
    assert json.loads(json.dumps(data)) == data


def test_a_quantity_too_large_or_infinite_is_still_shown() -> None:
    from teletravail import Q_
    from teletravail.messages import show

    assert show(Q_(10**400, "km")).startswith("<Quantity(1000")
    assert show(Q_(10**400, "km"), "fr") == "une valeur de type Quantity"
    assert show(Q_(math.inf, "km"), "fr") == f"«{NBSP}inf km{NBSP}»"


def _public_functions_with_lang() -> dict[str, object]:
    """Every public function and method of the package that takes ``lang``, by its
    qualified name, with the annotation of ``lang`` as written."""
    import importlib
    import inspect
    import pkgutil

    import teletravail

    found: dict[str, object] = {}
    for module_info in pkgutil.walk_packages(teletravail.__path__, "teletravail."):
        if any(part.startswith("_") for part in module_info.name.split(".")[1:]):
            continue
        module = importlib.import_module(module_info.name)
        owners: list[Any] = [module]
        owners += [
            value
            for name, value in vars(module).items()
            if inspect.isclass(value)
            and value.__module__ == module.__name__
            and not name.startswith("_")
        ]
        for owner in owners:
            for name, value in vars(owner).items():
                function = (
                    value.__func__ if isinstance(value, classmethod | staticmethod) else value
                )
                if name.startswith("_") or not inspect.isfunction(function):
                    continue
                if function.__module__ != module.__name__:
                    continue
                parameter = inspect.signature(function).parameters.get("lang")
                if parameter is not None:
                    found[f"{module.__name__}.{function.__qualname__}"] = parameter.annotation
    return found


def test_no_public_function_takes_lang_as_any_text() -> None:
    """``lang`` is one type everywhere, ``teletravail.messages.Lang`` (``object`` only
    for the functions that check a value given as anything; ``Lang | None`` for the
    displays and figures, where ``None`` is the language of ``teletravail.display``)."""
    found = _public_functions_with_lang()
    assert len(found) > 40, sorted(found)
    known = ("Lang", "object", "Lang | None")
    loose = {name: note for name, note in found.items() if note not in known}
    assert not loose


@pytest.mark.parametrize(
    "call",
    [
        lambda: formats.number(1, "de"),
        lambda: unit_words.unit_words("km", "de", plural=True),
        lambda: WeeklyPattern.parse("tue").text("de"),  # type: ignore[arg-type]
        lambda: date_words(dt.date(2013, 1, 1), "de"),  # type: ignore[arg-type]
        lambda: Duration(months=3).words("de"),  # type: ignore[arg-type]
        lambda: cited("decret-2016-151").cite("de"),  # type: ignore[arg-type]
    ],
)
def test_an_unknown_language_at_a_public_edge_is_a_typed_error(call: Callable[[], object]) -> None:
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.field == "lang"
    assert caught.value.value == "de"
    assert "en, fr" in str(caught.value)
