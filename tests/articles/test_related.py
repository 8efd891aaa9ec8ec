"""'Read next': same teams first, then same competition, newest first, never the article itself."""

import datetime as dt

import pytest

from articles.related import Story, Subject, read_next_ids

DAY = dt.datetime(2024, 4, 18, tzinfo=dt.UTC)
LIVERPOOL, ATALANTA, CITY, ARSENAL = 1, 2, 3, 4
EUROPA, PREMIER = 10, 20


def story(id, teams, competition, days_ago):
    return Story(id, frozenset(teams), competition, DAY - dt.timedelta(days=days_ago))


SEED_REPORT = Subject(frozenset({ATALANTA, LIVERPOOL}), EUROPA, article_id=1)
STORIES = [
    story(1, {ATALANTA, LIVERPOOL}, EUROPA, 0),  # the report itself
    story(2, {ATALANTA, LIVERPOOL}, EUROPA, 1),  # its preview
    story(3, {LIVERPOOL, CITY}, PREMIER, 0),  # Liverpool's next match
    story(4, {ARSENAL}, EUROPA, 0),  # same competition only
    story(5, {ARSENAL, CITY}, PREMIER, 0),  # unrelated
    story(6, {LIVERPOOL}, PREMIER, 5),  # an older Liverpool story
    story(7, set(), EUROPA, 2),  # a competition story with no teams
]


@pytest.mark.parametrize(
    ("subject", "limit", "expected"),
    [
        # Both teams beat one team; one team beats the competition alone; newest first within.
        (SEED_REPORT, 10, [2, 3, 6, 4, 7]),
        (SEED_REPORT, 3, [2, 3, 6]),
        # On a match page (no article), every related story counts, the report too.
        (Subject(frozenset({ATALANTA, LIVERPOOL}), EUROPA), 2, [1, 2]),
        # Same competition only, newest first.
        (Subject(frozenset({99}), EUROPA), 10, [4, 1, 2, 7]),
        # Nothing related: nothing suggested, rather than something unrelated.
        (Subject(frozenset({99}), 30), 10, []),
        (Subject(frozenset(), None), 10, []),
    ],
)
def test_read_next_ranking(subject, limit, expected):
    assert read_next_ids(subject, STORIES, limit=limit) == expected


def test_the_article_being_read_is_never_suggested():
    only_itself = [story(1, {ATALANTA}, EUROPA, 0)]
    assert read_next_ids(Subject(frozenset({ATALANTA}), EUROPA, article_id=1), only_itself) == []


def test_stories_published_at_the_same_moment_keep_a_stable_order():
    twins = [story(8, {LIVERPOOL}, None, 0), story(9, {LIVERPOOL}, None, 0)]
    assert read_next_ids(Subject(frozenset({LIVERPOOL}), None), twins) == [9, 8]
