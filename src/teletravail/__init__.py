"""teletravail: composable, unit-aware models of telework (télétravail) schemes.

The public API is re-exported here and loaded on first use, so that ``import
teletravail`` stays cheap (pint and numpy are imported when a name that needs them is
first touched)::

    >>> import teletravail as tt
    >>> agent = tt.Agent(id="A1", hire_date="2011-03-01", working_time="90 %")
    >>> tt.presets.load("lot-2013").eligibility.evaluate(agent, on="2013-01-01").eligible
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# The errors are loaded first: they hand the messages the error an unknown language
# raises (the messages sit below them and cannot import them).
from teletravail import errors as errors
from teletravail._lazy import lazy_names

__version__ = "0.1.0"

# name -> module that defines it
_EXPORTS: dict[str, str] = {
    "Q_": "teletravail.units",
    "get_registry": "teletravail.units",
    "set_registry": "teletravail.units",
    "as_quantity": "teletravail.units",
    "Source": "teletravail.sources",
    "DatedValue": "teletravail.dated",
    "DatedParameter": "teletravail.dated",
    "Duration": "teletravail.dated",
    "Period": "teletravail.dated",
    "Agent": "teletravail.workforce",
    "Workforce": "teletravail.workforce",
    "Derogation": "teletravail.workforce",
    "DerogationKind": "teletravail.workforce",
    "CommuteMode": "teletravail.workforce",
    "ContractType": "teletravail.workforce",
    "Category": "teletravail.workforce",
    "Activity": "teletravail.workforce",
    "TeletravailError": "teletravail.errors",
    "ValidationError": "teletravail.errors",
    "UnitError": "teletravail.errors",
    "DatedValueError": "teletravail.errors",
    "NoValueInForceError": "teletravail.errors",
    "ReferenceDateError": "teletravail.errors",
    "WorkforceError": "teletravail.errors",
    "RowError": "teletravail.errors",
    "PatternError": "teletravail.errors",
    "QuotaExceededError": "teletravail.errors",
    "NotAvailableError": "teletravail.errors",
    "NotPayableError": "teletravail.errors",
    "ProcedureError": "teletravail.errors",
    "TransitionError": "teletravail.errors",
    "EventOrderError": "teletravail.errors",
    "Policy": "teletravail.policy",
    "Assessment": "teletravail.policy",
    "BatchAssessment": "teletravail.policy",
    "PopulationAssessment": "teletravail.policy",
    "Population": "teletravail.policy.populations",
    "Members": "teletravail.policy.populations",
    "WorkingTimeBand": "teletravail.scheduling.working_time",
    "compare_policies": "teletravail.policy",
    "load_policy": "teletravail.presets",
    "check_conformity": "teletravail.conformity",
    "ConformityReport": "teletravail.conformity",
    "Finding": "teletravail.conformity",
    "ConfigError": "teletravail.errors",
    "Problem": "teletravail.errors",
    "Phrase": "teletravail.messages",
}
_SUBPACKAGES = frozenset(
    {
        "units",
        "dated",
        "dates",
        "errors",
        "workforce",
        "eligibility",
        "scheduling",
        "allowance",
        "impact",
        "config",
        "conformity",
        "procedure",
        "presets",
        "samples",
        "sources",
        "synthetic",
        "messages",
        "explain",
        "frames",
        "money",
        "tables",
        "statuses",
        "sweep",
        "distributed",
    }
)

__all__ = [
    "Q_",
    "Activity",
    "Agent",
    "Assessment",
    "BatchAssessment",
    "Category",
    "CommuteMode",
    "ConfigError",
    "ConformityReport",
    "ContractType",
    "DatedParameter",
    "DatedValue",
    "DatedValueError",
    "Derogation",
    "DerogationKind",
    "Duration",
    "EventOrderError",
    "Finding",
    "Members",
    "NoValueInForceError",
    "NotAvailableError",
    "NotPayableError",
    "PatternError",
    "Period",
    "Phrase",
    "Policy",
    "Population",
    "PopulationAssessment",
    "Problem",
    "ProcedureError",
    "QuotaExceededError",
    "ReferenceDateError",
    "RowError",
    "Source",
    "TeletravailError",
    "TransitionError",
    "UnitError",
    "ValidationError",
    "Workforce",
    "WorkforceError",
    "WorkingTimeBand",
    "allowance",
    "as_quantity",
    "check_conformity",
    "compare_policies",
    "config",
    "conformity",
    "dated",
    "dates",
    "distributed",
    "eligibility",
    "errors",
    "get_registry",
    "impact",
    "load_policy",
    "messages",
    "presets",
    "procedure",
    "samples",
    "scheduling",
    "set_registry",
    "sources",
    "statuses",
    "sweep",
    "synthetic",
    "tables",
    "units",
    "workforce",
]

if TYPE_CHECKING:
    from teletravail import (
        allowance,
        config,
        conformity,
        dated,
        dates,
        distributed,
        eligibility,
        errors,
        impact,
        messages,
        presets,
        samples,
        scheduling,
        sources,
        statuses,
        sweep,
        synthetic,
        tables,
        units,
        workforce,
    )
    from teletravail.conformity import ConformityReport, Finding, check_conformity
    from teletravail.dated import DatedParameter, DatedValue, Duration, Period
    from teletravail.errors import (
        ConfigError,
        DatedValueError,
        NotAvailableError,
        NotPayableError,
        NoValueInForceError,
        PatternError,
        Problem,
        QuotaExceededError,
        ReferenceDateError,
        RowError,
        TeletravailError,
        UnitError,
        ValidationError,
        WorkforceError,
    )
    from teletravail.messages import Phrase
    from teletravail.policy import (
        Assessment,
        BatchAssessment,
        Policy,
        PopulationAssessment,
        compare_policies,
    )
    from teletravail.policy.populations import Members, Population
    from teletravail.presets import load_policy
    from teletravail.scheduling.working_time import WorkingTimeBand
    from teletravail.sources import Source
    from teletravail.units import Q_, as_quantity, get_registry, set_registry
    from teletravail.workforce import (
        Activity,
        Agent,
        Category,
        CommuteMode,
        ContractType,
        Derogation,
        DerogationKind,
        Workforce,
    )


__getattr__, __dir__ = lazy_names(__name__, _EXPORTS, _SUBPACKAGES, __all__)
