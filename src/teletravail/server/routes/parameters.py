"""The dated national parameters a policy may name (the forfait télétravail, the URSSAF
limits), as OpenFisca's ``/parameters`` gives its own: the list, and one parameter with
its dated values by branch, each with its source, and the values in force on a day."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from teletravail.allowance import NationalParameter, national_parameters
from teletravail.errors import UnknownParameterError
from teletravail.messages import choices, did_you_mean_among

from ..context import lang_of, query
from ..documents import document
from ..openapi import PREFIX, operation
from ..problems import JSONDocument
from .subjects import read_on

__all__ = ["router"]

router = APIRouter(prefix=PREFIX, tags=["parameters"])


def _line(parameter: NationalParameter) -> dict[str, Any]:
    return {
        "name": parameter.name,
        "label": parameter.label,
        "description": parameter.description,
        "kind": parameter.kind,
        "branches": [branch.value for branch in parameter.branches],
        "source": parameter.source.to_dict(),
    }


@router.get(
    "/parameters", **operation("the national parameters", response="teletravail.server.parameters")
)
async def parameters(request: Request) -> Response:
    lang_of(request)
    listed = [_line(parameter) for parameter in national_parameters().values()]
    return JSONDocument(document("parameters", parameters=listed))


_PARAMETER = {
    "name": "parameter",
    "in": "path",
    "required": True,
    "description": "a parameter's name (GET /v1/parameters lists them)",
    "schema": {"type": "string"},
}
_ON = {
    "name": "on",
    "in": "query",
    "required": False,
    "description": "the day whose values in force are asked (YYYY-MM-DD)",
    "schema": {"type": "string", "format": "date"},
}


@router.get(
    "/parameters/{parameter}",
    **operation(
        "one national parameter: its dated values with their sources, and those in force on a day",
        response="teletravail.server.parameter",
        parameters=(_PARAMETER, _ON),
    ),
)
async def parameter(request: Request) -> Response:
    lang_of(request)
    name = request.path_params["parameter"]
    known = national_parameters()
    found = known.get(name)
    if found is None:
        names = list(known)
        raise UnknownParameterError(
            "parameter", name, choices(names) + did_you_mean_among(name, names, cutoff=0.5)
        )
    on = query(request, "on", read_on, None)
    in_force = None
    if on is not None:
        in_force = [
            {
                "branch": None if branch is None else branch.value,
                "rate": values.rate.entry_as_of(on).to_dict(),
                "cap": None if values.cap is None else values.cap.entry_as_of(on).to_dict(),
            }
            for branch, values in found.values
        ]
    return JSONDocument(
        document(
            "parameter",
            parameter=found.to_dict(),
            on=None if on is None else on.isoformat(),
            in_force=in_force,
        )
    )
