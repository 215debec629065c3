"""The sentence of one criterion, in English and French, read right whether it passed
or failed: ``✓ ancienneté : 2 ans 6 mois (au moins 1 an)`` and ``✗ ancienneté : 6 mois,
en deçà du minimum de 1 an``; ``✓ fonction : instructeur (non exclue)`` and ``✗
fonction : cadre, exclue du télétravail``.

Values are written as a reader writes them (:func:`format_value`: French numbers and
units, dates in words); the names of roles, tags and activities are the words the
document gave them, an underscore read as a space (:func:`code_words`). Each templated
code has a sentence when it passes (:data:`PASSED_TEMPLATES`) and one when it fails
(:data:`TEMPLATES`), ``{observed}`` and ``{threshold}`` filled in; the criteria on lists
(roles, contract types, activities, derogations) and the populations are written by
their own functions.

>>> from teletravail.explain.results import CriterionResult
>>> from teletravail.units import Q_
>>> leaf = CriterionResult(code="working_time.minimum", passed=False,
...                        observed=Q_(80, "percent"), threshold=Q_(90, "percent"))
>>> render_criterion(leaf, "fr")
'quotité de travail\\xa0: 80\\xa0%, en deçà du minimum de 90\\xa0%'
>>> render_criterion(leaf, "en")
'working time: 80%, less than the minimum of 90%'
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

from teletravail import formats
from teletravail.dated import Duration
from teletravail.messages import COLON, NBSP, NNBSP, Lang

from .names import rule_name

if TYPE_CHECKING:
    from .results import CriterionResult
    from .values import Value

__all__ = [
    "COLON",
    "CONTRACT_TYPE_TEXT",
    "DEROGATION_TEXT",
    "NOT_CONCERNED",
    "NOT_CONCERNED_CODES",
    "NOT_STATED_TEMPLATES",
    "OUTSIDE_SCHEME",
    "PASSED_TEMPLATES",
    "TEMPLATES",
    "code_words",
    "format_value",
    "render_criterion",
    "steps_words",
]

#: French puts a narrow no-break space before a semicolon.
_SEMICOLON: Final[dict[Lang, str]] = {"en": ";", "fr": f"{NNBSP};"}

#: What each minimum or maximum looks at, in words.
_SUBJECTS: Final[dict[str, dict[Lang, str]]] = {
    "seniority.minimum": {"en": "seniority", "fr": "ancienneté"},
    "working_time.minimum": {"en": "working time", "fr": "quotité de travail"},
    "commute_distance.minimum": {"en": "one-way commute", "fr": "trajet domicile-travail"},
    "commute_time.minimum": {"en": "one-way commute time", "fr": "temps de trajet"},
    "activities.teleworkable_share": {
        "en": "teleworkable activities",
        "fr": "activités télétravaillables",
    },
    "quota.minimum": {"en": "telework asked", "fr": "télétravail demandé"},
    "quota.maximum": {"en": "telework asked", "fr": "télétravail demandé"},
    "quota.granularity": {"en": "telework asked", "fr": "télétravail demandé"},
    "quota.workdays": {"en": "telework asked", "fr": "télétravail demandé"},
    "quota.on_site": {"en": "presence on site", "fr": "présence sur site"},
    "volunteer": {"en": "volunteer", "fr": "volontaire"},
    "post.teleworkable": {"en": "teleworkable post", "fr": "poste télétravaillable"},
}

_MINIMUM_PASSED: Final[dict[Lang, str]] = {
    "en": "{observed} (at least {threshold})",
    "fr": "{observed} (au moins {threshold})",
}
_MINIMUM_FAILED: Final[dict[Lang, str]] = {
    "en": "{observed}, less than the minimum of {threshold}",
    "fr": "{observed}, en deçà du minimum de {threshold}",
}
_MINIMUMS: Final = (
    "seniority.minimum",
    "working_time.minimum",
    "commute_distance.minimum",
    "commute_time.minimum",
    "quota.minimum",
    "quota.on_site",
)
_SHARE: Final[dict[str, dict[Lang, str]]] = {
    "passed": {
        "en": "{observed} of the working time (at least {threshold})",
        "fr": "{observed} du temps de travail (au moins {threshold})",
    },
    "failed": {
        "en": "{observed} of the working time, less than the minimum of {threshold}",
        "fr": "{observed} du temps de travail, en deçà du minimum de {threshold}",
    },
}
_BOOLEAN: Final[dict[Lang, str]] = {"en": "{observed}", "fr": "{observed}"}


def _templates(passed: bool) -> dict[str, dict[Lang, str]]:
    """Each templated code's sentence, ``passed`` or not, its subject first."""
    found: dict[str, dict[Lang, str]] = {}
    for code in _MINIMUMS:
        found[code] = _MINIMUM_PASSED if passed else _MINIMUM_FAILED
    found["activities.teleworkable_share"] = _SHARE["passed" if passed else "failed"]
    found["volunteer"] = found["post.teleworkable"] = _BOOLEAN
    if passed:
        found["quota.maximum"] = {
            "en": "{observed} (at most {threshold})",
            "fr": "{observed} (au plus {threshold})",
        }
    else:
        found["quota.maximum"] = {
            "en": "{observed}, more than the maximum of {threshold}",
            "fr": "{observed}, au-delà du maximum de {threshold}",
        }
        found["quota.granularity"] = {
            "en": "{observed}, not {threshold}",
            "fr": "{observed}, pas {threshold}",
        }
        found["quota.workdays"] = {
            "en": "{observed}, more than the days worked ({threshold})",
            "fr": "{observed}, plus que les jours travaillés ({threshold})",
        }
    return {
        code: {
            lang: f"{_SUBJECTS[code][lang]}{COLON[lang]} {template[lang]}" for lang in ("en", "fr")
        }
        for code, template in found.items()
    }


