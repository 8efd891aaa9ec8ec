"""The clubs of the Europa League 2024/25 league phase as MatchCentre names them.

openfootball's file spells some clubs as no English-speaking fan would (`Dinamo Kiev`,
`Olympiakos Piraeus`, `Lazio Roma`) and tags others (`AFC Ajax`, `Rangers FC`). The rule:
a club's name is its usual English name as BBC Sport writes it, its short name is what a
scoreline shows, and the feed's spelling is kept among its aliases, so the import (which
matches clubs by name or alias, feeds/clubs.py) finds the club under either.
"""

from typing import NamedTuple

from django.utils.text import slugify

from demo.builders import ensure_team
from fixtures_app.models import Team


class EuropeanClub(NamedTuple):
    name: str
    short_name: str
    code: str
    country: str
    primary: str
    secondary: str


# The feed's spelling -> the club. Manchester United and Tottenham Hotspur are the Premier
# League's clubs (demo/premier_league.py), spelt alike.
CLUBS: dict[str, EuropeanClub] = {
    "1899 Hoffenheim": EuropeanClub("Hoffenheim", "Hoffenheim", "HOF", "Germany", "#1961b5", "#ffffff"),
    "AFC Ajax": EuropeanClub("Ajax", "Ajax", "AJA", "Netherlands", "#d2122e", "#ffffff"),
    "AS Roma": EuropeanClub("Roma", "Roma", "ROM", "Italy", "#8e1f2f", "#f0bc42"),
    "AZ Alkmaar": EuropeanClub("AZ Alkmaar", "AZ", "AZA", "Netherlands", "#db0021", "#ffffff"),
    "Athletic Club": EuropeanClub("Athletic Club", "Athletic", "ATH", "Spain", "#ee2523", "#ffffff"),
    "Beşiktaş": EuropeanClub("Beşiktaş", "Beşiktaş", "BES", "Turkey", "#000000", "#ffffff"),
    "Dinamo Kiev": EuropeanClub("Dynamo Kyiv", "Dynamo Kyiv", "DKV", "Ukraine", "#ffffff", "#0055a5"),
    "Eintracht Frankfurt": EuropeanClub(
        "Eintracht Frankfurt", "Frankfurt", "SGE", "Germany", "#e1000f", "#000000"
    ),
    "FC Midtjylland": EuropeanClub("Midtjylland", "Midtjylland", "MID", "Denmark", "#000000", "#d81e05"),
    "FC Porto": EuropeanClub("Porto", "Porto", "POR", "Portugal", "#003893", "#ffffff"),
    "FC Twente": EuropeanClub("Twente", "Twente", "TWE", "Netherlands", "#e30613", "#ffffff"),
    "FCSB": EuropeanClub("FCSB", "FCSB", "FCSB", "Romania", "#e30613", "#003da5"),
    "FK Bodø/Glimt": EuropeanClub("Bodø/Glimt", "Bodø/Glimt", "BOD", "Norway", "#ffdd00", "#000000"),
    "FK RFS": EuropeanClub("RFS", "RFS", "RFS", "Latvia", "#003e7e", "#ffffff"),
    "Fenerbahçe": EuropeanClub("Fenerbahçe", "Fenerbahçe", "FEN", "Turkey", "#163962", "#ffed00"),
    "Ferencvárosi TC": EuropeanClub("Ferencváros", "Ferencváros", "FER", "Hungary", "#008c3a", "#ffffff"),
    "Galatasaray": EuropeanClub("Galatasaray", "Galatasaray", "GAL", "Turkey", "#a90432", "#fdb912"),
    "IF Elfsborg": EuropeanClub("Elfsborg", "Elfsborg", "ELF", "Sweden", "#ffe600", "#000000"),
    "Lazio Roma": EuropeanClub("Lazio", "Lazio", "LAZ", "Italy", "#87d8f7", "#ffffff"),
    "Maccabi Tel Aviv": EuropeanClub(
        "Maccabi Tel Aviv", "Maccabi Tel Aviv", "MTA", "Israel", "#ffe600", "#003da5"
    ),
    "Malmö FF": EuropeanClub("Malmö", "Malmö", "MAL", "Sweden", "#89c5ec", "#ffffff"),
    "OGC Nice": EuropeanClub("Nice", "Nice", "NIC", "France", "#c8102e", "#000000"),
    "Olympiakos Piraeus": EuropeanClub("Olympiacos", "Olympiacos", "OLY", "Greece", "#e30613", "#ffffff"),
    "Olympique Lyonnais": EuropeanClub("Lyon", "Lyon", "LYO", "France", "#ffffff", "#da001a"),
    "PAOK Saloniki": EuropeanClub("PAOK", "PAOK", "PAOK", "Greece", "#000000", "#ffffff"),
    "PFC Ludogorets Razgrad": EuropeanClub(
        "Ludogorets", "Ludogorets", "LUD", "Bulgaria", "#00843d", "#ffffff"
    ),
    "Qarabağ FK": EuropeanClub("Qarabağ", "Qarabağ", "QAR", "Azerbaijan", "#000000", "#ffffff"),
    "RSC Anderlecht": EuropeanClub("Anderlecht", "Anderlecht", "AND", "Belgium", "#4c2683", "#ffffff"),
    "Rangers FC": EuropeanClub("Rangers", "Rangers", "RAN", "Scotland", "#1b458f", "#ffffff"),
    "Real Sociedad": EuropeanClub("Real Sociedad", "Real Sociedad", "RSO", "Spain", "#0067b1", "#ffffff"),
    "Slavia Praha": EuropeanClub(
        "Slavia Prague", "Slavia Prague", "SLP", "Czech Republic", "#e30613", "#ffffff"
    ),
    "Sporting Braga": EuropeanClub("Braga", "Braga", "BRA", "Portugal", "#e30613", "#ffffff"),
    "Union Saint-Gilloise": EuropeanClub(
        "Union Saint-Gilloise", "Union SG", "USG", "Belgium", "#ffd700", "#003da5"
    ),
    "Viktoria Plzeň": EuropeanClub("Viktoria Plzeň", "Plzeň", "PLZ", "Czech Republic", "#005ca9", "#e30613"),
}


def clubs_ensure() -> None:
    """The league phase's clubs under the names fans know, the feed's spellings among their aliases."""
    for spelling, club in CLUBS.items():
        if spelling != club.name:
            _rename(spelling, club)
        team = ensure_team(
            club.name,
            short_name=club.short_name,
            code=club.code,
            country=club.country,
            colours=(club.primary, club.secondary),
        )
        if spelling != club.name and spelling not in team.aliases:
            team.aliases = [*team.aliases, spelling]
            team.save(update_fields=["aliases"])


def _rename(spelling: str, club: EuropeanClub) -> None:
    """Gives a club an older demo created under the feed's spelling the name fans know."""
    if Team.objects.filter(slug=slugify(club.name)).exists():
        return
    Team.objects.filter(name=spelling).update(
        name=club.name, short_name=club.short_name, code=club.code, slug=slugify(club.name)
    )
