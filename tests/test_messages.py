"""Messages in English and in French: phrases, the errors that frame them, the modules
whose every message has its French, and ``check --lang fr``."""

from __future__ import annotations

import ast
import datetime as dt
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import teletravail
from teletravail import errors
from teletravail.errors import (
    ConfigError,
    NoValueInForceError,
    Problem,
    RowError,
    TeletravailError,
    UnitError,
    ValidationError,
    WorkforceError,
)
from teletravail.messages import NBSP, NNBSP, Phrase, counted, show, text_of

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


# -- the modules whose messages all have their French -------------------------------------

#: The modules whose every message is written in both languages. The modules not yet
#: listed (the workforce, its readers, eligibility, dated values, the presets, the
#: command line) are converted in a second pass.
CONVERTED = (
    "_checks.py",
    "_syntax.py",
    "allowance/__init__.py",
    "allowance/components.py",
    "allowance/forfait.py",
    "allowance/money.py",
    "allowance/national.py",
    "allowance/payments.py",
    "allowance/presets.py",
    "allowance/urssaf.py",
    "config.py",
    "conformity.py",
    "distributed.py",
    "errors.py",
    "impact/__init__.py",
    "impact/commute.py",
    "impact/economics.py",
    "impact/factors.py",
    "impact/report.py",
    "messages.py",
    "outputs.py",
    "policy.py",
    "populations.py",
    "samples.py",
    "scheduling/__init__.py",
    "scheduling/calendar.py",
    "scheduling/checks.py",
    "scheduling/days.py",
    "scheduling/leave.py",
    "scheduling/planning.py",
    "scheduling/presets.py",
    "scheduling/quota.py",
    "scheduling/schedule.py",
    "scheduling/telecentre.py",
    "spans.py",
    "sweep.py",
    "synthetic.py",
    "tables.py",
    "terms.py",
    "units.py",
    "week.py",
)
#: Parts of config.py that other work changes now, left for the second pass.
CONFIG_LEFT = ("_criteria", "SourceKind", "_dump_source", "_stated", "SourceList")

