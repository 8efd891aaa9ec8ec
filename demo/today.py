"""Demo fixtures placed around the moment the demo is loaded: a match in play, one to
come, and another sport's slate for "Today's games". They are placed anew only when the
ones already there have gone stale, so loading twice in a row changes nothing."""

from demo.specs import LiveMatchSpec, OtherSportSpec, SeasonSpec, TeamSpec, UpcomingSpec

SEASON: SeasonSpec = {"competition": "Premier League", "season": "2026/27", "round": "Matchday 12"}

TEAMS: dict[str, TeamSpec] = {
    "Arsenal": {"code": "ARS", "country": "England", "colours": ("#ef0107", "#ffffff")},
    "Chelsea": {"code": "CHE", "country": "England", "colours": ("#034694", "#ffffff")},
    "Liverpool": {"code": "LIV", "country": "England", "colours": ("#c8102e", "#f6eb61")},
    "Manchester City": {
        "short_name": "Man City",
        "code": "MCI",
        "country": "England",
        "colours": ("#6cabdd", "#1c2c5b"),
    },
}

PLAYERS: dict[str, dict[str, str]] = {
    "Arsenal": {
        "Raya": "David Raya",
        "White": "Ben White",
        "Saliba": "William Saliba",
        "Gabriel": "Gabriel Magalhães",
        "Timber": "Jurriën Timber",
        "Ødegaard": "Martin Ødegaard",
        "Rice": "Declan Rice",
        "Merino": "Mikel Merino",
        "Saka": "Bukayo Saka",
        "Havertz": "Kai Havertz",
        "Martinelli": "Gabriel Martinelli",
        "Kiwior": "Jakub Kiwior",
        "Calafiori": "Riccardo Calafiori",
        "Jorginho": "Jorginho",
        "Trossard": "Leandro Trossard",
        "Nwaneri": "Ethan Nwaneri",
    },
    "Chelsea": {
        "Sánchez": "Robert Sánchez",
        "Gusto": "Malo Gusto",
        "Fofana": "Wesley Fofana",
        "Colwill": "Levi Colwill",
        "Cucurella": "Marc Cucurella",
        "Caicedo": "Moisés Caicedo",
        "Enzo Fernández": "Enzo Fernández",
        "Palmer": "Cole Palmer",
        "Neto": "Pedro Neto",
        "Jackson": "Nicolas Jackson",
        "Madueke": "Noni Madueke",
        "Lavia": "Roméo Lavia",
        "Nkunku": "Christopher Nkunku",
        "Badiashile": "Benoît Badiashile",
        "Dewsbury-Hall": "Kiernan Dewsbury-Hall",
    },
}

LIVE_MATCH: LiveMatchSpec = {
    "home": "Arsenal",
    "away": "Chelsea",
    "minutes_ago": 70,
    # shots, on target, xG, possession (%)
    "first_half_stats": {"Arsenal": (7, 3, "0.92", 56), "Chelsea": (4, 2, "0.95", 44)},
    "added_time": (2, 4),
    "lineups": {
        "Arsenal": {
            "starting": [
                "Raya",
                "White",
                "Saliba",
                "Gabriel",
                "Timber",
                "Ødegaard",
                "Rice",
                "Merino",
                "Saka",
                "Havertz",
                "Martinelli",
            ],
            "bench": ["Kiwior", "Calafiori", "Jorginho", "Trossard", "Nwaneri"],
            "captain": "Ødegaard",
        },
        "Chelsea": {
            "starting": [
                "Sánchez",
                "Gusto",
                "Fofana",
                "Colwill",
                "Cucurella",
                "Caicedo",
                "Enzo Fernández",
                "Palmer",
                "Neto",
                "Jackson",
                "Madueke",
            ],
            "bench": ["Lavia", "Nkunku", "Badiashile", "Dewsbury-Hall"],
            "captain": "Enzo Fernández",
        },
    },
    "events": [
        (3, 0, "commentary", None, None, {"text": "A lively start: Saka already running at Cucurella."}),
        (
            12,
            0,
            "goal",
            "Arsenal",
            "Saka",
            {"detail": "header", "text": "Saka meets Ødegaard's cross at the far post."},
        ),
        (
            34,
            0,
            "goal",
            "Chelsea",
            "Palmer",
            {"goal_type": "penalty", "text": "Palmer, cool as ever, from the spot."},
        ),
        (40, 0, "yellow", "Arsenal", "Rice", {"detail": "tactical foul"}),
        (
            51,
            0,
            "goal",
            "Arsenal",
            "Havertz",
            {"text": "Havertz against his old club, sliding in at the near post."},
        ),
    ],
}

UPCOMING: UpcomingSpec = {"home": "Liverpool", "away": "Manchester City", "uk_time": (20, 0)}

# Another sport's slate, as the seed's strip shows it: (UK kick-off, away, home).
OTHER_SPORT: OtherSportSpec = {
    "competition": "NFL",
    "season": "2026",
    "round": "Week 12",
    "sport": "american_football",
    "teams": {
        "Minnesota Vikings": ("Vikings", "MIN", "#4f2683", "#ffc62f"),
        "Chicago Bears": ("Bears", "CHI", "#0b162a", "#c83803"),
        "Detroit Lions": ("Lions", "DET", "#0076b6", "#b0b7bc"),
        "Indianapolis Colts": ("Colts", "IND", "#002c5f", "#a2aaad"),
        "Denver Broncos": ("Broncos", "DEN", "#fb4f14", "#002244"),
        "Las Vegas Raiders": ("Raiders", "LV", "#000000", "#a5acaf"),
        "San Francisco 49ers": ("49ers", "SF", "#aa0000", "#b3995d"),
        "Green Bay Packers": ("Packers", "GB", "#203731", "#ffb612"),
    },
    "games": [
        ((18, 0), "Minnesota Vikings", "Chicago Bears"),
        ((18, 0), "Detroit Lions", "Indianapolis Colts"),
        ((21, 5), "Denver Broncos", "Las Vegas Raiders"),
        ((21, 25), "San Francisco 49ers", "Green Bay Packers"),
    ],
}
