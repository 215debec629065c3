"""A workforce too large for one machine's memory: Dask DataFrames, partition by partition.

:func:`assess_dask` assesses a `Dask <https://docs.dask.org>`_ DataFrame (the ``dask``
extra) whose columns follow :meth:`Workforce.from_pandas
<teletravail.workforce.Workforce.from_pandas>`: each partition is read into a
workforce and assessed where it lies, and only sums, the bad rows and the ids travel
back. The totals are those of the same assessment in memory: the counts and the money
(in cents) exactly, the other sums within float rounding (1e-12 relative: partial sums
are added in another order).

Every input row is accounted for, as in memory. Rows are numbered across the whole
input in partition order. Ids must be unique across the whole input: a row whose id
was already used by a good row of an earlier partition is a bad row, as it would be in
memory (the partitions holding such rows are assessed a second time without them).

The policy travels to the workers as its document (:func:`teletravail.config.to_document`),
one compact JSON text, the same for every partition, that each worker reads once (a
policy also pickles as itself, but a policy with a ``Predicate`` has no document and is
refused here). A policy with a selection campaign is refused: its ranking compares every
eligible agent with every other, which no partition can do alone; assess such a
workforce in memory.

:func:`assess_parquet` reads a partitioned Parquet register (a folder of files, or one
file of several row groups) with pyarrow, one Dask partition per file or row group,
only the columns the workforce uses, and assesses it the same way: a register larger
than memory is never held whole.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs
import numpy as np

from teletravail.dates import to_date
from teletravail.errors import RowError, ValidationError
from teletravail.messages import Phrase
from teletravail.policy import totals_of
from teletravail.units import Q_, as_quantity
from teletravail.workforce import Columns, Workforce

if TYPE_CHECKING:
    import numpy.typing as npt
    import pandas as pd

    from teletravail.policy import BatchAssessment, Policy

__all__ = ["DistributedAssessment", "assess_dask", "assess_parquet"]

Excluded = tuple[tuple[int, str], ...]


@attrs.frozen(kw_only=True, eq=False)
class DistributedAssessment:
    """What :func:`assess_dask` gives: the totals (the keys and units of
    :meth:`BatchAssessment.totals() <teletravail.policy.BatchAssessment.totals>`), the
    input's ``rows``, how many ``failed`` (could not be read, or not be assessed on the
    date) with their ``errors`` numbered across the input, the rows of each partition,
    and, when asked for, ``frame``: a lazy Dask DataFrame with one row per input row
    (the columns of :func:`teletravail.tables.assessment_frame`)."""

    on: dt.date
    totals: Mapping[str, Any]
    rows: int
    failed: int
    errors: tuple[RowError, ...]
    partition_rows: tuple[int, ...]
    frame: Any = None


@functools.lru_cache(maxsize=8)
def _policy(document: str) -> Policy:
    """The policy of a document, read once per worker process."""
    from teletravail.config import from_document

    return from_document(json.loads(document), origin="the policy sent to the workers")


def _plain(value: Any) -> Any:
    """A value that pickles alike everywhere (what a bad row held)."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, np.generic):
        return value.item()
    return repr(value)


def _batch(
    part: pd.DataFrame,
    document: str,
    on: dt.date,
    period: tuple[dt.date, dt.date],
    columns: Columns | None,
    requested: float | None,
    excluded: Excluded,
) -> BatchAssessment:
    """One partition read and assessed; ``excluded`` rows (by position) are bad rows
    whose id a good row of an earlier partition already has."""
    policy = _policy(document)
    keep = np.ones(len(part), dtype=bool)
    keep[[row for row, _ in excluded]] = False
    workforce = Workforce.from_pandas(
        part if keep.all() else part.iloc[np.flatnonzero(keep)], columns=columns, errors="report"
    )
    if excluded:
        position = np.flatnonzero(keep)
        moved = [
            RowError(int(position[e.row]), e.field, e.value, e.message) for e in workforce.rejected
        ]
        repeated = [
            RowError(
                row,
                "id",
                agent,
                Phrase(
                    "id: expected an id used once in the workforce, got {agent!r}",
                    "id\u00a0: attendu un identifiant qui n'apparaisse qu'une fois dans"
                    " l'effectif, trouvé {agent!r}",
                    agent=agent,
                ),
            )
            for row, agent in excluded
        ]
        workforce = attrs.evolve(
            workforce,
            source_rows=position[workforce.source_rows],
            rejected=tuple(sorted((*moved, *repeated), key=lambda e: e.row)),
        )
    asked = None if requested is None else Q_(requested, "workday/week")
    return policy.assess_workforce(workforce, on, period=period, requested=asked, errors="report")


