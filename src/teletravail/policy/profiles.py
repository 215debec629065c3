"""Profiles: agents assessed alike, found once and answered once.

A register repeats a few dozen situations many times over: agents with the same ask,
days worked, part-time band, days off, authorisation and absences get the same answer
from the quota, the same dated days and the same allowance. The assessment
(:mod:`teletravail.policy.engine`) numbers these profiles (:func:`profiles_of`), works
out one agent of each, and reads every agent's figures from their profile's.
:class:`Profiles` holds each profile's answer: entitled, granted, reduced, refused for
its places, the pattern granted and the quota's checks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._columns import factorize, highest, lowest
from teletravail.policy.statuses import PLACES_CODE
from teletravail.scheduling.checks import QuotaChecks, QuotaDecision
from teletravail.scheduling.quota import Quota
from teletravail.workforce import Coded, Workforce

__all__ = ["Profiles", "profiles_of", "quarters"]


@attrs.frozen(kw_only=True, eq=False)
class Profiles:
    """The profiles of an assessment: each agent's profile (``codes``), and per profile
    one agent of it (``sample``), whether it is ``entitled``, ``granted``, ``reduced``,
    refused for its places (``places_refused``), whether it asks for no telework at all
    (``nothing_asked``: no day, and no floating day to take), the pattern granted
    (``patterns``, codes
    into its table) and the quota's answer (``checks``, one row per profile; profiles of
    an agent holding a derogation have theirs in ``overrides``)."""

    codes: npt.NDArray[np.intp]
    sample: npt.NDArray[np.int64]
    entitled: npt.NDArray[np.bool_]
    granted: npt.NDArray[np.bool_]
    reduced: npt.NDArray[np.bool_]
    places_refused: npt.NDArray[np.bool_]
    nothing_asked: npt.NDArray[np.bool_]
    patterns: Coded
    checks: QuotaChecks
    overrides: Mapping[int, QuotaChecks]
    # each profile's failures, found once (a register's rows ask for them agent by agent)
    _failures: dict[int, tuple[str, ...]] = attrs.field(init=False, factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.sample)

    def failures(self, profile: int) -> tuple[str, ...]:
        """The rules of the places and the quota that the profile's ask breaks."""
        found = self._failures.get(profile)
        if found is None:
            found = self._failures[profile] = self._find_failures(profile)
        return found

    def _find_failures(self, profile: int) -> tuple[str, ...]:
        if not self.entitled[profile] or self.nothing_asked[profile]:
            return ()
        checks = self.overrides.get(profile)
        found = checks.failures(0) if checks is not None else self.checks.failures(profile)
        return ((PLACES_CODE,) if self.places_refused[profile] else ()) + found

    def decision(self, profile: int, agent_id: str) -> QuotaDecision:
        """The quota's decision on the profile's ask."""
        checks = self.overrides.get(profile)
        if checks is not None:
            return checks.explain(0, agent_id)
        return self.checks.explain(profile, agent_id)


_NO_KEY = np.zeros(0, dtype=np.int64)


