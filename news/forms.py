"""The article editor's form: categories are offered in the article's own language only."""

from wagtail.admin.forms import WagtailAdminPageForm


class NewsPageForm(WagtailAdminPageForm):
    """Offers only the categories of the article's language (a new article's is its parent's),
    so another language's category id is refused as an invalid choice. Categories the article
    carries in another language (translations keep the source's) are shown ticked as their
    translation, so saving the form keeps them in the article's language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("categories")
        if field is None:
            return
        locale_id = self.instance.locale_id
        if locale_id is None and self.parent_page is not None:
            locale_id = self.parent_page.locale_id
        field.queryset = field.queryset.filter(locale_id=locale_id)
        if self.is_bound or not self.initial.get("categories"):
            return
        linked = self.initial["categories"]
        foreign = {c.translation_key for c in linked if c.locale_id != locale_id}
        translated = {}
        if foreign:
            translated = {
                c.translation_key: c for c in field.queryset.filter(translation_key__in=foreign)
            }
        self.initial["categories"] = [
            c if c.locale_id == locale_id else translated[c.translation_key]
            for c in linked
            if c.locale_id == locale_id or c.translation_key in translated
        ]
