"""Where rules and values come from: :class:`Source`, and the catalogue of the texts the
library cites.

A :class:`Source` names a text as a reader cites it. Every text the library's own rules,
values and presets rest on is declared **once**, here, in the catalogue: the
public-service framework (décret n° 2016-151 and the décrets that amended it, the 2021
framework agreement), the forfait télétravail (décret n° 2021-1123 and its arrêtés),
the private sector's texts (Code du travail, the ANI of 2020, the URSSAF limits), the
studies behind the impact figures, and the press articles the schemes of the Lot, the
Cantal and the Lozère are known from. Each entry has a stable id (:func:`catalogue`,
:func:`cited`); a policy document cites an entry by that id (``source =
"decret-2016-151"``) without declaring it. A source that qualifies a text (an article
of it, a note) derives from the catalogue's entry rather than repeating its title::

    attrs.evolve(DECRET_2016_151, article="3")

and :func:`derived_from` finds the entry such a source derives from.

>>> from teletravail import sources
>>> print(sources.cited("decret-2016-151").title)
Décret n° 2016-151 du 11 février 2016
>>> article = sources.cited("gazette-lot-2013")
>>> article.publication, article.date
('La Gazette des communes', datetime.date(2012, 7, 6))

Where an article's page shows no date, ``date`` is left out (the comment above the
entry says what dates it): nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final

import attrs

from teletravail.dates import date_words, to_date
from teletravail.documents import Context, Day, Flag, Key, Table, Text, join_path, read, write
from teletravail.errors import ValidationError
from teletravail.messages import Lang, Phrase, check_lang, choices, did_you_mean, text_of

__all__ = [
    "ACCORD_FONCTION_PUBLIQUE_2021",
    "ADEME_REBOUND_2020",
    "ANI_2020",
    "ARRETE_2021_08_26",
    "ARRETE_2022_11_23",
    "ARRETE_2024_04_03",
    "ARRETE_TEMPS_PARTIEL",
    "CANTAL_AGENTS",
    "CODE_DU_TRAVAIL",
    "DECRET_85_1250",
    "DECRET_2016_151",
    "DECRET_2019_637",
    "DECRET_2020_524",
    "DECRET_2021_1123",
    "DECRET_2021_1725",
    "GIVEN",
    "IMPACTCO2",
    "LEGAL_KEYS",
    "LOT_2013_GENERALISATION",
    "LOT_PILOT",
    "LOZERE_2015",
    "PILOT_2012_ASSESSMENT",
    "SEED_REPLACED",
    "SMICA_TELECENTRES",
    "SOURCE_KEYS",
    "SOURCE_TABLE",
    "STATED",
    "TEXT_KEYS",
    "URSSAF_BOSS",
    "Source",
    "SourceTable",
    "catalogue",
    "cited",
    "derived_from",
]


def _text(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(
            attribute.name, value, Phrase("a non-empty string", "un texte non vide")
        )


def _flag(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, bool):
        raise ValidationError("unconfirmed", value, Phrase("true or false", "true ou false"))


def _optional_text(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None:
        _text(instance, attribute, value)


def _published(value: Any) -> dt.date | None:
    return None if value is None else to_date(value, "date")


def _version(value: Any) -> dt.date | None:
    return None if value is None else to_date(value, "version")


def _journal(value: Any) -> dt.date | None:
    return None if value is None else to_date(value, "journal")


def _in_force(value: Any) -> dt.date | None:
    return None if value is None else to_date(value, "in_force")


def _says_unconfirmed(note: str | None) -> bool:
    return note is not None and "unconfirmed" in note.lower()


#: The kinds of legal texts a title may start with: (gender, whether "de" elides).
_KINDS: Final[Mapping[str, tuple[str, bool]]] = MappingProxyType(
    {
        "accord": ("m", True),
        "arrêté": ("m", True),
        "circulaire": ("f", False),
        "code": ("m", False),
        "convention": ("f", False),
        "décret": ("m", False),
        "délibération": ("f", False),
        "instruction": ("f", True),
        "loi": ("f", False),
        "ordonnance": ("f", True),
    }
)


def _kind(title: str) -> tuple[str, bool] | None:
    words = title.split(maxsplit=1)
    return _KINDS.get(words[0].lower()) if words else None


def _lowered(title: str) -> str:
    """A legal text's title as running text writes it: ``décret n° …`` (other titles as
    they are)."""
    return title[0].lower() + title[1:] if _kind(title) is not None else title


def _of(title: str, lang: Lang) -> str:
    """``title`` after "of" in French (``du décret …``, ``de la loi …``, ``de l'arrêté
    …``); in English, as it is written."""
    text = _lowered(title)
    if lang == "en":
        return text
    kind = _kind(title)
    if kind is None:
        return f"de {text}"
    gender, elides = kind
    if elides:
        return f"de l'{text}"
    return f"du {text}" if gender == "m" else f"de la {text}"


def _taken(title: str) -> str:
    """French for "taken for": ``pris`` (or ``prise``) ``pour l'application``, agreeing with
    the kind of text ``title`` names."""
    kind = _kind(title)
    return "prise pour l'application" if kind and kind[0] == "f" else "pris pour l'application"


_AMENDED: Final = Phrase("as amended by {}", "dans sa rédaction issue {}")
_VERSION: Final = Phrase("as in force on {}", "dans sa version en vigueur le {}")
_TAKEN: Final = Phrase("implementing", "pris pour l'application")
_JOURNAL: Final = Phrase("Journal officiel of {}", "Journal officiel du {}")
_IN_FORCE: Final = Phrase("in force from {}", "entrée en vigueur le {}")
_UNCONFIRMED: Final = Phrase("unconfirmed", "à confirmer")

#: The titles of the library's own two sources, in each language.
_STATED_TITLE: Final = Phrase(
    "stated in the policy document", "énoncé dans le document de la politique"
)
_GIVEN_TITLE: Final = Phrase("given by the user", "donné par l'utilisateur")
_OWN_TITLES: Final[Mapping[str, Phrase]] = MappingProxyType(
    {str(title): title for title in (_STATED_TITLE, _GIVEN_TITLE)}
)


def _said(phrase: Phrase, lang: Lang, value: str) -> str:
    return phrase.text(lang).replace("{}", value)


def _title(source: Source, lang: Lang) -> str:
    """The title as a citation in ``lang`` opens with it."""
    own = _OWN_TITLES.get(source.title)
    if own is not None:
        return own.text(lang)
    if source.publication:
        return f"«\u00a0{source.title}\u00a0»" if lang == "fr" else f"\u201c{source.title}\u201d"
    return _lowered(source.title)


#: The keys that say which text a source is (the others qualify it: the part cited, a
#: link, a note).
TEXT_KEYS: Final = ("title", "publication", "date")

#: The keys that cite a legal text: the article and its wording, then, of the whole text,
#: the text it is taken for, its Journal officiel and its entry into force.
LEGAL_KEYS: Final = ("article", "amended_by", "version", "implements", "journal", "in_force")

#: The keys of a source's dict form, in the order a citation gives them.
SOURCE_KEYS: Final = (*TEXT_KEYS, *LEGAL_KEYS, "reference", "url", "note", "unconfirmed")

#: What a source that still names a file of articles (the former ``seed`` key) must write
#: instead: the article's bibliographic reference.
SEED_REPLACED: Final = Phrase(
    "the article cited by its title, publication and date instead ({seed!r} is no longer"
    " read): e.g. {example}",
    "l'article cité par son titre, sa publication et sa date au lieu de la clé {seed!r}, qui"
    " n'est plus lue (par exemple {example})",
    seed="seed",
    example='publication = "La Gazette des communes", date = "2012-07-06"',
)


@attrs.frozen(kw_only=True)
class Source:
    """Where a rule or a value comes from, as a reader cites it.

    ``title`` names the text: a legal text (``"Arrêté du 23 novembre 2022"``) or an
    article. An article also gives its ``publication`` (the newspaper, magazine or
    website that published it: ``"La Gazette des communes"``) and its ``date`` of
    publication, a :class:`datetime.date` (or ISO text), left out when the page is
    undated.

    Of a legal text, ``article`` is the article or articles cited, numbered as the text
    numbers them (``"3"``, ``"2, 2-1"``, ``"L. 1222-9"``); ``amended_by`` the title of
    the text that gave the article the wording cited (``"décret n° 2020-524 du 5 mai
    2020"``), ``version`` the day of the wording cited when it is an earlier one (the
    original wording, for instance). ``implements`` is the title of the text it is
    taken for (pris pour l'application de), ``journal`` the day of its publication in
    the Journal officiel and ``in_force`` the day it came into force: the three
    describe the whole text, and are left out of a citation of one of its articles.

    ``reference`` is another identifier or part of the text cited, ``url`` a link,
    ``note`` a qualification: free text, printed as written in every language.
    ``unconfirmed`` flags a value read in a single secondary source or inferred (a
    note that says "unconfirmed" flags it too).
    """

    title: str = attrs.field(validator=_text)
    publication: str | None = attrs.field(default=None, validator=_optional_text)
    date: dt.date | None = attrs.field(default=None, converter=_published)
    article: str | None = attrs.field(default=None, validator=_optional_text)
    amended_by: str | None = attrs.field(default=None, validator=_optional_text)
    version: dt.date | None = attrs.field(default=None, converter=_version)
    implements: str | None = attrs.field(default=None, validator=_optional_text)
    journal: dt.date | None = attrs.field(default=None, converter=_journal)
    in_force: dt.date | None = attrs.field(default=None, converter=_in_force)
    reference: str | None = attrs.field(default=None, validator=_optional_text)
    url: str | None = attrs.field(default=None, validator=_optional_text)
    note: str | None = None
    _unconfirmed: bool = attrs.field(default=False, validator=_flag, alias="unconfirmed")

    @property
    def unconfirmed(self) -> bool:
        """Whether the value is flagged unconfirmed: by ``unconfirmed``, or by a note that
        says so."""
        return self._unconfirmed or _says_unconfirmed(self.note)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form, leaving out empty fields (the dates as ``YYYY-MM-DD``, a
        false ``unconfirmed``)."""
        data: dict[str, Any] = write(SOURCE_TABLE, self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "source") -> Source:
        """Rebuild a source from :meth:`to_dict`, as :data:`SOURCE_TABLE` describes it;
        ``path`` names it in errors (every problem at once)."""
        source: Source = read(SOURCE_TABLE, data, path)
        return source

    def cite(self, lang: Lang = "en") -> str:
        """The source as a reader of ``lang`` (``"en"`` or ``"fr"``) cites it.

        A legal text: its title, the article, the wording cited, then for the whole text
        the text it is taken for, its Journal officiel and its entry into force::

            décret n° 2016-151 du 11 février 2016, art. 3

        (a title that starts with the kind of text, ``Décret``, ``Arrêté``, ``Loi``…, is
        cited in lower case, as in running French text; in English the text keeps its
        French title and the connecting words and dates are English). An article: its
        title in quotes, the publication and the date::

            « Le conseil général du Lot généralise le télétravail … », La Gazette des
            communes, 6 juillet 2012

        Then the reference and the note, printed as written, and "(à confirmer)" or
        "(unconfirmed)" for an unconfirmed source. An unknown ``lang`` is a
        :class:`~teletravail.errors.ValidationError` listing the languages.
        """
        lang = check_lang(lang)
        parts = [_title(self, lang)]
        if self.publication:
            parts.append(self.publication)
        if self.date is not None:
            parts.append(date_words(self.date, lang))
        if self.article:
            parts.append(f"art. {self.article}")
        if self.amended_by:
            parts.append(_said(_AMENDED, lang, _of(self.amended_by, lang)))
        if self.version is not None:
            parts.append(_said(_VERSION, lang, date_words(self.version, lang)))
        if not self.article:
            if self.implements:
                taken = _TAKEN.text(lang) if lang == "en" else _taken(self.title)
                parts.append(f"{taken} {_of(self.implements, lang)}")
            if self.journal is not None:
                parts.append(_said(_JOURNAL, lang, date_words(self.journal, lang)))
            if self.in_force is not None:
                parts.append(_said(_IN_FORCE, lang, date_words(self.in_force, lang)))
        if self.reference:
            parts.append(text_of(self.reference, lang))
        text = ", ".join(parts)
        if self.note:
            text += f" ({text_of(self.note, lang)})"
        if self.unconfirmed and not (lang == "en" and _says_unconfirmed(self.note)):
            text += f" ({_UNCONFIRMED.text(lang)})"
        return text

    def __str__(self) -> str:
        return self.cite("en")


class SourceTable(Table):
    """The table of a source: its keys, and the former ``seed`` key refused with what to
    write instead (:data:`SEED_REPLACED`)."""

    def without_seed(self, ctx: Context, value: Any, path: str) -> Any:
        """``value`` without a ``seed`` key, after recording its problem in ``ctx``."""
        if isinstance(value, Mapping) and "seed" in value:
            ctx.fail(join_path(path, "seed"), value["seed"], SEED_REPLACED)
            return {key: item for key, item in value.items() if key != "seed"}
        return value

    def read(self, ctx: Context, value: Any, path: str, *, also: Sequence[str] = ()) -> Any:
        return super().read(ctx, self.without_seed(ctx, value, path), path, also=also)


def _source(data: dict[str, Any]) -> Source:
    return Source(**data)


def _source_data(source: Source) -> dict[str, Any]:
    data = {key: getattr(source, key) for key in SOURCE_KEYS if key != "unconfirmed"}
    data["unconfirmed"] = True if source._unconfirmed else None  # false is left out
    return data


#: The description of a source written as a table, in the order a citation gives its
#: keys: ``Source.from_dict`` and ``to_dict`` read and write through it, and a policy
#: document's sources are tables of the same keys (:mod:`teletravail.config`).
SOURCE_TABLE: Final = SourceTable(
    "source",
    "A text a rule or value comes from.",
    [
        Key("title", Text(), "the text cited: a law, a deliberation, an article", True),
        Key(
            "publication",
            Text(),
            "for an article, the newspaper, magazine or website that published it",
        ),
        Key("date", Day(), "for an article, the day it was published"),
        Key("article", Text(), "of a legal text, the article or articles cited: 3, or 2, 2-1"),
        Key("amended_by", Text(), "the title of the text that gave the article its wording"),
        Key("version", Day(), "the day of the wording cited, when it is an earlier one"),
        Key("implements", Text(), "the title of the text it is taken for"),
        Key("journal", Day(), "the day it was published in the Journal officiel"),
        Key("in_force", Day(), "the day it came into force"),
        Key("reference", Text(), "another identifier or part of the text, printed as written"),
        Key("url", Text(), "where to read it"),
        Key("note", Text(empty=True), "a qualification, printed as written"),
        Key("unconfirmed", Flag(), "true for a value read in a single secondary source"),
    ],
    _source,
    _source_data,
)


#: The source of a value a policy document gives without one: the document itself.
STATED: Final = Source(title=_STATED_TITLE)

#: The source of a value given in code without one (an emission factor passed as a
#: plain quantity, for instance).
GIVEN: Final = Source(title=_GIVEN_TITLE)


# -- the catalogue ---------------------------------------------------------------------
# The public-service framework.

#: The framework of telework in the public service, taken for art. 133 of the loi
#: Sauvadet.
DECRET_2016_151: Final = Source(
    title="Décret n° 2016-151 du 11 février 2016",
    implements="loi n° 2012-347 du 12 mars 2012",
    journal="2016-02-12",
    in_force="2016-02-13",
)
#: The décret that replaced art. 4 of décret n° 2016-151 (derogations).
DECRET_2019_637: Final = Source(title="Décret n° 2019-637 du 25 juin 2019", in_force="2019-06-27")
#: The décret that amended décret n° 2016-151 in May 2020: fixed and floating days,
#: regular or occasional telework, another private place.
DECRET_2020_524: Final = Source(
    title="Décret n° 2020-524 du 5 mai 2020", journal="2020-05-06", in_force="2020-05-07"
)
#: The décret that rewrote art. 4 of décret n° 2016-151: the four grounds of derogation
#: (pregnancy and carers among them).
DECRET_2021_1725: Final = Source(
    title="Décret n° 2021-1725 du 21 décembre 2021", journal="2021-12-22", in_force="2021-12-23"
)
#: The public-service framework agreement, signed on 13 July 2021: telework based on
#: activities, not posts.
ACCORD_FONCTION_PUBLIQUE_2021: Final = Source(
    title="Accord du 13 juillet 2021 relatif à la mise en œuvre du télétravail dans la "
    "fonction publique",
    journal="2022-04-03",
)
#: The part-time caps of one ministry's arrêté (which ministry is not identified): 2.5
#: days for part time from 60 to 90 %, 1.5 at half time. Unconfirmed: a single secondary
#: source quotes the arrêté.
ARRETE_TEMPS_PARTIEL: Final = Source(
    title="Arrêté ministériel relatif au télétravail",
    url="https://www.legifrance.gouv.fr/jorf/article_jo/LEGIARTI000043057505",
    unconfirmed=True,
)
#: Annual leave in the territorial civil service.
DECRET_85_1250: Final = Source(
    title="Décret n° 85-1250 du 26 novembre 1985 relatif aux congés annuels des "
    "fonctionnaires territoriaux",
)

# The forfait télétravail.

#: The allocation forfaitaire de télétravail of the public service, paid quarterly.
DECRET_2021_1123: Final = Source(title="Décret n° 2021-1123 du 26 août 2021", in_force="2021-09-01")
#: The forfait's first amounts (art. 1): 2.50 EUR a day, 220 EUR a year.
ARRETE_2021_08_26: Final = Source(
    title="Arrêté du 26 août 2021", implements="décret n° 2021-1123 du 26 août 2021"
)
#: The forfait's amounts from 2023: 2.88 EUR a day, 253.44 EUR a year.
ARRETE_2022_11_23: Final = Source(title="Arrêté du 23 novembre 2022", journal="2022-11-27")
#: The forfait's cap for the telework days of calendar year 2024 only: 282.24 EUR, in the
#: State and hospital branches (a local body needs its own deliberation).
ARRETE_2024_04_03: Final = Source(title="Arrêté du 3 avril 2024", journal="2024-04-20")

# The private sector.

#: The Code du travail: telework (art. L. 1222-9 to L. 1222-11), public holidays
#: (art. L. 3133-1, L. 3134-13 in Alsace-Moselle), annual leave (art. L. 3141-3).
CODE_DU_TRAVAIL: Final = Source(title="Code du travail")
#: The national interprofessional agreement on telework, extended by arrêté of 2 April 2021.
ANI_2020: Final = Source(title="Accord national interprofessionnel du 26 novembre 2020")
#: What an employer may pay without social contributions (the BOSS, frais
#: professionnels).
#: Art. 6 and 10 of the arrêté set the limits exempt from contributions.
URSSAF_BOSS: Final = Source(
    title="Bulletin officiel de la sécurité sociale (BOSS), frais professionnels",
    implements="arrêté du 20 décembre 2002",
)

# The studies and data behind the impact figures.

#: ADEME's 2020 study of the rebound effects of telework.
ADEME_REBOUND_2020: Final = Source(
    title="ADEME, Caractérisation des effets rebond induits par le télétravail (2020)",
)
#: The per-kilometre factors of ADEME's Base Empreinte, as impactco2.fr uses them.
IMPACTCO2: Final = Source(
    title="ADEME Base Empreinte (impactco2.fr)",
    url="https://impactco2.fr",
)

# The press articles the schemes of the Lot, the Cantal and the Lozère are known from.

_ZEVILLAGE: Final = "Zevillage"

#: The Lot's internal pilot from June 2011 and its assessment of June 2012: 12
#: volunteers, 1 to 1.5 days a week, a laptop and 100 EUR each; 38,735 km, 32 days of
#: travel, 4.5 t of CO2 and 1,583 EUR saved; three télécentres in the Lot. The page is
#: undated: it was taken from the magazine Entreprendre of the CCI du Lot and written
#: between the assessment (June 2012) and the extension (January 2013).
LOT_PILOT: Final = Source(
    title="Le Conseil général du Lot, pilote dans l'expérimentation du télétravail en "
    "Midi-Pyrénées",
    publication=_ZEVILLAGE,
    url="https://zevillage.net/campagnes/le-conseil-general-du-lot-pilote-dans-"
    "lexperimentation-du-teletravail-en-midi-pyerenees/",
)

#: The Lot's generalisation from 1 January 2013: who is eligible, 1 to 1.5 days a week,
#: the places, 100 EUR at the start and equipment (read as reproduced on the blog
#: toutsurleteletravail.blogspot.com).
LOT_2013_GENERALISATION: Final = Source(
    title="Le conseil général du Lot généralise le télétravail après un an d'expérimentation",
    publication="La Gazette des communes",
    date="2012-07-06",
)

#: The Lozère's telework for its agents (2015): 8 volunteers chosen on commute
#: distance, in the télécentres of the departmental network (a video interview of
#: Pauline Maurin, of the conseil général, by Média Citoyen).
LOZERE_2015: Final = Source(
    title="Le Conseil Général de la Lozère a mis en place le télétravail pour ses agents",
    publication="SoLozère",
    date="2015-04-02",
)

#: The Cantal's policy for teleworkers, with its agents' pilot of 2 or 3 days a week
#: being generalised to all staff (a podcast interview of Fabien Miedzianowski, head of
#: Cybercantal). The page is undated; it announces the télécentres to open in 2012.
CANTAL_AGENTS: Final = Source(
    title="La politique d'accueil des télétravailleurs dans le Cantal",
    publication=_ZEVILLAGE,
)

#: The assessment of the Aurillac-Figeac-Decazeville experiment (all of 2012): 7
#: télécentres, 27 desks, 80 registered, 46 hosted, 10,000 EUR per centre and about
#: 3,750 EUR a year to run. The page is undated; it reports the assessment seminar held
#: at Latronquière on 17 April, after the experiment of 2012.
PILOT_2012_ASSESSMENT: Final = Source(
    title="Télétravail et création de télécentres\u00a0: bilan de l'expérimentation du "
    "triangle Aurillac-Figeac-Decazeville",
    publication=_ZEVILLAGE,
)

#: The experiment's launch in January 2012, as the Aveyron's SMICA describes it:
#: Aurillac, Montmurat and Cassaniouze in the Cantal, an office at Figeac's Maison de
#: l'Emploi, one at the Chrysalis business incubator in the Aveyron. The post is undated,
#: written after the launch.
SMICA_TELECENTRES: Final = Source(
    title="SMICA\u00a0: pôle départemental pour le développement du télétravail",
    publication="toutsurleteletravail.blogspot.com",
    url="https://toutsurleteletravail.blogspot.com",
)

#: Every entry of the catalogue by its id, in the order above.
_CATALOGUE: Final[Mapping[str, Source]] = MappingProxyType(
    {
        "decret-2016-151": DECRET_2016_151,
        "decret-2019-637": DECRET_2019_637,
        "decret-2020-524": DECRET_2020_524,
        "decret-2021-1725": DECRET_2021_1725,
        "accord-fonction-publique-2021": ACCORD_FONCTION_PUBLIQUE_2021,
        "arrete-temps-partiel": ARRETE_TEMPS_PARTIEL,
        "decret-85-1250": DECRET_85_1250,
        "decret-2021-1123": DECRET_2021_1123,
        "arrete-2021-08-26": ARRETE_2021_08_26,
        "arrete-2022-11-23": ARRETE_2022_11_23,
        "arrete-2024-04-03": ARRETE_2024_04_03,
        "code-du-travail": CODE_DU_TRAVAIL,
        "ani-2020": ANI_2020,
        "urssaf-boss": URSSAF_BOSS,
        "ademe-rebond-2020": ADEME_REBOUND_2020,
        "impactco2": IMPACTCO2,
        "zevillage-lot-pilote": LOT_PILOT,
        "gazette-lot-2013": LOT_2013_GENERALISATION,
        "solozere-2015": LOZERE_2015,
        "zevillage-cantal": CANTAL_AGENTS,
        "zevillage-bilan-2012": PILOT_2012_ASSESSMENT,
        "smica-teletravail": SMICA_TELECENTRES,
    }
)

#: Each text's identity (title, publication, date) -> its id in the catalogue.
_BY_TEXT: Final[Mapping[tuple[str, str | None, dt.date | None], str]] = MappingProxyType(
    {(s.title, s.publication, s.date): ident for ident, s in _CATALOGUE.items()}
)


def catalogue() -> Mapping[str, Source]:
    """Every text of the catalogue by its id (read-only, in a stable order)."""
    return _CATALOGUE


def cited(ident: str) -> Source:
    """The catalogue's entry of id ``ident``; an unknown id is a
    :class:`~teletravail.errors.ValidationError` listing the ids, with a "did you mean"."""
    if isinstance(ident, str) and ident in _CATALOGUE:
        return _CATALOGUE[ident]
    guess = difflib.get_close_matches(str(ident).lower(), list(_CATALOGUE), n=1, cutoff=0.6)
    raise ValidationError(
        "source", ident, choices(tuple(_CATALOGUE)) + did_you_mean(guess[0] if guess else None)
    )


def derived_from(source: Source) -> str | None:
    """The id of the catalogue's entry that ``source`` is, or qualifies (the same title,
    publication and date, whatever its reference, url and note); None for a text the
    catalogue does not hold."""
    if not isinstance(source, Source):
        return None
    return _BY_TEXT.get((source.title, source.publication, source.date))
