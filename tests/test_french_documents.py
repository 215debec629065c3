"""French messages of documents and of the command line: a document with a problem of
every kind, checked by hand, the screening of JSON documents, syntax errors, documents
that cannot be read, ``check --lang fr``, and the values the library writes itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from teletravail.errors import ConfigError, ValidationError

# -- a document with many problems, in French ------------------------------------------------

#: A document with a problem for every kind of value (text, flag, number, date, quantity,
#: duration, choice, list, table, tagged table, rule, dated value, national parameter,
#: branch, factors) and for a rule of the model found when the parts are built.
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

[[allowance]]
kind = "per_day"
national = "forfait-teletravial"

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
        "ours.toml : 24 problèmes",
        "  descripton : attendu une clé de la table politique (cette clé n'existe pas) "
        "(vouliez-vous dire « description » ?), trouvé « Télétravail 2026 »",
        "  version : attendu un nombre entier de 1 à 1, trouvé 3",
        "  name : attendu un texte non vide, trouvé «  »",
        "  period.start : attendu une date qui existe, par exemple 2013-02-28, trouvé « "
        "2026-02-30 »",
        "  places[1] : attendu une valeur parmi home, telecentre, site, other (ou domicile, "
        "télécentre, tiers-lieu, autre), trouvé « jardin »",
        "  calendar.extra_days_off : attendu une liste dont chaque élément est une date, "
        "AAAA-MM-JJ, sans doublon, trouvé [« 2026-05-02 », « 2026-05-02 »]",
        "  leave.days : attendu un nombre de jours de travail (c'est une distance), comme « "
        "25 jours », trouvé « 25 km »",
        "  asks : attendu une valeur parmi refuse, reduce (vouliez-vous dire « refuse » ?), "
        "trouvé « refus »",
        "  authorisation.duration : attendu une durée comme « 1 an 6 mois », « 2 semaines » "
        "ou « P1Y6M », trouvé « un siècle »",
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
        "  allowance[4].national : attendu une valeur parmi forfait-teletravail, "
        "urssaf-per-day, urssaf-per-day-collective-agreement (vouliez-vous dire « "
        "forfait-teletravail » ?), trouvé « forfait-teletravial »",
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
        "ours.toml: 24 problems",
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
    assert english.stdout.splitlines()[:2] == ["good.toml: ok (Bon, Lot)", "ours.toml: 24 problems"]


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
