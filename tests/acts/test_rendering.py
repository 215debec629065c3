"""Rendering acts and information documents: hand-written expected texts, every mandatory
mention in every rendering, replaced templates, well-formed and escaped HTML, bad
input."""

from __future__ import annotations

import html.parser
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings

from teletravail.acts import (
    ACT_MENTIONS,
    DOCUMENT_MENTIONS,
    FORMATS,
    MENTIONS_SOURCE,
    TEMPLATE_NAMES,
    IndividualAct,
    Mention,
    MissingMentionError,
    Teleworker,
    missing_mention,
    template_name,
)
from teletravail.acts.rendering import check_format, upper_first
from teletravail.errors import ValidationError

from ..strategies import individual_acts
from . import lot_act, lot_document

NBSP, NNBSP = "\u00a0", "\u202f"

EXPECTED_FR = f"""\
# Arrêté portant autorisation d'exercer ses fonctions en télétravail

Conseil départemental du Lot (Lot)

Le présent arrêté autorise Claire Martin, juriste, matricule A-17, à exercer une partie \
de ses fonctions en télétravail dans les conditions qui suivent, en application des \
règles «{NBSP}Télétravail au conseil départemental du Lot{NBSP}».

## Article 1 – Fonctions exercées en télétravail

Rédaction et suivi des marchés publics.

## Article 2 – Lieux d'exercice du télétravail

Le télétravail s'exerce à domicile et au télécentre de Figeac.

## Article 3 – Modalités du télétravail

Jours fixes{NBSP}: mardi à domicile, jeudi au télécentre de Figeac.

## Article 4 – Durée

Durée de l'autorisation{NBSP}: 1 an, jusqu'au 31 août 2026 inclus, renouvelable \
tacitement 2 fois au plus.

## Article 5 – Plages horaires pendant lesquelles l'agent peut être joint

Pendant ses jours de télétravail, l'agent reste joignable par l'employeur de \
9{NBSP}h{NBSP}30 à 12{NBSP}h et de 14{NBSP}h à 17{NBSP}h.

## Article 6 – Date de prise d'effet

Le télétravail prend effet le 1er septembre 2025.

## Article 7 – Période d'adaptation

Période d'adaptation{NBSP}: 3 mois, jusqu'au 30 novembre 2025 inclus.

## Article 8 – Fin du télétravail et recours

Chacune des parties peut mettre fin au télétravail à tout moment et par écrit, \
moyennant un préavis de 2 mois lorsque la demande émane de l'agent et de 2 mois \
lorsqu'elle émane de l'employeur, ramené à 1 mois pendant la période d'adaptation. \
L'employeur peut réduire ce délai en cas de nécessité du service dûment motivée.

Le refus d'une demande de télétravail et la fin du télétravail à l'initiative de \
l'employeur peuvent être portés par l'agent devant la commission administrative \
paritaire (CAP).

## Article 9 – Textes appliqués

- Décret n° 2016-151 du 11 février 2016, art. 8

Fait à Cahors, le 15 août 2025.

Pour l'employeur, Le Président

L'agent, Claire Martin
"""

EXPECTED_EN = """\
# Order authorising telework

Conseil départemental du Lot (Lot)

This order authorises Claire Martin, juriste, staff number A-17, to perform part of \
their duties in telework on the terms below, under the rules "Télétravail au conseil \
départemental du Lot".

## Article 1 – Duties performed in telework

Drafting and follow-up of public contracts.

## Article 2 – Places of telework

Telework takes place at home and at the Figeac télécentre.

## Article 3 – Modality of telework

Fixed days: Tuesday at home, Thursday at the Figeac télécentre.

## Article 4 – Duration

Duration of the authorisation: 1 year, until 31 August 2026 inclusive, renewable \
tacitly at most 2 times.

## Article 5 – Hours when the agent can be reached

On telework days, the agent can be reached by the employer from 9:30 to 12:00 and \
from 14:00 to 17:00.

## Article 6 – Start date

Telework starts on 1 September 2025.

## Article 7 – Adaptation period

Adaptation period: 3 months, until 30 November 2025 inclusive.

## Article 8 – Ending telework and appeal

Either party may end telework at any time, in writing, with notice of 2 months when \
the agent ends it and 2 months when the employer does, reduced to 1 month during the \
adaptation period. The employer may shorten its notice for a need of the service, \
stating its reasons.

A refusal of a request to telework, and an ending at the employer's initiative, may be \
brought by the agent before the joint administrative committee (CAP).

## Article 9 – Texts applied

- Décret n° 2016-151 du 11 février 2016, art. 8

Signed at Cahors on 15 August 2025.

For the employer, Le Président

The agent, Claire Martin
"""

