"""Calendar dates: reading one, and writing one in words.

:func:`to_date` reads a date given as a :class:`datetime.date` or as ISO text
(``YYYY-MM-DD``), between :data:`FIRST_DATE` and :data:`LAST_DATE`, and says in English
and French what was wrong with anything else; :func:`date_words` writes a date as a
reader does (``6 July 2012``, ``1er avril 2015``). Every module that takes a date reads
it here, sources and dated values first among them (which is why this module sits below
both).

>>> from teletravail.dates import date_words, to_date
>>> to_date("2012-07-06", "date")
datetime.date(2012, 7, 6)
>>> date_words(to_date("2015-04-01", "date"), "fr")
'1er avril 2015'
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

from teletravail import formats
from teletravail.errors import ValidationError
from teletravail.messages import Lang, Phrase, check_lang

__all__ = ["FIRST_DATE", "LAST_DATE", "date_words", "to_date"]

#: The dates the library works with. A period's year is laid out whole, with the weeks
#: and months around it, and seniorities are counted back from a date: the margins keep
#: that arithmetic inside the calendar Python knows (years 1 to 9999). A date beyond
#: them is most likely a typing error (an open end is written by leaving the end out).
FIRST_DATE: Final = dt.date(1900, 1, 1)
LAST_DATE: Final = dt.date(9990, 12, 31)


def to_date(value: Any, field: str) -> dt.date:
    """Read a date: a ``datetime.date`` (not a datetime) or an ISO string ``YYYY-MM-DD``,
    between :data:`FIRST_DATE` and :data:`LAST_DATE`."""
    if isinstance(value, dt.datetime):
        raise ValidationError(field, value, _TIMELESS)
    if isinstance(value, dt.date):
        found = value
    elif isinstance(value, str):
        text = value.strip()
        if not _ISO_DATE.match(text):
            raise ValidationError(field, value, _ISO)
        try:
            found = dt.date.fromisoformat(text)
        except ValueError:
            raise ValidationError(field, value, _EXISTING) from None
    else:
        raise ValidationError(field, value, _A_DATE)
    if not FIRST_DATE <= found <= LAST_DATE:
        raise ValidationError(field, value, _WITHIN)
    return found


_TIMELESS: Final = Phrase("a date without a time of day", "une date sans heure")
_ISO: Final = Phrase(
    "an ISO date such as 2013-01-01", "une date écrite AAAA-MM-JJ, comme 2013-01-01"
)
_EXISTING: Final = Phrase(
    "a date that exists, e.g. 2013-02-28", "une date qui existe, par exemple 2013-02-28"
)
_A_DATE: Final = Phrase(
    "a date (datetime.date or 'YYYY-MM-DD')",
    "une date (un objet datetime.date ou du texte AAAA-MM-JJ)",
)
_WITHIN: Final = Phrase(
    "a date from {first} to {last} (leave an end out for none)",
    "une date du {first} au {last} (pour ne fixer aucune fin, omettez-la)",
    first=FIRST_DATE.isoformat(),
    last=LAST_DATE.isoformat(),
)


_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def date_words(day: dt.date, lang: Lang = "en") -> str:
    """A date as a reader writes it: ``6 July 2012``; in French ``6 juillet 2012`` and
    ``1er avril 2015`` (the first of a month is an ordinal)."""
    return formats.date(day, check_lang(lang))
