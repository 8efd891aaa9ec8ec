"""The editor's forms: each parses a plain dict (an HTTP POST or a websocket command) and
hands it to one service.

`save(by=...)` calls the service; a refusal from the service becomes one of the form's
errors, so a caller checks `form.is_valid()` before saving and `form.errors` after.
"""

from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError

from fixtures_app.models import LineupEntry, Match, MatchEvent, MatchUpdate, Player, Team
from fixtures_app.services.events import (
    EVENT_FIELDS,
    MAX_TEXT_LENGTH,
    SYSTEM_KINDS,
    match_correct_event,
    match_delete_event,
    match_record_event,
)
from fixtures_app.services.stats import match_record_stats
from fixtures_app.services.status import match_change_status
from fixtures_app.services.updates import Written
from football.clock import MAX_ADDED_MINUTES, PERIOD_MINUTES
from football.events import (
    EVENT_KIND_LABELS,
    GOAL_TYPE_LABELS,
    PERIOD_LABELS,
    VAR_DECISION_LABELS,
    Period,
)
from football.status import STATUS_LABELS

ENTRY_KINDS = [(kind.value, label) for kind, label in EVENT_KIND_LABELS.items() if kind not in SYSTEM_KINDS]
LAST_MINUTE = PERIOD_MINUTES[Period.EXTRA_SECOND_HALF][1]
CLIENT_KEY_LENGTH = MatchUpdate._meta.get_field("client_key").max_length


class TextField(forms.CharField):
    """Text that must arrive as text: a number or a list in a JSON command is a mistake, not words."""

    def to_python(self, value):
        if value is not None and not isinstance(value, str):
            raise ValidationError("Enter text.", code="invalid")
        if value is not None and not is_unicode(value):
            raise ValidationError(NOT_UNICODE, code="invalid")
        return super().to_python(value)


NOT_UNICODE = "Enter text in Unicode: this has a lone surrogate (such as \\ud800), which is not a character."


def is_unicode(text: str) -> bool:
    """False for a string JSON can carry but no database can store: a lone UTF-16 surrogate."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class IdField(forms.ModelChoiceField):
    """One of a few rows, chosen by id; true, false, fractions and lists are not ids."""

    def to_python(self, value):
        if isinstance(value, bool | float | list | dict):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


def _choices(labels: dict) -> list[tuple[str, str]]:
    return [("", "—"), *((str(key.value), label) for key, label in labels.items())]


def _length(name: str) -> int | None:
    return MatchEvent._meta.get_field(name).max_length


class ServiceForm(forms.Form):
    client_key = TextField(label="Client key", max_length=CLIENT_KEY_LENGTH, required=False)

    def call(self, service: Callable[..., Written], **arguments) -> Written | None:
        """The service's result, or None when it refused (its message is then the form's error)."""
        try:
            return service(client_key=self.cleaned_data["client_key"], **arguments)
        except ValidationError as error:
            self.add_error(None, error)
            return None


class EventFieldsForm(ServiceForm):
    kind = forms.ChoiceField(
        label="Event type",
        choices=ENTRY_KINDS,
        error_messages={
            "invalid_choice": "Choose an event type: "
            + ", ".join(label.lower() for _, label in ENTRY_KINDS)
            + " (periods start and end with the period controls)."
        },
    )
    minute = forms.IntegerField(
        label="Minute",
        min_value=0,
        max_value=LAST_MINUTE,
        error_messages={
            "max_value": f"The minute is at most {LAST_MINUTE}; enter added time apart (90 + 3)."
        },
    )
    added_minute = forms.IntegerField(
        label="Added time", min_value=0, max_value=MAX_ADDED_MINUTES, required=False
    )
    period = forms.TypedChoiceField(
        label="Period", choices=_choices(PERIOD_LABELS), coerce=int, required=False, empty_value=None
    )
    team = IdField(
        label="Team",
        queryset=Team.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Choose one of the two teams in this match."},
    )
    player = IdField(
        label="Player",
        queryset=Player.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Choose a player from this match's line-ups."},
    )
    player_in = IdField(
        label="Player coming on",
        queryset=Player.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Choose the player coming on from this match's line-ups."},
    )
    # Whose side the assist is on, and whether the event may have one, is the service's to say.
    assist = IdField(
        label="Assist",
        queryset=Player.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Choose the assist from this match's line-ups."},
    )
    goal_type = forms.ChoiceField(label="Goal type", choices=_choices(GOAL_TYPE_LABELS), required=False)
    var_decision = forms.ChoiceField(
        label="VAR decision", choices=_choices(VAR_DECISION_LABELS), required=False
    )
    reverses = IdField(
        label="Event reversed",
        queryset=MatchEvent.objects.none(),
        required=False,
        error_messages={"invalid_choice": "There is no such event in this match."},
    )
    detail = TextField(
        label="Detail", max_length=MatchEvent._meta.get_field("detail").max_length, required=False
    )
    text = TextField(label="Commentary", max_length=MAX_TEXT_LENGTH, required=False)
    # A photo's and a quote's own fields (services/posts.py says which each needs).
    credit = TextField(label="Credit", max_length=_length("credit"), required=False)
    alt_text = TextField(label="Alt text", max_length=_length("alt_text"), required=False)
    quote_by = TextField(label="Who said it", max_length=_length("quote_by"), required=False)
    quote_role = TextField(label="Role", max_length=_length("quote_role"), required=False)

    def limit_to(self, match: Match) -> None:
        """Teams, players and events can only be this match's."""
        self.match = match
        self.fields["team"].queryset = Team.objects.filter(pk__in=[match.home_team_id, match.away_team_id])
        in_lineup = Player.objects.filter(lineupentry__match=match)
        self.fields["player"].queryset = in_lineup
        self.fields["player_in"].queryset = in_lineup
        self.fields["assist"].queryset = in_lineup
        self.fields["reverses"].queryset = MatchEvent.objects.filter(match=match)

    def default_team(self) -> Team | None:
        return None

    def clean(self):
        data = super().clean()
        if "team" in self.errors:
            return data
        team = data.get("team") or self.default_team()
        people = [(name, data[name]) for name in ("player", "player_in") if data.get(name)]
        teams = self._lineup_teams([player for _, player in people])
        for name, player in people:
            if team is None:
                team = self._team(teams[player.pk])
            elif teams[player.pk] != team.pk:
                self.add_error(name, f"{player.known_as} is not in {team}'s line-up for this match.")
        data["team"] = team
        return data

    def _lineup_teams(self, players: list[Player]) -> dict[int, int]:
        if not players:
            return {}
        entries = LineupEntry.objects.filter(match=self.match, player__in=players)
        return dict(entries.values_list("player_id", "team_id"))

    def _team(self, team_id: int) -> Team:
        return self.match.home_team if team_id == self.match.home_team_id else self.match.away_team


