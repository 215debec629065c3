"""The press articles the shipped presets cite, as bibliographic references.

The schemes of the Lot, the Cantal and the Lozère, and the 2012 télécentre pilot, are
known from articles in the press and on websites, not from the councils' own
deliberations. Each article is a :class:`~teletravail.dated.Source` with its title, its
publication and, where the page gives it, its date; the Python presets derive their
sources from these (``attrs.evolve(article, reference=...)``) and the TOML presets
repeat them (a test keeps the two equal).

Where a page shows no date, ``date`` is left out (the comment above the article says
what dates it): nothing is guessed.

>>> from teletravail.bibliography import LOT_2013_GENERALISATION
>>> LOT_2013_GENERALISATION.publication, LOT_2013_GENERALISATION.date
('La Gazette des communes', datetime.date(2012, 7, 6))
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from teletravail.dated import Source

__all__ = [
    "ARTICLES",
    "CANTAL_AGENTS",
    "LOT_2013_GENERALISATION",
    "LOT_PILOT",
    "LOZERE_2015",
    "PILOT_2012_ASSESSMENT",
    "SMICA_TELECENTRES",
]

ZEVILLAGE: Final = "Zevillage"
BLOG: Final = "toutsurleteletravail.blogspot.com"

#: The Lot's internal pilot from June 2011 and its assessment of June 2012: 12
#: volunteers, 1 to 1.5 days a week, a laptop and 100 EUR each; 38,735 km, 32 days of
#: travel, 4.5 t of CO2 and 1,583 EUR saved; three télécentres in the Lot. The page is
#: undated: it was taken from the magazine Entreprendre of the CCI du Lot and written
#: between the assessment (June 2012) and the extension (January 2013).
LOT_PILOT: Final = Source(
    title="Le Conseil général du Lot, pilote dans l'expérimentation du télétravail en "
    "Midi-Pyrénées",
    publication=ZEVILLAGE,
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
    publication=ZEVILLAGE,
)

#: The assessment of the Aurillac-Figeac-Decazeville experiment (all of 2012): 7
#: télécentres, 27 desks, 80 registered, 46 hosted, 10,000 EUR per centre and about
#: 3,750 EUR a year to run. The page is undated; it reports the assessment seminar held
#: at Latronquière on 17 April, after the experiment of 2012.
PILOT_2012_ASSESSMENT: Final = Source(
    title="Télétravail et création de télécentres\u00a0: bilan de l'expérimentation du "
    "triangle Aurillac-Figeac-Decazeville",
    publication=ZEVILLAGE,
)

#: The experiment's launch in January 2012, as the Aveyron's SMICA describes it:
#: Aurillac, Montmurat and Cassaniouze in the Cantal, an office at Figeac's Maison de
#: l'Emploi, one at the Chrysalis business incubator in the Aveyron. The post is undated,
#: written after the launch.
SMICA_TELECENTRES: Final = Source(
    title="SMICA\u00a0: pôle départemental pour le développement du télétravail",
    publication=BLOG,
    url="https://toutsurleteletravail.blogspot.com",
)

#: Every article above, by the name the presets use for it.
ARTICLES: Final[Mapping[str, Source]] = MappingProxyType(
    {
        "lot-pilot": LOT_PILOT,
        "lot-2013": LOT_2013_GENERALISATION,
        "lozere-2015": LOZERE_2015,
        "cantal": CANTAL_AGENTS,
        "pilot-2012": PILOT_2012_ASSESSMENT,
        "smica": SMICA_TELECENTRES,
    }
)
