"""A competition season's pages (overview, tables, fixtures) and the table as JSON: parse, call a
selector, render."""

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from fixtures_app.models import Season, Stage
from fixtures_app.selectors.competition import competition_page
from fixtures_app.selectors.fixtures import fixtures_by_round
from fixtures_app.selectors.page_keys import season_key
from fixtures_app.selectors.tables import StageRequired, season_table, season_tables, table_json
from fixtures_app.views.edge import conditional, edge_cacheable


@require_GET
def competition(request, competition: str, season: str):
    try:
        page = competition_page(competition, season, tz=timezone.get_current_timezone())
    except Season.DoesNotExist:
        raise Http404("There is no such season.") from None
    return render(request, "fixtures_app/competition.html", {"page": page, "season": page.season})


@require_GET
@edge_cacheable
def table(request, competition: str, season: str):
    def page():
        try:
            found = season_tables(competition, season, request.GET.get("stage") or None)
        except (Season.DoesNotExist, Stage.DoesNotExist):
            raise Http404("There is no such table.") from None
        return render(request, "fixtures_app/table.html", {"page": found, "season": found.season})

    def shown():
        return [season_key(competition, season, now=timezone.now()), request.GET.get("stage") or ""]

    return conditional(request, shown=shown, render=page)


@require_GET
def fixtures(request, competition: str, season: str):
    try:
        page = fixtures_by_round(competition, season, tz=timezone.get_current_timezone())
    except Season.DoesNotExist:
        raise Http404("There is no such season.") from None
    return render(request, "fixtures_app/fixtures.html", {"page": page, "season": page.season})


@require_GET
def api_table(request, competition: str, season: str):
    try:
        found = season_table(competition, season, request.GET.get("stage") or None)
    except Season.DoesNotExist:
        return JsonResponse({"error": f"No season {season!r} of competition {competition!r}."}, status=404)
    except Stage.DoesNotExist:
        return JsonResponse({"error": "That season has no such table."}, status=404)
    except StageRequired as error:
        return JsonResponse({"error": str(error), "stages": error.stages}, status=400)
    return JsonResponse(table_json(found), safe=False, json_dumps_params={"ensure_ascii": False})