def _partition_sums(
    part: pd.DataFrame,
    document: str,
    on: dt.date,
    period: tuple[dt.date, dt.date],
    columns: Columns | None,
    requested: float | None,
    excluded: Excluded,
) -> dict[str, Any]:
    """A partition's sums (:meth:`BatchAssessment.sums`), bad rows (numbered in the
    partition) and good ids."""
    batch = _batch(part, document, on, period, columns, requested, excluded)
    workforce = batch.decisions.workforce
    failed = (*workforce.rejected, *batch.errors)
    encoded = _encoded(workforce.ids)  # a byte a character, mostly
    return {
        "length": len(part),
        "sums": batch.sums(),
        "errors": [(e.row, e.field, _plain(e.value), e.message) for e in failed],
        "ids": encoded,
        "id_hashes": _hashes(encoded),
        "id_rows": workforce.source_rows,
    }


def _partition_table(
    part: pd.DataFrame,
    document: str,
    on: dt.date,
    period: tuple[dt.date, dt.date],
    columns: Columns | None,
    requested: float | None,
    excluded: Excluded,
    offset: int,
) -> pd.DataFrame:
    """A partition's rows of the per-row table, numbered across the input."""
    from teletravail.tables import assessment_frame

    table = assessment_frame(_batch(part, document, on, period, columns, requested, excluded))
    table["row"] += offset
    return table


def _encoded(ids: npt.NDArray[np.str_]) -> npt.NDArray[np.bytes_]:
    """The ids as UTF-8 bytes, a byte a character for ASCII ids (numpy's own conversion,
    fast), else encoded one by one."""
    try:
        return ids.astype(np.bytes_)
    except UnicodeEncodeError:
        encoded: npt.NDArray[np.bytes_] = np.char.encode(ids, "utf-8")
        return encoded


_FNV_OFFSET: Final = np.uint64(0xCBF29CE484222325)
_FNV_PRIME: Final = np.uint64(0x100000001B3)