#: Each mention of :func:`lot_act` and :func:`lot_document` as written by hand.
BY_HAND = {
    "fr": {
        Mention.DUTIES: "rédaction et suivi des marchés publics",
        Mention.PLACES: "à domicile et au télécentre de Figeac",
        Mention.MODALITY: f"jours fixes{NBSP}: mardi à domicile, jeudi au télécentre de Figeac",
        Mention.DURATION: "1 an, jusqu'au 31 août 2026 inclus, renouvelable tacitement 2 fois"
        " au plus",
        Mention.HOURS: f"de 9{NBSP}h{NBSP}30 à 12{NBSP}h et de 14{NBSP}h à 17{NBSP}h",
        Mention.START: "1er septembre 2025",
        Mention.ADAPTATION: "3 mois, jusqu'au 30 novembre 2025 inclus",
        Mention.WORKING_TIME: f"Vos horaires restent ceux de votre service{NNBSP}; vous les"
        " saisissez dans l'outil de gestion du temps.",
        Mention.EQUIPMENT: "Un ordinateur portable et un casque",
        Mention.HEALTH_SAFETY: "Les règles de santé et de sécurité au travail",
        Mention.DATA_PROTECTION: "N'utilisez que le matériel fourni",
        Mention.ENDING: "moyennant un préavis de 2 mois",
    },
    "en": {
        Mention.DUTIES: "drafting and follow-up of public contracts",
        Mention.PLACES: "at home and at the Figeac télécentre",
        Mention.MODALITY: "Fixed days: Tuesday at home, Thursday at the Figeac télécentre",
        Mention.DURATION: "1 year, until 31 August 2026 inclusive, renewable tacitly at most"
        " 2 times",
        Mention.HOURS: "from 9:30 to 12:00 and from 14:00 to 17:00",
        Mention.START: "1 September 2025",
        Mention.ADAPTATION: "3 months, until 30 November 2025 inclusive",
        Mention.WORKING_TIME: "Your working hours stay those of your service",
        Mention.EQUIPMENT: "A laptop and a headset",
        Mention.HEALTH_SAFETY: "The rules on health and safety at work",
        Mention.DATA_PROTECTION: "Use only the equipment provided",
        Mention.ENDING: "with notice of 2 months",
    },
}

HEADINGS = {
    "fr": {
        Mention.DUTIES: "Fonctions exercées en télétravail",
        Mention.PLACES: "Lieux d'exercice du télétravail",
        Mention.MODALITY: "Modalités du télétravail",
        Mention.DURATION: "Durée",
        Mention.HOURS: "Plages horaires pendant lesquelles l'agent peut être joint",
        Mention.START: "Date de prise d'effet",
        Mention.ADAPTATION: "Période d'adaptation",
        Mention.WORKING_TIME: "Temps de travail et son décompte",
        Mention.EQUIPMENT: "Équipements mis à disposition",
        Mention.HEALTH_SAFETY: "Santé et sécurité au travail",
        Mention.DATA_PROTECTION: "Sécurité des systèmes d'information et protection des données",
        Mention.ENDING: "Fin du télétravail",
    },
    "en": {
        Mention.DUTIES: "Duties performed in telework",
        Mention.PLACES: "Places of telework",
        Mention.MODALITY: "Modality of telework",
        Mention.DURATION: "Duration",
        Mention.HOURS: "Hours when the agent can be reached",
        Mention.START: "Start date",
        Mention.ADAPTATION: "Adaptation period",
        Mention.WORKING_TIME: "Working time and how it is counted",
        Mention.EQUIPMENT: "Equipment provided",
        Mention.HEALTH_SAFETY: "Health and safety",
        Mention.DATA_PROTECTION: "Security of information systems and protection of data",
        Mention.ENDING: "Ending telework",
    },
}


