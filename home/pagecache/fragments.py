"""Keys for Django's fragment cache (`{% cache %}`): parts of a page that stay the same until
content visitors can see changes (the layout's menu and footer, an article's related
articles and neighbours) are rendered once per content generation and reused.

    {% load portal_tags %}{% fragment_version as version %}
    {% cache version.timeout "site-footer" version.key LANGUAGE_CODE %}...{% endcache %}

`version.key` holds the content generation (home.pagecache.cache) and the host, so a change
anywhere, on any server, makes every fragment of the old generation unreachable; they expire
after five minutes, as the layout kept in each process does. When the generation cannot be
read the key is new each time and the timeout 0: nothing is reused or stored. A preview is
never cached (it may show unsaved relations)."""

import secrets
from dataclasses import dataclass

from django.conf import settings

from home.pagecache.cache import GENERATION_MEMO, IN_PROCESS_TIMEOUT, current_generation
from home.pages.request_memo import memo


@dataclass(frozen=True)
class FragmentVersion:
    key: str
    timeout: int


def fragment_version(request):
    generation = memo(request, GENERATION_MEMO, current_generation) if request else None
    if generation is None or getattr(request, "is_preview", False):
        return FragmentVersion(key=f"uncached-{secrets.token_hex(8)}", timeout=0)
    return FragmentVersion(
        key=f"{generation}|{request.get_host()}",
        # As long as the layout kept in each process: what shows the time (upcoming events)
        # or changed behind the application's back (no signal) ages no further.
        timeout=min(IN_PROCESS_TIMEOUT, getattr(settings, "PORTAL_PAGE_CACHE_TIMEOUT", 600)),
    )
