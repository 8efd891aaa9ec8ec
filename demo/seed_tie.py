"""The seed's tie: Liverpool v Atalanta, Europa League 2023/24 quarter-final, both legs.

Facts from ../shared/data/seed-match (compiled from public match reports); the words of
the commentary are our own. The report page behind SEED.md lists Zappacosta twice at
90+1'; every other source has one booking and no red card, so it was a feed duplicate and
the demo records one booking (a repeat at the same minute is refused by the services).

The seed file gives the second leg's formations (Atalanta 3-4-1-2, one report says 3-4-2-1;
Liverpool 4-3-3) but none for the first leg: there Liverpool's line-up, as reported, reads
4-3-3, and Atalanta's 3-4-2-1 (De Roon in the back three, Koopmeiners and De Ketelaere behind
Scamacca). The seed file gives no shirt numbers: they are the clubs' squad numbers of 2023/24.
Each line-up is listed goalkeeper first, then each line from the back, from right to left.
"""

from demo.specs import MatchSpec, TeamSpec, VenueSpec

TEAMS: dict[str, TeamSpec] = {
    "Liverpool": {
        "short_name": "Liverpool",
        "code": "LIV",
        "country": "England",
        "colours": ("#c8102e", "#f6eb61"),
    },
    "Atalanta": {
        "short_name": "Atalanta",
        "code": "ATA",
        "country": "Italy",
        "colours": ("#1e71b8", "#000000"),
    },
}

VENUES: dict[str, VenueSpec] = {
    "Anfield": {"city": "Liverpool", "country": "England", "timezone": "Europe/London"},
    "Gewiss Stadium": {"city": "Bergamo", "country": "Italy", "timezone": "Europe/Rome"},
}

# known_as -> full name
PLAYERS: dict[str, dict[str, str]] = {
    "Liverpool": {
        "Alisson": "Alisson Becker",
        "Kelleher": "Caoimhín Kelleher",
        "Adrián": "Adrián San Miguel",
        "Alexander-Arnold": "Trent Alexander-Arnold",
        "Gomez": "Joe Gomez",
        "Konaté": "Ibrahima Konaté",
        "Van Dijk": "Virgil van Dijk",
        "Robertson": "Andrew Robertson",
        "Tsimikas": "Kostas Tsimikas",
        "Quansah": "Jarell Quansah",
        "Szoboszlai": "Dominik Szoboszlai",
        "Mac Allister": "Alexis Mac Allister",
        "Jones": "Curtis Jones",
        "Endo": "Wataru Endo",
        "Gravenberch": "Ryan Gravenberch",
        "Elliott": "Harvey Elliott",
        "Clark": "Bobby Clark",
        "Salah": "Mohamed Salah",
        "Gakpo": "Cody Gakpo",
        "Luis Díaz": "Luis Díaz",
        "Núñez": "Darwin Núñez",
        "Jota": "Diogo Jota",
        "Danns": "Jayden Danns",
    },
    "Atalanta": {
        "Musso": "Juan Musso",
        "Carnesecchi": "Marco Carnesecchi",
        "Rossi": "Francesco Rossi",
        "Djimsiti": "Berat Djimsiti",
        "Hien": "Isak Hien",
        "Kolasinac": "Sead Kolašinac",
        "Toloi": "Rafael Tolói",
        "Bonfanti": "Giovanni Bonfanti",
        "Holm": "Emil Holm",
        "Zappacosta": "Davide Zappacosta",
        "Hateboer": "Hans Hateboer",
        "Ruggeri": "Matteo Ruggeri",
        "Bakker": "Mitchel Bakker",
        "De Roon": "Marten de Roon",
        "Ederson": "Ederson",
        "Adopo": "Michel Adopo",
        "Koopmeiners": "Teun Koopmeiners",
        "Pašalić": "Mario Pašalić",
        "Miranchuk": "Aleksey Miranchuk",
        "De Ketelaere": "Charles De Ketelaere",
        "Lookman": "Ademola Lookman",
        "Scamacca": "Gianluca Scamacca",
        "Touré": "El Bilal Touré",
    },
}

