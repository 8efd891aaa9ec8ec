"""A match's team sheets as the JSON API gives them: each side's starters, then its bench."""

from fixtures_app.models import LineupEntry, Match, Team


def team_lineup(match: Match, team: Team) -> list[LineupEntry]:
    return list(LineupEntry.objects.filter(match=match, team=team).select_related("player"))


def match_lineups(match: Match) -> list[tuple[Team, list[LineupEntry]]]:
    """Home side first; one query."""
    entries = list(LineupEntry.objects.filter(match=match).select_related("player"))
    return [
        (team, [entry for entry in entries if entry.team_id == team.pk])
        for team in (match.home_team, match.away_team)
    ]
