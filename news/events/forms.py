"""The event editor's form: times are entered as the clock shows them where the event is held.

Django's admin reads and shows a datetime in the editor's own time zone; an event's times are
meant in the event's zone (a webinar at 14:00 in Budapest is at 14:00 whoever types it in). The
form shows the stored moments as wall-clock times in the event's zone and reads what is entered
the same way; an all-day event keeps dates only (midnight)."""

import datetime
import zoneinfo
from functools import cache

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

WALL_CLOCK_FIELDS = ("start", "end", "previous_start", "registration_deadline")


@cache
def time_zone_choices():
    return [("", "---------")] + [(name, name) for name in sorted(zoneinfo.available_timezones())]


def language_choices():
    """The site's languages first, then every language Django knows."""
    from django.conf import global_settings

    site = [(code, _(name)) for code, name in settings.LANGUAGES]
    codes = {code for code, _name in site}
    return site + [(code, _(name)) for code, name in global_settings.LANGUAGES if code not in codes]


def zone_named(name):
    try:
        return zoneinfo.ZoneInfo(name) if name else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


class EventPageForm(WagtailAdminPageForm):
    time_zone = forms.ChoiceField(
        label=_("time zone"),
        required=False,
        choices=time_zone_choices,
        help_text=_("Where the times hold, e.g. Europe/Budapest. Required unless all day."),
    )
    languages = forms.MultipleChoiceField(
        label=_("languages"),
        required=False,
        choices=language_choices,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("The languages the event is held in."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = zone_named(self.instance.time_zone) or (
            datetime.UTC if self.instance.all_day else None
        )
        if zone is None or self.is_bound:
            return
        for name in WALL_CLOCK_FIELDS:
            value = self.initial.get(name)
            if isinstance(value, datetime.datetime) and timezone.is_aware(value):
                self.initial[name] = timezone.localtime(value, zone).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        all_day = cleaned.get("all_day")
        zone = zone_named(cleaned.get("time_zone")) or (datetime.UTC if all_day else None)
        if zone is None:
            return cleaned  # the model asks for a time zone
        for name in WALL_CLOCK_FIELDS:
            value = cleaned.get(name)
            if not isinstance(value, datetime.datetime):
                continue
            wall = timezone.make_naive(value) if timezone.is_aware(value) else value
            if all_day and name in ("start", "end"):
                wall = wall.replace(hour=0, minute=0, second=0, microsecond=0)
            moment = wall.replace(tzinfo=zone)
            cleaned[name] = moment
            setattr(self.instance, name, moment)
        return cleaned