# known_as -> shirt number, the clubs' squad numbers of 2023/24.
SHIRT_NUMBERS: dict[str, dict[str, int]] = {
    "Liverpool": {
        "Alisson": 1,
        "Kelleher": 62,
        "Adrián": 13,
        "Alexander-Arnold": 66,
        "Gomez": 2,
        "Konaté": 5,
        "Van Dijk": 4,
        "Robertson": 26,
        "Tsimikas": 21,
        "Quansah": 78,
        "Szoboszlai": 8,
        "Mac Allister": 10,
        "Jones": 17,
        "Endo": 3,
        "Gravenberch": 38,
        "Elliott": 19,
        "Clark": 42,
        "Salah": 11,
        "Gakpo": 18,
        "Luis Díaz": 7,
        "Núñez": 9,
        "Jota": 20,
        "Danns": 76,
    },
    "Atalanta": {
        "Musso": 1,
        "Carnesecchi": 29,
        "Rossi": 31,
        "Djimsiti": 19,
        "Hien": 4,
        "Kolasinac": 23,
        "Toloi": 2,
        "Bonfanti": 43,
        "Holm": 3,
        "Zappacosta": 77,
        "Hateboer": 33,
        "Ruggeri": 22,
        "Bakker": 5,
        "De Roon": 15,
        "Ederson": 13,
        "Adopo": 25,
        "Koopmeiners": 7,
        "Pašalić": 8,
        "Miranchuk": 59,
        "De Ketelaere": 17,
        "Lookman": 11,
        "Scamacca": 90,
        "Touré": 10,
    },
}

# leg -> club -> formation: outfield lines from the back.
FORMATIONS: dict[int, dict[str, str]] = {
    1: {"Liverpool": "4-3-3", "Atalanta": "3-4-2-1"},
    2: {"Atalanta": "3-4-1-2", "Liverpool": "4-3-3"},
}

FIRST_LEG: MatchSpec = {
    "kickoff": "2024-04-11T19:00:00+00:00",
    "home": "Liverpool",
    "away": "Atalanta",
    "venue": "Anfield",
    "referee": "Halil Umut Meler (TUR)",
    "added_time": (1, 3),
    "lineups": {
        "Liverpool": {
            "starting": [
                "Kelleher",
                "Gomez",
                "Konaté",
                "Van Dijk",
                "Tsimikas",
                "Mac Allister",
                "Endo",
                "Jones",
                "Elliott",
                "Núñez",
                "Gakpo",
            ],
            "bench": ["Robertson", "Szoboszlai", "Salah", "Luis Díaz", "Jota"],
            "captain": "Van Dijk",
        },
        "Atalanta": {
            "starting": [
                "Musso",
                "Djimsiti",
                "Hien",
                "De Roon",
                "Zappacosta",
                "Ederson",
                "Pašalić",
                "Ruggeri",
                "Koopmeiners",
                "De Ketelaere",
                "Scamacca",
            ],
            "bench": ["Miranchuk"],
            "captain": "De Roon",
        },
    },
    # (minute, added, kind, team, player, extra)
    "events": [
        (
            38,
            0,
            "goal",
            "Atalanta",
            "Scamacca",
            {"text": "Scamacca turns in Zappacosta's cut-back: Anfield falls quiet."},
        ),
        (46, 0, "substitution", "Liverpool", "Tsimikas", {"player_in": "Robertson"}),
        (46, 0, "substitution", "Liverpool", "Jones", {"player_in": "Szoboszlai"}),
        (46, 0, "substitution", "Liverpool", "Elliott", {"player_in": "Salah"}),
        (
            60,
            0,
            "goal",
            "Atalanta",
            "Scamacca",
            {"text": "Scamacca again, low past Kelleher. Two up on the break."},
        ),
        (60, 0, "substitution", "Liverpool", "Núñez", {"player_in": "Luis Díaz"}),
        (76, 0, "substitution", "Liverpool", "Endo", {"player_in": "Jota"}),
        (
            83,
            0,
            "goal",
            "Atalanta",
            "Pašalić",
            {"text": "Pašalić finishes a swift counter: three without reply."},
        ),
        (89, 0, "substitution", "Atalanta", "De Ketelaere", {"player_in": "Miranchuk"}),
    ],
}

