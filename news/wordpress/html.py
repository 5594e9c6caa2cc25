"""WordPress HTML to the blocks of a page body (`home.pages.blocks.BodyBlock`).

WordPress stores a post as HTML with extras: paragraphs written as blank lines (the classic
editor), block-editor comments (`<!-- wp:image {...} -->`), shortcodes (`[caption]`,
`[gallery]`, `[embed]`, a plugin's own), and whatever markup an editor pasted, balanced or not.
The HTML is read with a tolerant parser (BeautifulSoup with lxml's HTML parser, which
mends it as browsers do), walked once, and turned into:

- `paragraph` blocks (rich text with the body's features, through the same conversion as the
  editor's, so nothing the editor would not store gets in);
- `heading`, `image` (images imported from the export's attachments or uploads folder),
  `quote` and `embed` (URLs of providers Wagtail can embed) blocks.

Everything else is reported in `Conversion.problems`, one line per kind of loss, never
dropped without a word: tables become one paragraph per row, preformatted text loses its layout,
scripts, forms and iframes are left out, unknown shortcodes are removed (their text kept).
"""

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlparse

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.embeds.finders.oembed import OEmbedFinder

# The body's paragraph features (home.pages.blocks.BodyBlock), without document links, which an
# export cannot carry.
FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]
INLINE_KEPT = {"a", "b", "strong", "i", "em", "br"}
INLINE_UNWRAPPED = {
    "span", "font", "u", "s", "strike", "del", "ins", "sup", "sub", "small", "big", "mark",
    "abbr", "cite", "q", "code", "kbd", "var", "samp", "time", "label", "dfn", "bdi", "bdo",
    "tt", "acronym", "data",
}  # fmt: skip
FORMATTING_LOST = INLINE_UNWRAPPED - {"span", "font", "time", "data", "label"}
DROPPED = {
    "script", "style", "form", "input", "button", "select", "textarea", "iframe", "object",
    "embed", "noscript", "title", "svg", "canvas", "audio", "video", "map", "template",
    "link", "meta",
}  # fmt: skip
HEADING_LEVELS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
BLOCK_TAGS = {
    "p", "div", "section", "article", "aside", "header", "footer", "main", "nav", "figure",
    "blockquote", "ul", "ol", "dl", "table", "pre", "hr", "address", "details", "center",
    *HEADING_LEVELS,
}  # fmt: skip

CORE_SHORTCODES = ("caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist")
SHORTCODE = re.compile(
    r"\[(?P<close>/)?(?P<name>[A-Za-z][\w-]*)(?P<attrs>(?:\s[^\]]*)?)(?P<self>/)?\]"
)
ATTRIBUTE = re.compile(r"([\w-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|(\S+))")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
BLOCK_START = re.compile(
    r"^\s*<(?:/?(?:" + "|".join(sorted(BLOCK_TAGS | {"li", "tr", "td", "th"})) + r")\b|!--)", re.I
)


@dataclass
class Conversion:
    blocks: list = field(default_factory=list)  # StreamField raw data: [{"type", "value"}]
    problems: list = field(default_factory=list)  # what could not be kept, in words

    def problem(self, message):
        if message not in self.problems:
            self.problems.append(message)


class Images:
    """What the conversion asks of the import about images: `by_id(wp_id)` and
    `by_url(url)` return (image id or a stand-in, alt text) or None."""

    def by_id(self, wp_id):
        return None

    def by_url(self, url):
        return None


def shortcode_attributes(text):
    return {
        match.group(1).lower(): match.group(2) or match.group(3) or match.group(4) or ""
        for match in ATTRIBUTE.finditer(text)
    }


def _is_shortcode(match, text):
    """Whether a [bracketed] word is a shortcode: a core one, or one with attributes, or one
    with a matching closing tag. Plain words in brackets ("[sic]") are text."""
    name = match.group("name").lower()
    if name in CORE_SHORTCODES or match.group("close"):
        return True
    if match.group("attrs").strip() or "_" in name or "-" in name:
        return True
    return f"[/{match.group('name')}]" in text