class EventForm(EventFieldsForm):
    """Records an event in a match."""

    def __init__(self, data, *, match: Match, **kwargs):
        super().__init__(data, **kwargs)
        self.limit_to(match)

    def save(self, *, by) -> Written | None:
        fields = {name: self.cleaned_data[name] for name in EVENT_FIELDS}
        fields["added_minute"] = fields["added_minute"] or 0
        return self.call(match_record_event, match=self.match, by=by, **fields)


class CorrectionForm(EventFieldsForm):
    """Corrects the fields it is given of an event, unless someone changed the event meanwhile."""

    expected_version = forms.IntegerField(
        label="Version",
        min_value=1,
        error_messages={"required": "Say which version of the event you are correcting."},
    )

    def __init__(self, data, *, event: MatchEvent, **kwargs):
        super().__init__(data, **kwargs)
        self.event = event
        self.limit_to(event.match)
        for name in EVENT_FIELDS:
            self.fields[name].required = False

    def default_team(self) -> Team | None:
        return self.event.team

    def clean(self):
        data = super().clean()
        if "minute" in self.data and data.get("minute") is None and "minute" not in self.errors:
            self.add_error("minute", "Enter the minute.")
        return data

    def save(self, *, by) -> Written | None:
        return self.call(
            match_correct_event,
            event=self.event,
            expected_version=self.cleaned_data["expected_version"],
            by=by,
            **self.changes(),
        )

    def changes(self) -> dict:
        """Only what was sent changes; a minute moved to another half moves the event with it."""
        sent = {name for name in EVENT_FIELDS if name in self.data}
        if not self.cleaned_data.get("kind"):
            sent.discard("kind")
        changes = {name: self.cleaned_data[name] for name in sent}
        if sent & {"player", "player_in"} or "team" in sent:
            changes["team"] = self.cleaned_data["team"]
        if "added_minute" in changes:
            changes["added_minute"] = changes["added_minute"] or 0
        moved = sent & {"minute", "added_minute"}
        if moved and "period" not in sent and self.event.period != Period.PENALTIES:
            changes["period"] = None
        return changes


class DeleteForm(ServiceForm):
    """Deletes an event (and any VAR decision that reversed it)."""

    def __init__(self, data, *, event: MatchEvent, **kwargs):
        super().__init__(data, **kwargs)
        self.event = event

    def save(self, *, by) -> Written | None:
        return self.call(match_delete_event, event=self.event, by=by)


class StatusForm(ServiceForm):
    """Moves a match to its next status: kick-off, half-time, full time, extra time, penalties."""

    status = forms.ChoiceField(
        label="Status",
        choices=[(status.value, label) for status, label in STATUS_LABELS.items()],
        error_messages={"invalid_choice": "There is no status '%(value)s'."},
    )

    def __init__(self, data, *, match: Match, **kwargs):
        super().__init__(data, **kwargs)
        self.match = match

    def save(self, *, by) -> Written | None:
        return self.call(match_change_status, match=self.match, status=self.cleaned_data["status"], by=by)


class StatsForm(ServiceForm):
    """Sets one side's figures for one half: shots, shots on target, xG, possession."""

    team = IdField(
        label="Team",
        queryset=Team.objects.none(),
        error_messages={"invalid_choice": "Choose one of the two teams."},
    )
    period = forms.TypedChoiceField(
        label="Half",
        coerce=int,
        choices=[
            (period.value, label) for period, label in PERIOD_LABELS.items() if period != Period.PENALTIES
        ],
        error_messages={"invalid_choice": "Choose a half."},
    )
    shots = forms.IntegerField(label="Shots", min_value=0, max_value=99, required=False)
    shots_on_target = forms.IntegerField(label="Shots on target", min_value=0, max_value=99, required=False)
    expected_goals = forms.DecimalField(
        label="xG", min_value=0, max_value=15, max_digits=4, decimal_places=2, required=False
    )
    possession = forms.IntegerField(label="Possession", min_value=0, max_value=100, required=False)

    def __init__(self, data, *, match: Match, **kwargs):
        super().__init__(data, **kwargs)
        self.match = match
        self.fields["team"].queryset = Team.objects.filter(pk__in=[match.home_team_id, match.away_team_id])

    def save(self, *, by) -> Written | None:
        figures = {name: self.cleaned_data[name] for name in STAT_FIELDS}
        return self.call(match_record_stats, match=self.match, by=by, **figures)


STAT_FIELDS = ("team", "period", "shots", "shots_on_target", "expected_goals", "possession")
