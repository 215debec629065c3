"""An act and its information document in words: the text of each mandatory mention
and everything else a template receives, in English or French.

The templates lay the words out; the words themselves come from the data here, so that
a replaced template cannot get a date or a duration wrong. Dates are written by
:func:`teletravail.formats.date`, patterns and places by
:mod:`teletravail.explain.patterns`, durations by
:meth:`~teletravail.dated.Duration.words` and sources by
:meth:`~teletravail.sources.Source.cite`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from teletravail.acts.kinds import ActKind, AppealBody, Sector
from teletravail.acts.mentions import ACT_MENTIONS, DOCUMENT_MENTIONS, Mention
from teletravail.acts.rendering import upper_first
from teletravail.explain.patterns import place_words
from teletravail.formats import date
from teletravail.messages import COLON, Lang, Phrase, check_lang, text_of
from teletravail.policy.terms import Renewal
from teletravail.sources import Source

if TYPE_CHECKING:
    from teletravail.acts.act import IndividualAct
    from teletravail.acts.information import InformationDocument

__all__ = ["act_context", "act_mentions", "document_context", "document_mentions"]

_TITLES: Final = {
    ActKind.ARRETE: Phrase(
        "Order authorising telework",
        "Arrêté portant autorisation d'exercer ses fonctions en télétravail",
    ),
    ActKind.DECISION: Phrase(
        "Individual decision authorising telework",
        "Décision individuelle portant autorisation d'exercer ses fonctions en télétravail",
    ),
    ActKind.AVENANT: Phrase(
        "Amendment to the employment contract on telework",
        "Avenant au contrat de travail relatif au télétravail",
    ),
    ActKind.AGREEMENT: Phrase("Agreement on telework", "Accord relatif au télétravail"),
}

_THIS: Final = {
    ActKind.ARRETE: Phrase("This order", "Le présent arrêté"),
    ActKind.DECISION: Phrase("This decision", "La présente décision"),
    ActKind.AVENANT: Phrase("This amendment", "Le présent avenant"),
    ActKind.AGREEMENT: Phrase("This agreement", "Le présent accord"),
}

_THE: Final = {
    ActKind.ARRETE: Phrase("the order", "l'arrêté"),
    ActKind.DECISION: Phrase("the individual decision", "la décision individuelle"),
    ActKind.AVENANT: Phrase(
        "the amendment to the employment contract", "l'avenant au contrat de travail"
    ),
    ActKind.AGREEMENT: Phrase("the agreement on telework", "l'accord relatif au télétravail"),
}

_PERSON: Final = {
    Sector.PUBLIC: Phrase("the agent", "l'agent"),
    Sector.PRIVATE: Phrase("the employee", "le salarié"),
}


def _joined(items: list[str], lang: Lang) -> str:
    """``a, b and c``, ``a, b et c``."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + (" et " if lang == "fr" else " and ") + items[-1]


def _times(count: int, lang: Lang) -> str:
    if lang == "fr":
        return "une fois" if count == 1 else f"{count} fois"
    return "once" if count == 1 else f"{count} times"


def _duration(act: IndividualAct, lang: Lang) -> str:
    if act.duration is None:
        return "sans limitation de durée" if lang == "fr" else "open-ended"
    assert act.end is not None
    length = act.duration.words(lang)
    end = date(act.end, lang)
    if lang == "fr":
        text = f"{length}, jusqu'au {end} inclus"
        if act.renewal is None:
            return text + ", sans renouvellement"
        how = "par décision expresse" if act.renewal is Renewal.EXPRESS else "tacitement"
        text += f", renouvelable {how}"
        if act.max_renewals is not None:
            text += f" {_times(act.max_renewals, lang)} au plus"
        return text
    text = f"{length}, until {end} inclusive"
    if act.renewal is None:
        return text + ", not renewed"
    how = "by express decision" if act.renewal is Renewal.EXPRESS else "tacitly"
    text += f", renewable {how}"
    if act.max_renewals is not None:
        text += f" at most {_times(act.max_renewals, lang)}"
    return text


