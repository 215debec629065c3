"""The routes of the web service, grouped by subject, all under the API's prefix
(``/v1``):

* :mod:`.service`: health, version, the published JSON Schemas, the OpenAPI document
  and its interactive docs (served from the package, offline);
* :mod:`.policies`: the policies served and each one's document;
* :mod:`.assessments`: one agent or a batch assessed, and the explanation of a decision;
* :mod:`.planning`: a weekly pattern checked against the quota, and the allowance with
  its payment calendar;
* :mod:`.framework`: conformity to the national framework, and an authorisation's
  deadlines;
* :mod:`.parameters`: the dated national parameters with their sources.
"""

from __future__ import annotations

from fastapi import APIRouter

from . import assessments, framework, parameters, planning, policies, service

__all__ = ["ROUTERS"]

#: Every router of the service, in the order of the OpenAPI document.
ROUTERS: tuple[APIRouter, ...] = (
    service.router,
    policies.router,
    assessments.router,
    planning.router,
    framework.router,
    parameters.router,
)