def expand_shortcodes(text, conversion):
    """Core shortcodes to HTML the walker understands; other shortcodes removed (their
    enclosed text kept) and reported."""
    unknown = []

    def caption(match):
        body = match.group(2)
        attrs = shortcode_attributes(match.group(1))
        image = re.search(r"(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?", body, re.I)
        if not image:
            return body
        text = (body[: image.start()] + body[image.end() :]).strip()
        text = text or attrs.get("caption", "")
        return f"<figure>{image.group(0)}<figcaption>{text}</figcaption></figure>"

    text = re.sub(
        r"\[(?:wp_)?caption\b([^\]]*)\](.*?)\[/(?:wp_)?caption\]", caption, text, flags=re.I | re.S
    )
    text = re.sub(
        r"\[embed\b[^\]]*\](.*?)\[/embed\]",
        lambda m: f'<wp-embed data-url="{m.group(1).strip()}"></wp-embed>',
        text,
        flags=re.I | re.S,
    )

    def other(match):
        if not _is_shortcode(match, text):
            return match.group(0)
        name = match.group("name").lower()
        if match.group("close"):
            return ""
        attrs = shortcode_attributes(match.group("attrs"))
        if name == "gallery":
            ids = attrs.get("ids") or attrs.get("include") or ""
            return f'<wp-gallery data-ids="{ids}"></wp-gallery>'
        if name in ("audio", "video", "playlist"):
            source = attrs.get("src") or attrs.get("mp4") or attrs.get("mp3") or ""
            return f'<wp-media data-kind="{name}" data-src="{source}"></wp-media>'
        unknown.append(name)
        return ""

    text = SHORTCODE.sub(other, text)
    for name in dict.fromkeys(unknown):
        conversion.problem(_("shortcode [%(name)s] removed (its text kept)") % {"name": name})
    return text


def autop(text):
    """WordPress's `wpautop` in short: blank lines separate paragraphs and single line breaks
    are <br> in text written without paragraph tags (the classic editor's way)."""
    if re.search(r"<p[\s>]", text, re.I):
        return text
    chunks = []
    for chunk in PARAGRAPH_BREAK.split(text.strip()):
        if not chunk.strip():
            continue
        if BLOCK_START.match(chunk):
            chunks.append(chunk)
        else:
            chunks.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    return "\n".join(chunks)


def embed_url(url):
    """The URL Wagtail's oEmbed finder accepts for a provider URL or player URL, or ""."""
    url = (url or "").strip()
    if url.startswith("//"):
        url = "https:" + url
    parsed = urlparse(url)
    host = parsed.netloc.lower()
    if host.endswith("youtube.com") or host.endswith("youtube-nocookie.com"):
        match = re.match(r"^/(?:embed|v)/([\w-]+)", parsed.path)
        if match:
            url = f"https://www.youtube.com/watch?v={match.group(1)}"
        elif parsed.path == "/watch" and "v" in parse_qs(parsed.query):
            url = f"https://www.youtube.com/watch?v={parse_qs(parsed.query)['v'][0]}"
    elif host == "player.vimeo.com":
        match = re.match(r"^/video/(\d+)", parsed.path)
        if match:
            url = f"https://vimeo.com/{match.group(1)}"
    try:
        return url if url.startswith(("http://", "https://")) and OEmbedFinder().accept(url) else ""
    except Exception:  # noqa: BLE001 - a provider pattern that cannot match this URL
        return ""


