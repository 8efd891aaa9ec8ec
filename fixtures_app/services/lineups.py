"""Team sheets: a side's line-up for a match, replaced before kick-off or added to at any time.

Every change goes into the update log (fans' pages redraw the line-ups at once, and the audit
trail says who changed the sheet); replacing gives the same sheet again, and the API keeps
the answer of an addition sent with a key.

A side's sheet holds its own club's players. Who plays for whom is read from the season's squad
lists (`SquadMember`): a player registered with clubs this season plays for those (a loan or a
transfer: register him with both). A player in no squad list this season goes by the season's
line-ups: the clubs he has been named for. A player neither names (a new signing, a trialist,
the season's first match, a competition whose squads were never entered) is free to be named.

A side's formation ("4-2-3-1", outfield lines from the back) goes with its sheet: given, it is
checked by `football.formation` and written the site's way ("4231" becomes "4-2-3-1"); blank
means unknown; not given, the one on record stays.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from fixtures_app.models import LineupEntry, Match, Player, SquadMember, Stage, Team
from fixtures_app.selectors.lineups import team_lineup
from fixtures_app.services.events import lock_match
from fixtures_app.services.updates import match_log_update
from football.formation import FormationError, normalise_formation
from football.lineups import SheetLine, TeamSheetError, check_team_sheet

POSITION_LENGTH = LineupEntry._meta.get_field("position").max_length


@dataclass(frozen=True)
class LineupPlace:
    """One name on the sheet, as an editor or a feed gives it."""

    player: Player
    shirt_number: int | None = None
    starter: bool = True
    captain: bool = False
    position: str = ""


def match_set_lineup(
    *,
    match: Match,
    team: Team,
    entries: Sequence[LineupPlace],
    replace: bool = True,
    formation: str | None = None,
    by: AbstractBaseUser | None = None,
) -> list[LineupEntry]:
    """Replaces the side's sheet with `entries` (before kick-off only), or adds them to it; sets the
    side's formation when one is given."""
    formation = None if formation is None else clean_formation(formation)
    with transaction.atomic():
        match = lock_match(match)
        if team.pk not in (match.home_team_id, match.away_team_id):
            raise ValidationError(f"{team} is not playing in {match}.", code="team")
        if replace and match.has_started:
            raise ValidationError(
                f"{match} has kicked off: its line-ups can be added to, not replaced.", code="started"
            )
        current = list(LineupEntry.objects.filter(match=match).select_related("player"))
        own = [] if replace else [entry for entry in current if entry.team_id == team.pk]
        _check_places(entries, taken={entry.player_id for entry in current if entry.team_id != team.pk})
        check_plays_for(match=match, team=team, players=[place.player for place in entries])
        _check_sheet([_line_of_entry(entry) for entry in own] + [_line_of_place(place) for place in entries])
        if replace:
            LineupEntry.objects.filter(match=match, team=team).delete()
        first = max((entry.order for entry in own), default=0) + 1
        LineupEntry.objects.bulk_create(
            _entry(match, team, place, order) for order, place in enumerate(entries, start=first)
        )
        if formation is not None:
            _save_formation(match, team, formation)
        verb = "Line-up set" if replace else "Added to the line-up"
        names = ", ".join(place.player.known_as for place in entries)
        shape = f" ({formation})" if formation else ""
        match_log_update(
            match=match, kind="lineups_changed", summary=f"{verb}: {team}{shape}: {names}", by=by
        )
    return team_lineup(match, team)


def match_set_formation(
    *, match: Match, team: Team, formation: str, by: AbstractBaseUser | None = None
) -> Match:
    """Sets the side's formation (blank: unknown), at any time: fans' pages redraw the pitch."""
    formation = clean_formation(formation)
    with transaction.atomic():
        match = lock_match(match)
        if team.pk not in (match.home_team_id, match.away_team_id):
            raise ValidationError(f"{team} is not playing in {match}.", code="team")
        _save_formation(match, team, formation)
        summary = f"Formation: {team} {formation}" if formation else f"Formation: {team} unknown"
        match_log_update(match=match, kind="lineups_changed", summary=summary, by=by)
    return match


