from importlib import import_module

from django.apps import apps
from django.core.management import BaseCommand, call_command
from django.db import transaction

from home.demo.site import DemoSite


def demo_modules():
    """Every installed app's `demo` module, in the order of their ORDER numbers."""
    modules = []
    for config in apps.get_app_configs():
        try:
            modules.append(import_module(f"{config.name}.demo"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
    return sorted(modules, key=lambda module: module.ORDER)


class Command(BaseCommand):
    help = (
        "Build the demo site from the Cluster4Smart article in every language. Safe to run "
        "again: it adds what is missing and leaves existing content alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-index", action="store_true", help="Do not rebuild the search index."
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            demo = DemoSite(self.stdout)
            for module in demo_modules():
                self.stdout.write(self.style.MIGRATE_HEADING(f"Demo content: {module.__name__}"))
                module.seed(demo)
        if not options["skip_index"]:
            self.stdout.write(self.style.MIGRATE_HEADING("Search and references indexes"))
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Demo site ready: {demo.created} objects created."))
        self.stdout.write("Logins (demo passwords, for local use only):")
        for role, username, password in demo.logins:
            self.stdout.write(f"  {role:<18} {username} / {password}")