#: The sentence of each templated criterion that failed.
TEMPLATES: Final[dict[str, dict[Lang, str]]] = _templates(passed=False)
#: The sentence of each templated criterion that passed.
PASSED_TEMPLATES: Final[dict[str, dict[Lang, str]]] = _templates(passed=True)

#: The sentence of a criterion whose observed value the agent's record does not state.
NOT_STATED_TEMPLATES: Final[dict[str, dict[Lang, str]]] = {
    "activities.teleworkable_share": {
        "en": "activities: not stated, at least {threshold} of the working time on"
        " teleworkable activities required",
        "fr": "activités\u00a0: non renseignées, au moins {threshold} du temps de travail en"
        " activités télétravaillables requis",
    },
}

#: The contract types as a person reads them.
CONTRACT_TYPE_TEXT: Final[dict[str, dict[Lang, str]]] = {
    "civil_servant": {"en": "civil servant", "fr": "fonctionnaire"},
    "probationer": {"en": "probationary civil servant", "fr": "fonctionnaire stagiaire"},
    "contract_staff": {"en": "contract staff", "fr": "contractuel"},
    "doctoral_student": {"en": "contract doctoral student", "fr": "doctorant contractuel"},
    "apprentice": {"en": "apprentice", "fr": "apprenti"},
    "trainee": {"en": "student intern", "fr": "stagiaire étudiant"},
    "other": {"en": "other", "fr": "autre"},
}

#: The grounds of a derogation to the weekly cap as a person reads them.
DEROGATION_TEXT: Final[dict[str, dict[Lang, str]]] = {
    "health": {"en": "health or disability", "fr": "santé ou handicap"},
    "pregnancy": {"en": "pregnancy", "fr": "grossesse"},
    "carer": {"en": "carer", "fr": "proche aidant"},
    "exceptional": {"en": "exceptional circumstances", "fr": "circonstances exceptionnelles"},
}

_WORDS: Final[dict[str, dict[Lang, str]]] = {
    "yes": {"en": "yes", "fr": "oui"},
    "no": {"en": "no", "fr": "non"},
    "unknown": {"en": "unknown", "fr": "inconnu"},
    "none": {"en": "none", "fr": "aucune"},
    "not_stated": {"en": "not stated", "fr": "non renseigné"},
    "excluded": {"en": "excluded from telework", "fr": "exclu du télétravail"},
}

#: The code of the criterion of an agent outside the scheme (see teletravail.policy.populations).
NOT_CONCERNED: Final = "population.none"
#: The code of the criterion of an agent in a population declared outside the scheme.
OUTSIDE_SCHEME: Final = "population.outside"
#: Both: the agent is not concerned by the scheme.
NOT_CONCERNED_CODES: Final = (NOT_CONCERNED, OUTSIDE_SCHEME)


def steps_words(step: Value, lang: Lang) -> str:
    """The steps a quota counts in: ``en journées entières`` (``in whole days``), ``par
    demi-journées`` (``in half days``), else ``par multiples de 0,25 jour``."""
    import pint

    amount = float(step.magnitude) if isinstance(step, pint.Quantity) else None
    if amount == 1:
        return "en journées entières" if lang == "fr" else "in whole days"
    if amount == 0.5:
        return "par demi-journées" if lang == "fr" else "in half days"
    words = format_value(step, lang)
    return f"par multiples de {words}" if lang == "fr" else f"in steps of {words}"