def profiles_of(
    workforce: Workforce,
    entitled: npt.NDArray[np.bool_],
    asked: Coded,
    per_week: npt.NDArray[np.float64],
    quota: Quota,
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Each agent's profile (a number from 0), one agent of each profile, and how many
    agents each has.

    Agents of one profile are assessed alike: they are all entitled or all not, and
    the entitled ones share their ask (pattern and number of days), their days worked a
    week, their part-time band, their days off, their authorisation and their absences;
    an agent holding a derogation is a profile alone. Only the entitled agents are
    looked at, and only the columns that vary take part (a constant column costs two
    reductions), each numbered by its range of values, so that a register's profiles
    are found in a few passes over its columns, without a sort.
    """
    n = len(workforce)
    rows = None if not n or entitled.all() else np.flatnonzero(entitled)

    def picked(column: npt.NDArray[Any]) -> npt.NDArray[Any]:
        return column if rows is None else column[rows]

    m = n if rows is None else len(rows)
    key = _NO_KEY  # made from the first column that varies (every agent alike: zeros)
    size = 1  # the number of values the key can take
    off = picked(workforce.days_off_mask)
    share = picked(workforce.working_time_percent)
    parts: list[npt.NDArray[Any]] = []  # the first one made here may become the key
    parts.append(quarters(picked(per_week)))
    parts.append(quota.days_worked_columns(share, off, rounded=True))
    if len(asked.values) > 1:
        parts.append(picked(asked.codes))
    if quota.part_time:
        band = np.zeros(m, dtype=np.int64)
        rounded = np.round(share, 9)
        for number, cap in enumerate(quota.part_time):
            inside = cap.contains(rounded)
            band |= inside.astype(np.int64) << number
        parts.append(band)
    if m and off.any():
        parts.append(off)
    for column in (workforce.authorisation, workforce.absences):
        if len(column.values) > 1:
            parts.append(picked(column.codes))
    offset = 0  # the sum of each column's lowest value, as the key weighs it
    first = True
    for part in parts:
        if not m:
            break
        low, high = int(lowest(part)), int(highest(part))
        if low == high:
            continue  # a constant column tells no profile apart
        span = high - low + 1
        if not first and size * span > 2**40:  # keep the key small: number the profiles
            key -= offset
            key, size = factorize(key)
            offset = 0
        if first:  # the first column is the key (the first two are made here: no copy)
            owned = part is parts[0] or part is parts[1]
            key = part if owned and part.dtype == np.int64 else part.astype(np.int64)
            first = False
        else:
            key *= span
            key += part
        offset = offset * span + low
        size *= span
    if first:
        key = np.zeros(m, dtype=np.int64)
    if offset:
        key -= offset
    held = workforce.derogation_row
    if len(held):  # an agent holding a derogation: a profile alone
        alone = np.unique(held)
        if rows is not None:
            alone = np.flatnonzero(np.isin(rows, alone))
        key[alone] = size + np.arange(len(alone))
        size += len(alone)
    codes, k, counts = _numbers(key, size)
    sample = _one_of_each(codes, k)
    if rows is None:
        return codes, sample, counts
    # the agents not entitled are profile 0; the entitled ones follow
    everyone = np.zeros(n, dtype=np.intp)
    everyone[rows] = codes + 1
    outside = int(np.argmin(entitled))  # the first agent not entitled
    sample = np.r_[outside, rows[sample]].astype(np.int64)
    return everyone, sample, np.r_[n - m, counts].astype(np.int64)


def _one_of_each(codes: npt.NDArray[np.intp], k: int) -> npt.NDArray[np.int64]:
    """A row of each of the ``k`` numbers of ``codes`` (every number occurs). A register's
    first rows usually hold every profile: those are looked at first, and the whole
    column only when some profile is missing from them."""
    sample = np.full(k, -1, dtype=np.int64)
    head = min(len(codes), 4096)
    sample[codes[:head]] = np.arange(head)
    if head < len(codes) and (k > head or int(sample.min()) < 0):
        sample[codes] = np.arange(len(codes))
    return sample


def _numbers(
    key: npt.NDArray[np.int64], size: int
) -> tuple[npt.NDArray[np.intp], int, npt.NDArray[np.int64]]:
    """Number the distinct values of ``key`` (from 0 to ``size - 1``) in the order of
    the values, and count the rows of each: by counting when ``size`` is small, else
    with the general numbering."""
    if not len(key):
        return np.zeros(0, dtype=np.intp), 0, np.zeros(0, dtype=np.int64)
    if size <= 4 * len(key) + 1024:
        tally = np.bincount(key, minlength=size)
        present = tally > 0
        numbers = np.cumsum(present) - 1
        found: npt.NDArray[np.intp] = numbers[key]
        return found, int(numbers[-1]) + 1, tally[present].astype(np.int64)
    codes, count = factorize(key)
    return codes.astype(np.intp), count, np.bincount(codes, minlength=count).astype(np.int64)


def quarters(values: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """Numbers that tell apart the distinct values of a float column: the values in
    quarters where they all are whole quarters (the usual case: days and half days),
    else their rank among the distinct values."""
    if values.ndim == 1 and values.strides == (0,) and len(values):
        return np.zeros(len(values), dtype=np.int64)
    quarters = values * 4
    whole = quarters.astype(np.int64)  # exact where the values are whole quarters
    if np.array_equal(whole, quarters):
        return whole
    inverse: npt.NDArray[np.int64] = np.unique(values, return_inverse=True)[1].reshape(-1)
    return inverse
