"""The service worker and the manifest are served from the site's root, so the worker's scope is
the whole site; the worker is never kept by a cache, and every page links the manifest."""

import pytest


def test_the_service_worker_is_served_from_the_root_never_cached(client):
    answer = client.get("/sw.js")
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/javascript")
    assert answer["Cache-Control"] == "no-cache" and answer["Service-Worker-Allowed"] == "/"
    source = answer.content.decode()
    assert 'addEventListener("push"' in source and 'addEventListener("fetch"' in source


def test_the_manifest_names_the_app_and_its_scope(client):
    answer = client.get("/manifest.webmanifest")
    assert answer["Content-Type"] == "application/manifest+json"
    manifest = answer.json()
    assert (manifest["name"], manifest["start_url"], manifest["scope"], manifest["display"]) == (
        "MatchCentre",
        "/",
        "/",
        "standalone",
    )


@pytest.mark.django_db
def test_every_page_links_the_manifest_and_loads_the_stadium_and_push_scripts(client):
    page = client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert "fans/stadium.js" in page and "fans/push.js" in page
