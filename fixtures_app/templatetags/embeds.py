"""The editors' copy-paste snippet beside a match (templates/fixtures_app/_embed_snippet.html).

Rendered outside the page's cached parts and only for editors, so fans' pages are the same
bytes as before: `request|embed_snippets:match` is empty for anyone who may not edit matches.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse

from fixtures_app.editors import can_edit_matches
from fixtures_app.models import Match
from fixtures_app.selectors.match import match_heading
from fixtures_app.selectors.tables import table_stage_for_match

register = template.Library()


@dataclass(frozen=True)
class Snippet:
    label: str
    url: str  # the widget's absolute address
    code: str  # the <iframe> an editor pastes into another site's page


@register.filter
def embed_snippets(request: HttpRequest, match: Match) -> list[Snippet]:
    """The widgets of the match (and of its table, when it has one), for an editor; else none."""
    if not can_edit_matches(getattr(request, "user", None)):
        return []
    snippets = [
        _snippet(
            request,
            "Match",
            reverse("fixtures_app:embed-match", args=[match.pk]),
            f"{match_heading(match)}, live",
            height=300,
        )
    ]
    stage = table_stage_for_match(match)
    if stage is not None:
        season = stage.season
        url = reverse("fixtures_app:embed-table", args=[season.competition.slug, season.slug])
        snippets.append(
            _snippet(request, "Table", f"{url}?stage={stage.slug}", f"{season} table", height=520)
        )
    return snippets


def _snippet(request: HttpRequest, label: str, path: str, title: str, *, height: int) -> Snippet:
    url = request.build_absolute_uri(path)
    code = render_to_string("embed/_iframe.html", {"url": url, "title": title, "height": height}).strip()
    return Snippet(label=label, url=url, code=code)


@register.simple_tag
def embed_origins() -> list[str]:
    return list(settings.EMBED_ORIGINS)
