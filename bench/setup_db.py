"""Prepares the bench database (run by bench/common.py with the server's environment):
the demo data, an API token for the bench's editor, and the match the fans will watch.
Prints one line of JSON: what the load generators need."""

import json

import django

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.utils import timezone  # noqa: E402

from demo.loader import load_demo  # noqa: E402
from feeds.tokens import api_token_create  # noqa: E402
from fixtures_app.models import LineupEntry, Match  # noqa: E402
from polls.models import Poll  # noqa: E402


def main() -> None:
    load_demo(now=timezone.now())
    match = next(m for m in Match.objects.order_by("-kickoff") if m.has_started and not m.is_finished)
    scorer = LineupEntry.objects.filter(match=match, team=match.home_team, starter=True).first()
    editor, _ = User.objects.get_or_create(username="bench-editor")
    editor.groups.add(Group.objects.get(name="editors"))
    _, key = api_token_create(name="bench", user=editor)
    poll = Poll.objects.filter(match=match).first()
    print(
        json.dumps(
            {
                "match": match.pk,
                "seq": match.seq,
                "team": match.home_team_id,
                "player": scorer.player_id,
                "token": key,
                "poll": poll.pk if poll else None,
                "options": list(poll.options.values_list("pk", flat=True)) if poll else [],
                "path": match.get_absolute_url(),
            }
        )
    )


if __name__ == "__main__":
    main()
