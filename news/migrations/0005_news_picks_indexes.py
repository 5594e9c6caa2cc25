# The articles' (date, id) index for an article's previous and next (news.picks).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_merge_newsletter"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="newspage",
            index=models.Index(fields=["date", "page_ptr"], name="news_page_date_id"),
        ),
    ]
