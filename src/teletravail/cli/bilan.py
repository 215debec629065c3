"""``teletravail bilan NAME|FILE [WORKFORCE.csv]``: the report of a policy on a workforce
(by default the bundled synthetic sample of the Lot's posts): counts, refusals by
criterion, telework days, money and impact, as text in English or French or as a JSON
document.

The figures are gathered once in a document (``_bilan_document``), which ``--json``
prints and the text is written from. The library's modules are imported when the command
runs, so that ``teletravail --help`` stays fast (it loads neither numpy nor pint).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from teletravail.formats import date, money, number, period
from teletravail.messages import Lang

from .exits import EXIT_OK
from .language import COLON
from .reading import column_mapping, load_policy, read_register, reference_date

if TYPE_CHECKING:
    from teletravail.errors import RowError
    from teletravail.policy import Policy
    from teletravail.workforce import Workforce

__all__ = ["BILAN_SCHEMA_VERSION", "SYNTHETIC_SOURCE", "run"]

#: The version of ``bilan --json``'s document (``teletravail.bilan``): 4 since its counts
#: are named by the row statuses of :mod:`teletravail.statuses` (``selection``'s
#: ``not_selected``, which was ``waiting``; ``invalid`` apart from ``rejected``, with
#: ``failed`` the two together, which ``invalid`` was); 5 since amounts of money are exact
#: (``{"value": "264.96", "unit": "EUR"}``), times in ``h`` and the leave's days a
#: quantity, as in every document of the library.
BILAN_SCHEMA_VERSION: Final = 5

#: The source of the default workforce of ``bilan``.
SYNTHETIC_SOURCE: Final = "teletravail.samples.lot_2013_workforce()"

_TEXT: Final[dict[str, dict[Lang, str]]] = {
    "title": {
        "en": "Telework report: {policy} ({territory}) on {on}",
        "fr": "Bilan du télétravail\u00a0: {policy} ({territory}) au {on}",
    },
    "synthetic": {
        "en": "the synthetic sample of the Lot's posts (SYNTHETIC: made up, no row is a real"
        " person)",
        "fr": "l'échantillon synthétique des postes du Lot (SYNTHÉTIQUE\u00a0: fictif, aucune"
        " ligne n'est une personne réelle)",
    },
    "workforce": {"en": "workforce", "fr": "effectif"},
    "rows": {"en": "rows read", "fr": "lignes lues"},
    "agents": {"en": "agents assessed", "fr": "agents évalués"},
    "population": {"en": "population {name}", "fr": "population {name}"},
    "of_them_granted": {"en": "{granted} granted telework", "fr": "dont {granted} en télétravail"},
    "taken_by_earlier": {
        "en": "(the agents it selects belong to populations written before it)",
        "fr": "(les agents qu'elle désigne appartiennent à des populations écrites avant elle)",
    },
    "selects_none": {
        "en": "(its selector matches no agent of this workforce)",
        "fr": "(aucun agent de cet effectif ne répond à sa sélection)",
    },
    "outside": {"en": "(outside the scheme)", "fr": "(hors du dispositif)"},
    "criteria": {
        "en": "criteria in the way (an agent counts under each)",
        "fr": "critères en cause (un agent compte sous chacun)",
    },
    "selected": {
        "en": "{selected} of {eligible} eligible ({seats} seats), {waiting} waiting",
        "fr": "{selected} sur {eligible} éligibles ({seats} places), {waiting} en liste d'attente",
    },
    "failed": {"en": "rows in error", "fr": "lignes en erreur"},
    "row": {"en": "row", "fr": "ligne"},
    "more": {"en": "… and {count} more", "fr": "… et {count} de plus"},
    "period": {"en": "period", "fr": "période"},
    "rules": {
        "en": "rules in the way (an agent counts under each)",
        "fr": "règles en cause (un agent compte sous chacune)",
    },
    "telework": {"en": "telework", "fr": "télétravail"},
    "over_period": {
        "en": "{days} over the period ({leave})",
        "fr": "{days} sur la période ({leave})",
    },
    "allowance": {"en": "allowance paid", "fr": "indemnités versées"},
    "employer": {"en": "employer costs", "fr": "coûts pour l'employeur"},
    "impact": {"en": "commutes avoided", "fr": "trajets évités"},
    "distance": {"en": "distance", "fr": "distance"},
    "time": {"en": "time", "fr": "temps"},
    "emissions": {"en": "emissions", "fr": "émissions"},
    "tonnes": {
        "en": "{net} t CO2e net ({gross} gross, {rebound} rebound)",
        "fr": "{net} t CO2e nettes ({gross} brutes, {rebound} d'effet rebond)",
    },
    "money": {"en": "money saved", "fr": "économies"},
    "not_priced": {
        "en": "not priced (the policy states no cost per km)",
        "fr": "non chiffrées (la politique ne donne pas de coût au km)",
    },
    "unknown": {
        "en": "agents whose distance is unknown (counted as 0 km)",
        "fr": "agents dont la distance est inconnue (comptés pour 0 km)",
    },
}
#: A number of days, in each language (French keeps the noun singular below 2).
_DAYS: Final[dict[Lang, tuple[str, str]]] = {"en": ("day", "days"), "fr": ("jour", "jours")}
_ERRORS_SHOWN: Final = 5


def _value(quantity: Any, unit: str) -> dict[str, Any]:
    return {"value": float(quantity.m_as(unit)), "unit": unit}


def _bilan_document(
    policy: Policy,
    workforce: Workforce,
    on: dt.date,
    *,
    source: str,
    synthetic: bool,
    period: str | None = None,
    row_errors: list[RowError] | None = None,
) -> dict[str, Any]:
    """The figures of ``teletravail bilan`` as a JSON-ready document with a schema (the
    bad rows are also added to ``row_errors``, when given, for their messages in French)."""
    import numpy as np

    from teletravail.documents import money_data
    from teletravail.policy.populations import NOT_CONCERNED_CODES

    batch = policy.assess_workforce(workforce, on, period=period, errors="report")
    decisions = batch.decisions
    errors = sorted((*workforce.rejected, *batch.errors), key=lambda e: e.row)
    if row_errors is not None:
        row_errors.extend(errors)
    rows = len(workforce) + len(workforce.rejected)
    agents = rows - len(errors)
    eligible = int(np.count_nonzero(decisions.eligible & ~batch.invalid))
    not_concerned = batch.count("not_concerned")
    in_the_way = {
        code: n for code, n in decisions.failure_counts().items() if code not in NOT_CONCERNED_CODES
    }
    refused = sorted(in_the_way.items(), key=lambda item: (-item[1], item[0]))
    selection = None
    if policy.selection is not None:
        selected = int(np.count_nonzero(batch.entitled))
        selection = {
            "seats": policy.selection.seats,
            "selected": selected,
            "not_selected": eligible - selected,
        }
    totals = batch.totals()
    sums = batch.sums()
    impact = batch.impact.totals()
    money = impact.get("money")
    assert money is None or not isinstance(money, int)  # an amount, or not priced
    return {
        "schema": "teletravail.bilan",
        "schema_version": BILAN_SCHEMA_VERSION,
        "policy": {"name": policy.name, "territory": policy.territory},
        "on": on.isoformat(),
        "workforce": {"source": source, "synthetic": synthetic},
        "rows": rows,
        "agents": agents,
        "not_concerned": not_concerned,
        "populations": [
            {
                "name": name,
                "agents": counts["agents"],
                "granted": counts["granted"],
                "taken_by_earlier": name in batch.shadowed,
            }
            for name, counts in batch.population_counts().items()
            if name
        ],
        "eligible": eligible,
        "not_eligible": agents - eligible - not_concerned,
        "refused_by_criterion": dict(refused),
        "selection": selection,
        "granted": batch.count("granted"),
        "refused": batch.count("refused"),
        "not_asked": batch.count("not_asked"),
        "refused_by_rule": dict(
            sorted(batch.refusal_counts().items(), key=lambda item: (-item[1], item[0]))
        ),
        "invalid": len(batch.errors),
        "rejected": len(workforce.rejected),
        "failed": len(errors),
        "errors": [error.to_dict() for error in errors],
        "period": {"start": batch.start.isoformat(), "end": batch.end.isoformat()},
        "leave": policy.leave.to_dict(),
        "telework": _value(totals["days"], "workday"),
        "allowance": money_data(sums["allowance_cents"]),
        "employer_costs": money_data(sums["employer_cents"]),
        "impact": {
            "distance": _value(impact["distance"], "km"),
            "time": _value(impact["time"], "h"),
            "gross": _value(impact["gross"], "t CO2e"),
            "rebound": _value(impact["rebound"], "t CO2e"),
            "net": _value(impact["net"], "t CO2e"),
            "money": None
            if money is None
            else money_data(round(_value(money, "EUR")["value"] * 100)),
            "unknown_distance": impact["unknown_distance"],
        },
    }


def _days(value: float, lang: Lang) -> str:
    """``674 days``, ``1.5 days``, ``1 day``; ``674 jours``, ``1,5 jour``."""
    singular = value == 1 if lang == "en" else abs(value) < 2
    return f"{number(value, lang, None)} {_DAYS[lang][0 if singular else 1]}"


def _render_bilan(
    document: dict[str, Any], lang: Lang = "en", messages: Sequence[str] | None = None
) -> str:
    """The text of ``teletravail bilan``, in English or French, from its document;
    ``messages`` are those of its bad rows in ``lang`` (default: the document's). The
    statuses are said by their labels (:class:`~teletravail.statuses.RowStatus`), the
    rules by their names (:func:`~teletravail.explain.names.rule_name`), the figures,
    amounts and dates as :mod:`teletravail.formats` writes them: no code in the text."""
    from teletravail.documents import Money, read
    from teletravail.explain.names import rule_name
    from teletravail.scheduling.leave import LeaveAssumption
    from teletravail.statuses import RowStatus

    def say(key: str, **values: Any) -> str:
        return _TEXT[key][lang].format(**values)

    def count(value: int) -> str:
        return number(value, lang)

    def status(which: RowStatus) -> str:
        # each heads a count of agents
        return which.plural_label.text(lang)

    def euros(amount: dict[str, str]) -> str:  # {"value": "264.96", "unit": "EUR"}
        cents: int = read(Money(), amount, "amount")
        return money(cents, lang)

    colon = COLON[lang]
    policy, workforce = document["policy"], document["workforce"]
    source = say("synthetic") if workforce["synthetic"] else workforce["source"]
    on = date(document["on"], lang)
    out = [
        say("title", policy=policy["name"], territory=policy["territory"], on=on),
        f"{say('workforce')}{colon} {source}",
        f"{say('rows')}{colon} {count(document['rows'])}",
        f"{say('agents')}{colon} {count(document['agents'])}",
    ]
    for population in document["populations"]:
        line = say("population", name=population["name"])
        granted = say("of_them_granted", granted=count(population["granted"]))
        out.append(f"  {line}{colon} {count(population['agents'])}, {granted}")
        if population["taken_by_earlier"]:
            out[-1] += " " + say("taken_by_earlier")
        elif not population["agents"]:
            out[-1] += " " + say("selects_none")
    if document["not_concerned"] or document["populations"]:
        out.append(
            f"{status(RowStatus.NOT_CONCERNED)} {say('outside')}{colon}"
            f" {count(document['not_concerned'])}"
        )
    out += [
        f"{status(RowStatus.ELIGIBLE)}{colon} {count(document['eligible'])}",
        f"{status(RowStatus.NOT_ELIGIBLE)}{colon} {count(document['not_eligible'])},"
        f" {say('criteria')}{colon}",
    ]
    out += [
        f"  {rule_name(code).text(lang)}{colon} {count(n)}"
        for code, n in document["refused_by_criterion"].items()
    ]
    selection = document["selection"]
    if selection is not None:
        chosen = say(
            "selected",
            selected=count(selection["selected"]),
            eligible=count(document["eligible"]),
            seats=count(selection["seats"]),
            waiting=count(selection["not_selected"]),
        )
        out.append(f"{status(RowStatus.SELECTED)}{colon} {chosen}")
    refused = f"{status(RowStatus.REFUSED)}{colon} {count(document['refused'])}"
    out.append(f"{refused}, {say('rules')}{colon}" if document["refused"] else refused)
    out += [
        f"  {rule_name(code).text(lang)}{colon} {count(n)}"
        for code, n in document["refused_by_rule"].items()
    ]
    if document["not_asked"]:
        out.append(f"{status(RowStatus.NOT_ASKED)}{colon} {count(document['not_asked'])}")
    out.append(f"{status(RowStatus.GRANTED)}{colon} {count(document['granted'])}")
    unreadable = f"{status(RowStatus.REJECTED)}{colon} {count(document['rejected'])}"
    not_assessed = f"{status(RowStatus.INVALID)}{colon} {count(document['invalid'])}"
    out.append(f"{say('failed')}{colon} {count(document['failed'])} ({unreadable}, {not_assessed})")
    errors = document["errors"]
    said = [e["message"] for e in errors] if messages is None else messages
    out += [
        f"  {say('row')} {count(e['row'])}{colon} {message}"
        for e, message in zip(errors[:_ERRORS_SHOWN], said, strict=False)
    ]
    if len(errors) > _ERRORS_SHOWN:
        out.append("  " + say("more", count=count(len(errors) - _ERRORS_SHOWN)))
    span = document["period"]
    out.append(f"{say('period')}{colon} {period(span['start'], span['end'], lang)}")
    leave = document["leave"]
    assumed = LeaveAssumption(
        days=None if leave["days"] is None else f"{leave['days']['value']} workday",
        weeks_worked=leave["weeks_worked"],
    )
    days = _days(round(document["telework"]["value"], 1), lang)
    over = say("over_period", days=days, leave=assumed.describe(lang))
    out.append(f"{say('telework')}{colon} {over}")
    for key, name in (("allowance", "allowance"), ("employer_costs", "employer")):
        out.append(f"{say(name)}{colon} {euros(document[key])}")
    impact = document["impact"]
    tonnes = say(
        "tonnes",
        net=number(impact["net"]["value"], lang, 3),
        gross=number(impact["gross"]["value"], lang, 3),
        rebound=number(impact["rebound"]["value"], lang, 3),
    )
    out += [
        f"{say('impact')}{colon}",
        f"  {say('distance')}{colon} {number(impact['distance']['value'], lang, 1)} km",
        f"  {say('time')}{colon} {number(impact['time']['value'], lang, 1)} h",
        f"  {say('emissions')}{colon} {tonnes}",
    ]
    saved = impact["money"]
    out.append(f"  {say('money')}{colon} " + (say("not_priced") if saved is None else euros(saved)))
    if impact["unknown_distance"]:
        out.append(f"  {say('unknown')}{colon} {count(impact['unknown_distance'])}")
    return "\n".join(out)


def _is_shipped_sample(path: str) -> bool:
    """Whether ``path`` is the package's own synthetic sample (the report says so)."""
    import os
    from importlib import resources

    from teletravail.samples import LOT_2013_SAMPLE

    shipped = resources.files("teletravail") / "data" / LOT_2013_SAMPLE
    try:
        return os.path.samefile(path, str(shipped))
    except (OSError, ValueError):
        return False


def run(args: argparse.Namespace) -> int:
    """Print the report of ``args.policy`` on ``args.workforce`` (or the synthetic
    sample), as text in ``args.lang`` or as JSON."""
    policy = load_policy(args.policy)
    on = reference_date(policy, args.on)
    if args.workforce is None:
        from teletravail.samples import lot_2013_workforce

        workforce, source, synthetic = lot_2013_workforce(), SYNTHETIC_SOURCE, True
    else:
        columns = column_mapping(args.columns)
        workforce = read_register(args.workforce, columns, encoding=args.encoding)[0]
        source, synthetic = args.workforce, _is_shipped_sample(args.workforce)
    bad: list[RowError] = []
    document = _bilan_document(
        policy,
        workforce,
        on,
        source=source,
        synthetic=synthetic,
        period=args.period,
        row_errors=bad,
    )
    if args.json:
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        print(_render_bilan(document, args.lang, [error.text(args.lang) for error in bad]))
    return EXIT_OK
