"""A finished league round: the last day of the Premier League 2023/24 (19 May 2024),
results only, as an import without events would leave them."""

from demo.specs import ClubRow, SeasonSpec

SEASON: SeasonSpec = {"competition": "Premier League", "season": "2023/24", "round": "Matchday 38"}
KICKOFF = "2024-05-19T15:00:00+00:00"

TEAMS: dict[str, ClubRow] = {
    "Manchester City": ("Man City", "MCI", "#6cabdd", "#1c2c5b"),
    "West Ham United": ("West Ham", "WHU", "#7a263a", "#1bb1e7"),
    "Arsenal": ("Arsenal", "ARS", "#ef0107", "#ffffff"),
    "Everton": ("Everton", "EVE", "#003399", "#ffffff"),
    "Liverpool": ("Liverpool", "LIV", "#c8102e", "#f6eb61"),
    "Wolverhampton Wanderers": ("Wolves", "WOL", "#fdb913", "#231f20"),
    "Brentford": ("Brentford", "BRE", "#e30613", "#ffffff"),
    "Newcastle United": ("Newcastle", "NEW", "#241f20", "#ffffff"),
    "Brighton & Hove Albion": ("Brighton", "BHA", "#0057b8", "#ffffff"),
    "Manchester United": ("Man Utd", "MUN", "#da291c", "#fbe122"),
    "Burnley": ("Burnley", "BUR", "#6c1d45", "#99d6ea"),
    "Nottingham Forest": ("Nott'm Forest", "NFO", "#dd0000", "#ffffff"),
    "Chelsea": ("Chelsea", "CHE", "#034694", "#ffffff"),
    "AFC Bournemouth": ("Bournemouth", "BOU", "#da291c", "#000000"),
    "Crystal Palace": ("Crystal Palace", "CRY", "#1b458f", "#c4122e"),
    "Aston Villa": ("Aston Villa", "AVL", "#670e36", "#95bfe5"),
    "Sheffield United": ("Sheffield Utd", "SHU", "#ee2737", "#ffffff"),
    "Tottenham Hotspur": ("Spurs", "TOT", "#132257", "#ffffff"),
    "Luton Town": ("Luton", "LUT", "#f78f1e", "#002d62"),
    "Fulham": ("Fulham", "FUL", "#000000", "#ffffff"),
}

RESULTS = [
    ("Manchester City", 3, 1, "West Ham United"),
    ("Arsenal", 2, 1, "Everton"),
    ("Liverpool", 2, 0, "Wolverhampton Wanderers"),
    ("Brentford", 2, 4, "Newcastle United"),
    ("Brighton & Hove Albion", 0, 2, "Manchester United"),
    ("Burnley", 1, 2, "Nottingham Forest"),
    ("Chelsea", 2, 1, "AFC Bournemouth"),
    ("Crystal Palace", 5, 0, "Aston Villa"),
    ("Sheffield United", 0, 3, "Tottenham Hotspur"),
    ("Luton Town", 2, 4, "Fulham"),
]
