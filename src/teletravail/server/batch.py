"""A batch of agent documents read and assessed: every agent of the request comes out,
in its order, as a row of the library's rows document (``teletravail.assessment.rows``,
:meth:`BatchAssessment.to_dict <teletravail.policy.batch.BatchAssessment.to_dict>`, the
document ``teletravail assess --format json`` writes): its status and figures, or the
error that kept it from being read or assessed.

The agents are read together, as columns (:meth:`Workforce.from_records
<teletravail.workforce.Workforce.from_records>`), each as the agent document it is: an
object without ``format`` is read as if it said ``"format": "teletravail.agent"``, so
that its keys mean what :meth:`Agent.from_dict
<teletravail.workforce.Agent.from_dict>` reads (an unknown key refuses that agent, not
the batch). An agent that does not read is a ``rejected`` row whose error gives its
``row``, its index in ``agents``, and its ``field``, the key path inside that agent:
``agents[3].hire_date`` is row 3, field ``hire_date``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from teletravail.policy import Policy
from teletravail.workforce import AGENT_FORMAT, Workforce

__all__ = ["agent_ids", "as_documents", "assess_documents"]


def as_documents(agents: Sequence[Any]) -> list[Any]:
    """``agents`` as the batch readers take them: each object that does not state its
    ``format`` given the agent document's, anything else left as it is (a row that
    will be refused)."""
    return [
        {"format": AGENT_FORMAT, **agent}
        if isinstance(agent, Mapping) and "format" not in agent
        else agent
        for agent in agents
    ]


def agent_ids(agents: Sequence[Any]) -> list[str | None]:
    """The id each agent gives, as written (``None`` where it gives no text), so that a
    rejected row keeps the id its client sent."""
    ids: list[str | None] = []
    for agent in agents:
        found = agent.get("id") if isinstance(agent, Mapping) else None
        ids.append(found if isinstance(found, str) else None)
    return ids


def assess_documents(
    policy: Policy, agents: Sequence[Any], on: Any, period: Any = None
) -> dict[str, Any]:
    """The rows document of the agent documents ``agents`` assessed under ``policy`` on
    ``on`` over ``period``: the same document as ``policy.assess(Workforce.from_records(
    agents, errors="report"), on, period=period, errors="report").to_dict(ids)``."""
    workforce = Workforce.from_records(as_documents(agents), errors="report")
    batch = policy.assess(workforce, on, period=period, errors="report")
    return batch.to_dict(agent_ids(agents))
