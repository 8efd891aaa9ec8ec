"""Many fans voting at once, repeats included, on PostgreSQL: no vote lost, none counted twice."""

import random
import threading
from collections import Counter
from collections.abc import Callable

import pytest
from django.db import connection, connections
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.utils import timezone

from polls.models import Vote
from polls.selectors import poll_counts
from polls.services import poll_vote
from polls.voters import VOTER_COOKIE, request_voter, voter_cookie_remember
from tests.factories import make_open_poll

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 8


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs PostgreSQL (DATABASE_URL=postgres://...): SQLite takes one writer at a time, "
            "so concurrent voters would prove nothing there."
        )


def run_at_once(jobs: list[Callable[[], object]]) -> list[object]:
    """Runs the jobs on several threads, each with its own database connection, all starting together."""
    start = threading.Barrier(THREADS)
    results: list[object] = []
    errors: list[BaseException] = []

    def worker(share: list[Callable[[], object]]) -> None:
        try:
            start.wait()
            for job in share:
                results.append(job())
        except BaseException as error:  # noqa: B036 - reported by the main thread below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(jobs[i::THREADS],)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


def fans_choices(poll, fans: int) -> dict[str, int]:
    """Each fan's one answer, spread unevenly over the answers."""
    options = list(poll.options.values_list("pk", flat=True))
    pick = random.Random(7)
    return {f"anon:fan-{n}": pick.choice(options + options[:1]) for n in range(fans)}


def test_concurrent_votes_with_repeats_count_each_fan_exactly_once():
    poll = make_open_poll()
    choices = fans_choices(poll, fans=300)
    now = timezone.now()
    jobs = [
        (lambda key=key, option=option: poll_vote(poll=poll, option_id=option, voter_key=key, now=now))
        for key, option in choices.items()
        for _ in range(3)
    ]
    random.Random(11).shuffle(jobs)
    outcomes = run_at_once(jobs)
    assert sum(outcome.counted for outcome in outcomes) == len(choices)
    assert poll_counts(poll.pk) == Counter(choices.values())
    assert Vote.objects.filter(poll=poll).count() == len(choices)


def test_a_fan_changing_answer_mid_burst_keeps_exactly_one_vote():
    poll = make_open_poll()
    options = list(poll.options.values_list("pk", flat=True))
    now = timezone.now()
    fans = [f"anon:fan-{n}" for n in range(100)]
    jobs = [
        (lambda key=key, option=option: poll_vote(poll=poll, option_id=option, voter_key=key, now=now))
        for key in fans
        for option in options
    ]
    random.Random(5).shuffle(jobs)
    outcomes = run_at_once(jobs)
    counted = {outcome.vote.voter_key: outcome.vote.option_id for outcome in outcomes if outcome.counted}
    stored = dict(Vote.objects.filter(poll=poll).values_list("voter_key", "option_id"))
    assert counted == stored
    assert sorted(stored) == sorted(fans)
    assert sum(poll_counts(poll.pk).values()) == len(fans)


def signed_in_cookie() -> str:
    """A voter cookie as the vote view would have given a fan."""
    request = RequestFactory().post("/")
    response = HttpResponse()
    voter_cookie_remember(response, request_voter(request))
    return response.cookies[VOTER_COOKIE].value


def test_concurrent_vote_requests_with_repeats_count_each_fan_exactly_once(settings):
    settings.POLLS_VOTE_RATE_PER_FAN = "1000/m"
    settings.POLLS_VOTE_RATE_PER_ADDRESS = "100000/m"
    poll = make_open_poll()
    options = list(poll.options.values_list("pk", flat=True))
    pick = random.Random(3)
    fans = {signed_in_cookie(): pick.choice(options) for _ in range(80)}

    def post(cookie: str, option: int) -> int:
        client = Client()
        client.cookies[VOTER_COOKIE] = cookie
        return client.post(f"/polls/{poll.pk}/vote/", {"option": option}).status_code

    jobs = [(lambda c=cookie, o=option: post(c, o)) for cookie, option in fans.items() for _ in range(3)]
    random.Random(9).shuffle(jobs)
    assert set(run_at_once(jobs)) == {302}
    assert poll_counts(poll.pk) == Counter(fans.values())
    assert Vote.objects.filter(poll=poll).count() == len(fans)
