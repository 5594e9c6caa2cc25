"""The per-request memo: what a request computes once and reads in several places (the layout
asks for the same things in its head, header and footer), and what the code that served the
page already knows (the route primes the active language's home and locale).

RequestMemoMiddleware makes the memo of the request being served reachable from code that has
no request at hand (querysets' public(), see home.pages.visibility)."""

from contextvars import ContextVar

# The memo of the request being served, for code that has no request at hand; set by
# RequestMemoMiddleware for the duration of each request.
_current_memo = ContextVar("portal_request_memo", default=None)


def memo(request, key, compute):
    """compute() once per request (the layout asks for the same things in several places)."""
    cache = request.__dict__.setdefault("portal_memo", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def prime(request, key, value):
    request.__dict__.setdefault("portal_memo", {}).setdefault(key, value)


def current_memo():
    """The memo (a dict) of the request being served, or None outside a request."""
    return _current_memo.get()


class RequestMemoMiddleware:
    """Makes the request's memo reachable from `current_memo()` while the request is handled
    (its template rendered too), so that every public() of the request shares one reading of
    the view restrictions, usually none (see home.pages.routing)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_memo.set(request.__dict__.setdefault("portal_memo", {}))
        try:
            return self.get_response(request)
        finally:
            _current_memo.reset(token)