def sourced_act() -> IndividualAct:
    """:func:`lot_act` citing the article that lists the act's mentions."""
    return lot_act(sources=[MENTIONS_SOURCE])


def unescaped(text: str) -> str:
    return html.unescape(text)


class Balance(html.parser.HTMLParser):
    """Checks that every tag opened is closed, in order (void elements aside)."""

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.problems.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def balanced(text: str) -> Balance:
    parser = Balance()
    parser.feed(text)
    parser.close()
    return parser


def test_the_french_act_reads_as_written_by_hand() -> None:
    """The Markdown act in French, word for word."""
    assert sourced_act().render("fr") == EXPECTED_FR


def test_the_english_act_reads_as_written_by_hand() -> None:
    """The Markdown act in English, word for word."""
    assert sourced_act().render("en", "markdown") == EXPECTED_EN


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("format", FORMATS)
def test_every_mandatory_mention_is_in_every_rendering(lang: str, format: str) -> None:
    """Each mention's heading and its text (written by hand) are in the act and in the
    information document, in both languages and both formats."""
    act = lot_act().render(lang, format)  # type: ignore[arg-type]
    document = lot_document().render(lang, format)  # type: ignore[arg-type]
    if format == "html":
        act, document = unescaped(act), unescaped(document)
    for mention in ACT_MENTIONS:
        assert HEADINGS[lang][mention] in act, mention
        assert BY_HAND[lang][mention].casefold() in act.casefold(), mention
    for mention in DOCUMENT_MENTIONS:
        assert HEADINGS[lang][mention] in document, mention
        assert BY_HAND[lang][mention] in document, mention


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("document", ["act", "information"])
def test_html_is_well_formed_and_escapes_names(lang: str, document: str) -> None:
    """Every tag opened is closed, and a name with < and & is text, not markup."""
    act = lot_act(teleworker=Teleworker(id="A-1", name="Jean <b>Dupont</b> & fils", duties="x"))
    data = act if document == "act" else lot_document(act=act)
    text = data.render(lang, "html")
    parser = balanced(text)
    assert parser.problems == []
    assert parser.open == []
    assert "Jean &lt;b&gt;Dupont&lt;/b&gt; &amp; fils" in text
    assert "<b>" not in text
    assert text.startswith("<!DOCTYPE html>")
    assert f'<html lang="{lang}">' in text


def test_markdown_is_not_escaped() -> None:
    """Markdown keeps a name as written."""
    act = lot_act(teleworker=Teleworker(id="A-1", name="Jean <Dupont> & fils", duties="x"))
    assert "Jean <Dupont> & fils" in act.render("fr")


def test_a_replaced_template_is_used_and_the_others_stay(tmp_path: Path) -> None:
    """A file of the shipped name in the folder replaces that template only."""
    (tmp_path / "act.fr.md").write_text(
        "ARRÊTÉ n° 42 — {{ agent_name }}\n"
        "{% for field, text in mentions.items() %}{{ headings[field] }} : {{ text }}\n"
        "{% endfor %}",
        encoding="utf-8",
    )
    text = lot_act().render("fr", templates=tmp_path)
    assert text.startswith("ARRÊTÉ n° 42 — Claire Martin\n")
    assert "Durée : 1 an, jusqu'au 31 août 2026 inclus" in text
    assert lot_act().render("en", templates=str(tmp_path)) == lot_act().render("en")


