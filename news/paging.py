"""Pages of a news listing that cost the same on page 1 and page 500, with 30 articles or 30,000.

A listing is ordered newest first (`NewsIndexPage.news()`: date, first publication, id). Sliced
with OFFSET, the database has to produce every article before the page it shows: PostgreSQL
either walks the date index from the newest article (in proportion to the page number, times the
number of languages, whose articles share the index) or, as it chooses a few dozen pages in on a
large site, joins and sorts every article of the index (in proportion to the site). It picks the
sort too early because it underestimates the index's articles fourfold: it counts "in this
language" and "under this index page" as independent filters, when the second implies the first.

So the listing remembers how many of its articles fall on each day (`day_counts`: one grouped
query, kept until the content changes like the listing's other aggregates; it also gives the
count the paginator needs), and a page is read from the days it spans only: a date range that
the date index answers, then an OFFSET within those days of at most one day's articles. The
URLs (`?page=N`), the order and the articles on each page are those of plain slicing.

When the content changes, the remembered counts go with everything else (home.pagecache.cache). What
changes without an edit (an article passing its expiry date before `publish_scheduled` runs)
can shift a page by an article until then, as it does the count and the page cache."""

import datetime
from array import array
from bisect import bisect_left, bisect_right

from django.db.models import Count, Q

NO_DATE = 0  # stands for NULL among the days' ordinals (the first ordinal is 1)


def day_counts(news):
    """The days of a listing and its articles per day, in the listing's order (newest day
    first; articles without a date, which there should be none of, where the database puts
    NULL): (day ordinals, running totals), as arrays so that the remembered value of a site
    with years of news stays small and quick to read. One query."""
    rows = news.order_by().values_list("date").annotate(articles=Count("pk")).order_by("-date")
    days, ends, total = array("i"), array("i"), 0
    for day, articles in rows:
        total += articles
        days.append(NO_DATE if day is None else day.toordinal())
        ends.append(total)
    return days, ends


def archive_months(day_counts):
    """The months that have articles, newest first, as the first day of each month: what
    `dates("date", "month")` would read from the database, from the remembered day counts
    (a date is built only where a day falls outside the month found last)."""
    days, _ends = day_counts
    months, first, last = set(), 1, 0
    for day in days:
        if day != NO_DATE and not first <= day <= last:
            start = datetime.date.fromordinal(day).replace(day=1)
            months.add(start)
            following = (start + datetime.timedelta(days=31)).replace(day=1)
            first, last = start.toordinal(), following.toordinal() - 1
    return sorted(months, reverse=True)


class DatedPages:
    """The articles of a listing (a queryset ordered as `NewsIndexPage.news()`), sliced for a
    paginator through the listing's `day_counts`. Only slices and len() are supported."""

    def __init__(self, news, day_counts):
        self.news = news
        self.days, self.ends = day_counts
        self.total = self.ends[-1] if self.ends else 0

    def __len__(self):
        return self.total

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step is not None:
            raise TypeError("DatedPages supports slices only.")
        start, stop = key.start or 0, self.total if key.stop is None else key.stop
        if start >= min(stop, self.total):
            return self.news.none()
        # The days holding articles start..stop-1: the first whose running total passes
        # start, to the first whose running total reaches stop.
        first = bisect_right(self.ends, start)
        last = min(bisect_left(self.ends, stop), len(self.ends) - 1)
        before = self.ends[first - 1] if first else 0
        span = self.days[first : last + 1]
        # They are consecutive in the listing's order: the range between the oldest and the
        # newest of them holds exactly their articles.
        dated = [datetime.date.fromordinal(day) for day in span if day != NO_DATE]
        condition = Q(date__range=(min(dated), max(dated))) if dated else Q()
        if NO_DATE in span:
            condition = (condition | Q(date__isnull=True)) if dated else Q(date__isnull=True)
        return self.news.filter(condition)[start - before : stop - before]
