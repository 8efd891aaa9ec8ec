"""What to read next after an article or a match.

- Only related stories are suggested: ones about at least one of the same teams, or in the
  same competition. Nothing unrelated is added to fill the list.
- Stories about more of the same teams come first (a report of the same fixture before a
  preview of one side's next match); then stories in the same competition; within each,
  the newest first (ties broken by the higher id, so the order is stable).
- The article being read is never suggested to its own reader.
"""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Story:
    id: int
    team_ids: frozenset[int]
    competition_id: int | None
    published_at: dt.datetime


@dataclass(frozen=True)
class Subject:
    """What the reader is on: an article (with its id) or a match (id None)."""

    team_ids: frozenset[int]
    competition_id: int | None
    article_id: int | None = None


def read_next_ids(subject: Subject, stories: list[Story], *, limit: int = 3) -> list[int]:
    """The ids of the stories to suggest, best first."""
    related = [story for story in stories if story.id != subject.article_id and _is_related(subject, story)]
    related.sort(key=lambda story: _rank(subject, story), reverse=True)
    return [story.id for story in related[:limit]]


def _is_related(subject: Subject, story: Story) -> bool:
    return bool(subject.team_ids & story.team_ids) or _same_competition(subject, story)


def _same_competition(subject: Subject, story: Story) -> bool:
    return subject.competition_id is not None and subject.competition_id == story.competition_id


def _rank(subject: Subject, story: Story) -> tuple:
    shared_teams = len(subject.team_ids & story.team_ids)
    return (shared_teams, _same_competition(subject, story), story.published_at, story.id)
