"""Set up self-service editing for one partner organisation (see partners/access.py)."""

from django.core.management.base import BaseCommand, CommandError

from partners.access import PartnerAccessError, find_partner, grant_partner_access


class Command(BaseCommand):
    help = (
        "Create or update a partner's editor group: add and edit permission on its partner "
        "page (and sub-pages) in every language, its own collection for images and documents, "
        "the moderators' approval workflow, and optionally a user invited into the group. "
        "Idempotent; on bad input nothing is changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("partner", help="The partner page's id or slug.")
        parser.add_argument("--email", help="Invite this user (created if needed).")
        parser.add_argument("--username", help="The invited user's username.")
        parser.add_argument(
            "--no-moderation",
            action="store_true",
            help="Let the partner publish without a moderator's approval.",
        )

    def handle(self, *args, partner, email=None, username=None, no_moderation=False, **options):
        try:
            page = find_partner(partner)
            result = grant_partner_access(
                page, email=email, username=username, moderated=not no_moderation
            )
        except PartnerAccessError as error:
            raise CommandError(str(error)) from error
        access = result.access
        mode = "changes moderated" if access.moderated else "publishes without moderation"
        self.stdout.write(
            f"Partner “{page.organisation_name}”: group “{access.group.name}”, "
            f"collection “{access.collection.name}”, {mode}."
        )
        if result.created:
            self.stdout.write("Created: " + ", ".join(result.created))
        else:
            self.stdout.write("Nothing new: everything was already set up.")
        if result.user is not None:
            if result.user_created:
                self.stdout.write(
                    f"Invited {result.user.get_username()} <{result.user.email}>; "
                    f"password link (also e-mailed): {result.reset_url}"
                )
            else:
                self.stdout.write(f"{result.user.get_username()} is in the group.")
