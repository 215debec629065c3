"""Eligibility in a policy document: who may telework.

A rule (:class:`RuleKind`, written in the format as :data:`RULE`) is a criterion table,
named by its stable code with its parameters, or a combination of rules: ``all_of`` and
``any_of`` a list of rules, ``not`` a rule, or a ``rule`` with an exception
(``unless``), nested at most :data:`~teletravail.config.document.MAX_DEPTH` deep.
:class:`ContractChoice` reads a contract type, in English or French.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from teletravail.config.document import MAX_DEPTH
from teletravail.config.format.sources import SOURCE
from teletravail.dated import Span
from teletravail.documents import (
    BAD,
    Amount,
    Choice,
    Context,
    Key,
    Kind,
    ListOf,
    Ref,
    Table,
    Tagged,
    Text,
    join_path,
    listed,
    suggest,
)
from teletravail.eligibility import criteria
from teletravail.eligibility.rules import AllOf, AnyOf, Not, Unless
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.workforce import (
    AMBIGUOUS_CONTRACT_WORD,
    CONTRACT_TYPE_WORDS,
    ContractType,
    DerogationKind,
    contract_type,
)

__all__ = ["RULE", "ContractChoice", "RuleKind", "rule_kind"]


class ContractChoice(Choice):
    """A contract type: its English value or a French word; a bare "stagiaire" is refused
    with the two words that say which kind of stagiaire."""

    def __init__(self) -> None:
        words = {word: kind.value for word, kind in CONTRACT_TYPE_WORDS.items()}
        super().__init__([kind.value for kind in ContractType], words)

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if isinstance(value, str) and value.strip().lower() == AMBIGUOUS_CONTRACT_WORD:
            try:
                contract_type(value, path)
            except ValidationError as error:
                return ctx.fail(path, value, error.expected)
        return super().read(ctx, value, path)


def _criteria() -> Tagged:
    def table(cls: type, doc: str, *keys: Key) -> tuple[type, Table]:
        names = [key.name for key in keys]
        all_keys = [*keys, Key("source", SOURCE, "the text that sets the criterion")]
        return cls, Table(
            cls.CODE,  # type: ignore[attr-defined]
            doc,
            all_keys,
            lambda data: cls(**data),
            lambda obj: {name: getattr(obj, name) for name in [*names, "source"]},
        )

    variants = [
        table(
            criteria.MinimumSeniority,
            "At least this seniority in the employer on the reference date.",
            Key("minimum", Span(), "the seniority required", True),
        ),
        table(
            criteria.MinimumWorkingTime,
            "A working time of at least this share of full time.",
            Key("minimum", Amount("[]", "90 %"), "the working time required", True),
        ),
        table(
            criteria.ExcludedRoles,
            "Agents in these roles, or carrying these tags, are excluded.",
            Key("roles", ListOf(Text(), unique=True), "the role codes excluded"),
            Key("tags", ListOf(Text(), unique=True), "the tags excluded"),
        ),
        table(
            criteria.MinimumCommuteDistance,
            "A one-way commute of at least this distance.",
            Key("minimum", Amount("[length]", "28 km"), "the distance required", True),
        ),
        table(
            criteria.MinimumCommuteTime,
            "A one-way commute of at least this time.",
            Key("minimum", Amount("[time]", "45 min"), "the time required", True),
        ),
        table(criteria.Volunteer, "The agent applied (telework is voluntary)."),
        table(criteria.TeleworkablePost, "The agent's post is judged teleworkable."),
        table(
            criteria.HasDerogation,
            "The agent holds a derogation of one of these kinds in force.",
            Key(
                "kinds",
                ListOf(Choice([k.value for k in DerogationKind]), unique=True),
                "the kinds of derogation that count",
            ),
        ),
        table(
            criteria.ExcludedContracts,
            "Agents of these contract types are excluded (an agent whose contract type is"
            " not stated is not).",
            Key(
                "contract_types",
                ListOf(ContractChoice(), unique=True, at_least=1),
                "the contract types excluded, in English or French ('apprenti', 'stagiaire"
                " école', 'doctorant contractuel'; a bare 'stagiaire' is ambiguous)",
                True,
            ),
        ),
        table(
            criteria.ExcludedActivities,
            "Agents carrying any of these activities are excluded (an agent whose"
            " activities are not stated is not).",
            Key(
                "activities",
                ListOf(Text(), unique=True, at_least=1),
                "the activities excluded, as the workforce names them",
                True,
            ),
        ),
        table(
            criteria.TeleworkableActivities,
            "At least this share of working time on teleworkable activities: every activity"
            " but those listed as not teleworkable (the 2021 framework agreement bases"
            " telework on activities, not posts); activities not stated fail.",
            Key(
                "minimum",
                Amount("[]", "50 %"),
                "the share of working time on teleworkable activities required",
            ),
            Key(
                "not_teleworkable",
                ListOf(Text(), unique=True),
                "the activities that cannot be done remotely",
            ),
        ),
    ]
    return Tagged(
        "criterion",
        {table.name: (cls, table) for cls, table in variants},
        "an eligibility criterion",
        french="un critère d'éligibilité",
    )


_NESTED: Final = Phrase(
    "rules nested at most {most} deep",
    "des règles imbriquées sur {most} niveaux au plus",
    most=MAX_DEPTH,
)


class RuleKind(Kind):
    """A criterion, or ``all_of``/``any_of`` a list of rules, ``not`` a rule, or a
    ``rule`` with an exception (``unless``)."""

    label = Phrase(
        "a rule: a criterion, or a table with all_of, any_of, not, or rule and unless",
        "une règle\u00a0: un critère, ou une table avec all_of, any_of, not, ou rule et unless",
    )
    FORMS: Final = ("all_of", "any_of", "not", "unless")

    def __init__(self) -> None:
        self.criteria = _criteria()

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if not isinstance(value, Mapping):
            return ctx.fail(path, value, self.label)
        if "criterion" in value:
            return self.criteria.read(ctx, value, path)
        forms = [form for form in self.FORMS if form in value]
        if len(forms) != 1:
            keys = listed([str(k)[:40] for k in value]) or "no key"
            hint = suggest(str(next(iter(value), "")), ("criterion", *self.FORMS), ctx)
            return ctx.fail(path, keys, self.label + hint)
        form = forms[0]
        allowed = ("rule", "unless") if form == "unless" else (form,)
        extra = [key for key in value if key not in allowed]
        for key in extra:
            alone = Phrase(
                "no other key beside {form}", "aucune autre clé à côté de {form}", form=form
            )
            ctx.fail(join_path(path, str(key)), value[key], alone)
        if form == "unless" and "rule" not in value:
            missing = Phrase(
                "the rule the exception applies to (missing)",
                "la règle à laquelle l'exception s'applique (absente)",
            )
            ctx.fail(join_path(path, "rule"), None, missing)
        if extra or (form == "unless" and "rule" not in value):
            return BAD
        ctx.depth += 1
        try:
            if ctx.depth > MAX_DEPTH:
                return ctx.fail(path, form, _NESTED)
            if form in ("all_of", "any_of"):
                rules = ListOf(RULE, at_least=1).read(ctx, value[form], join_path(path, form))
                if rules is BAD:
                    return BAD
                return (AllOf if form == "all_of" else AnyOf)(rules=rules)
            if form == "not":
                inner = self.read(ctx, value["not"], join_path(path, "not"))
                return BAD if inner is BAD else Not(rule=inner)
            rule = self.read(ctx, value["rule"], join_path(path, "rule"))
            exception = self.read(ctx, value["unless"], join_path(path, "unless"))
            if rule is BAD or exception is BAD:
                return BAD
            return Unless(rule=rule, exception=exception)
        finally:
            ctx.depth -= 1

    def write(self, ctx: Context, value: Any) -> Any:
        if isinstance(value, AllOf | AnyOf):
            form = "all_of" if isinstance(value, AllOf) else "any_of"
            return {form: [self.write(ctx, rule) for rule in value.rules]}
        if isinstance(value, Not):
            return {"not": self.write(ctx, value.rule)}
        if isinstance(value, Unless):
            return {"rule": self.write(ctx, value.rule), "unless": self.write(ctx, value.exception)}
        if isinstance(value, criteria.Predicate):
            raise ValidationError(
                "eligibility",
                value.name,
                Phrase(
                    "criteria a document can hold (a Predicate is code)",
                    "des critères qu'un document peut contenir (un Predicate est du code)",
                ),
            )
        return self.criteria.write(ctx, value)

    def schema(self) -> dict[str, Any]:
        rule = {"$ref": "#/$defs/rule"}
        rules = {"type": "array", "minItems": 1, "items": rule}
        forms: list[dict[str, Any]] = [
            {
                "type": "object",
                "properties": {form: rules},
                "required": [form],
                "additionalProperties": False,
            }
            for form in ("all_of", "any_of")
        ]
        forms.append(
            {
                "type": "object",
                "properties": {"not": rule},
                "required": ["not"],
                "additionalProperties": False,
            }
        )
        forms.append(
            {
                "type": "object",
                "properties": {"rule": rule, "unless": rule},
                "required": ["rule", "unless"],
                "additionalProperties": False,
            }
        )
        return {"oneOf": [*self.criteria.schema()["oneOf"], *forms]}


_RULE_KIND: RuleKind | None = None


def rule_kind() -> RuleKind:
    """The kind of an eligibility rule, made once (it describes every criterion)."""
    global _RULE_KIND
    if _RULE_KIND is None:
        _RULE_KIND = RuleKind()
    return _RULE_KIND


#: An eligibility rule, as keys of the format hold it: written once in the schema's
#: ``$defs`` (rules nest in rules).
RULE: Final = Ref("rule", rule_kind, french="une règle")
