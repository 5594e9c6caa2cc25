"""The WordPress import (`import_news export.xml`): every post type and status, translations,
the HTML WordPress writes, the dry run, the summary against the database, re-runs and an
interrupted run. The exports are small files written for the tests (news/tests/wxr/); the
uploads folder's images are made here with Pillow. Nothing is fetched from the internet."""

import datetime
import re
from io import StringIO
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, PageViewRestriction, Revision
from wagtail_localize.models import Translation, TranslationSource

from home.models import StandardPage
from home.translation.status import translation_status
from news.models import NewsCategory, NewsPage
from news.wordpress import html as conversion
from news.wordpress.models import ImportedItem

pytestmark = pytest.mark.django_db

WXR = Path(__file__).parent / "wxr"
EXPORT = WXR / "polylang-1.2-https.xml"


def run(*args):
    out = StringIO()
    call_command("import_news", *[str(a) for a in args], stdout=out)
    return out.getvalue()


@pytest.fixture
def uploads(tmp_path):
    """A copy of wp-content/uploads: the files of two attachments (the third one is lost)."""
    folder = tmp_path / "uploads"
    (folder / "2020/06").mkdir(parents=True)
    PILImage.new("RGB", (64, 48), "#336699").save(folder / "2020/06/training-session.jpg")
    PILImage.new("RGB", (32, 32), "#993366").save(folder / "2020/06/mooc.png")
    return folder


@pytest.fixture
def site(news_indexes, homes):
    return {"indexes": news_indexes, "homes": homes}


def full_run(uploads, site, *extra, export=EXPORT):
    return run(export, "--uploads", uploads, "--pages-parent", site["homes"]["en"].id, *extra)


def article(number):
    return NewsPage.objects.get(source_guid=f"https://old.example.org/?p={number}")


def imported():
    return NewsPage.objects.filter(source_guid__startswith="https://old.example.org/")


def database_state():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "records": ImportedItem.objects.count(),
        "categories": NewsCategory.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
        "sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "collections": Collection.objects.count(),
    }


def summary_line(out, label):
    match = re.search(rf"^  {label}: (.*)$", out, re.M)
    assert match, f"no “{label}” line in:\n{out}"
    return match.group(1)


def summary_number(out, label, action):
    match = re.search(rf"(\d+) (?:would be )?{action}\b", summary_line(out, label))
    return int(match.group(1)) if match else 0


def problems_of(out, title):
    """The problems the summary lists for one item."""
    section = out.split("Problems per item")[1]
    return section.split(f"    “{title}”:\n")[1].split("    “")[0]


# What becomes what ------------------------------------------------------------------------


def test_posts_pages_attachments_and_the_rest(site, uploads):
    out = full_run(uploads, site)
    # 14 posts: one in the trash, one in a language the site does not have.
    assert imported().count() == 12
    assert summary_number(out, "News articles", "created") == 12
    # Pages become standard pages under the parent given, keeping their hierarchy.
    about = StandardPage.objects.get(title="About the project")
    assert about.get_parent().id == site["homes"]["en"].id and about.live
    assert StandardPage.objects.get(title="Consortium").get_parent().id == about.id
    assert summary_number(out, "Pages", "created") == 2
    # Attachments with their file became images in the collection; the lost one is counted.
    images = get_image_model().objects.filter(collection__name="WordPress")
    assert sorted(images.values_list("title", flat=True)) == ["MOOC screen", "Training session"]
    assert summary_number(out, "Images", "created") == 2
    assert "1 attachment without its file in the uploads folder" in out
    # Everything else is skipped and counted, never turned into news.
    for kind in ("nav_menu_item", "wp_block", "revision"):
        assert f"1 not news ({kind})" in out
    assert not NewsPage.objects.filter(title__in=["Home", "Newsletter signup"]).exists()
    assert "1 post in the trash" in out and not NewsPage.objects.filter(title="Thrown away")
    assert "Languages this site does not have (items skipped): de (1)" in out
    assert "Items in the export: 22 (14 post, 3 attachment, 2 page" in out
    assert "Comments not imported (the news has no comments): 1" in out


def test_pages_are_skipped_and_counted_without_a_parent(site, uploads):
    out = run(EXPORT, "--uploads", uploads)
    assert "2 pages are not imported without --pages-parent" in out
    assert not StandardPage.objects.filter(title="About the project").exists()


