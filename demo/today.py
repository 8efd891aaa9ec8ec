"""Demo fixtures placed around the moment the demo is loaded: the Premier League's big two of
Matchday 12 (a match in play, one to come) and another sport's slate for "Today's games". They
are placed anew only when the ones already there have gone stale, so loading twice in a row
changes nothing. The players named are those of the squads in demo/data/."""

from demo.specs import LiveMatchSpec, OtherSportSpec, UpcomingSpec

LIVE_MATCH: LiveMatchSpec = {
    "home": "Arsenal",
    "away": "Chelsea",
    "minutes_ago": 70,
    # shots, on target, xG, possession (%)
    "first_half_stats": {"Arsenal": (7, 3, "0.92", 56), "Chelsea": (4, 2, "0.95", 44)},
    "added_time": (2, 4),
    "formations": {"Arsenal": "4-3-3", "Chelsea": "4-2-3-1"},
    "lineups": {
        "Arsenal": {
            "starting": [
                "Raya",
                "Timber",
                "Saliba",
                "Gabriel",
                "Calafiori",
                "Ødegaard",
                "Rice",
                "Zubimendi",
                "Saka",
                "Havertz",
                "Martinelli",
            ],
            "bench": [
                "Kepa",
                "White",
                "Hincapié",
                "Merino",
                "Eze",
                "Nwaneri",
                "Trossard",
                "Madueke",
                "Gyökeres",
            ],
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
                "Neto",
                "Palmer",
                "Garnacho",
                "Jackson",
            ],
            "bench": [
                "Jørgensen",
                "Chalobah",
                "James",
                "Lavia",
                "Andrey Santos",
                "Estêvão",
                "João Pedro",
                "Delap",
            ],
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
        (
            36,
            0,
            "quote",
            None,
            None,
            {
                "text": "We knew Palmer would go for the corner. Raya nearly had it.",
                "quote_by": "Nicolas Jover",
                "quote_role": "Arsenal set-piece coach, at the break",
            },
        ),
        (40, 0, "yellow", "Arsenal", "Rice", {"detail": "tactical foul"}),
        (
            41,
            0,
            "photo",
            None,
            None,
            {
                "photo": "stadium",
                "text": "The Emirates under the lights, a full house for the London derby.",
                "credit": "MatchCentre demo (drawn with Pillow)",
                "alt_text": "A floodlit stadium with red stands full and a striped green pitch.",
            },
        ),
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

# Another sport's slate, as the seed's strip shows it: (UK kick-off, away, home). Its season and
# week are those of the day the demo is loaded (demo/loader.py).
OTHER_SPORT: OtherSportSpec = {
    "competition": "NFL",
    "stage": "Regular season",
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
