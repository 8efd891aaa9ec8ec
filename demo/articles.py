"""The demo's articles: the report of the seed's second leg, its preview, and a preview of
the Premier League match to come.

The words are our own. The report uses only facts from ../shared/data/seed-match and
SEED.md; the photo is an illustration drawn for MatchCentre (static/articles/). Loading
again changes nothing, except that the preview of the match to come follows that match
when the demo places it anew.
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth.models import Group, Permission

from articles.models import Article
from fixtures_app.models import Competition, Match, Team

BYLINE = "MatchCentre staff"
ILLUSTRATION = "articles/penalty-spot-night.svg"

SEED_REPORT = {
    "slug": "atalanta-liverpool-europa-league-quarter-final-second-leg-report",
    "kind": Article.Kind.REPORT,
    "headline": "Salah's early penalty is not enough as Atalanta knock Liverpool out",
    "standfirst": (
        "Mohamed Salah scored from the spot after seven minutes in Bergamo, but Liverpool never found "
        "the two more goals they needed. Atalanta go through 3-1 on aggregate to meet Marseille in the "
        "semi-finals."
    ),
    "photo_alt": "Illustration: a ball on the penalty spot under floodlights, a full stand behind",
    "photo_caption": "The night began with a penalty, and Liverpool's hopes with it.",
    "photo_credit": "Illustration: MatchCentre",
    "published_at": "2024-04-18T21:20:00+00:00",
    "body": """\
Liverpool came to the Gewiss Stadium three goals down from the first leg at Anfield. They won
on the night, 1-0, and went out all the same.

## A penalty inside seven minutes

The start was everything Jürgen Klopp's side could have asked for. Trent Alexander-Arnold's
cross struck Matteo Ruggeri's arm, and the referee, François Letexier, pointed to the spot.
Salah sent Juan Musso the wrong way, low into the bottom corner, in the seventh minute: 3-1 on
aggregate, with two more goals needed to take the tie to extra time.

## The chances that got away

The second goal should have come on 39 minutes. Salah was clean through, but dragged his shot
wide. Two minutes later Atalanta thought they had the goal that would settle it: Teun
Koopmeiners fired in from close range, and the flag went up. The goal was ruled out for offside,
and Liverpool went in at half-time 1-0 up, still two short.

## Changes, and little to show for them

Klopp made a triple substitution just after the hour: Diogo Jota, Darwin Núñez and Harvey
Elliott came on, and Salah was one of the three who went off. Jayden Danns was sent on for the
last ten minutes. None of it opened Gian Piero Gasperini's side up. Liverpool's second half came
to two shots, worth 0.11 expected goals between them.

## Atalanta's night after all

The 3-0 win at Anfield a week earlier, with two goals from Gianluca Scamacca and one from Mario
Pašalić, was enough. Atalanta lost the game and won the tie 3-1, and a crowd of 14,994 in
Bergamo saw them into a semi-final against Marseille.
""",
}

SEED_PREVIEW = {
    "slug": "atalanta-liverpool-europa-league-quarter-final-second-leg-preview",
    "kind": Article.Kind.PREVIEW,
    "headline": "Atalanta v Liverpool: three goals to find in Bergamo",
    "standfirst": (
        "Liverpool must overturn the 3-0 defeat of the first leg at Anfield to stay in the Europa League. "
        "Atalanta need only to hold on."
    ),
    "published_at": "2024-04-17T12:00:00+00:00",
    "body": """\
The second leg of the quarter-final is played at the Gewiss Stadium in Bergamo, with kick-off at
20:00 UK time. François Letexier of France is the referee.

## The first leg

Atalanta won 3-0 at Anfield. Gianluca Scamacca scored either side of half-time, on 38 and 60
minutes, and Mario Pašalić added a third seven minutes from the end.

## What Liverpool need

Three goals without reply take the tie to extra time; four win it in normal time. Anything less,
and Atalanta are in the semi-finals.

## Follow it here

The line-ups, the minute-by-minute and the fans' poll are on the match page from kick-off.
""",
}

UPCOMING_PREVIEW = {
    "slug": "liverpool-v-manchester-city-preview",
    "kind": Article.Kind.PREVIEW,
    "headline": "Liverpool v Manchester City: the big one comes to Anfield",
    "standfirst": (
        "Manchester City come to Anfield on Premier League Matchday 12. Kick-off is at 20:00 UK time; "
        "the line-ups, the minute-by-minute and the fans' poll are on the match page."
    ),
    "body": """\
Few league fixtures of the past decade have decided as much as this one. Whatever the table
says on the day, it is the evening both sets of fans look for first when the fixtures come out.

## The fixture

Liverpool host Manchester City at Anfield on Matchday 12, with kick-off at 20:00 UK time.

## Team news

The line-ups come out about an hour before kick-off, and appear on the match page as soon as
they are in, with the benches.

## Have your say

Who will win? Vote in the fans' poll on the match page. Voting closes at kick-off, and the page
shows how everyone voted.
""",
}


def load_articles(*, now: dt.datetime) -> None:
    """Adds the demo's articles that are missing, and lets the demo's editors write articles."""
    editors = Group.objects.filter(name="editors").first()
    if editors is not None:
        editors.permissions.add(*Permission.objects.filter(content_type__app_label="articles"))
    second_leg = Match.objects.filter(home_team__name="Atalanta", away_team__name="Liverpool", leg=2).first()
    if second_leg is not None:
        _ensure(SEED_REPORT, match=second_leg, photo_url=settings.STATIC_URL + ILLUSTRATION)
        _ensure(SEED_PREVIEW, match=second_leg)
    _upcoming_preview(now)


def _upcoming_preview(now: dt.datetime) -> None:
    upcoming = (
        Match.objects.filter(
            home_team__name="Liverpool",
            away_team__name="Manchester City",
            kickoff__gte=now - dt.timedelta(hours=3),
        )
        .order_by("kickoff")
        .first()
    )
    article = _ensure(
        {**UPCOMING_PREVIEW, "published_at": (now - dt.timedelta(hours=2)).isoformat()},
        match=upcoming,
        competition=Competition.objects.filter(name="Premier League").first(),
    )
    article.teams.add(*Team.objects.filter(name__in=["Liverpool", "Manchester City"]))
    if upcoming is not None and article.match_id != upcoming.pk:
        article.match = upcoming
        article.save(update_fields=["match"])


def _ensure(spec: dict, **fields) -> Article:
    values = {**spec, **fields, "author": BYLINE}
    values["published_at"] = dt.datetime.fromisoformat(values["published_at"])
    slug = values.pop("slug")
    article, _ = Article.objects.get_or_create(slug=slug, defaults=values)
    return article