def test_statuses_dates_authors_categories_and_tags(site, uploads, client):
    full_run(uploads, site)
    source = article(100)
    assert source.live and source.locale.language_code == "en"
    assert source.first_published_at == datetime.datetime(2020, 6, 15, 8, tzinfo=datetime.UTC)
    assert source.date == datetime.date(2020, 6, 15)
    assert [a.name for a in source.authors.all()] == ["SCS communication"]
    assert [c.name for c in source.categories.all()] == ["Projects"]
    assert sorted(source.tags.names()) == ["Industry 4.0", "MOOC"]
    assert source.featured_image.title == "Training session"
    assert source.intro.startswith("Allow clusters to optimize their skills")
    # Categories in each language: the French one is a French category.
    french = article(101)
    assert [(c.name, c.locale.language_code) for c in french.categories.all()] == [
        ("Projets", "fr")
    ]
    # The GMT date shown in the site's time zone: 23:30 GMT is the next day in Brussels.
    assert article(120).date == datetime.date(2019, 3, 2)
    # No title and no date: imported, titled from its text, dated by its publication.
    untitled = article(121)
    assert untitled.live and untitled.title.startswith("A short note without a title")
    assert untitled.date == timezone.localdate()
    # Drafts and pending posts are drafts with their date.
    for number in (130, 131):
        draft = article(number)
        assert not draft.live and draft.first_published_at is None
    assert article(130).date == datetime.date(2020, 7, 1)
    # Private: published behind a login.
    private = article(133)
    assert private.live
    assert PageViewRestriction.objects.filter(
        page=private, restriction_type=PageViewRestriction.LOGIN
    ).exists()
    response = client.get(private.url)
    assert response.status_code == 302 and "login" in response["Location"]
    # Password-protected: published behind its WordPress password.
    protected = article(136)
    restriction = PageViewRestriction.objects.get(page=protected)
    assert protected.live and restriction.restriction_type == PageViewRestriction.PASSWORD
    assert restriction.password == "steering2020"
    response = client.get(protected.url)
    assert response.status_code == 200 and "Minutes of the meeting" not in response.text
    assert client.get(source.url).status_code == 200


def test_a_scheduled_post_goes_live_with_publish_scheduled(site, uploads):
    full_run(uploads, site)
    scheduled = article(132)
    go_live = datetime.datetime(2031, 3, 1, 9, tzinfo=datetime.UTC)
    assert not scheduled.live and scheduled.go_live_at == go_live
    revision = scheduled.latest_revision
    assert revision.approved_go_live_at == go_live
    call_command("publish_scheduled", stdout=StringIO())
    scheduled.refresh_from_db()
    assert not scheduled.live  # not yet
    later = go_live + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", stdout=StringIO())
    scheduled.refresh_from_db()
    assert scheduled.live and scheduled.first_published_at == later


# HTML ---------------------------------------------------------------------------------------


def test_block_editor_shortcodes_galleries_embeds_and_tables(site, uploads):
    out = full_run(uploads, site)
    blocks = [(b.block_type, b.value) for b in article(100).body]
    assert [kind for kind, _value in blocks] == [
        "paragraph",
        "image",
        "heading",
        "embed",
        "paragraph",
    ]
    assert "<b>Cluster4Smart</b>" in blocks[0][1].source
    assert 'href="https://old.example.org/scs/"' in blocks[0][1].source
    # A resized copy's URL finds its attachment; the alt text comes from WordPress.
    figure = blocks[1][1]
    assert figure["image"].title == "Training session"
    assert figure["image"].contextual_alt_text.startswith("Cluster managers at")
    assert figure["caption"] == "Example of Cluster4Smart training session"
    assert blocks[3][1].url == "https://www.youtube.com/watch?v=c4sMOOC"
    assert "Course languages | EN, FR, ES, HU" in blocks[4][1].source
    assert "a table (2 rows) was turned into one paragraph per row" in out

    classic = [(b.block_type, b.value) for b in article(110).body]
    kinds = [kind for kind, _value in classic]
    assert kinds == ["paragraph", "image", "image", "image", "embed", "paragraph"]
    assert "webinar on 25 May 2020.<br/>" in classic[0][1].source  # wpautop's line break
    assert classic[1][1]["caption"] == "The course platform"
    assert classic[4][1].url == "https://vimeo.com/4200"
    assert "[sic]" in classic[5][1].source and "contact-form" not in str(article(110).body)
    mooc_problems = problems_of(out, "MOOC launch")
    assert "shortcode [contact-form-7] removed" in mooc_problems
    assert "1 gallery images not available" in mooc_problems
    assert "an image has no alternative text" in mooc_problems

    broken = str(article(120).body)
    assert "<b>in <i>Szeged</i></b>" in broken
    assert "<ul><li" in broken and "IKOSZ</li></ul>" in broken
    assert "alert" not in broken and "tracker" not in broken
    problems = problems_of(out, "Partners meet in Szeged – day one")
    assert "<script> content was left out" in problems
    assert "<iframe> content was left out" in problems
    assert "preformatted text" in problems