class Walker:
    def __init__(self, images, conversion):
        self.images = images
        self.conversion = conversion
        self.rich = []  # HTML of the paragraph block being built
        self.inline = []  # inline content waiting for a <p>
        self.converter = ContentstateConverter(FEATURES)

    # Output -------------------------------------------------------------------------------

    def flush_inline(self):
        html = "".join(self.inline).strip()
        self.inline = []
        if html and re.sub(r"<br\s*/?>|&nbsp;|\s", "", html):
            self.rich.append(f"<p>{html}</p>")

    def flush(self):
        self.flush_inline()
        html = "".join(self.rich)
        self.rich = []
        if not html:
            return
        try:
            clean = self.converter.to_database_format(self.converter.from_database_format(html))
        except Exception:  # noqa: BLE001 - the editor's converter rejects it: keep the text
            text = BeautifulSoup(html, "lxml").get_text("\n")
            clean = "".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if line.strip())
            self.conversion.problem(_("some formatting could not be read and was left out"))
        if re.sub(r"<[^>]+>|\s", "", clean):
            self.conversion.blocks.append({"type": "paragraph", "value": clean})

    def add_block(self, block_type, value):
        self.flush()
        self.conversion.blocks.append({"type": block_type, "value": value})

    # Walking ------------------------------------------------------------------------------

    def walk(self, node):
        for child in list(node.children):
            self.node(child)

    def node(self, node):
        if isinstance(node, Comment):
            return
        if isinstance(node, NavigableString):
            self.inline.append(escape(str(node)))
            return
        if not isinstance(node, Tag):
            return
        name = node.name.lower()
        handler = getattr(self, f"tag_{name.replace('-', '_')}", None)
        if handler is not None:
            handler(node)
        elif name in HEADING_LEVELS:
            self.heading(node, HEADING_LEVELS[name])
        elif name in DROPPED:
            self.dropped(node, name)
        elif name in INLINE_KEPT or name in INLINE_UNWRAPPED:
            self.inline_tag(node, name)
        else:
            # Containers (div, section, span-like unknowns): their content counts.
            if name in BLOCK_TAGS:
                self.flush_inline()
            self.walk(node)
            if name in BLOCK_TAGS:
                self.flush_inline()

    def inline_tag(self, node, name):
        if name in FORMATTING_LOST:
            self.conversion.problem(
                _("formatting the article cannot show was removed (<%(tag)s>), its text kept")
                % {"tag": name}
            )
        if name == "br":
            self.inline.append("<br/>")
            return
        if name == "a":
            href = (node.get("href") or "").strip()
            # Links to images of the post (a thumbnail linking to its full size) are images.
            if node.find("img") is not None:
                self.walk(node)
                return
            if href and not href.lower().startswith(("javascript:", "data:", "vbscript:")):
                self.inline.append(f'<a href="{escape(href, quote=True)}">')
                self.walk(node)
                self.inline.append("</a>")
                return
            self.walk(node)
            return
        if name in ("b", "strong", "i", "em"):
            tag = "b" if name in ("b", "strong") else "i"
            self.inline.append(f"<{tag}>")
            self.walk(node)
            self.inline.append(f"</{tag}>")
            return
        self.walk(node)

    def tag_p(self, node):
        self.flush_inline()
        self.walk(node)
        self.flush_inline()

    def list_tag(self, node):
        self.flush_inline()
        items = []
        for child in node.children:
            if isinstance(child, Tag) and child.name.lower() == "li":
                saved, self.inline = self.inline, []
                for grandchild in list(child.children):
                    if isinstance(grandchild, Tag) and grandchild.name.lower() in ("ul", "ol"):
                        self.conversion.problem(_("nested lists were flattened"))
                        self.inline.append(" ")
                        self.inline.append(escape(grandchild.get_text(" ").strip()))
                    else:
                        self.node(grandchild)
                text = "".join(self.inline).strip()
                self.inline = saved
                if text:
                    items.append(f"<li>{text}</li>")
            elif isinstance(child, NavigableString) and str(child).strip():
                items.append(f"<li>{escape(str(child).strip())}</li>")
        if items:
            tag = node.name.lower()
            self.rich.append(f"<{tag}>{''.join(items)}</{tag}>")

    tag_ul = tag_ol = list_tag

    def tag_li(self, node):  # a list item outside a list
        self.flush_inline()
        self.walk(node)
        self.flush_inline()

    def heading(self, node, level):
        text = " ".join(node.get_text(" ").split())
        if node.find("img") is not None:
            self.walk(node)
            return
        if text:
            self.add_block("heading", {"text": text[:255], "level": level})

    def tag_blockquote(self, node):
        cite = node.find("cite")
        attribution = " ".join(cite.get_text(" ").split()) if cite else ""
        if cite:
            cite.extract()
        paragraphs = [
            " ".join(p.get_text(" ").split()) for p in node.find_all("p") if p.get_text(strip=True)
        ]
        text = "\n\n".join(paragraphs) or " ".join(node.get_text(" ").split())
        if text:
            self.add_block("quote", {"quote": text, "attribution": attribution[:255]})

    def tag_pre(self, node):
        self.flush_inline()
        for br in node.find_all("br"):
            br.replace_with("\n")
        lines = node.get_text().strip("\n").split("\n")
        if any(line.strip() for line in lines):
            self.conversion.problem(_("preformatted text (code) was kept as a plain paragraph"))
            self.rich.append("<p>" + "<br/>".join(escape(line) for line in lines) + "</p>")

    def tag_table(self, node):
        self.flush_inline()
        rows = []
        for row in node.find_all("tr"):
            cells = [" ".join(c.get_text(" ").split()) for c in row.find_all(["td", "th"])]
            cells = [cell for cell in cells if cell]
            if cells:
                rows.append(" | ".join(cells))
        if rows:
            self.conversion.problem(
                _("a table (%(rows)d rows) was turned into one paragraph per row")
                % {"rows": len(rows)}
            )
            self.rich.extend(f"<p>{escape(row)}</p>" for row in rows)

    def tag_dl(self, node):
        self.flush_inline()
        for child in node.find_all(["dt", "dd"]):
            text = " ".join(child.get_text(" ").split())
            if text:
                text = escape(text)
                self.rich.append(
                    f"<p><b>{text}</b></p>" if child.name == "dt" else f"<p>{text}</p>"
                )

    def tag_hr(self, node):
        self.flush_inline()
        self.conversion.problem(_("horizontal rules were left out"))

    def tag_img(self, node, caption=""):
        src = node.get("src") or ""
        found = None
        match = re.search(r"\bwp-image-(\d+)\b", " ".join(node.get("class") or []))
        if match:
            found = self.images.by_id(int(match.group(1)))
        if found is None and src:
            found = self.images.by_url(src)
        if found is None:
            self.conversion.problem(
                _("image not available (not in the uploads folder): %(src)s") % {"src": src or "?"}
            )
            alt = (node.get("alt") or "").strip()
            if alt:
                self.inline.append(escape(alt))
            return
        image_id, default_alt = found
        alt = (node.get("alt") or "").strip() or default_alt
        if not alt:
            self.conversion.problem(
                _("an image has no alternative text: it is marked decorative, describe it")
            )
        self.add_block(
            "image",
            {
                "image": {"image": image_id, "alt_text": alt[:255], "decorative": not alt},
                "caption": caption[:255],
            },
        )

    def tag_figure(self, node):
        self.flush_inline()
        classes = " ".join(node.get("class") or [])
        caption_tag = node.find("figcaption")
        caption = " ".join(caption_tag.get_text(" ").split()) if caption_tag else ""
        if "wp-block-embed" in classes or node.find("iframe") is not None:
            wrapper = node.find(class_="wp-block-embed__wrapper")
            iframe = node.find("iframe")
            url = (
                wrapper.get_text().strip() if wrapper else (iframe.get("src", "") if iframe else "")
            )
            self.embed(url)
            return
        if "wp-block-table" in classes or node.find("table") is not None:
            for table in node.find_all("table"):
                self.tag_table(table)
            if caption:
                self.rich.append(f"<p>{escape(caption)}</p>")
            return
        images = node.find_all("img")
        if len(images) == 1:
            self.tag_img(images[0], caption=caption)
            return
        if images:  # a block-editor gallery: an image block each, the caption after them
            for image in images:
                parent_caption = image.find_parent("figure")
                own = parent_caption.find("figcaption") if parent_caption is not node else None
                self.tag_img(image, caption=" ".join(own.get_text(" ").split()) if own else "")
            if caption:
                self.rich.append(f"<p>{escape(caption)}</p>")
            return
        if caption_tag:
            caption_tag.extract()
        self.walk(node)
        if caption:
            self.rich.append(f"<p>{escape(caption)}</p>")

    def embed(self, url):
        provider_url = embed_url(url)
        if provider_url:
            self.add_block("embed", provider_url)
            return
        if url.strip().startswith(("http://", "https://")):
            self.conversion.problem(
                _("an embed this site cannot show was kept as a link: %(url)s") % {"url": url}
            )
            self.flush_inline()
            self.rich.append(
                f'<p><a href="{escape(url.strip(), quote=True)}">{escape(url)}</a></p>'
            )
        else:
            self.conversion.problem(_("an embed without an address was left out"))

    def tag_wp_embed(self, node):
        self.embed(node.get("data-url", ""))

    def tag_iframe(self, node):
        src = node.get("src", "")
        if embed_url(src):
            self.embed(src)
        else:
            self.dropped(node, "iframe")

    def tag_wp_gallery(self, node):
        ids = [int(i) for i in re.findall(r"\d+", node.get("data-ids", ""))]
        if not ids:
            self.conversion.problem(
                _("a gallery of the post's attached images was left out (the export does not "
                  "say which images)")
            )  # fmt: skip
            return
        missing = 0
        for wp_id in ids:
            found = self.images.by_id(wp_id)
            if found is None:
                missing += 1
                continue
            image_id, alt = found
            if not alt:
                self.conversion.problem(
                    _("an image has no alternative text: it is marked decorative, describe it")
                )
            self.add_block(
                "image",
                {
                    "image": {"image": image_id, "alt_text": alt[:255], "decorative": not alt},
                    "caption": "",
                },
            )
        if missing:
            self.conversion.problem(
                _("%(count)d gallery images not available (not in the uploads folder)")
                % {"count": missing}
            )

    def tag_wp_media(self, node):
        src = node.get("data-src", "")
        if embed_url(src):
            self.embed(src)
        else:
            self.conversion.problem(
                _("[%(kind)s] media left out: %(src)s")
                % {"kind": node.get("data-kind", ""), "src": src or "?"}
            )

    def dropped(self, node, name):
        self.conversion.problem(_("<%(tag)s> content was left out") % {"tag": name})


def escape(text, quote=False):
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if quote else text


def convert(html, images=None):
    """The body blocks (raw StreamField data) for a post's HTML, with the problems met."""
    conversion = Conversion()
    if not (html or "").strip():
        return conversion
    text = expand_shortcodes(html, conversion)
    text = autop(text)
    soup = BeautifulSoup(text, "lxml")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    # A bare provider URL on a line of its own is an embed in WordPress (auto-embeds).
    for paragraph in soup.find_all("p"):
        content = paragraph.get_text().strip()
        if (
            len(paragraph.contents) == 1
            and isinstance(paragraph.contents[0], NavigableString)
            and re.fullmatch(r"https?://\S+", content)
            and embed_url(content)
        ):
            paragraph.replace_with(soup.new_tag("wp-embed", attrs={"data-url": content}))
    walker = Walker(images or Images(), conversion)
    walker.walk(soup)
    walker.flush()
    return conversion


def plain_text(html):
    """The text of a piece of HTML (shortcodes and comments removed), whitespace collapsed."""
    text = SHORTCODE.sub(" ", html or "")
    soup = BeautifulSoup(text, "lxml")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(list(DROPPED)):
        tag.decompose()
    return " ".join(soup.get_text(" ").split())
