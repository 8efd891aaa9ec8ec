"""A signed-in fan's follows: following, unfollowing, and the merge of a browser's follows."""

import pytest
from django.contrib.auth.models import User

from fans.follows import MOST_FOLLOWED, FollowError, follow_add, follow_remove, follows_merge, follows_of
from tests.factories import make_match, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def fan():
    return User.objects.create_user("fan", password="x")


def test_a_club_followed_twice_is_followed_once(fan):
    arsenal = make_team("Arsenal")
    follow_add(user=fan, team_id=arsenal.pk)
    followed = follow_add(user=fan, team_id=arsenal.pk)
    assert followed.teams == [arsenal.pk]
    assert fan.follows.count() == 1


def test_unfollowing_a_match_keeps_the_clubs(fan):
    arsenal, match = make_team("Arsenal"), make_match()
    follow_add(user=fan, team_id=arsenal.pk)
    follow_add(user=fan, match_id=match.pk)
    followed = follow_remove(user=fan, match_id=match.pk)
    assert followed.as_json() == {"teams": [arsenal.pk], "matches": []}


def test_unfollowing_what_is_not_followed_is_no_error(fan):
    assert follow_remove(user=fan, team_id=make_team().pk).teams == []


def test_sign_in_merges_the_browsers_follows_into_the_accounts(fan):
    arsenal, liverpool, wolves = make_team("Arsenal"), make_team("Liverpool"), make_team("Wolves")
    kept_match, browser_match = make_match(), make_match()
    follow_add(user=fan, team_id=arsenal.pk)
    follow_add(user=fan, match_id=kept_match.pk)

    union = follows_merge(
        user=fan, team_ids=[liverpool.pk, arsenal.pk, wolves.pk], match_ids=[browser_match.pk, kept_match.pk]
    )

    # The account's first, then the browser's in the browser's order; nothing twice.
    assert union.teams == [arsenal.pk, liverpool.pk, wolves.pk]
    assert union.matches == [kept_match.pk, browser_match.pk]
    assert follows_of(fan) == union


def test_a_merge_leaves_out_clubs_and_matches_that_are_gone(fan):
    arsenal = make_team("Arsenal")
    union = follows_merge(user=fan, team_ids=[arsenal.pk, 999_999], match_ids=[888_888])
    assert union.as_json() == {"teams": [arsenal.pk], "matches": []}


def test_follows_are_each_fans_own(fan):
    other = User.objects.create_user("other", password="x")
    follow_add(user=other, team_id=make_team().pk)
    assert follows_of(fan).teams == []


def test_a_fan_may_not_follow_more_than_the_limit(fan):
    teams = [make_team().pk for _ in range(MOST_FOLLOWED + 1)]
    follows_merge(user=fan, team_ids=teams[:MOST_FOLLOWED], match_ids=[])
    with pytest.raises(FollowError, match=f"at most {MOST_FOLLOWED} clubs"):
        follow_add(user=fan, team_id=teams[-1])
    assert len(follows_of(fan).teams) == MOST_FOLLOWED
