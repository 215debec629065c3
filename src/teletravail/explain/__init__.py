"""Explanations: the decision trees that say why, and their text in English and French.

Eligibility rules and quotas both answer with these trees, so both depend on this
package and neither on the other.

- :mod:`~teletravail.explain.values`: what a criterion observed and required
  (:data:`Value`), written as JSON-ready data and read back.
- :mod:`~teletravail.explain.results`: the trees (:class:`CriterionResult`,
  :class:`CompositeResult`) and one agent's eligibility :class:`Decision`, with their
  documents and :data:`SCHEMA_VERSION`.
- :mod:`~teletravail.explain.text`: the whole answers as text, rendered from the data;
  :mod:`~teletravail.explain.sentences`: each criterion's sentence, passed or failed;
  :mod:`~teletravail.explain.remedies`: what would make a refusal acceptable;
  :mod:`~teletravail.explain.patterns`: a weekly pattern in words (:func:`pattern_words`).
- :mod:`~teletravail.explain.names`: the rules' names in words (:func:`rule_name`), which
  prose writes in place of their codes.

>>> from teletravail.explain import CriterionResult, format_value
>>> leaf = CriterionResult(code="volunteer", passed=True, observed=True, threshold=True)
>>> leaf.to_dict()["passed"], format_value(leaf.observed, "fr")
(True, 'oui')
"""

from .names import RULE_NAMES, rule_name
from .patterns import pattern_words
from .results import (
    DECISION,
    RESULT,
    SCHEMA_VERSION,
    CompositeResult,
    CriterionResult,
    Decision,
    Result,
    result_from_dict,
)
from .text import (
    CONTRACT_TYPE_TEXT,
    DEROGATION_TEXT,
    NOT_CONCERNED,
    NOT_CONCERNED_CODES,
    NOT_STATED_TEMPLATES,
    OUTSIDE_SCHEME,
    TEMPLATES,
    QuotaAnswer,
    format_value,
    render_criterion,
    render_decision,
    render_quota,
)
from .values import Value, decode_value, encode_value

__all__ = [
    "CONTRACT_TYPE_TEXT",
    "DECISION",
    "DEROGATION_TEXT",
    "NOT_CONCERNED",
    "NOT_CONCERNED_CODES",
    "NOT_STATED_TEMPLATES",
    "OUTSIDE_SCHEME",
    "RESULT",
    "RULE_NAMES",
    "SCHEMA_VERSION",
    "TEMPLATES",
    "CompositeResult",
    "CriterionResult",
    "Decision",
    "QuotaAnswer",
    "Result",
    "Value",
    "decode_value",
    "encode_value",
    "format_value",
    "pattern_words",
    "render_criterion",
    "render_decision",
    "render_quota",
    "result_from_dict",
    "rule_name",
]