#: Calls whose ``expected`` (or ``detail``) says what was wanted: the name called, the
#: position of that argument and its keyword.
WANTED = {
    "ValidationError": (2, "expected"),
    "DatedValueError": (2, "expected"),
    "ReferenceDateError": (2, "expected"),
    "PatternError": (2, "expected"),
    "NotPayableError": (2, "expected"),
    "UnitError": (3, "detail"),
    "Problem": (2, "expected"),
    "fail": (2, "expected"),
    "_Refused": (1, "expected"),
    "RowError": (3, "message"),
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


def _plain_text(
    node: ast.AST, assigned: dict[str, list[ast.AST]], seen: frozenset[str] = frozenset()
) -> bool:
    """Whether ``node`` is English text alone: a string literal, an f-string, text put
    together with ``+``, ``%``, ``.format`` or ``.join``, or a name given such text."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value != ""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _plain_text(node.left, assigned, seen) or _plain_text(node.right, assigned, seen)
    if isinstance(node, ast.IfExp):
        return _plain_text(node.body, assigned, seen) or _plain_text(node.orelse, assigned, seen)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in ("format", "join"):
            return isinstance(func.value, ast.Constant | ast.JoinedStr)
        return isinstance(func, ast.Name) and func.id == "str"
    if isinstance(node, ast.Name) and node.id not in seen:
        return any(_plain_text(v, assigned, seen | {node.id}) for v in assigned.get(node.id, ()))
    return False


def _english_only(tree: ast.AST, skip: tuple[str, ...] = ()) -> list[str]:
    found: list[str] = []
    scopes = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Module)
    ]
    skipped: set[int] = set()
    for scope in scopes:
        if getattr(scope, "name", None) in skip:
            skipped.update(id(node) for node in ast.walk(scope))
    for scope in scopes:
        if id(scope) in skipped:
            continue
        assigned: dict[str, list[ast.AST]] = {}
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        assigned.setdefault(target.id, []).append(node.value)
            elif (
                isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value
            ):
                assigned.setdefault(node.target.id, []).append(node.value)
        for node in ast.walk(scope):
            if not isinstance(node, ast.Call) or id(node) in skipped:
                continue
            name = _called(node)
            if name not in WANTED:
                continue
            position, keyword = WANTED[name]
            argument = next((k.value for k in node.keywords if k.arg == keyword), None)
            if argument is None and len(node.args) > position:
                argument = node.args[position]
            if argument is not None and _plain_text(argument, assigned):
                found.append(f"line {node.lineno}: {name}({ast.unparse(argument)[:60]})")
    return sorted(set(found))


@pytest.mark.parametrize("module", CONVERTED)
def test_every_message_of_a_converted_module_has_its_french(module: str) -> None:
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    skip = CONFIG_LEFT if module == "config.py" else ()
    assert _english_only(tree, skip) == []


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
"""
    assert [line.split(":")[0] for line in _english_only(ast.parse(code))] == [
        "line 5",
        "line 7",
        "line 8",
    ]


# -- a document with many problems, in French ------------------------------------------------

#: A document with a problem for every kind of value (text, flag, number, date, quantity,
#: duration, choice, list, table, tagged table, rule, dated value, branch, factors) and
#: for a rule of the model found when the parts are built.
MANY_PROBLEMS = """\
format = "teletravail.policy"
version = 3
name = ""
territory = "Conseil départemental"
descripton = "Télétravail 2026"
asks = "refus"
places = ["domicile", "jardin"]

[period]
start = "2026-02-30"

[calendar]
extra_days_off = ["2026-05-02", "2026-05-02"]

[leave]
days = "25 km"

[authorisation]
duration = "un siècle"
employer_may_shorten = "oui"

[eligibility]
all_of = []

[quota]
maximum = "3"
minimun = "1 jour/semaine"
granularity = "jours"
caps = "2 jours"

[[allowance]]
kind = "per_dai"

[[allowance]]
kind = "one_off"
name = "équipement"

[[allowance]]
kind = "per_day"
rate = 2.88

[[allowance]]
kind = "per_day"
national = "forfait-teletravail"
branch = "régionale"

[impact]
speed = 50
factors = { velo = "0 kg CO2e/km" }

[[populations]]
name = "enseignants"
members = { working_time = { low = "90 %", high = "50 %" } }
eligibility = { unless = { criterion = "volunteer" } }
"""

#: What ``check --lang fr`` says of it, read and checked line by line (written here with
#: plain spaces; :func:`_typeset` puts the no-break spaces French typography asks for).
MANY_PROBLEMS_FR = "\n".join(
    [
        "ours.toml : 23 problèmes",
        "  descripton : attendu une clé de la table politique (cette clé n'existe pas) "
        "(vouliez-vous dire « description » ?), trouvé « Télétravail 2026 »",
        "  version : attendu un nombre entier de 1 à 1, trouvé 3",
        "  name : attendu un texte non vide, trouvé «  »",
        "  period.start : attendu une date qui existe, écrite AAAA-MM-JJ, du 1900-01-01 au "
        "9990-12-31, trouvé « 2026-02-30 »",
        "  places[1] : attendu une valeur parmi home, telecentre, site, other (ou domicile, "
        "télécentre, tiers-lieu, autre), trouvé « jardin »",
        "  calendar.extra_days_off : attendu une liste dont chaque élément est une date, "
        "AAAA-MM-JJ, sans doublon, trouvé [« 2026-05-02 », « 2026-05-02 »]",
        "  leave.days : attendu un nombre de jours de travail (c'est une distance), comme « "
        "25 jours », trouvé « 25 km »",
        "  asks : attendu une valeur parmi refuse, reduce (vouliez-vous dire « refuse » ?), "
        "trouvé « refus »",
        "  authorisation.duration : attendu une durée comme « 1 an », « 6 mois », « 2 "
        "semaines » ou « P1Y6M », d'au plus 1000 ans, trouvé « un siècle »",
        "  authorisation.employer_may_shorten : attendu true ou false, trouvé « oui »",
        "  eligibility.all_of : attendu une liste dont chaque élément est une règle, avec au "
        "moins un élément, trouvé []",
        "  quota.minimun : attendu une clé de la table quota (cette clé n'existe pas) "
        "(vouliez-vous dire « minimum » ?), trouvé « 1 jour/semaine »",
        "  quota.maximum : attendu un nombre de jours de travail par période (c'est un "
        "nombre sans dimension : comptez le télétravail en jours de travail, « jours/semaine "
        "», un « day » durant 24 heures), comme « 3 jours/semaine », trouvé « 3 »",
        "  quota.granularity : attendu une valeur parmi day, halfday (ou jour, demi-journée) "
        "(vouliez-vous dire « jour » ?), trouvé « jours »",
        "  quota.caps : attendu une table aux clés week, month, year, source, trouvé « 2 jours »",
        "  allowance[0].kind : attendu une valeur parmi one_off, per_day, monthly_flat, "
        "employer_cost (vouliez-vous dire « per_day » ?), trouvé « per_dai »",
        "  allowance[1].amount : attendu une quantité comme « 100 € » (clé manquante), "
        "aucune valeur trouvée",
        "  allowance[2].rate : attendu une quantité comme « 2,88 €/jour » ou une liste de "
        "valeurs datées, trouvé 2.88",
        "  allowance[3].branch : attendu une valeur parmi state, territorial, hospital, "
        "État, territoriale, hospitalière, FPE, FPT, FPH, trouvé « régionale »",
        "  impact.speed : attendu une quantité avec son unité, comme « 50 km/h », trouvé 50",
        "  impact.factors.velo : attendu un mode de déplacement, trouvé « 0 kg CO2e/km »",
        "  populations[0].members.working_time.high : attendu au moins la borne basse, 90 %, "
        "trouvé « 50 % »",
        "  populations[0].eligibility.rule : attendu la règle à laquelle l'exception "
        "s'applique (absente), aucune valeur trouvée",
    ]
)


def _typeset(text: str) -> str:
    """French typography: a no-break space before a colon and inside guillemets, a
    narrow one before a question mark."""
    return (
        text.replace(" :", "\u00a0:")
        .replace("« ", "«\u00a0")
        .replace(" »", "\u00a0»")
        .replace(" ?", "\u202f?")
    )


def _problems(text: str, name: str = "ours.toml", syntax: str = "toml") -> ConfigError:
    from teletravail import config

    with pytest.raises(ConfigError) as caught:
        config.loads(text, format=syntax, origin=name)  # type: ignore[arg-type]
    return caught.value


def test_a_document_with_many_problems_in_french() -> None:
    error = _problems(MANY_PROBLEMS)
    assert error.text("fr") == _typeset(MANY_PROBLEMS_FR)
    assert str(error).splitlines()[:3] == [
        "ours.toml: 23 problems",
        "  descripton: expected a key of policy (no such key) (did you mean 'description'?),"
        " got 'Télétravail 2026'",
        "  version: expected a whole number from 1 to 1, got 3",
    ]


#: Words of the library's English messages that are no French word, code or unit.
ENGLISH = frozenset(
    {
        "expected", "got", "nothing", "such", "the", "and", "with", "missing", "did", "mean",
        "more", "its", "least", "without", "repeats", "above", "quantity", "string", "whole",
        "share", "workday", "of", "or", "is", "must",
    }
)  # fmt: skip


def _english_words(text: str) -> set[str]:
    """The English words of a French message, once the values it quotes are left out."""
    import re

    unquoted = re.sub(r"«\u00a0.*?\u00a0»", " ", text)
    return {word for word in re.findall(r"[\w'’-]+", unquoted) if word.lower() in ENGLISH}


def _every_problem(error: ConfigError) -> list[str]:
    return [problem.text("fr") for problem in error.problems]


def test_no_english_word_in_the_french_of_the_document() -> None:
    for line in _every_problem(_problems(MANY_PROBLEMS)):
        assert _english_words(line) == set(), line
        assert " :" not in line and "'" not in line.split("trouvé")[-1]


def test_the_screening_of_a_json_document_in_french() -> None:
    text = (
        '{"name": "A", "name": "B", "territory": NaN, "period": {"start": "2026-01-01"},'
        ' "eligibility": {"criterion": "volunteer"}, "leave": {"days": '
        + "9" * 40
        + '}, "": 1, "impact": {"speed": 1e999}}'
    )
    error = _problems(text, "ours.json", "json")
    assert error.text("fr") == _typeset(
        "ours.json : 5 problèmes\n"
        "  name : attendu une clé écrite une seule fois (elle l'est deux fois), trouvé « B »\n"
        "  territory : attendu un nombre que JSON admet (NaN et Infinity n'en sont pas),"
        " trouvé « NaN »\n"
        "  leave.days : attendu un nombre entier d'au plus 30 chiffres,"
        " trouvé « 999999999999… (40 chiffres) »\n"
        "  [''] : attendu une clé qui soit un mot (non vide, en UTF-8), trouvé 1\n"
        "  impact.speed : attendu un nombre fini, trouvé « 1e999 »"
    )
    for line in _every_problem(error):
        assert _english_words(line) == set(), line


@pytest.mark.parametrize(
    ("text", "syntax", "french"),
    [
        ("name = 'A'\nname = 'B'\n", "toml", "une clé ne peut pas recevoir une seconde valeur"),
        ("[quota]\n[quota]\n", "toml", "la table « quota » est déclarée deux fois"),
        ("quota = {maximum = 1, maximum = 2}\n", "toml", "clé « maximum » écrite deux fois"),
        ("name 'A'\n", "toml", "« = » manque après une clé"),
        ("[quota\n", "toml", "« ] » manque à la fin d'un en-tête de table"),
        ("[[allowance]\n", "toml", "« ]] » manque à la fin d'un en-tête de tableau de tables"),
        ("name = 'A' territory = 'B'\n", "toml", "une fin de ligne ou de document doit suivre"),
        ("places = ['home'\n", "toml", "liste non fermée (à la fin du document)"),
        ("quota = {maximum = 1\n", "toml", "table en ligne non fermée"),
        ('name = "A\\q"\n', "toml", "« \\ » non échappé dans une chaîne"),
        ('name = "A', "toml", "chaîne non terminée (à la fin du document)"),
        ('name = "\\UFFFFFFFF"\n', "toml", "n'est pas une valeur scalaire Unicode"),
        ('name = "\\u00ZZ"\n', "toml", "valeur hexadécimale invalide"),
        ("name = tru\n", "toml", "valeur invalide"),
        ("= 1\n", "toml", "instruction invalide"),
        ('name = "A\x01"\n', "toml", "caractère interdit « \\x01 »"),
        ("quota = {maximum = 1}\nquota.minimum = 2\n", "toml", "l'espace de noms « quota »"),
        ("[a.b]\nc = 1\n[a]\nb.d = 2\n", "toml", "l'espace de noms « a.b » ne peut pas"),
        ('{"name": "A" "b": 2}', "json", "le séparateur « , » manque"),
        ('{"name" 1}', "json", "le séparateur « : » manque"),
        ("{'name': 1}", "json", "un nom de clé entre guillemets droits"),
        ('{"name', "json", "chaîne non terminée"),
        ('{"name": "\x01"}', "json", "caractère de contrôle interdit"),
        ('{"name": "\\q"}', "json", "séquence d'échappement invalide"),
        ('{"name": "\\u12"}', "json", "séquence \\uXXXX invalide"),
        ("{} {}", "json", "du texte suit la fin du document"),
        ("[1,]", "json", "une valeur manque"),
    ],
)
def test_syntax_errors_in_french(text: str, syntax: str, french: str) -> None:
    error = _problems(text, syntax=syntax)
    (problem,) = error.problems
    said = problem.text("fr")
    assert _typeset(french) in said, said
    assert "erreur de syntaxe" not in said
    assert said.startswith(f"(document)\u00a0: attendu du {syntax.upper()} valide")
    assert _english_words(said) == set(), said


def test_an_unknown_parser_sentence_is_a_syntax_error_in_french() -> None:
    from teletravail._syntax import parser_message

    said = parser_message("Something new")
    assert (said, said.text("fr")) == ("Something new", "erreur de syntaxe")


def test_documents_that_cannot_be_read_in_french(tmp_path: Path) -> None:
    from teletravail import config

    with pytest.raises(ConfigError) as caught:
        config.load(tmp_path / "missing.toml")
    assert "un fichier lisible (ce fichier n'existe pas)" in caught.value.text("fr")
    with pytest.raises(ConfigError) as caught:
        config.loads(b"name = '\xff'")
    assert caught.value.text("fr") == _typeset(
        "<string> : 1 problème\n"
        "  (document) : attendu du texte en UTF-8 à la ligne 1, colonne 9, trouvé « octets ff »"
    )
    with pytest.raises(ConfigError) as caught:
        config.loads(b" " * (config.MAX_BYTES + 1))
    assert "un document d'au plus 1000000 octets, trouvé «\u00a01000001 octets\u00a0»" in (
        caught.value.text("fr")
    )


def test_the_french_examples_of_quantities_read_as_the_english_ones() -> None:
    """Every quantity of the document format is shown in French by an example that the
    reader takes for the English one."""
    from teletravail import config
    from teletravail.units import as_quantity

    seen = 0
    for kind in _kinds(config):
        if isinstance(kind, config.Amount):
            english = as_quantity(kind.example, field="example", dimension=kind.dimension)
            french = as_quantity(kind.french, field="example", dimension=kind.dimension)
            assert french == english, (kind.example, kind.french)
            assert _english_words(kind.label.text("fr")) == set()  # type: ignore[attr-defined]
            seen += 1
    assert seen > 20


def _kinds(config: object) -> list[object]:
    """Every kind of value the document format holds, walked from the whole document."""
    from teletravail import config as c

    table = c._document_table()  # the test walks the format's own description
    found: list[object] = []
    todo: list[object] = [table]
    seen: set[int] = set()
    while todo:
        kind = todo.pop()
        if id(kind) in seen:
            continue
        seen.add(id(kind))
        found.append(kind)
        if isinstance(kind, c.Table):
            todo.extend(key.kind for key in kind.keys)
        elif isinstance(kind, c.ListOf):
            todo.append(kind.item)
        elif isinstance(kind, c.Tagged):
            todo.extend(table for _, table in kind.variants.values())
        elif isinstance(kind, c.DatedKind):
            todo.extend([kind.amount, kind.entry, kind.whole])
        elif isinstance(kind, c.FactorsKind):
            todo.extend(kind.kinds.values())
        elif isinstance(kind, c.Ref):
            todo.append(kind.target())
        elif isinstance(kind, c.RuleKind):
            todo.append(kind.criteria)
    return found


# -- the command line --------------------------------------------------------------------------


def test_check_in_french_from_the_command_line(tmp_path: Path) -> None:
    bad = tmp_path / "ours.toml"
    bad.write_text(MANY_PROBLEMS, encoding="utf-8")
    good = tmp_path / "good.toml"
    good.write_text(
        'name = "Bon"\nterritory = "Lot"\nperiod = { start = "2026-01-01" }\n'
        'eligibility = { criterion = "volunteer" }\n',
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "teletravail", "check", "good.toml", "ours.toml"]
    french = subprocess.run(
        [*command, "--lang", "fr"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert french.returncode == 1
    assert french.stdout == _typeset(
        "good.toml : aucun problème (Bon, Lot)\n" + MANY_PROBLEMS_FR + "\n"
    )
    english = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert english.stdout.splitlines()[:2] == ["good.toml: ok (Bon, Lot)", "ours.toml: 23 problems"]


# -- values the library writes itself --------------------------------------------------------


def test_patterns_and_quantities_found_are_written_in_french_words() -> None:
    from teletravail import Agent
    from teletravail.scheduling.planning import plan
    from teletravail.scheduling.quota import Quota
    from teletravail.week import WeeklyPattern

    agent = Agent(id="A", hire_date="2020-01-01", working_time="80 %")
    with pytest.raises(ValidationError) as caught:
        Quota(maximum="1 workday/week").check(WeeklyPattern.parse("sat"), agent, "2024-01-01")
    assert str(caught.value) == (
        "pattern: expected telework on working weekdays, not on weekday 5, got 'Sat @ home'"
    )
    assert caught.value.text("fr") == _typeset(
        "pattern : attendu du télétravail les jours travaillés, pas le samedi,"
        " trouvé « sam @ domicile »"
    )
    with pytest.raises(ValidationError) as caught:
        plan(
            WeeklyPattern.parse("mon, tue"),
            "2024-01-01",
            "2024-01-31",
            agent=agent,
            quota=Quota(maximum="1 workday/week"),
        )
    assert caught.value.text("fr") == _typeset(
        "pattern : attendu au plus 1 jour / semaine le 2024-01-01 (quota.maximum),"
        " trouvé « 2 jours / semaine »"
    )


@pytest.mark.parametrize(
    "text", ["tue @ home, thu am @ telecentre:Figeac", "mon pm @ site, fri @ other", "none"]
)
def test_a_pattern_in_french_reads_back(text: str) -> None:
    from teletravail.week import WeeklyPattern

    pattern = WeeklyPattern.parse(text)
    assert WeeklyPattern.parse(pattern.text("fr")) == pattern
    assert pattern.text("en") == str(pattern)
    assert _english_words(pattern.text("fr")) == set()
