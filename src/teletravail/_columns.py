"""Helpers on numpy columns shared by the packages (internal).

Every step of an assessment runs on columns, also for one agent (``policy.assess(agent)``
assesses a workforce of one). On such short columns numpy's fixed costs dominate: a
reduction costs about a microsecond whatever its length, and building an array from a
buffer costs ten times as much as slicing one. These helpers take one-dimensional
columns and give the answers of the plain numpy calls (equal values; of two equal
zeros, the sign may differ), taking a cheaper road on short columns.
"""

from __future__ import annotations

import math
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

__all__ = [
    "SHORT",
    "all_nan",
    "any_set",
    "factorize",
    "frozen",
    "highest",
    "lowest",
    "readonly",
    "zeros",
]

G = TypeVar("G", bound=np.generic)

# up to this length, a column is read into a Python list rather than reduced by numpy,
# and an operation makes a new array rather than write in place (a ufunc's `out=`
# costs more than allocating a few bytes)
SHORT = 16

# the longest column of zeros handed out (more rows than any register will have; a
# larger count still gets its column, built on its own)
_LONGEST = 2**56

_ZEROS: dict[np.dtype[Any], npt.NDArray[Any]] = {}


def zeros(n: int, dtype: type[np.generic] | np.dtype[Any]) -> npt.NDArray[Any]:
    """A read-only column of ``n`` zeros (``False`` for booleans) that takes no memory.

    Every row reads the same zero bytes (a stride of 0): a column known to be all zeros
    need not be written, nor read back from memory to be summed. Each call returns a new
    view of one shared column per dtype.
    """
    if n < 0:
        raise ValueError(f"a column of {n} rows")
    kind = np.dtype(dtype)
    base = _ZEROS.get(kind)
    if base is None or n > _LONGEST:
        base = np.ndarray(
            (max(n, _LONGEST),), dtype=kind, buffer=bytes(kind.itemsize), strides=(0,)
        )
        if n <= _LONGEST:
            _ZEROS[kind] = base
    return base[:n]


def frozen(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """``array`` itself when it is read-only, else a read-only view of it (the array
    stays writeable for whoever holds it)."""
    if isinstance(array, np.ndarray) and not array.flags.writeable:
        return array
    view = np.asarray(array).view()
    view.flags.writeable = False
    return view


def readonly(array: npt.NDArray[G]) -> npt.NDArray[G]:
    """``array`` made read-only in place (for a column its maker holds alone)."""
    array.flags.writeable = False
    return array


def lowest(values: npt.NDArray[Any]) -> float:
    """``float(values.min())``: NaN when any value is NaN; NaN for an empty column."""
    return _extreme(values, min, np.min)


def highest(values: npt.NDArray[Any]) -> float:
    """``float(values.max())``: NaN when any value is NaN; NaN for an empty column."""
    return _extreme(values, max, np.max)


def _extreme(values: npt.NDArray[Any], pick: Any, reduce: Any) -> float:
    n = len(values)
    if n == 1:
        return float(values[0])
    if n > SHORT:
        return float(reduce(values))
    items = values.tolist()
    if not items:
        return math.nan
    return math.nan if any(v != v for v in items) else float(pick(items))


def any_set(mask: npt.NDArray[np.bool_]) -> bool:
    """``bool(mask.any())``."""
    n = len(mask)
    if n == 1:
        return bool(mask[0])
    if n > SHORT:
        return bool(mask.any())
    return any(mask.tolist())


def all_nan(values: npt.NDArray[np.float64]) -> bool:
    """Whether every value is NaN (``True`` for an empty column)."""
    n = len(values)
    if n == 1:
        return math.isnan(values[0])
    if n > SHORT:
        return bool(math.isnan(np.fmax.reduce(values)))
    return all(v != v for v in values.tolist())


def factorize(values: npt.NDArray[np.integer[Any]]) -> tuple[npt.NDArray[np.int64], int]:
    """Number the distinct values of an integer column from 0: each row's number, and
    how many there are. A constant column is all 0; a column spanning a short range of
    values is numbered by counting (no sort), any other by :func:`numpy.unique`."""
    n = len(values)
    if not n:
        return np.zeros(0, dtype=np.int64), 0
    low, high = int(lowest(values)), int(highest(values))
    if low == high:
        return np.zeros(n, dtype=np.int64), 1
    if high - low <= 4 * n + 1024:
        shifted = values.astype(np.int64) - low
        present = np.bincount(shifted, minlength=high - low + 1) > 0
        numbers = np.cumsum(present) - 1
        found: npt.NDArray[np.int64] = numbers[shifted]
        return found, int(numbers[-1]) + 1
    uniques, inverse = np.unique(values, return_inverse=True)
    return inverse.reshape(-1).astype(np.int64), len(uniques)