def code_words(name: str) -> str:
    """A name as a document gave it, its underscores read as spaces (``applications
    metier`` for ``applications_metier``); an empty name is a dash."""
    return " ".join(name.replace("_", " ").split()) or "-"


def format_value(value: Value, lang: Lang) -> str:
    """A value as a person reads it, in ``lang``: French numbers and units (``1,5 jour
    par semaine``, ``80 %``), durations and dates in words, names as words, listed
    with commas."""
    import pint

    if value is None:
        return _WORDS["unknown"][lang]
    if isinstance(value, bool):
        return _WORDS["yes" if value else "no"][lang]
    if isinstance(value, pint.Quantity):
        return formats.quantity(value, lang)
    if isinstance(value, Duration):
        return value.words(lang) if value != Duration() else _WORDS["none"][lang]
    if isinstance(value, dt.date):
        return formats.date(value, lang)
    if isinstance(value, tuple):
        return ", ".join(code_words(v) for v in value) or _WORDS["none"][lang]
    return code_words(str(value))


def _agreed(word: str, lang: Lang, *, feminine: bool = False, plural: bool = False) -> str:
    """A French participle agreed (``exclue``, ``exclus``, ``non exclues``): its word
    that ends in ``exclu`` or ``exclue`` takes the marks; English as it is."""
    if lang == "en":
        return word
    words = word.split(" ")
    at = next(i for i, w in enumerate(words) if w.startswith("exclu"))
    stem = words[at].removesuffix("e").removesuffix("s")
    words[at] = (
        stem + ("e" if feminine or words[at].endswith("e") else "") + ("s" if plural else "")
    )
    return " ".join(words)


def _contract(value: str, lang: Lang) -> str:
    return CONTRACT_TYPE_TEXT.get(value, {}).get(lang) or code_words(value)


def _tag_word(count: int, lang: Lang) -> str:
    if lang == "fr":
        return "étiquettes" if count > 1 else "étiquette"
    return "tags" if count > 1 else "tag"


def _roles(result: CriterionResult, lang: Lang) -> str:
    """``fonction : instructeur (non exclue)``; ``fonction : cadre, exclue du
    télétravail``; tags after the role, named when they are in the way."""
    observed = result.observed if isinstance(result.observed, tuple) else ()
    excluded = set(result.threshold) if isinstance(result.threshold, tuple) else set()
    role, tags = (observed[0], observed[1:]) if observed else ("", ())
    colon, fr = COLON[lang], lang == "fr"
    role_word = "fonction" if fr else "role"
    shown = code_words(role) if role else ("non renseignée" if fr else "not stated")
    if result.passed:
        parts = [f"{role_word}{colon} {shown} ({'non exclue' if fr else 'not excluded'})"]
        if tags:
            none = _agreed("non exclue" if fr else "not excluded", lang, plural=len(tags) > 1)
            listed = format_value(tuple(tags), lang)
            parts.append(f"{_tag_word(len(tags), lang)}{colon} {listed} ({none})")
        return f"{_SEMICOLON[lang]} ".join(parts)
    in_the_way = tuple(tag for tag in tags if tag in excluded)
    parts = []
    if role in excluded or not in_the_way:
        words = _agreed(_WORDS["excluded"][lang], lang, feminine=True)
        parts.append(f"{role_word}{colon} {shown}, {words}")
    else:
        parts.append(f"{role_word}{colon} {shown}")
    if in_the_way:
        several = len(in_the_way) > 1
        words = _agreed(_WORDS["excluded"][lang], lang, feminine=True, plural=several)
        listed = format_value(in_the_way, lang)
        parts.append(f"{_tag_word(len(in_the_way), lang)}{colon} {listed}, {words}")
    return f"{_SEMICOLON[lang]} ".join(parts)


def _contracts(result: CriterionResult, lang: Lang) -> str:
    """``type de contrat : apprenti, exclu du télétravail``; ``(non exclu)`` when it
    passed, ``non renseigné`` when the record does not say."""
    subject = f"{'type de contrat' if lang == 'fr' else 'contract type'}{COLON[lang]}"
    if not isinstance(result.observed, str) or not result.observed:
        shown = _WORDS["not_stated"][lang]
    else:
        shown = _contract(result.observed, lang)
    if result.passed:
        return f"{subject} {shown} ({'non exclu' if lang == 'fr' else 'not excluded'})"
    return f"{subject} {shown}, {_WORDS['excluded'][lang]}"


