"""The terms of the individual authorisations in a policy document.

:func:`authorisation_table` describes the ``authorisation`` table: how long an
authorisation lasts, how it is renewed and how many times, its adaptation period and the
notice to end it (:mod:`teletravail.policy.terms`).
"""

from __future__ import annotations

from teletravail.config.format.sources import SOURCE
from teletravail.dated import Span
from teletravail.documents import Choice, Flag, Key, Number, Table, non_defaults
from teletravail.policy.terms import MOST_RENEWALS, RENEWAL_WORDS, AuthorisationTerms, Renewal

__all__ = ["authorisation_table"]


def authorisation_table() -> Table:
    """The ``authorisation`` table: the terms of the individual authorisations, with
    the keys each key needs (a renewal needs a duration, a count of renewals a renewal)."""
    return Table(
        "authorisation",
        "The terms of the individual authorisations: how long one lasts, how it is"
        " renewed, its adaptation period and the notice to end it. A notice the terms do"
        " not set is the framework's.",
        [
            Key("duration", Span(), "how long a term lasts, e.g. '1 an' (default: open-ended)"),
            Key(
                "renewal",
                Choice([r.value for r in Renewal], RENEWAL_WORDS),
                "how a term is renewed at its end: by an express decision, or tacitly unless"
                " either side says otherwise (default: not renewed); needs a duration",
            ),
            Key(
                "max_renewals",
                Number(1, MOST_RENEWALS, whole=True),
                "the most renewals (default: no limit): a 1-year term renewed at most 2"
                " times lasts 3 years in all; needs a renewal",
            ),
            Key(
                "decision_before",
                Span(),
                "the decision on a renewal is taken at the latest this long before the end"
                " of the term, e.g. '1 mois'; needs a renewal",
            ),
            Key(
                "answer_within",
                Span(),
                "the time to answer a request in writing, from its receipt or from the"
                " closing date of a request campaign, e.g. '1 mois' (default: the"
                " framework's)",
            ),
            Key(
                "adaptation",
                Span(),
                "the adaptation period at the start, e.g. '3 mois' (default: none)",
            ),
            Key("notice_agent", Span(), "the notice of an ending at the agent's initiative"),
            Key("notice_employer", Span(), "the notice of an ending at the employer's initiative"),
            Key(
                "notice_adaptation",
                Span(),
                "the notice on either side during the adaptation period, e.g. '1 mois'",
            ),
            Key(
                "employer_may_shorten",
                Flag(),
                "the employer may shorten its notice when the service's needs are stated"
                " (default false)",
            ),
            Key("source", SOURCE, "the text that sets the terms"),
        ],
        lambda data: AuthorisationTerms(**data),
        lambda obj: non_defaults(
            obj,
            "duration",
            "renewal",
            "max_renewals",
            "decision_before",
            "answer_within",
            "adaptation",
            "notice_agent",
            "notice_employer",
            "notice_adaptation",
            "employer_may_shorten",
            "source",
        ),
        constraints={
            "dependentRequired": {
                "renewal": ["duration"],
                "max_renewals": ["renewal"],
                "decision_before": ["renewal"],
                "notice_adaptation": ["adaptation"],
            }
        },
    )
