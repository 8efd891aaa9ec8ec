"""The Premier League 2026/27 as the demo plays it: its twenty clubs, their grounds, and the
squads shipped in demo/data/.

The clubs' names, codes, colours and grounds are facts; how strong each side is and the shape
it lines up in are the demo's own choices, made only so the generated results look like a
season (demo/season.py).
"""

import json
from pathlib import Path
from typing import NamedTuple

from demo.specs import SeasonSpec

SEASON: SeasonSpec = {"competition": "Premier League", "season": "2026/27", "round": "Matchday 12"}
SQUADS_FILE = Path(__file__).resolve().parent / "data" / "premier-league-2026-27-squads.json"


class Club(NamedTuple):
    short_name: str
    code: str
    primary: str
    secondary: str
    ground: str
    city: str
    strength: float  # 1.0 is an average side; the demo's own choice
    formation: str


CLUBS: dict[str, Club] = {
    "Arsenal": Club("Arsenal", "ARS", "#ef0107", "#ffffff", "Emirates Stadium", "London", 1.45, "4-3-3"),
    "Aston Villa": Club(
        "Aston Villa", "AVL", "#670e36", "#95bfe5", "Villa Park", "Birmingham", 1.1, "4-2-3-1"
    ),
    "AFC Bournemouth": Club(
        "Bournemouth", "BOU", "#da291c", "#000000", "Vitality Stadium", "Bournemouth", 1.0, "4-2-3-1"
    ),
    "Brentford": Club(
        "Brentford", "BRE", "#e30613", "#ffffff", "Gtech Community Stadium", "London", 0.9, "4-3-3"
    ),
    "Brighton & Hove Albion": Club(
        "Brighton", "BHA", "#0057b8", "#ffffff", "American Express Stadium", "Brighton", 1.0, "4-2-3-1"
    ),
    "Burnley": Club("Burnley", "BUR", "#6c1d45", "#99d6ea", "Turf Moor", "Burnley", 0.7, "4-4-2"),
    "Chelsea": Club("Chelsea", "CHE", "#034694", "#ffffff", "Stamford Bridge", "London", 1.3, "4-2-3-1"),
    "Crystal Palace": Club(
        "Crystal Palace", "CRY", "#1b458f", "#c4122e", "Selhurst Park", "London", 1.0, "3-4-2-1"
    ),
    "Everton": Club(
        "Everton", "EVE", "#003399", "#ffffff", "Hill Dickinson Stadium", "Liverpool", 0.9, "4-2-3-1"
    ),
    "Fulham": Club("Fulham", "FUL", "#000000", "#ffffff", "Craven Cottage", "London", 0.95, "4-2-3-1"),
    "Leeds United": Club("Leeds", "LEE", "#ffcd00", "#1d428a", "Elland Road", "Leeds", 0.8, "4-3-3"),
    "Liverpool": Club("Liverpool", "LIV", "#c8102e", "#f6eb61", "Anfield", "Liverpool", 1.35, "4-2-3-1"),
    "Manchester City": Club(
        "Man City", "MCI", "#6cabdd", "#1c2c5b", "Etihad Stadium", "Manchester", 1.4, "4-1-4-1"
    ),
    "Manchester United": Club(
        "Man Utd", "MUN", "#da291c", "#fbe122", "Old Trafford", "Manchester", 1.05, "3-4-2-1"
    ),
    "Newcastle United": Club(
        "Newcastle", "NEW", "#241f20", "#ffffff", "St James' Park", "Newcastle upon Tyne", 1.15, "4-3-3"
    ),
    "Nottingham Forest": Club(
        "Nott'm Forest", "NFO", "#dd0000", "#ffffff", "City Ground", "Nottingham", 0.95, "4-2-3-1"
    ),
    "Sunderland": Club(
        "Sunderland", "SUN", "#eb172b", "#ffffff", "Stadium of Light", "Sunderland", 0.8, "4-2-3-1"
    ),
    "Tottenham Hotspur": Club(
        "Spurs", "TOT", "#132257", "#ffffff", "Tottenham Hotspur Stadium", "London", 1.05, "4-3-3"
    ),
    "West Ham United": Club(
        "West Ham", "WHU", "#7a263a", "#1bb1e7", "London Stadium", "London", 0.85, "4-2-3-1"
    ),
    "Wolverhampton Wanderers": Club(
        "Wolves", "WOL", "#fdb913", "#231f20", "Molineux Stadium", "Wolverhampton", 0.75, "3-4-2-1"
    ),
}


