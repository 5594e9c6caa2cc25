"""Events and webinars, in every language.

Page tree (one per locale, kept in step by wagtail-localize):

    HomePage
    └── EventIndexPage (/en/events/, ...; one per home page)
        └── EventPage (a webinar, training session, conference, multiplier event or meeting)

An event's start and end are stored as aware datetimes together with the IANA time zone it is
held in (`time_zone`); the page shows the times in that zone and names it. An event whose time
of day is not known is entered as an all-day event: dates only (floating, no zone needed).
`ends_at` (computed on save) is the moment the event is over, which splits the listings into
upcoming and past. `sequence` counts the published changes of date, status or place, for the
iCalendar SEQUENCE; the iCalendar UID comes from the translation key, so every translation and
every edit of an event is the same calendar item.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage
from home.pages.blocks import BodyBlock

from . import calendar, views
from .forms import EventPageForm
from .vocabulary import AttendanceMode, EventStatus, EventType


def validate_time_zone(value):
    """An IANA time zone name that the zoneinfo database knows (e.g. Europe/Budapest)."""
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as Europe/Paris."),
            code="invalid_time_zone",
            params={"value": value},
        ) from None


def live_events():
    """Events visitors may see: live and public."""
    return EventPage.objects.live().public()


class EventIndexPage(RoutablePageMixin, BasePage):
    """The events section of one language: upcoming events soonest first, past events newest
    first, filters by project, type and format, and its iCalendar feed (see `views.py` and
    `calendar.py`)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.EventPage"]
    max_count_per_parent = 1
    template = "news/events/event_index_page.html"

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("listing_summary"),
        SynchronizedField("social_image"),
        SynchronizedField("show_in_menus"),
        TranslatableField("intro"),
    ]

    class Meta:
        verbose_name = _("events index page")
        verbose_name_plural = _("events index pages")

    def events(self):
        """Live, public events of this index, in this index's language."""
        return live_events().child_of(self).filter(locale_id=self.locale_id)

    @path("")
    def upcoming_route(self, request):
        return views.event_listing(self, request, past=False)

    @path("past/")
    def past_route(self, request):
        return views.event_listing(self, request, past=True)

    @path("calendar/")
    def calendar_route(self, request):
        return calendar.index_calendar(self, request)


