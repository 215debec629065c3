"""The sources' published figures reproduced by the model, each beside the model's, with
the assumptions it rests on and their sources (``teletravail reproduce``).

A reproduction is a *scenario*, shipped as data a territory can copy: a small register,
a policy (a preset's name or a document) or a network of télécentres, and every
assumption, each with its source or the word "assumed" (:mod:`.scenario`). The model's
figures come from the assessment every user runs and from the télécentres' economics
(:mod:`.compute`); :func:`reproduce` puts them beside the published ones (:mod:`.result`)
and writes them as text in English or French (:mod:`.text`), CSV or a JSON document.

>>> from teletravail.reproductions import reproduce
>>> row = reproduce(["lot-2012"]).rows[0]
>>> row.figure.published, row.model, row.status
(38735.0, 38472.0, 'assumed')
"""

from .result import REPRODUCTION_SCHEMA as REPRODUCTION_SCHEMA
from .result import REPRODUCTION_SCHEMA_VERSION as REPRODUCTION_SCHEMA_VERSION
from .result import Reproduction as Reproduction
from .result import Row as Row
from .result import reproduce as reproduce
from .scenario import MEASURES as MEASURES
from .scenario import Assumption as Assumption
from .scenario import Figure as Figure
from .scenario import Measure as Measure
from .scenario import Scenario as Scenario
from .scenario import load_scenario as load_scenario
from .scenario import names as names
from .scenario import read_scenario as read_scenario
from .text import STATUSES as STATUSES

__all__ = [
    "MEASURES",
    "REPRODUCTION_SCHEMA",
    "REPRODUCTION_SCHEMA_VERSION",
    "STATUSES",
    "Assumption",
    "Figure",
    "Measure",
    "Reproduction",
    "Row",
    "Scenario",
    "load_scenario",
    "names",
    "read_scenario",
    "reproduce",
]
