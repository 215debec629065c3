"""Column types of a workforce: categories made from a column of text, the distinct
values of a column numbered once, and the ids' characters looked at whole."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail.errors import ValidationError
from teletravail.workforce import Categories, Workforce
from teletravail.workforce.agent import unreadable_id_array, unreadable_ids
from teletravail.workforce.columns import factorize, stripped

texts = st.lists(st.text(alphabet="abcé -\u00a0", max_size=4), max_size=40)


@given(texts)
def test_categories_are_the_sorted_distinct_values(values: list[str]) -> None:
    """from_values gives each row its value back, the categories sorted and each once,
    as np.unique defines them."""
    found = Categories.from_values(values)
    assert list(found.categories) == sorted(set(values))
    assert [found.value(row) for row in range(len(values))] == values
    if values:
        names, inverse = np.unique(np.array(values, dtype=object).astype(str), return_inverse=True)
        assert found.categories == tuple(names.tolist())
        assert found.codes.tolist() == inverse.reshape(-1).tolist()


def test_values_of_different_types_stay_apart() -> None:
    """1, 1.0 and True are three values to number (they may read differently), and an
    unhashable value is numbered by its text."""
    codes, distinct = factorize([1, True, 1.0, "1", 1])
    assert codes.tolist() == [0, 1, 2, 3, 0]
    assert [type(value) for value in distinct] == [int, bool, float, str]
    codes, distinct = factorize([["a"], ["b"], ["a"]])
    assert codes.tolist() == [0, 1, 0] and distinct == ["['a']", "['b']"]


def test_roles_are_stripped_once_per_distinct_value() -> None:
    """'cadre ' and 'cadre' are one role; a column of anything but text is refused whole,
    naming the first strange value."""
    staff = Workforce.from_columns(
        ids=["A", "B", "C"], hire_date=["2010-01-01"] * 3, role=["cadre ", "cadre", " agent"]
    )
    assert staff.role.categories == ("agent", "cadre")
    assert staff.role.codes.tolist() == [1, 1, 0]
    with pytest.raises(ValidationError) as caught:
        Workforce.from_columns(ids=["A", "B"], hire_date=["2010-01-01"] * 2, role=["cadre", 3])
    assert caught.value.field == "role" and caught.value.value == 3


@given(st.lists(st.text(min_size=1, max_size=6).filter(lambda t: not t.endswith("\x00"))))
def test_unreadable_ids_of_a_string_column_as_of_the_texts(ids: list[str]) -> None:
    """The whole-column test of the ids finds the rows the regular expression finds."""
    array = np.array(ids, dtype=str) if ids else np.array([], dtype=str)
    found = np.flatnonzero(unreadable_id_array(array)).tolist()
    assert found == unreadable_ids(ids)


def test_unreadable_ids_of_a_string_column() -> None:
    """A zero-width space, a control character or a NUL inside an id are found; an id
    of a character beyond U+FFFF is not."""
    ids = np.array(["A-1", "A\u200b", "B\x07", "C\x00D", "\U0001f600", "D\n"])
    assert unreadable_id_array(ids).tolist() == [False, True, True, True, False, True]


@given(st.lists(st.text(alphabet=st.characters(exclude_characters="\x00"), max_size=4)))
def test_factorize_a_numpy_string_column_as_its_list(texts: list[str]) -> None:
    """A numpy string column is numbered as the same texts given as a list: the codes
    in order of first appearance, the distinct texts as Python strings."""
    column = np.array(texts, dtype=str)
    codes, distinct = factorize(column)
    by_hand = list(dict.fromkeys(column.tolist()))
    assert distinct == by_hand
    assert [by_hand[code] for code in codes.tolist()] == column.tolist()
    assert codes.dtype == np.int32


@given(st.lists(st.text(alphabet=" \t\u00a0\u2003ab", max_size=4)))
def test_stripped_strips_as_str_strip(texts: list[str]) -> None:
    """A column is stripped as str.strip strips each text; one with nothing to strip is
    the column itself, not a copy."""
    column = np.array(texts, dtype=str)
    result = stripped(column)
    assert result.tolist() == [text.strip() for text in column.tolist()]
    if len(column) and all(text == text.strip() for text in column.tolist()):
        assert result is column
