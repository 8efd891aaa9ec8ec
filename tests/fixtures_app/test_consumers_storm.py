"""A connect storm (every page reconnecting after a restart) costs the database one read per
match, not one per fan: a page already showing the latest change the process has seen joins
without a trip to the database, and a page behind still gets what it missed."""

import pytest

from fixtures_app.consumers import MatchConsumer
from tests.fixtures_app.test_consumers import connect, goal, match  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True)


async def test_a_page_up_to_date_joins_without_a_trip_to_the_database(match, monkeypatch):  # noqa: F811
    await goal(match, minute=7)
    await match.arefresh_from_db()
    seq = match.seq
    reads = []
    opening = MatchConsumer._opening

    def counted(consumer, since):
        reads.append(since)
        return opening(consumer, since)

    monkeypatch.setattr(MatchConsumer, "_opening", counted)

    pages = [await connect(f"/ws/matches/{match.pk}/?since={seq}") for _ in range(5)]

    assert reads == [seq]  # the first page read the match; the hub knew its seq from then on
    event = await goal(match, minute=9)
    for page in pages:
        message = await page.receive_json_from(timeout=3)
        assert (message["seq"], message["event_id"]) == (seq + 1, event.pk)
    behind = await connect(f"/ws/matches/{match.pk}/?since={seq}")
    caught_up = await behind.receive_json_from(timeout=3)
    assert (caught_up["seq"], reads[-1]) == (seq + 1, seq)
    for page in [*pages, behind]:
        await page.disconnect()
