"""Frames: results as pandas DataFrames, every quantity with its unit.

By default (``units="plain"``) a quantity column is a float column whose name ends with
its unit: ``distance_km``, ``granted_workday_per_week``, ``allowance_eur``. With
``units="pint"`` (the ``pint`` extra, pint-pandas) the same column is named without the
suffix (``distance``) and its dtype carries the unit (``pint[kilometer]``), so that
``frame["distance"].pint.to("mi")`` converts and a sum is a quantity.

pint-pandas works with one registry per process, ``pint_pandas.PintType.ureg``. The
library never sets it behind the application's back: call
:func:`~teletravail.tables.use_pint_pandas` once (it hands pint-pandas the library's
registry), or give both libraries your own registry (``teletravail.set_registry(app)``
and ``PintType.ureg = app``).

:func:`quantity_frame` is what every result's ``to_pandas`` builds its frame with.
pandas and pint-pandas are imported when a frame is made (they are optional extras).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.units import get_registry, unit

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Units", "check_units", "pint_pandas", "quantity_frame"]

#: How quantity columns are written: ``"plain"`` floats named with their unit, or
#: ``"pint"`` pint-pandas columns.
Units = Literal["plain", "pint"]


def check_units(value: Any) -> Units:
    """``value`` if it is a way of writing quantity columns (:data:`Units`); otherwise a
    :class:`~teletravail.errors.ValidationError` naming ``units``."""
    if value not in ("plain", "pint"):
        raise ValidationError("units", value, Phrase("'plain' or 'pint'", "'plain' ou 'pint'"))
    return value  # type: ignore[no-any-return]


def pint_pandas() -> Any:
    """The ``pint_pandas`` module (the ``pint`` extra); without it, a
    :class:`~teletravail.errors.ValidationError` that says how to install it."""
    try:
        import pint_pandas as library  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as exc:
        raise ValidationError(
            "units",
            "pint",
            Phrase(
                "the 'pint' extra installed: pip install 'teletravail[pint]'",
                "l'extra «\u00a0pint\u00a0» installé\u00a0: pip install 'teletravail[pint]'",
            ),
        ) from exc
    return library


def quantity_frame(
    columns: Mapping[str, Any],
    quantities: Mapping[str, tuple[str, str]],
    units: Units = "plain",
    *,
    copy: bool = True,
) -> pd.DataFrame:
    """A DataFrame of ``columns`` (plain names, in order); the columns named in
    ``quantities`` (plain name -> pint name and unit) become pint-pandas columns when
    ``units="pint"``. With ``copy=False`` the columns, made for the frame and given
    away, are its own as they are (not copied into one block)."""
    import pandas as pd

    if check_units(units) == "plain":
        return pd.DataFrame(dict(columns), copy=copy)
    library = pint_pandas()
    registry = get_registry()
    if library.PintType.ureg is not registry:
        raise ValidationError(
            "units",
            "pint",
            Phrase(
                "pint-pandas using the library's registry: call "
                "teletravail.tables.use_pint_pandas() once (or give both your registry)",
                "pint-pandas avec le registre de la bibliothèque\u00a0: appelez une fois "
                "teletravail.tables.use_pint_pandas() (ou donnez aux deux votre registre)",
            ),
        )
    data: dict[str, Any] = {}
    for name, values in columns.items():
        if name in quantities:
            short, unit_name = quantities[name]
            dtype = library.PintType(unit(unit_name))
            data[short] = library.PintArray(np.asarray(values, dtype=float), dtype=dtype)
        else:
            data[name] = values
    return pd.DataFrame(data, copy=copy)
