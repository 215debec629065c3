"""The procedural provisions: dated branches of the public service, the private sector's
variant, each with its source from the catalogue, and the appeal bodies."""

from __future__ import annotations

import datetime as dt

import pytest

from teletravail import sources
from teletravail.conformity import ART_5_2016, ART_5_2020, NOTICE, NOTICE_PERIODS
from teletravail.dated import Duration
from teletravail.messages import NNBSP
from teletravail.policy.terms import Renewal
from teletravail.procedure import (
    APPEAL,
    APPEAL_BODIES,
    NOTES,
    AppealBody,
    Sector,
    appeal_body,
    framework,
    procedure_in_force,
)


def test_before_the_decret_nothing_is_checked() -> None:
    """The day before décret 2016-151 applies, the public service has no procedure."""
    rules = procedure_in_force(dt.date(2016, 2, 12))
    assert not rules.applies
    assert rules.answer_within is None and rules.notice_agent is None and not rules.appeal


def test_the_2016_wording() -> None:
    """2016: a written request, no time for the answer, one year at most renewed by
    express decision after an interview, 3 months of adaptation, the notices, the CAP."""
    rules = procedure_in_force(dt.date(2016, 2, 13))
    assert rules.applies and rules.written_request
    assert rules.answer_within is None and rules.answer_source is None
    assert rules.longest_term == Duration(years=1)
    assert rules.renewals == (Renewal.EXPRESS,) and rules.renewal_interview
    assert rules.adaptation == Duration(months=3)
    assert rules.terms_source == ART_5_2016
    assert rules.refusal_source == framework.REFUSAL_2016 and rules.refusal_source.unconfirmed
    assert rules.appeal and rules.appeal_source == APPEAL


def test_the_2020_wording() -> None:
    """From 2020-05-07 (décret 2020-524): a written answer within one month, no longest
    term, no interview to renew."""
    before = procedure_in_force(dt.date(2020, 5, 6))
    after = procedure_in_force(dt.date(2020, 5, 7))
    assert before.answer_within is None
    assert after.answer_within == Duration(months=1)
    assert after.answer_source == ART_5_2020
    assert after.longest_term is None and not after.renewal_interview
    assert after.terms_source == ART_5_2020


def test_the_notices_are_the_conformity_framework_s_own() -> None:
    """The notices are read from the framework, never written twice."""
    rules = procedure_in_force(dt.date(2024, 1, 1))
    assert rules.notice_agent == NOTICE_PERIODS["notice_agent"] == Duration(months=2)
    assert rules.notice_employer == NOTICE_PERIODS["notice_employer"]
    assert rules.notice_adaptation == NOTICE_PERIODS["notice_adaptation"] == Duration(months=1)
    assert rules.notice_source == NOTICE and rules.employer_may_shorten


def test_the_private_sector() -> None:
    """The private sector: agreed by any means, reasons for eligible posts and protected
    workers, no time for the answer, no notice, no appeal body, whatever the date."""
    for day in (dt.date(2010, 1, 1), dt.date(2024, 1, 1)):
        rules = procedure_in_force(day, "private")
        assert rules.sector is Sector.PRIVATE and rules.applies
        assert not rules.written_request and rules.refusal_reasons and rules.protected_reasons
        assert rules.answer_within is None and rules.notice_agent is None and not rules.appeal
        assert rules.adaptation is None and rules.longest_term is None
        assert rules.request_source is not None
        assert rules.request_source.article == "L. 1222-9"
        assert rules.terms_source == sources.ANI_2020


def test_every_source_is_a_text_of_the_catalogue() -> None:
    """Each provision cites the catalogue (décret 2016-151, the Code du travail, the ANI),
    and the ones read in secondary sources are flagged."""
    found = [
        framework.REQUEST,
        framework.ANSWER,
        framework.REFUSAL_2016,
        framework.REFUSAL_2020,
        framework.APPEAL,
        framework.PRIVATE_AGREEMENT,
        framework.PRIVATE_PROTECTED,
        framework.PRIVATE_REVERSIBILITY,
    ]
    assert {sources.derived_from(source) for source in found} == {
        "decret-2016-151",
        "code-du-travail",
        "ani-2020",
    }
    assert framework.ANSWER.unconfirmed and framework.APPEAL.unconfirmed
    assert framework.APPEAL.article == "10"


def test_the_notes_say_where_sources_disagree_in_both_languages() -> None:
    """The notes are English and French, with a narrow no-break space before a semicolon."""
    assert len(NOTES) == 3
    assert all(note.text("fr") != str(note) for note in NOTES)
    assert f"{NNBSP};" in NOTES[0].text("fr")


@pytest.mark.parametrize(
    ("contract", "body"),
    [
        ("civil_servant", AppealBody.CAP),
        ("probationer", AppealBody.CAP),
        ("contract_staff", AppealBody.CCP),
        ("doctoral_student", AppealBody.CCP),
        ("apprentice", None),
        (None, None),
    ],
)
def test_the_appeal_body_follows_the_contract(contract: str | None, body: AppealBody) -> None:
    """Civil servants and probationers appeal to the CAP, contract staff to the CCP."""
    assert appeal_body(contract) is body


def test_the_bodies_are_named_in_both_languages() -> None:
    """The bodies' names, written by hand."""
    assert APPEAL_BODIES[AppealBody.CCP].text("fr") == "la commission consultative paritaire (CCP)"
    assert str(APPEAL_BODIES[AppealBody.CAP]) == "the joint administrative committee (CAP)"


def test_the_procedure_in_force_reads_its_date_and_refuses_an_unknown_sector() -> None:
    """A date may be ISO text; a sector other than public or private is a typed error
    naming it; a history reads a contract in French words, as an agent does."""
    from teletravail.errors import ValidationError
    from teletravail.procedure import AuthorisationHistory, procedure_in_force

    assert procedure_in_force("2024-06-01") == procedure_in_force(dt.date(2024, 6, 1))
    with pytest.raises(ValidationError) as caught:
        procedure_in_force("2024-06-01", "associatif")
    assert caught.value.field == "sector"
    assert AuthorisationHistory(contract="titulaire").contract == "civil_servant"
    with pytest.raises(ValidationError) as refused:
        AuthorisationHistory(contract="stagiaire")
    assert refused.value.field == "contract"