SECOND_LEG: MatchSpec = {
    "kickoff": "2024-04-18T19:00:00+00:00",
    "home": "Atalanta",
    "away": "Liverpool",
    "venue": "Gewiss Stadium",
    "referee": "François Letexier (FRA)",
    "attendance": 14994,
    "added_time": (2, 3),
    "lineups": {
        "Atalanta": {
            "starting": [
                "Musso",
                "Djimsiti",
                "Hien",
                "Kolasinac",
                "Zappacosta",
                "De Roon",
                "Ederson",
                "Ruggeri",
                "Koopmeiners",
                "Miranchuk",
                "Scamacca",
            ],
            "bench": [
                "Carnesecchi",
                "Rossi",
                "Toloi",
                "Bonfanti",
                "Holm",
                "Bakker",
                "Hateboer",
                "Adopo",
                "Touré",
                "Pašalić",
                "De Ketelaere",
                "Lookman",
            ],
            "captain": "De Roon",
        },
        "Liverpool": {
            "starting": [
                "Alisson",
                "Alexander-Arnold",
                "Konaté",
                "Van Dijk",
                "Robertson",
                "Szoboszlai",
                "Mac Allister",
                "Jones",
                "Salah",
                "Gakpo",
                "Luis Díaz",
            ],
            "bench": [
                "Adrián",
                "Kelleher",
                "Quansah",
                "Tsimikas",
                "Endo",
                "Gravenberch",
                "Clark",
                "Núñez",
                "Jota",
                "Elliott",
                "Gomez",
                "Danns",
            ],
            "captain": "Van Dijk",
        },
    },
    "events": [
        (
            5,
            0,
            "commentary",
            None,
            None,
            {
                "text": "Penalty to Liverpool! Alexander-Arnold's cross strikes Ruggeri's "
                "arm and the referee points to the spot."
            },
        ),
        (
            7,
            0,
            "goal",
            "Liverpool",
            "Salah",
            {
                "goal_type": "penalty",
                "text": "Salah sends Musso the wrong way, low to the bottom corner. Liverpool need two more.",
            },
        ),
        (
            39,
            0,
            "commentary",
            None,
            None,
            {"text": "Salah should make it two: clean through, he drags it wide."},
        ),
        (41, 0, "goal", "Atalanta", "Koopmeiners", {"text": "Koopmeiners fires in from close range…"}),
        (
            41,
            0,
            "var",
            None,
            None,
            {
                "var_decision": "goal_disallowed",
                "reverses": "Koopmeiners",
                "detail": "offside",
                "text": "…but the flag was up. Offside, and the check confirms it.",
            },
        ),
        (43, 0, "yellow", "Atalanta", "Hien", {"detail": "handball"}),
        (43, 0, "yellow", "Liverpool", "Luis Díaz", {"detail": "dissent"}),
        (66, 0, "substitution", "Liverpool", "Salah", {"player_in": "Núñez"}),
        (67, 0, "substitution", "Liverpool", "Luis Díaz", {"player_in": "Jota"}),
        (
            67,
            0,
            "substitution",
            "Liverpool",
            "Szoboszlai",
            {"player_in": "Elliott", "text": "A triple change just after the hour."},
        ),
        (72, 0, "substitution", "Liverpool", "Alexander-Arnold", {"player_in": "Gomez"}),
        (75, 0, "substitution", "Atalanta", "Ederson", {"player_in": "Pašalić"}),
        (75, 0, "substitution", "Atalanta", "Scamacca", {"player_in": "De Ketelaere"}),
        (77, 0, "yellow", "Atalanta", "Koopmeiners", {}),
        (79, 0, "substitution", "Atalanta", "Miranchuk", {"player_in": "Lookman"}),
        (
            79,
            0,
            "substitution",
            "Liverpool",
            "Robertson",
            {"player_in": "Danns", "text": "Jayden Danns on for the last ten minutes."},
        ),
        (90, 1, "yellow", "Atalanta", "Zappacosta", {}),
        (
            90,
            2,
            "commentary",
            None,
            None,
            {
                "text": "Liverpool have had 0.11 xG from two shots in the second half. "
                "Atalanta are almost there."
            },
        ),
    ],
}
