"""Admin for every model. Events and status changes go through the same services as the
console, so the admin refuses what the rules refuse, with the same messages."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from fixtures_app.models import (
    Competition,
    LineupEntry,
    Match,
    MatchEvent,
    MatchStat,
    MatchUpdate,
    Player,
    PointsDeduction,
    Season,
    SquadMember,
    Stage,
    Team,
    Tie,
    Venue,
)
from fixtures_app.services.events import (
    EDITABLE_FIELDS,
    EVENT_FIELDS,
    match_correct_event,
    match_delete_event,
    match_record_event,
)
from fixtures_app.services.lineups import (
    check_plays_for,
    clean_formation,
    match_lineups_edited,
    player_renamed,
)
from fixtures_app.services.status import match_change_status
from polls.services import poll_open_for_new_match


class _DryRun(Exception):
    """Raised to roll back a write made only to check it."""


def dry_run(write) -> None:
    """Runs a service write and rolls it back: the form learns what the service would say."""
    try:
        with transaction.atomic():
            write()
            raise _DryRun
    except _DryRun:
        pass


class MatchEventForm(forms.ModelForm):
    class Meta:
        model = MatchEvent
        fields = ["match", *EVENT_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].required = False
        self.fields[
            "period"
        ].help_text = "Leave empty: the minute tells the period (45+2' is the first half)."

    def service_write(self, user=None):
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields if name != "match"}
        if self.instance.pk:
            return lambda: match_correct_event(
                event=self.instance,
                expected_version=self.instance.version,
                by=user,
                **{k: v for k, v in data.items() if k in EDITABLE_FIELDS},
            )
        return lambda: match_record_event(match=self.cleaned_data["match"], by=user, **data)

    def _post_clean(self):
        # The services validate; the model's own checks would see a half-filled event.
        if self.errors:
            return
        try:
            dry_run(self.service_write())
        except ValidationError as error:
            self.add_error(None, error)


@admin.register(MatchEvent)
class MatchEventAdmin(admin.ModelAdmin):
    form = MatchEventForm
    list_display = ["__str__", "match", "team", "created_by", "created_at", "version"]
    list_filter = ["kind"]
    list_select_related = ["match__home_team", "match__away_team", "team", "player", "created_by"]
    autocomplete_fields = ["match", "player", "player_in", "assist"]
    search_fields = ["player__known_as", "text"]

    def save_model(self, request, obj, form, change):
        form.instance = form.service_write(request.user)().event

    def delete_view(self, request, object_id, extra_context=None):
        """A deletion the rules refuse (the first yellow of a second yellow) is explained, not made."""
        event = self.get_object(request, object_id)
        if request.method == "POST" and event is not None:
            try:
                dry_run(lambda: match_delete_event(event=event))
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return redirect(reverse("admin:fixtures_app_matchevent_change", args=[event.pk]))
        return super().delete_view(request, object_id, extra_context)

    def delete_model(self, request, obj):
        match_delete_event(event=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for event in queryset:
            try:
                match_delete_event(event=event, by=request.user)
            except ValidationError as error:
                self.message_user(request, f"{event} was kept: {' '.join(error.messages)}", messages.ERROR)


class LineupFormSet(forms.BaseInlineFormSet):
    """Refuses the names the line-up service would refuse: a side not in the match, a player of
    another club (names already on the sheet and left as they are pass)."""

    def clean(self):
        super().clean()
        match = self.instance
        if match.stage_id is None or match.home_team_id is None:
            return  # the match's own form refuses it
        for form in self.forms:
            if form.has_changed() and not self._should_delete_form(form):
                _check_lineup_form(form, match)


def _check_lineup_form(form: forms.ModelForm, match: Match) -> None:
    team, player = form.cleaned_data.get("team"), form.cleaned_data.get("player")
    if team is None or player is None:
        return
    if team.pk not in (match.home_team_id, match.away_team_id):
        form.add_error("team", f"{team} is not playing in this match.")
        return
    try:
        check_plays_for(match=match, team=team, players=[player])
    except ValidationError as error:
        form.add_error("player", error)


class LineupInline(admin.TabularInline):
    model = LineupEntry
    formset = LineupFormSet
    extra = 0
    autocomplete_fields = ["player"]


class MatchForm(forms.ModelForm):
    class Meta:
        model = Match
        fields = [
            "stage",
            "round_name",
            "tie",
            "leg",
            "home_team",
            "away_team",
            "venue",
            "kickoff",
            "status",
            "referee",
            "attendance",
            "home_formation",
            "away_formation",
            "home_score",
            "away_score",
            "home_half_time_score",
            "away_half_time_score",
            "home_normal_time_score",
            "away_normal_time_score",
            "home_penalties",
            "away_penalties",
        ]

    def clean_home_formation(self) -> str:
        return clean_formation(self.cleaned_data["home_formation"])

    def clean_away_formation(self) -> str:
        return clean_formation(self.cleaned_data["away_formation"])

    def _post_clean(self):
        super()._post_clean()
        status = self.cleaned_data.get("status")
        if self.instance.pk and status and status != Match.objects.get(pk=self.instance.pk).status:
            try:
                dry_run(lambda: match_change_status(match=self.instance, status=status))
            except ValidationError as error:
                self.add_error("status", error)


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    form = MatchForm
    list_display = ["__str__", "stage", "kickoff", "status", "home_score", "away_score"]
    list_filter = ["status", "stage__season__competition"]
    list_select_related = ["home_team", "away_team", "stage__season__competition"]
    search_fields = ["home_team__name", "away_team__name"]
    autocomplete_fields = ["home_team", "away_team", "venue", "stage", "tie"]
    readonly_fields = [
        "version",
        "seq",
        "first_half_started_at",
        "second_half_started_at",
        "extra_first_half_started_at",
        "extra_second_half_started_at",
        "penalties_started_at",
    ]
    inlines = [LineupInline]
    date_hierarchy = "kickoff"

    def save_model(self, request, obj, form, change):
        new_status = obj.status
        if change and "status" in form.changed_data:
            obj.status = Match.objects.get(pk=obj.pk).status
            super().save_model(request, obj, form, change)
            match_change_status(match=obj, status=new_status, by=request.user)
            messages.info(request, f"{obj} is now: {obj.get_status_display()}.")
        else:
            super().save_model(request, obj, form, change)
        if not change and poll_open_for_new_match(match=obj, now=timezone.now()):
            messages.info(request, "A “Who will win?” poll is open on it until kick-off.")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A new formation redraws the pitch as an edited sheet does.
        formations = {"home_formation", "away_formation"} & set(form.changed_data)
        if change and (formations or any(formset.has_changed() for formset in formsets)):
            match_lineups_edited(match=form.instance, summary="Line-ups edited in the admin", by=request.user)


@admin.register(Competition)
class CompetitionAdmin(admin.ModelAdmin):
    list_display = ["name", "sport", "kind", "rules"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Season)
class SeasonAdmin(admin.ModelAdmin):
    list_display = ["__str__", "rules"]
    search_fields = ["competition__name", "name"]


@admin.register(Stage)
class StageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "order"]
    list_filter = ["kind"]
    search_fields = ["name", "season__competition__name"]


@admin.register(Tie)
class TieAdmin(admin.ModelAdmin):
    list_display = ["__str__", "away_goals_rule"]
    search_fields = ["stage__name"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "code", "sport", "country"]
    list_filter = ["sport"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "short_name", "code"]


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "country", "timezone"]
    search_fields = ["name", "city"]


@admin.register(Player)
class PlayerAdmin(admin.ModelAdmin):
    list_display = ["known_as", "name", "position"]
    search_fields = ["known_as", "name"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and {"known_as", "name"} & set(form.changed_data):
            player_renamed(player=obj, by=request.user)


@admin.register(SquadMember)
class SquadMemberAdmin(admin.ModelAdmin):
    list_display = ["player", "team", "season", "shirt_number"]
    autocomplete_fields = ["player", "team"]


@admin.register(PointsDeduction)
class PointsDeductionAdmin(admin.ModelAdmin):
    list_display = ["team", "season", "points", "reason"]
    autocomplete_fields = ["team"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Written only through the services (the console, feeds); the admin shows them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MatchStat)
class MatchStatAdmin(ReadOnlyAdmin):
    list_display = ["match", "team", "period", "shots", "shots_on_target", "expected_goals", "possession"]
    list_select_related = ["match__home_team", "match__away_team", "team"]


@admin.register(MatchUpdate)
class MatchUpdateAdmin(ReadOnlyAdmin):
    list_display = ["match", "seq", "kind", "summary", "by", "at"]
    list_filter = ["kind"]
    list_select_related = ["match__home_team", "match__away_team", "by"]
    search_fields = ["summary"]
    exclude = ["message"]
