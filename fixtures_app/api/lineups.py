"""Team sheets through the API: replace a side's line-up before kick-off (PUT), or add to it (POST);
either may set the side's formation."""

from django.core.exceptions import ValidationError
from ninja import Status

from feeds.errors import ApiRefusal
from feeds.idempotency import KeyHeader, answer_once, given_key
from fixtures_app.api.editing import writes
from fixtures_app.api.matches import find_match, lineup_out
from fixtures_app.api.router import router
from fixtures_app.api.schemas import IdPath, LineupIn, LineupOut
from fixtures_app.models import Match, Player, Team
from fixtures_app.services.lineups import LineupPlace, match_set_lineup

PATH = "/matches/{match_id}/lineups/{team_id}"


@router.put(PATH, **writes({200: LineupOut}))
def replace_lineup(
    request, match_id: IdPath, team_id: IdPath, payload: LineupIn, idempotency_key: KeyHeader = None
):
    """The side's whole team sheet, replacing any earlier one; only before kick-off."""
    return _set(request, match_id, team_id, payload, idempotency_key, replace=True)


@router.post(PATH, **writes({200: LineupOut}))
def add_to_lineup(
    request, match_id: IdPath, team_id: IdPath, payload: LineupIn, idempotency_key: KeyHeader = None
):
    """Adds players to the side's sheet (a late name on the bench, say); at any time."""
    return _set(request, match_id, team_id, payload, idempotency_key, replace=False)


def _set(request, match_id: int, team_id: int, payload: LineupIn, header: str | None, *, replace: bool):
    match = find_match(match_id)
    team = _team(match, team_id)
    key = given_key(header, payload.client_key)

    def write() -> tuple[int, dict]:
        places = _places(payload)
        try:
            entries = match_set_lineup(
                match=match,
                team=team,
                entries=places,
                replace=replace,
                formation=payload.formation,
                by=request.auth,
            )
        except ValidationError as error:
            field = "formation" if getattr(error, "code", None) == "formation" else "entries"
            raise ApiRefusal(400, " ".join(error.messages), errors={field: error.messages}) from None
        match.refresh_from_db(fields=["home_formation", "away_formation"])
        return 200, lineup_out(match, team, entries)

    return Status(*answer_once(request, user=request.auth, key=key, write=write))


def _team(match: Match, team_id: int) -> Team:
    if team_id == match.home_team_id:
        return match.home_team
    if team_id == match.away_team_id:
        return match.away_team
    raise ApiRefusal(404, "That team is not playing in this match.")


def _places(payload: LineupIn) -> list[LineupPlace]:
    players = Player.objects.in_bulk([place.player for place in payload.entries])
    unknown = sorted({place.player for place in payload.entries} - set(players))
    if unknown:
        detail = f"No player with the id {', '.join(map(str, unknown))}."
        raise ApiRefusal(400, detail, errors={"entries": [detail]})
    return [
        LineupPlace(
            player=players[place.player],
            shirt_number=place.shirt_number,
            starter=place.starter,
            captain=place.captain,
            position=place.position,
        )
        for place in payload.entries
    ]
