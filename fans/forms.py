"""What the follow endpoints accept: lists of club and match ids, and one club or one match."""

from django import forms
from django.core.exceptions import ValidationError

from fans.follows import MOST_FOLLOWED


class IdListField(forms.CharField):
    """Ids separated by commas (`1,2,5`), at most MOST_FOLLOWED of them; empty is none."""

    def to_python(self, value) -> list[int]:  # type: ignore[override]
        text = super().to_python(value) or ""
        parts = [part.strip() for part in text.split(",") if part.strip()]
        if not all(part.isascii() and part.isdigit() and len(part) <= 10 for part in parts):
            raise ValidationError(
                "Give ids as whole numbers separated by commas, e.g. 1,2,5.", code="invalid"
            )
        if len(parts) > MOST_FOLLOWED:
            raise ValidationError(f"Give at most {MOST_FOLLOWED} ids.", code="too_many")
        return [int(part) for part in parts]


class FollowedForm(forms.Form):
    """The clubs and matches a browser follows (the My clubs strip asks with them, sign-in merges them)."""

    teams = IdListField(label="Clubs", required=False, max_length=600)
    matches = IdListField(label="Matches", required=False, max_length=600)


class FollowForm(forms.Form):
    """One club or one match to follow or stop following."""

    team = forms.IntegerField(label="Club", required=False, min_value=1, max_value=2**31 - 1)
    match = forms.IntegerField(label="Match", required=False, min_value=1, max_value=2**31 - 1)

    def clean(self):
        data = super().clean()
        if bool(data.get("team")) == bool(data.get("match")):
            raise ValidationError("Name one club (team) or one match.", code="invalid")
        return data