@pytest.mark.parametrize(
    "html, expected, problem",
    [
        # The markup that stopped the old importer ("Unmatched tags: expected br, got pre").
        ("<p>Line<br></pre> text</p>", "Line<br/> text", None),
        ("<pre>a<br>b</pre>", "a<br/>b", "preformatted text"),
        ("<b>bold <i>both</b> after", "<b>bold <i>both</i></b> after", None),
        ("<p>x<u>y</u></p>", "xy", "(<u>)"),
        ('Text [audio src="a.mp3"]', "Text", "[audio] media left out"),
        ('<a href="javascript:alert(1)">click</a>', "click", None),
        ("<h5>Small heading</h5>", None, None),
        ("[gallery]", None, "a gallery of the post's attached images was left out"),
        ("<hr>", None, "horizontal rules were left out"),
        ('<iframe src="https://www.youtube.com/embed/xyz"></iframe>', None, None),
    ],
)
def test_html_conversion(html, expected, problem):
    result = conversion.convert(html)
    text = str(result.blocks)
    if expected:
        assert expected in text
    if problem:
        assert any(problem in line for line in result.problems), result.problems
    else:
        assert result.problems == []
    assert "javascript" not in text


def test_html_conversion_blocks():
    assert conversion.convert("<h5>Small</h5>").blocks == [
        {"type": "heading", "value": {"text": "Small", "level": "h4"}}
    ]
    assert conversion.convert(
        '<iframe src="https://www.youtube.com/embed/xyz"></iframe>'
    ).blocks == [{"type": "embed", "value": "https://www.youtube.com/watch?v=xyz"}]
    quote = conversion.convert("<blockquote><p>Quoted</p><cite>SCS</cite></blockquote>").blocks
    assert quote == [{"type": "quote", "value": {"quote": "Quoted", "attribution": "SCS"}}]


def test_a_post_that_cannot_be_converted_is_skipped_and_costs_nothing_else(site, uploads):
    real = conversion.convert

    def failing(html, images=None):
        if "Szeged" in html:
            raise ValueError("unreadable")
        return real(html, images)

    with mock.patch("news.wordpress.html.convert", side_effect=failing):
        out = full_run(uploads, site)
    assert "“Partners meet in Szeged – day one”: ValueError: unreadable" in out
    assert summary_number(out, "News articles", "failed") == 1
    assert imported().count() == 11 == summary_number(out, "News articles", "created")
    assert not ImportedItem.objects.filter(guid="https://old.example.org/?p=120").exists()
    # The next run imports it.
    out = full_run(uploads, site)
    assert summary_number(out, "News articles", "created") == 1
    assert imported().count() == 12


# Translations -------------------------------------------------------------------------------


def test_translation_groups_share_one_key_in_their_language_indexes(site, uploads):
    full_run(uploads, site)
    indexes = site["indexes"]
    pair = [article(100), article(101)]
    assert pair[0].translation_key == pair[1].translation_key
    assert pair[1].get_parent().id == indexes["fr"].id
    group = [article(110), article(111), article(112)]
    assert {page.translation_key for page in group} == {group[0].translation_key}
    assert [p.get_parent().id for p in group] == [indexes[c].id for c in ("en", "fr", "es")]
    assert article(120).translation_key not in {pair[0].translation_key, group[0].translation_key}
    # wagtail-localize knows the English post as the source of the others (translated in
    # WordPress: edited as they are, not through the translation editor).
    source = TranslationSource.objects.get(object_id=group[0].translation_key)
    assert source.locale.language_code == "en"
    assert sorted(
        Translation.objects.filter(source=source).values_list(
            "target_locale__language_code", "enabled"
        )
    ) == [("es", False), ("fr", False)]


