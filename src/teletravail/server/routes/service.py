"""The service itself: health, version, the JSON Schemas it publishes, its OpenAPI
document, and the interactive docs of that document.

The interactive docs are Swagger UI, whose script and style sheet ship in the
``swagger-ui-py`` package (part of the ``server`` extra) and are served by the service
itself from a fixed list of files: nothing is loaded from another site, so the docs work
offline.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Final

from fastapi import APIRouter
from fastapi.openapi.docs import get_swagger_ui_html
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from teletravail import __version__
from teletravail.errors import NotServedError
from teletravail.messages import Phrase, choices

from ..context import lang_of, store_of
from ..documents import document
from ..openapi import API_VERSION, PREFIX, openapi_document, operation, published_schemas
from ..problems import JSONDocument

__all__ = ["DOCS_ASSETS", "router", "swagger_folder"]

router = APIRouter(prefix=PREFIX, tags=["service"])

#: The files of the interactive docs the service serves, and their media types.
DOCS_ASSETS: Final = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui.css": "text/css",
    "favicon-32x32.png": "image/png",
}


def swagger_folder() -> Path | None:
    """The folder of Swagger UI's files in the ``swagger-ui-py`` package, or ``None``
    when it is not installed."""
    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "static"


@router.get("/health", **operation("the service is up", response="teletravail.server.health"))
async def health(request: Request) -> Response:
    lang_of(request)
    return JSONDocument(
        document(
            "health", status="ok", version=__version__, policies=len(store_of(request).names())
        )
    )


@router.get(
    "/version",
    **operation("the versions of the library and the API", response="teletravail.server.version"),
)
async def version(request: Request) -> Response:
    lang_of(request)
    return JSONDocument(
        document("version", name="teletravail", version=__version__, api=API_VERSION)
    )


@router.get(
    "/schemas", **operation("the JSON Schemas published", response="teletravail.server.schemas")
)
async def schemas(request: Request) -> Response:
    lang_of(request)
    listed = [
        {
            "name": name,
            "id": schema["$id"],
            "version": int(schema["$id"].rsplit(":", 1)[1]),
            "title": schema["title"],
            "path": f"{PREFIX}/schemas/{name}",
        }
        for name, schema in published_schemas().items()
    ]
    return JSONDocument(document("schemas", schemas=listed))


@router.get(
    "/schemas/{schema}",
    **operation(
        "one JSON Schema (draft 2020-12)",
        parameters=(
            {"name": "schema", "in": "path", "required": True, "schema": {"type": "string"}},
        ),
        media="application/schema+json",
    ),
)
async def schema(request: Request) -> Response:
    lang_of(request)
    name = request.path_params["schema"]
    found = published_schemas()
    if name not in found:
        raise NotServedError(
            "schema",
            name,
            Phrase(
                "a schema published: {names}",
                "un schéma publié\u00a0: {names}",
                names=choices(list(found)),
            ),
        )
    return JSONDocument(found[name], media_type="application/schema+json")


@router.get("/openapi.json", **operation("this API's OpenAPI document"))
async def openapi(request: Request) -> Response:
    lang_of(request)
    return JSONDocument(openapi_document(request.app))


@router.get("/docs", include_in_schema=False)
async def docs(request: Request) -> Response:
    return get_swagger_ui_html(
        openapi_url=f"{PREFIX}/openapi.json",
        title="teletravail API",
        swagger_js_url=f"{PREFIX}/docs/swagger-ui-bundle.js",
        swagger_css_url=f"{PREFIX}/docs/swagger-ui.css",
        swagger_favicon_url=f"{PREFIX}/docs/favicon-32x32.png",
    )


@router.get("/docs/{asset}", include_in_schema=False)
async def docs_asset(request: Request) -> Response:
    name = request.path_params["asset"]
    folder = swagger_folder()
    if name not in DOCS_ASSETS or folder is None:
        raise NotServedError("asset", name, choices(list(DOCS_ASSETS)))
    return FileResponse(folder / name, media_type=DOCS_ASSETS[name])
