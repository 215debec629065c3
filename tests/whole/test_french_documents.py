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
        "AAAA-MM-JJ, sans doublon (« 2026-05-02 » est écrit deux fois), trouvé "
        "[« 2026-05-02 », « 2026-05-02 »]",
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
        "trouvé « 50\u00a0% »",
        "  populations[0].eligibility.rule : attendu la règle à laquelle l'exception "
        "s'applique (absente), aucune valeur trouvée",
    ]
)


def _typeset(text: str) -> str:
    """French typography: a no-break space before a colon and inside guillemets, a
    narrow one before a question mark and a semicolon."""
    return (
        text.replace(" :", "\u00a0:")
        .replace("« ", "«\u00a0")
        .replace(" »", "\u00a0»")
        .replace(" ?", "\u202f?")
        .replace(" ;", "\u202f;")
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


#: A document whose problems come from the modules the document format calls on: dates,
#: durations, dated values, sources, contract types, criteria and populations.
DATES_AND_RULES = """\
format = "teletravail.policy"
name = "Université"
territory = "Université de Lorraine"

[period]
start = "2024-01-01"
end = "2024-02-30"

[eligibility]
all_of = [
  { criterion = "seniority.minimum", minimum = "3 moiss" },
  { criterion = "contract_type.excluded", contract_types = ["apprenti", "stagiaire"] },
  { criterion = "seniority.minimun", minimum = "3 mois" },
  { criterion = "role.excluded" },
  { criterion = "volunteer", source = { title = "Délibération", seed = "004_abc.txt" } },
]

[quota]
maximum = "2 jours/semaine"

[[allowance]]
kind = "per_day"
rate = [
  { start = "2024-01-01", value = "2,88 €/jour" },
  { start = "2023-01-01", value = "2,50 €/jour" },
]

[[populations]]
name = "temps partiel"
members = { working_time = { low = "50 %", high = "120 %" } }
"""

#: What ``check --lang fr`` says of it, read and checked line by line (plain spaces, as
#: above).
DATES_AND_RULES_FR = "\n".join(
    [
        "universite.toml : 8 problèmes",
        "  period.end : attendu une date qui existe, par exemple 2013-02-28, trouvé « 2024-02-30 »",
        "  eligibility.all_of[0].minimum : attendu une durée comme « 1 an 6 mois », « 2 semaines"
        " » ou « P1Y6M », trouvé « 3 moiss »",
        "  eligibility.all_of[1].contract_types[1] : attendu un type de contrat qui précise de"
        " quel stagiaire il s'agit : « fonctionnaire stagiaire » (un stagiaire de la fonction"
        " publique, code probationer) ou « stagiaire étudiant » (un étudiant en stage, code"
        " trainee) ; « stagiaire » seul est ambigu, trouvé « stagiaire »",
        "  eligibility.all_of[2].criterion : attendu une valeur parmi seniority.minimum,"
        " working_time.minimum, role.excluded, commute_distance.minimum, commute_time.minimum,"
        " volunteer, post.teleworkable, derogation.active, contract_type.excluded,"
        " activities.excluded, activities.teleworkable_share (vouliez-vous dire «"
        " seniority.minimum » ?), trouvé « seniority.minimun »",
        "  eligibility.all_of[3].roles : attendu au moins une fonction ou une étiquette exclue,"
        " trouvé []",
        "  eligibility.all_of[4].source.seed : attendu l'article cité par son titre, sa"
        " publication et sa date au lieu de la clé « seed », qui n'est plus lue (par exemple"
        ' publication = "La Gazette des communes", date = "2012-07-06"), trouvé « 004_abc.txt »',
        "  allowance[0].rate.values[1].start : attendu un début postérieur au 2024-01-01 (dates"
        " de début dans le désordre), trouvé « 2023-01-01 »",
        "  populations[0].members.working_time.high : attendu un temps de travail de 0 % à 100 %,"
        " trouvé « 120\u00a0% »",
    ]
)


def test_a_document_of_dates_rules_and_sources_in_french() -> None:
    error = _problems(DATES_AND_RULES, "universite.toml")
    assert error.text("fr") == _typeset(DATES_AND_RULES_FR)
    assert str(error).splitlines()[1:4] == [
        "  period.end: expected a date that exists, e.g. 2013-02-28, got '2024-02-30'",
        "  eligibility.all_of[0].minimum: expected a duration such as 'P1Y6M' or"
        " '1 year 6 months', got '3 moiss'",
        "  eligibility.all_of[1].contract_types[1]: expected a contract type that says which"
        " kind of 'stagiaire': 'fonctionnaire stagiaire' (a probationary civil servant:"
        " probationer) or 'stagiaire étudiant' (a student intern: trainee); 'stagiaire' alone"
        " is ambiguous, got 'stagiaire'",
    ]
    for line in _every_problem(error):
        assert _english_words(line) == set(), line


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

    table = c.document_table()  # the test walks the format's own description
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


def test_every_kind_of_value_says_what_it_is_in_french() -> None:
    """Each kind of value of the document format names itself in French, without an
    English word (its label is the start of every problem about it)."""
    from teletravail import config
    from teletravail.messages import Phrase

    for kind in _kinds(config):
        label = kind.label  # type: ignore[attr-defined]
        assert isinstance(label, Phrase), (kind, label)
        assert _english_words(label.text("fr")) == set(), label.text("fr")


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


def test_check_of_dates_rules_and_sources_in_french_from_the_command_line(
    tmp_path: Path,
) -> None:
    (tmp_path / "universite.toml").write_text(DATES_AND_RULES, encoding="utf-8")
    french = subprocess.run(
        [sys.executable, "-m", "teletravail", "check", "universite.toml", "--lang", "fr"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert french.returncode == 1
    assert french.stdout == _typeset(DATES_AND_RULES_FR + "\n")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from teletravail.cli import main

    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_errors_of_a_command_with_lang_are_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(["new", "--from", "lot-2031", "--lang", "fr"], capsys)
    assert code == 1
    assert err == _typeset(
        "teletravail : erreur : preset : attendu une valeur parmi cantal-2012, lot-2011,"
        " lot-2013, lozere-2015, private-sector, public-service (vouliez-vous dire « lot-2013"
        " » ?), trouvé « lot-2031 »\n"
    )
    code, _, err = _run(["new", "--from", "lot-2031"], capsys)
    assert err.startswith("teletravail: error: preset: expected one of: cantal-2012, ")
    code, _, err = _run(["bilan", "lot-2013", str(tmp_path / "absent.csv"), "--lang", "fr"], capsys)
    assert code == 1
    assert err == _typeset(
        f"teletravail : erreur : source : attendu un fichier lisible (ce fichier n'existe pas),"
        f" trouvé « {tmp_path / 'absent.csv'} »\n"
    )


@pytest.mark.parametrize(
    ("raised", "code", "english", "french"),
    [
        (
            KeyboardInterrupt(),
            130,
            "teletravail: error: interrupted (no output file is left half-written)",
            "teletravail : erreur : interrompu (aucun fichier de sortie n'est laissé à moitié"
            " écrit)",
        ),
        (
            PermissionError(13, "Permission denied", "agents.csv"),
            1,
            "teletravail: error: agents.csv: Permission denied",
            "teletravail : erreur : agents.csv : accès refusé",
        ),
    ],
)
def test_a_command_stopped_says_why_in_its_language(
    raised: BaseException,
    code: int,
    english: str,
    french: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from teletravail.cli import bilan

    def stopped(args: object) -> int:
        raise raised

    monkeypatch.setattr(bilan, "run", stopped)
    assert _run(["bilan", "lot-2013", "--lang", "fr"], capsys)[::2] == (
        code,
        _typeset(french) + "\n",
    )
    assert _run(["bilan", "lot-2013"], capsys)[::2] == (code, english + "\n")


def test_bilan_in_french_says_the_bad_rows_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    staff = tmp_path / "agents.csv"
    staff.write_text(
        "id,hire_date,working_time,contract_type\n"
        "A,2010-01-01,90 %,contractuel\n"
        "B,2010-02-30,80 %,\n"
        "C,2010-01-01,80 %,stagiaire\n"
        "D,2014-01-01,80 %,\n",
        encoding="utf-8",
    )
    code, out, _ = _run(
        ["bilan", "lot-2013", str(staff), "--on", "2013-06-01", "--lang", "fr"], capsys
    )
    assert code == 0
    rows = [line for line in out.splitlines() if line.startswith("  ligne ")]
    assert rows == [
        _typeset(line)
        for line in [
            "  ligne 1 : hire_date : attendu une date qui existe, par exemple 2013-02-28, trouvé"
            " « 2010-02-30 »",
            "  ligne 2 : contract_type : attendu un type de contrat qui précise de quel stagiaire"
            " il s'agit : « fonctionnaire stagiaire » (un stagiaire de la fonction publique, code"
            " probationer) ou « stagiaire étudiant » (un étudiant en stage, code trainee) ; «"
            " stagiaire » seul est ambigu, trouvé « stagiaire »",
            "  ligne 3 : hire_date : attendu une date égale ou antérieure à la date de référence,"
            " le 1er juin 2013, trouvé « 2014-01-01 »",
        ]
    ]
    code, out, _ = _run(["bilan", "lot-2013", str(staff), "--on", "2013-06-01"], capsys)
    assert "  row 1: hire_date: expected a date that exists, e.g. 2013-02-28, got" in out


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
        "pattern : attendu au plus 1 jour par semaine le 1er janvier 2024 (maximum de télétravail),"
        " trouvé « 2 jours par semaine »"
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
