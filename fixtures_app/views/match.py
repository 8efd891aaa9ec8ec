from django.http import HttpResponse


def home(request):
    return HttpResponse("MatchCentre")


def match_detail(request, pk, slug=""):
    return HttpResponse("match")