def _adaptation(act: IndividualAct, lang: Lang) -> str:
    if act.adaptation is None or act.adaptation_end is None:
        return "aucune période d'adaptation" if lang == "fr" else "no adaptation period"
    length = act.adaptation.words(lang)
    end = date(act.adaptation_end, lang)
    if lang == "fr":
        return f"{length}, jusqu'au {end} inclus"
    return f"{length}, until {end} inclusive"


def act_mentions(act: IndividualAct, lang: Lang) -> dict[Mention, str]:
    """The text of each mention of :data:`~teletravail.acts.mentions.ACT_MENTIONS`."""
    said = check_lang(lang)
    assert act.teleworker.duties is not None
    texts = {
        Mention.DUTIES: text_of(act.teleworker.duties, said),
        Mention.PLACES: _joined([place_words(place, said) for place in act.places], said),
        Mention.MODALITY: act.modality.words(said),
        Mention.DURATION: _duration(act, said),
        Mention.HOURS: act.hours.words(said),
        Mention.START: date(act.start, said),
        Mention.ADAPTATION: _adaptation(act, said),
    }
    return {mention: texts[mention] for mention in ACT_MENTIONS}


def _notice(act: IndividualAct, lang: Lang) -> str:
    """Either side's notice, in one sentence."""
    person = _PERSON[act.sector].text(lang)
    if lang == "fr":  # de + le contracts: "du salarié"; "de l'agent" stays
        person = "du salarié" if act.sector is Sector.PRIVATE else "de l'agent"
    agent, employer = act.notice_agent.words(lang), act.notice_employer.words(lang)
    if lang == "fr":
        text = (
            "Chacune des parties peut mettre fin au télétravail à tout moment et par écrit,"
            f" moyennant un préavis de {agent} lorsque la demande émane {person}"
            f" et de {employer} lorsqu'elle émane de l'employeur"
        )
        if act.notice_adaptation is not None:
            text += (
                f", ramené à {act.notice_adaptation.words(lang)} pendant la période d'adaptation"
            )
        text += "."
        if act.employer_may_shorten:
            text += (
                " L'employeur peut réduire ce délai en cas de nécessité du service dûment motivée."
            )
        return text
    text = (
        "Either party may end telework at any time, in writing, with notice of"
        f" {agent} when {person} ends it and {employer} when the employer does"
    )
    if act.notice_adaptation is not None:
        text += f", reduced to {act.notice_adaptation.words(lang)} during the adaptation period"
    text += "."
    if act.employer_may_shorten:
        text += (
            " The employer may shorten its notice for a need of the service, stating its reasons."
        )
    return text


def _appeal(act: IndividualAct, lang: Lang) -> str:
    if act.appeal is AppealBody.NONE:
        return ""
    person = _PERSON[act.sector].text(lang)
    body = act.appeal.words(lang)
    if lang == "fr":
        return (
            f"Le refus d'une demande de télétravail et la fin du télétravail à l'initiative"
            f" de l'employeur peuvent être portés par {person} devant la {body}."
        )
    return (
        f"A refusal of a request to telework, and an ending at the employer's initiative,"
        f" may be brought by {person} before the {body}."
    )


