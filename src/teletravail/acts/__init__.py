"""The individual act that grants telework, and the information document given with it.

An :class:`IndividualAct` holds every mandatory mention of the act as data (duties,
places, modality, duration, the hours when the agent can be reached, the start date,
the adaptation period) with its kind by sector, the parties, the notice, the appeal
body and the texts applied; :meth:`IndividualAct.from_policy` fills it with the
library's figures. An :class:`InformationDocument` holds what the agent is told with
it. Both render in French and English, as Markdown or HTML, from Jinja2 templates an
HR department can replace (:mod:`teletravail.acts.rendering`).

The modules: :mod:`.kinds` (kinds of act, sectors, appeal bodies), :mod:`.mentions`
(the mandatory mentions, and :func:`missing_mention`, which builds the
:class:`~teletravail.errors.MissingMentionError` of one left out), :mod:`.parties`
(:class:`Employer`, :class:`Teleworker`), :mod:`.hours` (:class:`ReachableHours`),
:mod:`.modality` (:class:`Modality`), :mod:`.act`, :mod:`.information`,
:mod:`.words` (the data in words) and :mod:`.rendering` (the templates).
"""

from __future__ import annotations

from teletravail.acts.act import FRAMEWORK_NOTICE, IndividualAct
from teletravail.acts.hours import ReachableHours
from teletravail.acts.information import InformationDocument
from teletravail.acts.kinds import ActKind, AppealBody, Sector, appeal_body
from teletravail.acts.mentions import (
    ACT_MENTIONS,
    DOCUMENT_MENTIONS,
    MENTIONS_SOURCE,
    Mention,
    missing_mention,
)
from teletravail.acts.modality import Modality, ModalityKind, Per
from teletravail.acts.parties import Employer, Teleworker
from teletravail.acts.rendering import FORMATS, TEMPLATE_NAMES, template_name
from teletravail.errors import MissingMentionError

__all__ = [
    "ACT_MENTIONS",
    "DOCUMENT_MENTIONS",
    "FORMATS",
    "FRAMEWORK_NOTICE",
    "MENTIONS_SOURCE",
    "TEMPLATE_NAMES",
    "ActKind",
    "AppealBody",
    "Employer",
    "IndividualAct",
    "InformationDocument",
    "Mention",
    "MissingMentionError",
    "Modality",
    "ModalityKind",
    "Per",
    "ReachableHours",
    "Sector",
    "Teleworker",
    "appeal_body",
    "missing_mention",
    "template_name",
]
