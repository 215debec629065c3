"""The words of conformity, in English and French: one sentence per finding code, the
names of the values a finding holds, and the words of a report.

A :class:`~teletravail.conformity.findings.Finding` holds data (a code, quantities,
durations, places, words); its sentence is filled in here from :func:`sentence`'s
template for its code, each value shown by :func:`show`. :data:`CODES` are the finding
codes (``docs/conformity.md`` says what each means).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Final

import pint

from teletravail import formats
from teletravail.explain import Value, format_value
from teletravail.messages import COLON, Lang, Phrase
from teletravail.messages import check_lang as _checked_lang
from teletravail.policy.terms import Renewal
from teletravail.sources import Source
from teletravail.week import PlaceKind
from teletravail.workforce import ContractType, DerogationKind

__all__ = [
    "CODES",
    "COLON",
    "Word",
    "check_lang",
    "cite",
    "counted",
    "sentence",
    "show",
    "word",
]


class Word(enum.StrEnum):
    """Values a finding observes that are words, rendered in each language."""

    UNLIMITED = "unlimited"
    OPEN_ENDED = "open-ended"
    AGENT = "agent"
    EMPLOYER = "employer"
    ADAPTATION = "adaptation"
    NONE_SET = "none-set"
    PUBLIC = "public"
    PRIVATE = "private"


#: One sentence per finding code; ``{subject}``, ``{observed}`` and ``{limit}`` are filled in.
_TEMPLATES: dict[str, dict[Lang, str]] = {
    "no_framework_in_force": {
        "en": "no public-service telework framework in force on {observed}:"
        " décret 2016-151 applies from {limit}, nothing to check",
        "fr": "aucun cadre du télétravail dans la fonction publique au {observed}\u00a0:"
        " le décret 2016-151 s'applique à partir du {limit}, rien à vérifier",
    },
    "framework_not_applicable": {
        "en": "the policy is {observed}'s: the telework framework of {limit} does not apply"
        " to it, nothing to check",
        "fr": "la politique est celle d'{observed}\u00a0: le cadre du télétravail dans {limit}"
        " ne s'applique pas à elle, rien à vérifier",
    },
    "worked_holiday_not_a_holiday": {
        "en": "{observed} is written as a holiday that is worked, but it is no public"
        " holiday of the calendar: a wrong date?",
        "fr": "le {observed} est écrit comme un jour férié travaillé, mais ce n'est pas un"
        " jour férié du calendrier : une date erronée ?",
    },
    "day_off_not_a_working_day": {
        "en": "{observed} is written as a day off, but it is not worked anyway (a public"
        " holiday or a weekend)",
        "fr": "le {observed} est écrit comme un jour non travaillé, mais il ne l'est pas de"
        " toute façon (jour férié ou fin de semaine)",
    },
    "quota_missing": {
        "en": "no quota: telework is not limited, at most {limit} without a derogation",
        "fr": "aucun quota\u00a0: le télétravail n'est pas limité, au plus {limit} hors dérogation",
    },
    "quota_above_3_days": {
        "en": "quota maximum {observed}, at most {limit} without a derogation",
        "fr": "quota maximal {observed}, au plus {limit} hors dérogation",
    },
    "on_site_below_2_days": {
        "en": "presence on site {observed}, at least {limit} required",
        "fr": "présence sur site {observed}, au moins {limit} requise",
    },
    "part_time_above_3_days": {
        "en": "part time {subject}: cap {observed}, at most {limit} without a derogation",
        "fr": "temps partiel {subject}\u00a0: plafond {observed}, au plus {limit} hors dérogation",
    },
    "part_time_on_site_below_2_days": {
        "en": "part time {subject}: presence on site {observed}, at least {limit} required",
        "fr": "temps partiel {subject}\u00a0: présence sur site {observed},"
        " au moins {limit} requise",
    },
    "floating_days_not_provided": {
        "en": "floating days {observed}: not provided before décret 2020-524 (in force"
        " from {limit}), telework had to be regular",
        "fr": "jours flottants {observed}\u00a0: non prévus avant le décret 2020-524 (en"
        " vigueur à partir du {limit}), le télétravail devait être régulier",
    },
    "derogation_not_provided": {
        "en": "derogation for {subject} not provided by the framework in force,"
        " which provides: {limit}",
        "fr": "dérogation pour {subject} non prévue par le cadre en vigueur,"
        " qui prévoit\u00a0: {limit}",
    },
    "derogation_longer_than_allowed": {
        "en": "derogation for {subject}: length {observed}, at most {limit} at a time",
        "fr": "dérogation pour {subject}\u00a0: durée {observed}, au plus {limit} à la fois",
    },
    "derogation_renewed_beyond_framework": {
        "en": "derogation for {subject}: {observed}, at most {limit}",
        "fr": "dérogation pour {subject}\u00a0: {observed}, au plus {limit}",
    },
    "eligibility_by_post": {
        "en": "eligibility by post, {observed}, where the framework asks for {limit}",
        "fr": "éligibilité par poste, {observed}, là où le cadre demande {limit}",
    },
    "seniority_not_in_framework": {
        "en": "a seniority of at least {observed}: the framework sets {limit}, it is the"
        " employer's own condition, and a refusal on it alone still needs its reasons",
        "fr": "une ancienneté d'au moins {observed}\u00a0: le cadre n'en fixe {limit}, c'est"
        " une condition propre à l'employeur, et un refus sur ce seul motif doit être motivé",
    },
    "contract_staff_excluded": {
        "en": "{observed} excluded, though the décret applies to them: {limit}",
        "fr": "{observed} exclus, alors que le décret s'applique à eux\u00a0: {limit}",
    },
    "place_not_allowed": {
        "en": "telework {subject} not allowed by the framework in force, which allows: {limit}",
        "fr": "télétravail {subject} non autorisé par le cadre en vigueur,"
        " qui autorise\u00a0: {limit}",
    },
    "rate_above_forfait": {
        "en": "{subject}: rate {observed}, at most the forfait's {limit}",
        "fr": "{subject}\u00a0: taux {observed}, au plus le taux du forfait, {limit}",
    },
    "cap_above_forfait": {
        "en": "{subject}: cap {observed}, at most the forfait's {limit}",
        "fr": "{subject}\u00a0: plafond {observed}, au plus le plafond du forfait, {limit}",
    },
    "cap_missing": {
        "en": "{subject}: no cap, at most the forfait's {limit}",
        "fr": "{subject}\u00a0: aucun plafond, au plus le plafond du forfait, {limit}",
    },
    "monthly_flat_not_forfait": {
        "en": "{subject}: {observed} is not the forfait's form (a rate per day, {limit},"
        " with a yearly cap), it needs the body's own deliberation",
        "fr": "{subject}\u00a0: {observed} n'a pas la forme du forfait (un taux par jour,"
        " {limit}, plafonné par an), il relève d'une délibération propre de l'employeur",
    },
    "one_off_not_covered": {
        "en": "{subject}: {observed} once, not covered by the forfait,"
        " it needs the body's own deliberation",
        "fr": "{subject}\u00a0: {observed} une fois, hors forfait,"
        " il relève d'une délibération propre de l'employeur",
    },
    "allowance_before_forfait": {
        "en": "{subject}: no national telework allowance on {observed} (the forfait starts"
        " on {limit}), it needs the body's own deliberation",
        "fr": "{subject}\u00a0: pas d'allocation nationale de télétravail au {observed} (le"
        " forfait commence le {limit}), il relève d'une délibération propre de l'employeur",
    },
    "authorisation_longer_than_allowed": {
        "en": "authorisation for {observed}, at most {limit} at a time",
        "fr": "autorisation pour {observed}, au plus {limit} à la fois",
    },
    "renewal_not_provided": {
        "en": "{observed} renewal not provided by the framework in force, which provides: {limit}",
        "fr": "renouvellement {observed} non prévu par le cadre en vigueur,"
        " qui prévoit\u00a0: {limit}",
    },
    "answer_later_than_framework": {
        "en": "answer to a request within {observed}, at most {limit}",
        "fr": "réponse à une demande dans un délai de {observed}, au plus {limit}",
    },
    "adaptation_longer_than_3_months": {
        "en": "adaptation period of {observed}, at most {limit}",
        "fr": "période d'adaptation de {observed}, au plus {limit}",
    },
    "notice_shorter_than_framework": {
        "en": "notice {subject}: {observed}, at least {limit}",
        "fr": "préavis {subject}\u00a0: {observed}, au moins {limit}",
    },
    "notice_longer_than_framework": {
        "en": "notice {subject}: {observed}, the framework sets {limit}",
        "fr": "préavis {subject}\u00a0: {observed}, le cadre fixe {limit}",
    },
}

#: Names of the words, places and derogation kinds a finding may hold.
_NAMES: dict[str, dict[Lang, str]] = {
    Word.UNLIMITED: {"en": "unlimited", "fr": "illimitée"},
    Word.OPEN_ENDED: {"en": "an open-ended term", "fr": "une durée illimitée"},
    Word.AGENT: {"en": "at the agent's initiative", "fr": "à l'initiative de l'agent"},
    Word.EMPLOYER: {"en": "at the employer's initiative", "fr": "à l'initiative de l'employeur"},
    Word.ADAPTATION: {"en": "during adaptation", "fr": "pendant la période d'adaptation"},
    Word.NONE_SET: {"en": "none", "fr": "aucune"},
    Word.PUBLIC: {"en": "the public service", "fr": "la fonction publique"},
    Word.PRIVATE: {"en": "a private employer", "fr": "un employeur privé"},
    ContractType.PROBATIONER: {
        "en": "probationary civil servants",
        "fr": "fonctionnaires stagiaires",
    },
    ContractType.CONTRACT_STAFF: {"en": "contract staff", "fr": "agents contractuels"},
    Renewal.EXPRESS: {"en": "by express decision", "fr": "par décision expresse"},
    Renewal.TACIT: {"en": "tacit", "fr": "tacite"},
    PlaceKind.HOME: {"en": "at home", "fr": "au domicile"},
    PlaceKind.TELECENTRE: {
        "en": "in a télécentre or tiers-lieu",
        "fr": "en télécentre ou tiers-lieu",
    },
    PlaceKind.SITE: {
        "en": "at another site of the employer",
        "fr": "sur un autre site de l'employeur",
    },
    PlaceKind.OTHER: {"en": "in another private place", "fr": "dans un autre lieu privé"},
    DerogationKind.HEALTH: {"en": "health or disability", "fr": "santé ou handicap"},
    DerogationKind.PREGNANCY: {"en": "pregnancy", "fr": "grossesse"},
    DerogationKind.CARER: {"en": "carers", "fr": "proches aidants"},
    DerogationKind.EXCEPTIONAL: {
        "en": "an exceptional situation",
        "fr": "situation exceptionnelle",
    },
}

_WORDS: dict[str, dict[Lang, str]] = {
    "policy": {"en": "Policy", "fr": "Politique"},
    "on": {"en": "on", "fr": "au"},
    "conforms": {"en": "conforms", "fr": "conforme"},
    "does_not_conform": {"en": "does not conform", "fr": "non conforme"},
    "error": {"en": "error", "fr": "erreur"},
    "warning": {"en": "warning", "fr": "avertissement"},
    "note": {"en": "note", "fr": "remarque"},
    "source": {"en": "source", "fr": "source"},
    "none": {"en": "none", "fr": "aucun"},
    "severity": {"en": "severity", "fr": "gravité"},
    "finding": {"en": "finding", "fr": "constat"},
}
#: How a quantity per year or per month reads, after the figure and its unit.
_PER: tuple[tuple[str, dict[Lang, str]], ...] = (
    (" / a", {"en": " a year", "fr": " par an"}),
    (" / month", {"en": " a month", "fr": " par mois"}),
)

#: The finding codes, each with its sentence in both languages.
CODES: Final = tuple(_TEMPLATES)


def check_lang(lang: object) -> None:
    """Refuse a language other than ``"en"`` or ``"fr"``: a
    :class:`~teletravail.errors.ValidationError` that lists the known ones."""
    _checked_lang(lang)


def cite(source: Source, lang: Lang) -> str:
    """A finding's source as a reader cites it (:meth:`Source.cite
    <teletravail.sources.Source.cite>`, which writes a reference or note held in both
    languages in ``lang``)."""
    return source.cite(lang)


def sentence(code: str, lang: Lang, *, subject: Value, observed: Value, limit: Value) -> str:
    """The sentence of finding ``code`` in ``lang``, its values filled in."""
    return _TEMPLATES[code][lang].format(
        subject=show(subject, lang), observed=show(observed, lang), limit=show(limit, lang)
    )


def word(key: str, lang: Lang) -> str:
    """A word of a report (``"conforms"``, a severity, ``"source"``...) in ``lang``."""
    return _WORDS[key][lang]


def counted(count: int, key: str, lang: Lang) -> str:
    """``count`` and the word ``key`` (a severity), plural as ``lang`` makes it."""
    name = _WORDS[key][lang]
    plural = count > 1 if lang == "fr" else count != 1
    return f"{count} {name}{'s' if plural else ''}"


def show(value: Value, lang: Lang) -> str:
    """A value as a person reads it: names for places, derogations and words; money per
    year or month in words; everything else as the rest of the package writes it."""
    if isinstance(value, Word | PlaceKind | DerogationKind | Renewal | ContractType):
        return _NAMES[value][lang]
    if isinstance(value, Phrase):
        return value.text(lang)
    if isinstance(value, dt.date):
        return formats.date(value, lang)
    if isinstance(value, tuple):
        if not value:
            return _WORDS["none"][lang]
        return ", ".join(show(item, lang) for item in value)
    if isinstance(value, pint.Quantity) and value.check("[currency] * [time] / [workday]"):
        amount = formats.money(round(float(value.m_as("EUR/(workday/week)")) * 100), lang)
        if lang == "fr":
            return amount + " par mois et par jour de télétravail hebdomadaire"
        return amount + " a month per weekly telework day"
    if isinstance(value, pint.Quantity) and str(value.units).startswith("EUR"):
        return formats.quantity(value, lang)  # 100,00 €, 59,40 € par mois
    text = format_value(value, lang)
    if isinstance(value, pint.Quantity):
        for suffix, words in _PER:
            if text.endswith(suffix):
                return text[: -len(suffix)] + words[lang]
    return text