def test_translations_are_served_with_switcher_and_hreflang(site, uploads, client):
    full_run(uploads, site)
    pages = {code: article(n) for code, n in (("en", 110), ("fr", 111), ("es", 112))}
    for code, page in pages.items():
        response = client.get(page.url)
        assert response.status_code == 200
        html = response.text
        assert f'<html lang="{code}"' in html
        alternates = dict(
            re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
        )
        for other, translation in pages.items():
            assert alternates[other].endswith(translation.url)
        assert "hu" not in alternates  # not translated
        switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
        for other, translation in pages.items():
            if other != code:
                assert f'href="{translation.url}" lang="{other}"' in switcher
        assert 'href="/hu/" lang="hu"' in switcher  # its home page


def test_translations_are_listed_by_the_translation_status_report(site, uploads, admin_client):
    full_run(uploads, site)
    rows = translation_status().rows

    def states(title):
        return {row.locale.language_code: row.state for row in rows if row.title == title}

    # Translated in WordPress: only the languages it had no translation in are missing.
    assert states("MOOC launch") == {"hu": "missing"}
    assert states("Cluster4Smart paves the way for new projects") == {
        "es": "missing",
        "hu": "missing",
    }
    assert states("Partners meet in Szeged – day one") == {
        "fr": "missing",
        "es": "missing",
        "hu": "missing",
    }
    # A translation opens in the page editor, as any page translated by hand.
    response = admin_client.get(f"/admin/pages/{article(111).id}/edit/")
    assert response.status_code == 200


def test_wpml_languages_and_groups(site):
    out = run(WXR / "wpml-1.2-http.xml")
    english = NewsPage.objects.get(title="Final webinar")
    hungarian = NewsPage.objects.get(title="Utolsó webinárium")
    assert hungarian.locale.language_code == "hu" and english.locale.language_code == "en"
    assert hungarian.translation_key == english.translation_key
    assert hungarian.get_parent().id == site["indexes"]["hu"].id
    assert "Posts by language: en 1, hu 1" in out


# Versions of the format ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "export, title",
    [
        ("wxr-1.0-http.xml", "Needs survey results"),
        ("wxr-1.1-https.xml", "Test users try the MOOC"),
        ("polylang-1.2-https.xml", "MOOC launch"),
    ],
)
def test_every_wxr_version_under_either_scheme(site, export, title):
    out = run(WXR / export)
    page = NewsPage.objects.get(title=title)
    assert page.live and page.locale.language_code == "en"
    assert "not news (nav_menu_item)" in out or "nav_menu_item" not in (WXR / export).read_text()
    assert not NewsPage.objects.filter(title__in=["A page", "Menu"]).exists()


def test_items_without_a_language_go_to_the_language_given(site):
    run(WXR / "wxr-1.0-http.xml", "--locale", "fr")
    page = NewsPage.objects.get(title="Needs survey results")
    assert page.locale.language_code == "fr" and page.get_parent().id == site["indexes"]["fr"].id
    assert page.date == datetime.date(2018, 3, 1)
    assert [c.slug for c in page.categories.all()] == ["projects"]


# A run a person can trust -------------------------------------------------------------------


def test_dry_run_changes_nothing_and_tells_what_would_happen(site, uploads, settings):
    before = database_state()
    out = full_run(uploads, site, "--dry-run")
    assert database_state() == before
    assert not Path(settings.MEDIA_ROOT).exists() or not any(Path(settings.MEDIA_ROOT).rglob("*.*"))
    assert "Dry run: nothing is changed." in out
    assert "12 would be created" in summary_line(out, "News articles")
    assert "Posts by status: draft 1, future 1, pending 1, private 1, publish 8" in out
    assert "Posts by language: en 9, es 1, fr 2" in out
    assert "shortcode [contact-form-7] removed" in out
    # The real run does what the dry run said.
    real = full_run(uploads, site)
    assert summary_line(real, "News articles") == summary_line(out, "News articles").replace(
        "would be ", ""
    )


