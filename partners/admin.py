"""Partners are registered here; the delivery log and each match's position are read here, and a
match is sent again from a seq with "Replay from seq N" on the partner's page."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from fixtures_app.models import Match
from partners.models import Delivery, Partner, PartnerCursor
from partners.services import cursors_retry_now, partner_replay_from


class ReplayForm(forms.Form):
    match = forms.IntegerField(min_value=1, label="Match id")
    seq = forms.IntegerField(
        min_value=0, label="After seq", help_text="Every change after this seq is sent again, in order."
    )

    def clean_match(self) -> Match:
        match = Match.objects.filter(pk=self.cleaned_data["match"]).first()
        if match is None:
            raise ValidationError("No match has this id.")
        return match


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "active", "competition", "since", "log"]
    list_filter = ["active"]
    search_fields = ["name", "url"]
    fields = ["name", "url", "secret", "active", "competition", "since", "created_at", "log", "replay"]
    readonly_fields = ["created_at", "log", "replay"]
    # A partner's address typed without its scheme is taken as HTTPS (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description="Delivery log")
    def log(self, partner: Partner) -> str:
        if partner.pk is None:
            return "—"
        url = reverse("admin:partners_delivery_changelist") + f"?partner__id__exact={partner.pk}"
        return format_html('<a href="{}">Deliveries</a>', url)

    @admin.display(description="Replay")
    def replay(self, partner: Partner) -> str:
        if partner.pk is None:
            return "—"
        url = reverse("admin:partners_partner_replay", args=[partner.pk])
        return format_html('<a href="{}">Replay a match from seq N</a>', url)

    def get_urls(self):
        replay = path(
            "<int:partner_id>/replay/",
            self.admin_site.admin_view(self.replay_view),
            name="partners_partner_replay",
        )
        return [replay, *super().get_urls()]

    def replay_view(self, request: HttpRequest, partner_id: int) -> HttpResponse:
        partner = get_object_or_404(Partner, pk=partner_id)
        if not self.has_change_permission(request, partner):
            return redirect("admin:index")
        form = ReplayForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            match, seq = form.cleaned_data["match"], form.cleaned_data["seq"]
            try:
                count = partner_replay_from(partner=partner, match=match, seq=seq)
            except ValidationError as error:
                form.add_error("seq", error)
            else:
                messages.success(
                    request, f"{partner}: {count} change(s) of {match} after seq {seq} will be sent again."
                )
                return redirect("admin:partners_partner_change", partner.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Replay a match to {partner}",
            "partner": partner,
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "partners/replay.html", context)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """The delivery log: one row per attempt, read-only."""

    list_display = ["at", "partner", "match_id", "seq", "attempt", "outcome", "duration_ms", "retry_at"]
    list_filter = ["delivered", "status_code", "partner"]
    list_select_related = ["partner"]
    search_fields = ["delivery_id", "error"]
    date_hierarchy = "at"

    def get_readonly_fields(self, request: HttpRequest, obj: Delivery | None = None) -> list[str]:
        return [field.name for field in Delivery._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Delivery | None = None) -> bool:
        return False


@admin.register(PartnerCursor)
class PartnerCursorAdmin(admin.ModelAdmin):
    """Where each partner stands in each match's update log; a waiting retry can be brought forward."""

    list_display = ["partner", "match", "delivered_seq", "failures", "retry_at"]
    list_filter = ["partner", ("retry_at", admin.EmptyFieldListFilter)]
    list_select_related = ["partner", "match__home_team", "match__away_team"]
    raw_id_fields = ["match"]
    actions = ["retry_now"]

    def get_readonly_fields(self, request: HttpRequest, obj: PartnerCursor | None = None) -> list[str]:
        return [field.name for field in PartnerCursor._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Retry now (drop the wait)")
    def retry_now(self, request: HttpRequest, cursors: QuerySet[PartnerCursor]) -> None:
        count = cursors_retry_now(cursors)
        messages.success(request, f"{count} position(s) will be tried again at the worker's next round.")