def _activities(result: CriterionResult, lang: Lang) -> str:
    """``activités : accueil, instruction (aucune exclue)``; ``activités : accueil,
    instruction ; exclue du télétravail : accueil``."""
    fr = lang == "fr"
    subject = f"{'activités' if fr else 'activities'}{COLON[lang]}"
    observed = result.observed if isinstance(result.observed, tuple) else None
    shown = (
        format_value(observed, lang) if observed else ("non renseignées" if fr else "not stated")
    )
    if result.passed:
        return f"{subject} {shown} ({'aucune exclue' if fr else 'none excluded'})"
    excluded = set(result.threshold) if isinstance(result.threshold, tuple) else set()
    in_the_way = tuple(a for a in observed or () if a in excluded)
    words = _agreed(_WORDS["excluded"][lang], lang, feminine=True, plural=len(in_the_way) > 1)
    return (
        f"{subject} {shown}{_SEMICOLON[lang]} {words}{COLON[lang]} {format_value(in_the_way, lang)}"
    )


def _derogations(result: CriterionResult, lang: Lang) -> str:
    """``dérogation en cours : grossesse`` (passed); ``dérogation en cours : aucune, il
    en faut une parmi : santé ou handicap, grossesse``."""

    def named(value: Value) -> str:
        items = value if isinstance(value, tuple) else ()
        words = [DEROGATION_TEXT.get(v, {}).get(lang) or code_words(v) for v in items]
        return ", ".join(words) or _WORDS["none"][lang]

    fr = lang == "fr"
    subject = f"{'dérogation en cours' if fr else 'derogation in force'}{COLON[lang]}"
    if result.passed:
        return f"{subject} {named(result.observed)}"
    wanted = "il en faut une parmi" if fr else "one of these is required"
    return f"{subject} {named(result.observed)}, {wanted}{COLON[lang]} {named(result.threshold)}"


def _quoted(name: str, lang: Lang) -> str:
    return f"«{NBSP}{name}{NBSP}»" if lang == "fr" else f"“{name}”"


def _population(result: CriterionResult, lang: Lang) -> str:
    """``population « cadres » : hors du dispositif``; ``dans aucune des populations du
    dispositif (agents, cadres)``."""
    if isinstance(result.observed, str) and result.observed:
        outside = "hors du dispositif" if lang == "fr" else "outside the scheme"
        return f"population {_quoted(result.observed, lang)}{COLON[lang]} {outside}"
    names = result.threshold if isinstance(result.threshold, tuple) else ()
    listed = ", ".join(_quoted(name, lang) for name in names)
    if lang == "fr":
        return f"dans aucune des populations du dispositif ({listed})"
    return f"in none of the scheme's populations ({listed})"


_WRITERS: Final = {
    "role.excluded": _roles,
    "contract_type.excluded": _contracts,
    "activities.excluded": _activities,
    "derogation.active": _derogations,
    NOT_CONCERNED: _population,
    OUTSIDE_SCHEME: _population,
}


def _is_zero(value: Value) -> bool:
    import pint

    return isinstance(value, pint.Quantity) and float(value.magnitude) == 0


def render_criterion(result: CriterionResult, lang: Lang) -> str:
    """One criterion's sentence, whether it passed or failed (the mark before it is the
    caller's)."""
    writer = _WRITERS.get(result.code)
    if writer is not None:
        return writer(result, lang)
    threshold = format_value(result.threshold, lang)
    if result.code == "quota.granularity":
        threshold = steps_words(result.threshold, lang)
    if result.passed and result.code in _SUBJECTS and _is_zero(result.threshold):
        # a minimum of nothing (no presence on site required): the value alone
        subject = _SUBJECTS[result.code][lang]
        return f"{subject}{COLON[lang]} {format_value(result.observed, lang)}"
    if result.observed is None and result.code in NOT_STATED_TEMPLATES:
        return NOT_STATED_TEMPLATES[result.code][lang].format(threshold=threshold)
    templates = PASSED_TEMPLATES if result.passed else TEMPLATES
    if result.code in templates:
        return templates[result.code][lang].format(
            observed=format_value(result.observed, lang), threshold=threshold
        )
    if lang == "fr" and result.description_fr:
        return result.description_fr
    if result.description:
        return result.description
    name = rule_name(result.code).text(lang)
    return f"{name}{COLON[lang]} {format_value(result.observed, lang)}"