def test_summary_matches_the_database(site, uploads):
    out = full_run(uploads, site)
    created = summary_number(out, "News articles", "created")
    assert created == imported().count()
    statuses = dict(re.findall(r"(\w+) (\d+)", summary_line(out, "Posts by status")))
    live = imported().filter(live=True)
    private = PageViewRestriction.objects.filter(
        page__in=imported(), restriction_type=PageViewRestriction.LOGIN
    ).count()
    assert int(statuses["publish"]) == live.count() - private
    assert int(statuses["private"]) == private
    assert (
        int(statuses["future"]) == imported().filter(live=False, go_live_at__isnull=False).count()
    )
    drafts = imported().filter(live=False, go_live_at__isnull=True).count()
    assert int(statuses["draft"]) + int(statuses["pending"]) == drafts
    languages = dict(re.findall(r"(\w+) (\d+)", summary_line(out, "Posts by language")))
    for code, count in languages.items():
        assert imported().filter(locale__language_code=code).count() == int(count)
    assert summary_number(out, "Images", "created") == get_image_model().objects.count()
    assert ImportedItem.objects.count() == created + 2 + 2  # articles, pages, images


def test_second_run_adds_nothing_and_updates_what_changed(site, uploads, tmp_path):
    full_run(uploads, site)
    before = database_state()
    out = full_run(uploads, site)
    assert database_state() == before
    assert summary_line(out, "News articles") == "0 created, 12 unchanged"
    assert summary_line(out, "Images") == "0 created, 2 unchanged"

    # Changed in WordPress since: the same GUID is updated, nothing is added.
    changed = tmp_path / "changed.xml"
    changed.write_text(
        EXPORT.read_text()
        .replace("Partners meet in Szeged", "Partners met in Szeged")
        .replace("<wp:status>draft</wp:status>", "<wp:status>publish</wp:status>")
    )
    out = full_run(uploads, site, export=changed)
    assert summary_line(out, "News articles") == "0 created, 2 updated, 10 unchanged"
    assert database_state()["pages"] == before["pages"]
    assert article(120).title == "Partners met in Szeged – day one" and article(120).live
    assert article(130).live

    # Moved to the trash in WordPress since: unpublished, not deleted.
    trashed = tmp_path / "trashed.xml"
    trashed.write_text(  # the only private post
        changed.read_text().replace(
            "<wp:status>private</wp:status>", "<wp:status>trash</wp:status>"
        )
    )
    out = full_run(uploads, site, export=trashed)
    assert summary_line(out, "News articles") == "0 created, 11 unchanged, 1 unpublished"
    assert not article(133).live

    # Edited on this site since the import: left as the editor made it, and said so.
    page = article(120)
    page.title = "Edited here"
    page.save_revision().publish()
    out = full_run(uploads, site)  # the original export: the title changed back in WordPress
    assert "edited on this site since it was imported: left as it is" in out
    assert article(120).title == "Edited here"


def test_an_interrupted_run_goes_on_where_it_stopped(site, uploads):
    real = conversion.convert
    calls = []

    def interrupted(html, images=None):
        calls.append(html)
        if len(calls) == 5:
            raise KeyboardInterrupt
        return real(html, images)

    with (
        mock.patch("news.wordpress.html.convert", side_effect=interrupted),
        pytest.raises(CommandError, match="Interrupted. What was imported so far is kept"),
    ):
        full_run(uploads, site)
    assert imported().count() == 4  # committed one by one
    out = full_run(uploads, site)
    assert summary_line(out, "News articles") == "8 created, 4 unchanged"
    assert imported().count() == 12
    # The group cut in two is linked as one.
    assert len({article(n).translation_key for n in (110, 111, 112)}) == 1


def test_limit_stops_and_the_next_run_goes_on(site, uploads):
    outputs = []
    for _attempt in range(20):
        out = full_run(uploads, site, "--limit", "4")
        outputs.append(out)
        if "Done." in out:
            break
    assert "Stopped at --limit" in outputs[0] and "Done." in outputs[-1]
    assert len(outputs) == 4  # 2 images + 12 articles + 2 pages, 4 at a time
    assert imported().count() == 12
    assert StandardPage.objects.filter(title="Consortium").count() == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (["--pages-parent", "999999"], "No page with id 999999"),
        (["--uploads", "/nonexistent/uploads"], "No uploads folder"),
        (["--limit", "0"], "--limit must be 1 or more"),
        (["--locale", "de"], "Unknown language: de"),
    ],
)
def test_bad_options_are_clear_errors(site, args, message):
    with pytest.raises(CommandError, match=message):
        run(EXPORT, *args)
    assert not ImportedItem.objects.exists()
