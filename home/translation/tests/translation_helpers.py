"""Helpers shared by the translation workflow tests: a page with a pending (untranslated)
French or Spanish translation, an admin user, and a fake translation service on 127.0.0.1."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from wagtail_localize.models import Translation, TranslationSource

from home.pages.factories import StandardPageFactory


def make_admin(username="translator"):
    return get_user_model().objects.create_superuser(
        username=username, email=f"{username}@example.org", password="pw"
    )


def make_about(parent, **fields):
    fields.setdefault("title", "About the project")
    fields.setdefault("slug", "about")
    fields.setdefault("intro", "The project has received funding from the European Union.")
    page = StandardPageFactory(parent=parent, **fields)
    page.body = [("paragraph", "<p>Cluster managers learn about <b>Industry 4.0</b>.</p>")]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def pending_translation(page, locale):
    """A translation of page into locale, submitted but with nothing translated yet (the
    translated page exists as a draft holding the source text)."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    translation.save_target(publish=False)
    return translation


def messages_of(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


class FakeService:
    """A local HTTP server answering POSTs with a status and JSON body decided by `answer`, a
    function of (path, headers, body) returning (status, payload). Records every request."""

    def __init__(self, answer):
        self.answer = answer
        self.requests = []
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length).decode()
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    data = json.loads(body)
                else:
                    data = parse_qs(body)
                service.requests.append({"path": self.path, "headers": self.headers, "data": data})
                status, payload = service.answer(self.path, self.headers, data)
                encoded = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(encoded)))
                self.end_headers()
                self.wfile.write(encoded)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def closed_port_url():
    """The URL of a port on 127.0.0.1 where nothing listens (a translation service that is down)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = server.server_address[1]
    server.server_close()
    return f"http://127.0.0.1:{port}"