def test_a_template_that_drops_a_mention_is_refused(tmp_path: Path) -> None:
    """A replaced template without the hours is a MissingMentionError naming them."""
    (tmp_path / "act.en.html").write_text(
        "<p>{{ duties }} {{ places }} {{ modality }} {{ duration }} {{ start }}"
        " {{ adaptation }}</p>",
        encoding="utf-8",
    )
    with pytest.raises(MissingMentionError) as caught:
        lot_act().render("en", "html", templates=tmp_path)
    assert caught.value.field == "hours"
    assert caught.value.value == "act.en.html"
    assert "act.en.html" in str(caught.value) and "art. 8" in caught.value.text("fr")


def test_a_template_that_uses_an_unknown_name_is_refused(tmp_path: Path) -> None:
    """A name the data does not give is an error, not an empty string."""
    (tmp_path / "information.fr.md").write_text("{{ salary }}", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        lot_document().render("fr", templates=tmp_path)
    assert caught.value.field == "templates" and "salary" in str(caught.value)


def test_a_template_jinja_cannot_read_is_refused(tmp_path: Path) -> None:
    """A syntax error is a typed error with its line."""
    (tmp_path / "act.fr.md").write_text("line\n{% if %}", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        lot_act().render("fr", templates=tmp_path)
    assert caught.value.field == "templates" and "line 2" in str(caught.value)


def test_a_templates_folder_must_exist(tmp_path: Path) -> None:
    """A folder that does not exist is refused, naming templates."""
    with pytest.raises(ValidationError) as caught:
        lot_act().render("fr", templates=tmp_path / "nowhere")
    assert caught.value.field == "templates"


def test_an_unknown_language_lists_the_known_ones() -> None:
    with pytest.raises(ValidationError) as caught:
        lot_act().render("de")
    assert caught.value.field == "lang" and "en, fr" in str(caught.value)


def test_an_unknown_format_lists_the_known_ones() -> None:
    with pytest.raises(ValidationError) as caught:
        lot_document().render("fr", "pdf")  # type: ignore[arg-type]
    assert caught.value.field == "format"
    assert "markdown, html" in str(caught.value)
    assert "une valeur parmi markdown, html" in caught.value.text("fr")
    assert check_format("html") == "html"


def test_the_shipped_templates_are_every_name() -> None:
    """Each document has a template per language and format, shipped with the package."""
    shipped = Path(__file__).parents[2] / "src" / "teletravail" / "acts" / "templates"
    assert sorted(path.name for path in shipped.iterdir()) == sorted(TEMPLATE_NAMES)
    assert len(TEMPLATE_NAMES) == 8
    assert template_name("information", "en", "html") == "information.en.html"


def test_upper_first_keeps_the_rest() -> None:
    assert upper_first("jours fixes : jeudi à Figeac") == "Jours fixes : jeudi à Figeac"
    assert upper_first("") == ""


def test_the_missing_mention_error_pickles() -> None:
    error = missing_mention("hours", "act.fr.md", where="act.fr.md")
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(error, protocol))
        assert str(again) == str(error) and again.field == Mention.HOURS == "hours"
        assert again.where == "act.fr.md"


@settings(max_examples=25, deadline=None)
@given(individual_acts())
def test_any_act_renders_every_mention_in_every_format(act: IndividualAct) -> None:
    """Whatever the data, each rendering carries each mention's text, and HTML balances."""
    for lang in ("fr", "en"):
        for format in FORMATS:
            text = act.render(lang, format)  # type: ignore[arg-type]
            if format == "html":
                assert balanced(text).problems == []
                text = unescaped(text)
            for mention, said in act.mentions(lang).items():
                # as written, or with its first letter in capitals (the templates' filter)
                assert said in text or said[:1].upper() + said[1:] in text, mention