def _hashes(encoded: npt.NDArray[np.bytes_]) -> npt.NDArray[np.uint64]:
    """A 64-bit hash of each id's bytes, eight bytes at a time over the whole column (no
    Python loop over the ids). An id holds no NUL byte, so a word of zeros is past its
    end and leaves the hash alone: the hash of an id does not depend on the width of the
    column it sits in. Ids are compared across partitions by their hashes first, and as
    text only where two hashes meet."""
    n, width = len(encoded), encoded.dtype.itemsize
    words = max(1, -(-width // 8))
    padded = np.zeros((n, words * 8), dtype=np.uint8)
    if width:
        padded[:, :width] = encoded.view(np.uint8).reshape(n, width)
    columns = padded.view(np.uint64)
    hashed = np.full(n, _FNV_OFFSET, dtype=np.uint64)
    for k in range(words):
        word = columns[:, k]
        mixed = (hashed ^ word) * _FNV_PRIME
        mixed ^= mixed >> np.uint64(29)
        hashed = np.where(word != 0, mixed, hashed)
    return hashed


def _text(value: Any) -> str:
    """An id as text, from the UTF-8 bytes a partition sends (or text)."""
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _repeated(
    ids: Sequence[npt.NDArray[Any]],
    rows: Sequence[npt.NDArray[np.int64]],
    hashes: Sequence[npt.NDArray[np.uint64]],
) -> dict[int, Excluded]:
    """Per partition, the good rows whose id a good row of an earlier partition has.

    The hashes are sorted (numbers, fast), and only the ids whose hash another id shares
    are compared as text: a repeated id always shares its hash, so nothing is missed,
    and a collision of two different ids is told apart by their text. The partitions
    send their ids as UTF-8 bytes (a quarter of numpy's text for ASCII ids)."""
    if len(ids) < 2 or not sum(len(i) for i in ids):
        return {}
    every_hash = np.concatenate([np.asarray(h, dtype=np.uint64) for h in hashes])
    order = np.argsort(every_hash, kind="stable")
    ordered = every_hash[order]
    same = ordered[1:] == ordered[:-1]
    if not same.any():
        return {}
    shared = np.zeros(len(every_hash), dtype=bool)
    shared[order[1:][same]] = True
    shared[order[:-1][same]] = True
    candidates = np.flatnonzero(shared)  # positions across the input, in partition order
    starts = np.concatenate([[0], np.cumsum([len(i) for i in ids])])
    part = np.searchsorted(starts, candidates, side="right") - 1
    where = candidates - starts[part]
    every = np.array([_text(ids[p][w]) for p, w in zip(part.tolist(), where.tolist(), strict=True)])
    _, first = np.unique(every, return_index=True)
    later = np.ones(len(every), dtype=bool)
    later[first] = False  # np.unique's index is the first occurrence, in partition order
    if not later.any():
        return {}
    found: dict[int, list[tuple[int, str]]] = {}
    for index in np.flatnonzero(later).tolist():
        p, w = int(part[index]), int(where[index])
        found.setdefault(p, []).append((int(np.asarray(rows[p])[w]), str(every[index])))
    return {p: tuple(sorted(pairs)) for p, pairs in found.items()}


def assess_dask(
    policy: Policy,
    frame: Any,
    on: dt.date | str,
    *,
    period: Any = None,
    columns: Columns | None = None,
    requested: Any = None,
    rows: bool = False,
) -> DistributedAssessment:
    """Assess a Dask DataFrame partition by partition, on the scheduler in use (a
    ``dask.distributed`` client when one is active).

    ``on`` and ``period`` are those of :meth:`Policy.assess
    <teletravail.policy.Policy.assess>`. ``columns`` maps the frame's column names to
    fields, as for
    :meth:`Workforce.from_pandas <teletravail.workforce.Workforce.from_pandas>`;
    ``requested`` is the telework asked for by everyone (one quantity), else each row's
    own. Bad rows never stop the run: they are counted in ``failed`` and listed in
    ``errors``. With ``rows=True`` the result's ``frame`` is a lazy Dask DataFrame of
    one row per input row, to write out (``frame.to_parquet(...)``) or reduce; it
    assesses the partitions again when computed.
    """
    from dask.base import compute  # type: ignore[import-not-found,unused-ignore]
    from dask.delayed import delayed  # type: ignore[import-not-found,unused-ignore]

    from teletravail.config import to_document
    from teletravail.policy import Policy

    if not isinstance(policy, Policy):
        raise ValidationError("policy", policy, Phrase("a Policy", "un objet Policy"))
    if policy.selection is not None:
        raise ValidationError(
            "policy.selection",
            policy.selection,
            Phrase(
                "a policy without a selection campaign: a campaign ranks every eligible agent "
                "against all the others, which no partition can do alone (assess in memory)",
                "une politique sans campagne de sélection\u00a0: une campagne classe chaque"
                " agent éligible par rapport à tous les autres, ce qu'aucune partition ne peut"
                " faire seule (évaluez en mémoire)",
            ),
        )
    if not (hasattr(frame, "to_delayed") and hasattr(frame, "npartitions")):
        raise ValidationError(
            "frame", type(frame).__name__, Phrase("a Dask DataFrame", "un DataFrame Dask")
        )
    day = to_date(on, "on")
    if day not in policy.period:
        raise ValidationError(
            "on",
            day,
            Phrase(
                "a date while the policy is in force ({period})",
                "une date où la politique est en vigueur ({period})",
                period=policy.period,
            ),
        )
    span = policy.assessment_period(day, period)
    asked = None
    if requested is not None:
        quantity = as_quantity(requested, field="requested", dimension="[workday] / [time]")
        asked = float(quantity.m_as("workday/week"))
    document = json.dumps(to_document(policy), sort_keys=True)
    wanted = dict(columns) if columns is not None else None
    parts = frame.to_delayed()
    task = delayed(_partition_sums, pure=True)
    sums = list(
        compute(  # type: ignore[no-untyped-call,unused-ignore]
            *(task(p, document, day, span, wanted, asked, ()) for p in parts)
        )
    )

    again = _repeated(
        [s["ids"] for s in sums], [s["id_rows"] for s in sums], [s["id_hashes"] for s in sums]
    )
    if again:
        redone = compute(  # type: ignore[no-untyped-call,unused-ignore]
            *(task(parts[p], document, day, span, wanted, asked, again[p]) for p in sorted(again))
        )
        for p, result in zip(sorted(again), redone, strict=True):
            sums[p] = result

    lengths = [int(s["length"]) for s in sums]
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(int).tolist()
    errors = sorted(
        (
            RowError(row + offset, field, value, message)
            for s, offset in zip(sums, offsets, strict=True)
            for row, field, value, message in s["errors"]
        ),
        key=lambda e: e.row,
    )
    table = None
    if rows:
        import dask.dataframe as dd  # type: ignore[import-not-found,unused-ignore]

        build = delayed(_partition_table, pure=True)
        meta = _partition_table(frame._meta, document, day, span, wanted, asked, (), 0)
        table = dd.from_delayed(
            [
                build(part, document, day, span, wanted, asked, again.get(p, ()), offsets[p])
                for p, part in enumerate(parts)
            ],
            meta=meta,
        )
    return DistributedAssessment(
        on=day,
        totals=totals_of([s["sums"] for s in sums]),
        rows=sum(lengths),
        failed=len(errors),
        errors=tuple(errors),
        partition_rows=tuple(lengths),
        frame=table,
    )


def assess_parquet(
    policy: Policy,
    path: Any,
    on: dt.date | str,
    *,
    period: Any = None,
    columns: Columns | None = None,
    requested: Any = None,
    rows: bool = False,
    ignore_columns: Sequence[str] = (),
    split_row_groups: bool | int | str = "infer",
) -> DistributedAssessment:
    """Assess a Parquet register, a folder of files or one file, partition by partition
    (:func:`assess_dask`, on the scheduler in use): Dask reads it with pyarrow, a
    partition per file (or per row group, as ``split_row_groups`` says: Dask's own
    option), and only the columns the workforce reads (named as
    :meth:`Workforce.from_pandas <teletravail.workforce.Workforce.from_pandas>` names
    them, or mapped by ``columns``); another column is an error naming it, unless
    ``ignore_columns`` lists it. The header is checked before any row is read."""
    import dask.dataframe as dd  # type: ignore[import-not-found,unused-ignore]
    import pyarrow.parquet as pq

    from teletravail.workforce.plan import ColumnPlan

    names = pq.ParquetDataset(str(path)).schema.names
    # the header resolved first: the mapping is checked, and only used columns are read
    kept = [column for column, _ in ColumnPlan(columns, ignore_columns).header(names).values()]
    frame = dd.read_parquet(
        str(path), columns=kept, engine="pyarrow", split_row_groups=split_row_groups
    )
    return assess_dask(
        policy, frame, on, period=period, columns=columns, requested=requested, rows=rows
    )
