"""Every write to a signed-in fan's follows: follow, unfollow, and the merge of what a browser
kept before the fan signed in. A browser without an account keeps its follows itself (static/
fans/store.js); these keep them with the account, so they follow the fan to another browser."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction

from fans.models import Follow
from fixtures_app.models import Match, Team

# The most clubs, and the most matches, one fan may follow: enough for any fan, small enough
# that the My clubs strip stays a handful of queries.
MOST_FOLLOWED = 50


class FollowError(Exception):
    """A refused follow; the message is written for the fan."""


@dataclass(frozen=True)
class Followed:
    """What a fan follows: club ids and match ids, in the order they were followed."""

    teams: list[int]
    matches: list[int]

    def as_json(self) -> dict[str, list[int]]:
        return {"teams": self.teams, "matches": self.matches}


def follows_of(user: User) -> Followed:
    rows = Follow.objects.filter(user=user).values_list("team_id", "match_id")
    return Followed(
        teams=[team for team, _ in rows if team is not None],
        matches=[match for _, match in rows if match is not None],
    )


def follow_add(*, user: User, team_id: int | None = None, match_id: int | None = None) -> Followed:
    """Follows one club or one match (following it again changes nothing)."""
    return follows_merge(
        user=user, team_ids=[team_id] if team_id else [], match_ids=[match_id] if match_id else []
    )


def follow_remove(*, user: User, team_id: int | None = None, match_id: int | None = None) -> Followed:
    """Stops following one club or one match (one not followed is no error)."""
    with transaction.atomic():
        if team_id:
            Follow.objects.filter(user=user, team_id=team_id).delete()
        if match_id:
            Follow.objects.filter(user=user, match_id=match_id).delete()
        return follows_of(user)


def follows_merge(*, user: User, team_ids: Iterable[int], match_ids: Iterable[int]) -> Followed:
    """Adds the clubs and matches a browser kept to the fan's own: the union of both, in the
    order followed. Ids of clubs or matches that no longer exist are left out, not refused:
    a browser may have kept one for months."""
    with transaction.atomic():
        have = follows_of(user)
        teams = _new(Team, team_ids, have.teams)
        matches = _new(Match, match_ids, have.matches)
        if len(have.teams) + len(teams) > MOST_FOLLOWED or len(have.matches) + len(matches) > MOST_FOLLOWED:
            raise FollowError(f"A fan may follow at most {MOST_FOLLOWED} clubs and {MOST_FOLLOWED} matches.")
        Follow.objects.bulk_create(
            [Follow(user=user, team_id=pk) for pk in teams]
            + [Follow(user=user, match_id=pk) for pk in matches],
            ignore_conflicts=True,  # a second tab merging the same follows at the same moment
        )
        return follows_of(user)


def _new(model: type[Team] | type[Match], wanted: Iterable[int], have: list[int]) -> list[int]:
    """The ids in `wanted` not in `have` that name a row of `model`, in `wanted`'s order."""
    fresh = list(dict.fromkeys(pk for pk in wanted if pk not in have))
    existing = set(model.objects.filter(pk__in=fresh).values_list("pk", flat=True))
    return [pk for pk in fresh if pk in existing]
