"""``teletravail act --policy NAME|FILE --on DATE ...``: the individual act that grants
one agent what the policy grants them, or with ``--document`` the information document
given with it, in English or French, as Markdown or HTML, from the shipped templates or
those of a folder (``--templates``).

The library's modules are imported when the command runs, so that ``teletravail --help``
stays fast (it loads neither numpy nor pint).
"""

from __future__ import annotations

import argparse
import sys

from teletravail.messages import Phrase

from .exits import EXIT_OK
from .reading import load_policy, policy_inputs

__all__ = ["run"]

#: The options ``--document`` needs, by the field each fills.
DOCUMENT_OPTIONS = {
    "working_time": "--time-rules",
    "equipment": "--equipment",
    "health_safety": "--health-safety",
    "data_protection": "--data-protection",
}


def run(args: argparse.Namespace) -> int:
    """Build the act from the policy's assessment of the agent the options describe,
    render it (or its information document) and write it to ``args.output`` or
    stdout."""
    from teletravail.acts import Employer, IndividualAct, InformationDocument, Mention
    from teletravail.errors import ValidationError
    from teletravail.workforce import Agent

    to_file = args.output not in (None, "-")
    if to_file:  # refused at once, before the work
        from teletravail.outputs import check_output

        check_output(args.output, force=args.force, follow_symlinks=args.follow_symlinks)
    policy = load_policy(args.policy)
    on = args.on if args.on is not None else policy.period.start
    agent = Agent(
        id=args.agent,
        hire_date=args.hire_date,
        contract_type=args.contract,
        role=args.post or "",
        pattern=args.days,
    )
    act = IndividualAct.from_policy(
        policy,
        agent,
        on,
        kind=args.kind,
        employer=Employer(name=args.employer, territory=args.territory, signatory=args.signatory),
        name=args.name,
        duties=args.duties,
        hours=args.hours,
        signed_at=args.signed_at,
        signed_on=args.signed_on,
        floating=args.floating,
        per=args.per,
        appeal=args.appeal,
    )
    if args.document:
        for field, option in DOCUMENT_OPTIONS.items():
            if getattr(args, field) is None:
                mention = Mention(field)
                raise ValidationError(
                    option,
                    None,
                    Phrase(
                        "the text of the mention {words!r} (the information document needs it)",
                        "le texte de la mention «\u00a0{french}\u00a0» (le document"
                        " d'information l'exige)",
                        words=mention.words("en"),
                        french=mention.words("fr"),
                    ),
                )
        data: IndividualAct | InformationDocument = InformationDocument(
            act=act,
            working_time=args.working_time,
            equipment=args.equipment,
            health_safety=args.health_safety,
            data_protection=args.data_protection,
        )
    else:
        data = act
    text = data.render(args.lang, args.format, templates=args.templates)
    if not to_file:
        sys.stdout.write(text)
        return EXIT_OK
    from teletravail.outputs import output_text

    with output_text(
        args.output,
        inputs=policy_inputs(args.policy),
        force=args.force,
        follow_symlinks=args.follow_symlinks,
    ) as output:
        output.write(text)
    return EXIT_OK
