"""The mandatory mentions: the lists, their words, their source and their error."""

from __future__ import annotations

import pickle

from teletravail.acts import ACT_MENTIONS, DOCUMENT_MENTIONS, Mention, missing_mention
from teletravail.acts.mentions import MENTIONS_SOURCE


def test_the_act_and_the_document_share_no_mention_and_cover_them_all() -> None:
    assert set(ACT_MENTIONS).isdisjoint(DOCUMENT_MENTIONS)
    assert set(ACT_MENTIONS) | set(DOCUMENT_MENTIONS) == set(Mention)


def test_the_mentions_are_sourced_to_article_8() -> None:
    assert MENTIONS_SOURCE.article == "8"
    assert MENTIONS_SOURCE.cite("fr") == (
        "décret n° 2016-151 du 11 février 2016, art. 8, dans sa rédaction issue du décret"
        " n° 2020-524 du 5 mai 2020"
    )


def test_every_mention_has_words_in_both_languages() -> None:
    for mention in Mention:
        assert mention.words("fr") != mention.words("en")


def test_the_error_names_the_mention_in_both_languages_and_pickles() -> None:
    error = missing_mention(Mention.START, None)
    assert error.field == "start" and error.where == ""
    assert str(error).startswith("start: expected the start date, a mandatory mention (")
    assert error.text("fr").startswith(
        "start\u00a0: attendu la mention «\u00a0date de prise d'effet\u00a0», obligatoire ("
    )
    assert error.to_dict()["code"] == "missing_mention"
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert str(pickle.loads(pickle.dumps(error, protocol))) == str(error)