class EventPage(RoutablePageMixin, BasePage):
    """One event: when (in its own time zone) and where (a venue, an online link or both), in
    which languages, who organises it and for which project, how to register, its status, and
    afterwards its recording and slides."""

    intro = models.TextField(
        _("lead"), blank=True, help_text=_("One or two sentences shown in lists and calendars.")
    )
    event_type = models.CharField(
        _("type"), max_length=20, choices=EventType.choices, default=EventType.WEBINAR
    )
    attendance_mode = models.CharField(
        _("format"), max_length=10, choices=AttendanceMode.choices, default=AttendanceMode.ONLINE
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    all_day = models.BooleanField(
        _("all day (dates only)"),
        default=False,
        help_text=_("For an event whose times are not known or that lasts whole days."),
    )
    start = models.DateTimeField(
        _("start"), help_text=_("In the event's time zone (below), not your own.")
    )
    end = models.DateTimeField(
        _("end"),
        null=True,
        blank=True,
        help_text=_("Required unless the event is all day (then it defaults to the start day)."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("Where the times hold, e.g. Europe/Budapest. Required unless all day."),
    )
    previous_start = models.DateTimeField(
        _("originally planned start"),
        null=True,
        blank=True,
        help_text=_(
            "For a postponed event: when it was first planned (start and end are the new dates)."
        ),
    )
    ends_at = models.DateTimeField(editable=False, null=True, db_index=True)
    sequence = models.PositiveIntegerField(editable=False, default=0)

    venue_name = models.CharField(_("venue"), max_length=255, blank=True)
    venue_address = models.TextField(_("address"), blank=True)
    venue_city = models.CharField(_("city"), max_length=255, blank=True)
    venue_country = CountryField(_("country"), blank=True)
    online_url = models.URLField(
        _("online access link"),
        max_length=500,
        blank=True,
        help_text=_("Shown until the event ends. Required for online and hybrid events to come."),
    )
    recording_url = models.URLField(_("recording"), max_length=500, blank=True)
    slides_url = models.URLField(_("slides"), max_length=500, blank=True)
    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_("The languages the event is held in."),
    )
    registration_url = models.URLField(_("registration link"), max_length=500, blank=True)
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("In the event's time zone; before the start."),
    )
    organiser = models.ForeignKey(
        "partners.PartnerPage",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
    )
    project = models.ForeignKey(
        "home.ProjectPage",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Its description is used as the alternative text."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_type"), FieldPanel("attendance_mode")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("previous_start")]),
            ],
            heading=_("Event"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
            ],
            heading=_("Date and time"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldRowPanel([FieldPanel("venue_city"), FieldPanel("venue_country")]),
                FieldPanel("online_url"),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("languages"),
                FieldPanel("registration_url"),
                FieldPanel("registration_deadline"),
                FieldPanel("organiser"),
                FieldPanel("project"),
            ],
            heading=_("Participation"),
        ),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("recording_url"), FieldPanel("slides_url")], heading=_("Afterwards")
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.SearchField("venue_city"),
        index.FilterField("start"),
        index.FilterField("locale"),
    ]

    parent_page_types = ["news.EventIndexPage"]
    subpage_types = []
    serve_select_related = ("image", "social_image")
    template = "news/events/event_page.html"
    base_form_class = EventPageForm

    # Text is translated; dates, place, links, organiser and project are kept in step with the
    # source (organiser and project are shown in the reader's language at runtime).
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("listing_summary"),
        SynchronizedField("social_image"),
        SynchronizedField("show_in_menus"),
        TranslatableField("intro"),
        SynchronizedField("event_type"),
        SynchronizedField("attendance_mode"),
        SynchronizedField("status"),
        SynchronizedField("all_day"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("time_zone"),
        SynchronizedField("previous_start"),
        TranslatableField("venue_name"),
        SynchronizedField("venue_address"),
        TranslatableField("venue_city"),
        SynchronizedField("venue_country"),
        SynchronizedField("online_url"),
        SynchronizedField("recording_url"),
        SynchronizedField("slides_url"),
        SynchronizedField("languages"),
        SynchronizedField("registration_url"),
        SynchronizedField("registration_deadline"),
        SynchronizedField("organiser"),
        SynchronizedField("project"),
        SynchronizedField("image"),
        TranslatableField("body"),
    ]

    # What a calendar subscriber must be told about again (RFC 5545 SEQUENCE).
    SEQUENCE_FIELDS = (
        "start",
        "end",
        "all_day",
        "time_zone",
        "status",
        "venue_name",
        "venue_address",
        "venue_city",
        "venue_country",
        "online_url",
        "attendance_mode",
    )

    class Meta:
        verbose_name = _("event page")
        verbose_name_plural = _("event pages")
        indexes = [models.Index(fields=["ends_at", "start"], name="news_event_ends_start")]

    # --- time ---------------------------------------------------------------------------

    @cached_property
    def zone(self):
        """The event's time zone (UTC for an all-day event without one)."""
        try:
            return zoneinfo.ZoneInfo(self.time_zone) if self.time_zone else datetime.UTC
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return datetime.UTC

    def in_zone(self, moment):
        return timezone.localtime(moment, self.zone) if moment else None

    @property
    def local_start(self):
        return self.in_zone(self.start)

    @property
    def local_end(self):
        return self.in_zone(self.end)

    @property
    def wall_start(self):
        """The start as the clock shows it where the event is held (naive, for templates:
        Django's date filter would move an aware value into the visitor's zone)."""
        return self.local_start.replace(tzinfo=None) if self.start else None

    @property
    def wall_end(self):
        return self.local_end.replace(tzinfo=None) if self.end else None

    @property
    def wall_previous_start(self):
        return self.local_previous_start.replace(tzinfo=None) if self.previous_start else None

    @property
    def wall_registration_deadline(self):
        deadline = self.local_registration_deadline
        return deadline.replace(tzinfo=None) if deadline else None

    @property
    def start_iso(self):
        """The start for machines: a date for all-day events, else the moment with its offset."""
        if not self.start:
            return ""
        return self.start_date.isoformat() if self.all_day else self.local_start.isoformat()

    @property
    def end_iso(self):
        if self.all_day:
            return self.end_date.isoformat() if self.start else ""
        return self.local_end.isoformat() if self.end else ""

    @property
    def ends_same_day(self):
        return self.end_date == self.start_date

    @property
    def start_date(self):
        return self.local_start.date() if self.start else None

    @property
    def end_date(self):
        """The last day of the event (inclusive)."""
        if self.end:
            return self.local_end.date()
        return self.start_date

    @property
    def local_previous_start(self):
        return self.in_zone(self.previous_start)

    @property
    def local_registration_deadline(self):
        return self.in_zone(self.registration_deadline)

    @property
    def zone_label(self):
        """The zone's name and its abbreviation at the start, e.g. “Europe/Budapest, CEST”."""
        if self.all_day or not self.start:
            return ""
        abbreviation = self.local_start.tzname()
        name = self.time_zone or "UTC"
        return f"{name}, {abbreviation}" if abbreviation and abbreviation != name else name

    def compute_ends_at(self):
        if self.start is None:
            return None
        if self.all_day:
            last = self.end_date
            return datetime.datetime.combine(
                last + datetime.timedelta(days=1), datetime.time(0), tzinfo=self.zone
            )
        return self.end or self.start

    def has_ended(self, now=None):
        ends = self.ends_at or self.compute_ends_at()
        return ends is not None and ends <= (now or timezone.now())

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_online(self):
        return self.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.HYBRID)

    @property
    def is_on_site(self):
        return self.attendance_mode in (AttendanceMode.ONSITE, AttendanceMode.HYBRID)

    def registration_open(self, now=None):
        if not self.registration_url or self.is_cancelled or self.has_ended(now):
            return False
        deadline = self.registration_deadline
        return deadline is None or (now or timezone.now()) < deadline

    @property
    def language_names(self):
        from django.utils.translation import get_language_info

        names = []
        for code in self.languages or []:
            try:
                names.append(get_language_info(code)["name_translated"])
            except KeyError:
                names.append(code)
        return names

    # --- validation and saving ----------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if not self.all_day:
            if not self.time_zone:
                errors["time_zone"] = _("Choose the time zone the event's times are in.")
            if self.start and not self.end:
                errors["end"] = _("Give the end time, or mark the event as all day.")
        if self.start and self.end:
            if self.all_day and self.end_date < self.start_date:
                errors["end"] = _("The event cannot end before it starts.")
            elif not self.all_day and self.end <= self.start:
                errors["end"] = _("The end must be after the start.")
        if self.start and self.registration_deadline and self.registration_deadline > self.start:
            errors["registration_deadline"] = _(
                "The registration deadline must be before the start."
            )
        if self.registration_deadline and not self.registration_url:
            errors["registration_url"] = _("Give the registration link the deadline is for.")
        if self.status == EventStatus.POSTPONED and not self.previous_start:
            errors["previous_start"] = _("Give the originally planned start of a postponed event.")
        if (
            self.is_online
            and not self.online_url
            and self.start
            and not self.is_cancelled
            and not self.has_ended()
        ):
            # Past events may be recorded without their link (it is no longer shown anyway).
            errors["online_url"] = _("An online or hybrid event needs its access link.")
        if self.languages:
            known = {code for code, _name in settings.LANGUAGES} | {
                code for code, _name in global_languages()
            }
            unknown = [code for code in self.languages if code not in known]
            if unknown:
                errors["languages"] = _("Unknown language codes: %(codes)s") % {
                    "codes": ", ".join(map(str, unknown))
                }
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.ends_at = self.compute_ends_at()
        update_fields = kwargs.get("update_fields")
        if self.pk and (update_fields is None or "start" in update_fields):
            stored = (
                EventPage.objects.filter(pk=self.pk)
                .values("sequence", *self.SEQUENCE_FIELDS)
                .first()
            )
            if stored is not None:
                # Never lower: a revision published later may carry an older count.
                self.sequence = max(self.sequence, stored["sequence"])
                if any(stored[name] != getattr(self, name) for name in self.SEQUENCE_FIELDS):
                    self.sequence += 1
        return super().save(*args, **kwargs)

    # --- presentation -------------------------------------------------------------------

    def get_summary(self):
        return self.listing_summary or self.intro or self.search_description

    def get_social_image(self):
        return self.social_image or self.image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(views.event_page_context(self, request))
        return context

    @path("calendar/")
    def calendar_route(self, request):
        return calendar.event_calendar(self, request)


def global_languages():
    from django.conf import global_settings

    return global_settings.LANGUAGES