def act_context(act: IndividualAct, lang: Lang) -> dict[str, Any]:
    """What an act's template receives (every value text in ``lang``):

    ``title``, ``kind`` (in words), ``kind_code``, ``this_act`` (``Le présent arrêté``),
    ``the_act`` (``l'arrêté``), ``sector`` (``"public"`` or
    ``"private"``), ``person`` (``l'agent`` / ``le salarié``), ``employer``,
    ``territory``, ``signatory`` (or None), ``agent_name``, ``agent_id``, ``post`` (or
    None), ``modality_kind``, ``notice``, ``appeal`` (a sentence, empty without an
    appeal body), ``appeal_body``, ``rules``, ``sources`` (a list of citations),
    ``signed_at``, ``signed_on``; ``mentions``, the text of each mandatory mention by
    its field (``duties``, ``places``, ``modality``, ``duration``, ``hours``,
    ``start``, ``adaptation``), also given each under its own name; ``headings``, each
    mention's heading by its field; ``colon``, the colon as the language writes it."""
    said = check_lang(lang)
    mentions = act_mentions(act, said)
    by_field = {mention.value: text for mention, text in mentions.items()}
    return {
        "lang": said,
        "title": _TITLES[act.kind].text(said),
        "kind": act.kind.words(said),
        "kind_code": act.kind.value,
        "this_act": _THIS[act.kind].text(said),
        "the_act": _THE[act.kind].text(said),
        "sector": act.sector.value,
        "person": _PERSON[act.sector].text(said),
        "Person": upper_first(_PERSON[act.sector].text(said)),
        "employer": act.employer.name,
        "territory": act.employer.territory,
        "signatory": act.employer.signatory,
        "agent_name": act.teleworker.name,
        "agent_id": act.teleworker.id,
        "post": None if act.teleworker.post is None else text_of(act.teleworker.post, said),
        "modality_kind": act.modality.kind.words(said),
        "notice": _notice(act, said),
        "appeal": _appeal(act, said),
        "appeal_body": act.appeal.words(said),
        "rules": text_of(act.rules, said),
        "sources": applied_texts(act.sources, said),
        "signed_at": act.signed_at,
        "signed_on": date(act.signed_on, said),
        "mentions": by_field,
        "headings": {mention.value: upper_first(mention.words(said)) for mention in Mention},
        "colon": COLON[said],
        **by_field,
    }


def _article_order(article: str) -> tuple[tuple[int, int | str], ...]:
    """Articles in the order of the text: ``2``, ``2-1``, ``4``, ``10``."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in article.split("-"))


def applied_texts(sources: Sequence[Source], lang: Lang) -> list[str]:
    """The texts an act applies, each once, as an act lists them: a legal text by its
    citation as a whole with the articles applied (``décret n° 2016-151 du 11 février
    2016, …, art. 4, 5 et 8``), never the marks of a source the library could not
    confirm (an act states the law it applies; the library's doubts are in its docs)."""
    said = check_lang(lang)
    texts: dict[str, tuple[Source, list[str]]] = {}
    for source in sources:
        bare = attrs.evolve(
            source, article=None, amended_by=None, version=None, note=None, unconfirmed=False
        )
        whole, articles = texts.setdefault(source.title, (bare, []))
        for article in (source.article or "").split(","):
            if article.strip() and article.strip() not in articles:
                articles.append(article.strip())
    listed = []
    for whole, articles in texts.values():
        cited = whole
        if articles:
            ordered = sorted(articles, key=_article_order)
            last = " and " if said == "en" else " et "
            cited = attrs.evolve(
                whole,
                article=ordered[0]
                if len(ordered) == 1
                else ", ".join(ordered[:-1]) + last + ordered[-1],
            )
        listed.append(cited.cite(said))
    return listed


def document_mentions(document: InformationDocument, lang: Lang) -> dict[Mention, str]:
    """The text of each mention of
    :data:`~teletravail.acts.mentions.DOCUMENT_MENTIONS`."""
    said = check_lang(lang)
    texts = {
        Mention.WORKING_TIME: text_of(document.working_time, said),
        Mention.EQUIPMENT: text_of(document.equipment, said),
        Mention.HEALTH_SAFETY: text_of(document.health_safety, said),
        Mention.DATA_PROTECTION: text_of(document.data_protection, said),
        Mention.ENDING: _notice(document.act, said),
    }
    return {mention: texts[mention] for mention in DOCUMENT_MENTIONS}


def document_context(document: InformationDocument, lang: Lang) -> dict[str, Any]:
    """What the information document's template receives: the act's context (see
    :func:`act_context`: the act's own mentions under ``act_mentions``), with
    ``mentions`` and each name the document's mentions (``working_time``,
    ``equipment``, ``health_safety``, ``data_protection``, ``ending``), and
    ``document_title``."""
    said = check_lang(lang)
    context = act_context(document.act, said)
    mentions = {m.value: text for m, text in document_mentions(document, said).items()}
    context["act_mentions"] = context["mentions"]
    context["mentions"] = mentions
    context["document_title"] = (
        "Document d'information sur l'exercice des fonctions en télétravail"
        if said == "fr"
        else "Information on working in telework"
    )
    return context | mentions