def clean_formation(text: str) -> str:
    """The formation as the site writes it ("" when unknown); refused, a ValidationError saying
    what a formation looks like. Every channel that sets one asks this."""
    try:
        return normalise_formation(text)
    except FormationError as error:
        raise ValidationError(str(error), code="formation") from None


def _save_formation(match: Match, team: Team, formation: str) -> None:
    field = "home_formation" if team.pk == match.home_team_id else "away_formation"
    setattr(match, field, formation)
    match.save(update_fields=[field])


def match_lineups_edited(*, match: Match, summary: str, by: AbstractBaseUser | None = None) -> None:
    """Logs a change to the match's line-ups made outside the services (in the admin): fans'
    pages redraw them, cached pages show them on the next load, and the audit trail has it."""
    with transaction.atomic():
        match_log_update(match=lock_match(match), kind="lineups_changed", summary=summary, by=by)


def player_renamed(*, player: Player, by: AbstractBaseUser | None = None) -> int:
    """Logs the new name in every match whose line-up holds the player; says how many."""
    matches = Match.objects.filter(lineup__player=player).distinct()
    for match in matches:
        match_lineups_edited(match=match, summary=f"Player renamed: {player.known_as}", by=by)
    return len(matches)


def check_plays_for(*, match: Match, team: Team, players: Sequence[Player]) -> None:
    """Refuses a player of another club: one the season's squad lists (else its line-ups) put
    with other clubs, not with `team`. Every channel that writes line-ups asks this."""
    clubs = _clubs_this_season(match, [player.pk for player in players])
    for player in players:
        theirs = clubs.get(player.pk, set())
        if theirs and team.pk not in theirs:
            others = " and ".join(sorted(str(club) for club in Team.objects.filter(pk__in=theirs)))
            raise ValidationError(
                f"{player.known_as} plays for {others} this season, not for {team}: "
                f"a side's line-up holds its own players.",
                code="player",
            )


def _clubs_this_season(match: Match, player_ids: list[int]) -> dict[int, set[int]]:
    """Each player's clubs this season: his squad registrations, else the line-ups he was in."""
    season_id = Stage.objects.values_list("season_id", flat=True).get(pk=match.stage_id)
    registered = SquadMember.objects.filter(season_id=season_id, player_id__in=player_ids)
    named = LineupEntry.objects.filter(match__stage__season_id=season_id, player_id__in=player_ids)
    named_for = _clubs_by_player(named.exclude(match_id=match.pk).values_list("player_id", "team_id"))
    return {**named_for, **_clubs_by_player(registered.values_list("player_id", "team_id"))}


def _clubs_by_player(pairs: Iterable[tuple[int, int]]) -> dict[int, set[int]]:
    clubs: dict[int, set[int]] = {}
    for player_id, team_id in pairs:
        clubs.setdefault(player_id, set()).add(team_id)
    return clubs


def _check_places(entries: Sequence[LineupPlace], *, taken: set[int]) -> None:
    for place in entries:
        if place.player.pk in taken:
            raise ValidationError(f"{place.player.known_as} is in the other side's line-up.", code="player")
        if len(place.position) > POSITION_LENGTH:
            raise ValidationError(f"A position is at most {POSITION_LENGTH} characters.", code="position")


def _check_sheet(lines: list[SheetLine]) -> None:
    try:
        check_team_sheet(lines)
    except TeamSheetError as error:
        raise ValidationError(str(error), code="lineup") from None


def _line_of_entry(entry: LineupEntry) -> SheetLine:
    return SheetLine(entry.player_id, entry.player.known_as, entry.shirt_number, entry.starter, entry.captain)


def _line_of_place(place: LineupPlace) -> SheetLine:
    return SheetLine(place.player.pk, place.player.known_as, place.shirt_number, place.starter, place.captain)


def _entry(match: Match, team: Team, place: LineupPlace, order: int) -> LineupEntry:
    return LineupEntry(
        match=match,
        team=team,
        player=place.player,
        shirt_number=place.shirt_number,
        starter=place.starter,
        captain=place.captain,
        position=place.position.strip(),
        order=order,
    )