# The eleven each club starts when it can, by the names they are known as, goalkeeper first:
# the demo's reading of the season's team sheets, used only so its line-ups look like the clubs'.
REGULARS: dict[str, str] = {
    "Arsenal": "Raya, Timber, Saliba, Gabriel, Calafiori, Ødegaard, Rice, Zubimendi, Saka, Gyökeres, Eze",
    "Aston Villa": (
        "Martínez, Cash, Konsa, Torres, Digne, Kamara, Tielemans, McGinn, Rogers, Buendía, Watkins"
    ),
    "AFC Bournemouth": (
        "Petrović, Smith, Hill, Senesi, Truffert, Adams, Scott, Brooks, Tavernier, Semenyo, Evanilson"
    ),
    "Brentford": (
        "Kelleher, Kayode, Collins, Ajer, Henry, Henderson, Janelt, Damsgaard, Ouattara, Thiago, Schade"
    ),
    "Brighton & Hove Albion": (
        "Verbruggen, Veltman, Van Hecke, Dunk, Kadıoğlu, Baleba, Ayari, Minteh, Rutter, Mitoma, Welbeck"
    ),
    "Burnley": (
        "Dúbravka, Walker, Egan-Riley, Estève, Hartman, "
        "Anthony, Cullen, Ugochukwu, Hannibal, Foster, Flemming"
    ),
    "Chelsea": (
        "Sánchez, Gusto, Fofana, Chalobah, Cucurella, "
        "Caicedo, Enzo Fernández, Neto, Palmer, Garnacho, João Pedro"
    ),
    "Crystal Palace": (
        "Henderson, Richards, Lacroix, Guéhi, Muñoz, Mitchell, Wharton, Lerma, Sarr, Pino, Mateta"
    ),
    "Everton": (
        "Pickford, O'Brien, Tarkowski, Keane, Mykolenko, "
        "Gueye, Garner, Ndiaye, Dewsbury-Hall, Grealish, Barry"
    ),
    "Fulham": "Leno, Tete, Andersen, Bassey, Robinson, Berge, Reed, Wilson, Smith Rowe, Iwobi, Raúl Jiménez",
    "Leeds United": (
        "Perri, Bogle, Rodon, Struijk, Gudmundsson, Ampadu, Tanaka, Longstaff, Aaronson, Calvert-Lewin, James"
    ),
    "Liverpool": (
        "Alisson, Frimpong, Konaté, Van Dijk, Kerkez, "
        "Gravenberch, Mac Allister, Szoboszlai, Wirtz, Salah, Isak"
    ),
    "Manchester City": (
        "Donnarumma, Khusanov, Dias, Gvardiol, O'Reilly, Rodri, Bernardo, Reijnders, Foden, Doku, Haaland"
    ),
    "Manchester United": (
        "Lammens, Yoro, De Ligt, Maguire, Amad, Casemiro, Fernandes, Dorgu, Mbeumo, Cunha, Šeško"
    ),
    "Newcastle United": (
        "Pope, Trippier, Schär, Botman, Burn, Tonali, Bruno Guimarães, Joelinton, Murphy, Woltemade, Gordon"
    ),
    "Nottingham Forest": (
        "Sels, Aina, Milenković, Murillo, Williams, Anderson, Sangaré, Hutchinson, Gibbs-White, Ndoye, Wood"
    ),
    "Sunderland": "Roefs, Hume, Ballard, Mukiele, Reinildo, Xhaka, Sadiki, Le Fée, Diarra, Talbi, Isidor",
    "Tottenham Hotspur": (
        "Vicario, Porro, Romero, Van de Ven, Udogie, Palhinha, Bentancur, Simons, Kudus, Solanke, Richarlison"
    ),
    "West Ham United": (
        "Areola, Wan-Bissaka, Todibo, Kilman, Diouf, Souček, Fernandes, Bowen, Paquetá, Summerville, Füllkrug"
    ),
    "Wolverhampton Wanderers": (
        "José Sá, Agbadou, Mosquera, Toti, Doherty, "
        "João Gomes, André, Hugo Bueno, Bellegarde, Hwang, Strand Larsen"
    ),
}


class SquadPlayer(NamedTuple):
    shirt_number: int
    name: str
    known_as: str
    position: str  # GK, DF, MF or FW


def squads() -> dict[str, list[SquadPlayer]]:
    """Each club's squad, as the data file lists it: goalkeepers first, then by shirt number."""
    data = json.loads(SQUADS_FILE.read_text(encoding="utf-8"))
    return {club: [SquadPlayer(*row) for row in rows] for club, rows in data["clubs"].items()}
