"""`manage.py api_token <username> "<what it is for>"`: a staff token for the current
edition, printed once (only its digest is kept). `--revoke <id>` revokes one."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from api.models import ApiToken
from editions.services import current_edition


class Command(BaseCommand):
    help = "Issue a staff API token for the current edition, or revoke one."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?")
        parser.add_argument("label", nargs="?", default="API")
        parser.add_argument("--revoke", type=int, metavar="ID")

    def handle(self, *args, username=None, label="API", revoke=None, **options):
        if revoke:
            if not ApiToken.objects.filter(pk=revoke, revoked_at__isnull=True).update(
                revoked_at=timezone.now()
            ):
                raise CommandError(f"No active token has id {revoke}.")
            self.stdout.write(f"Token {revoke} revoked.")
            return
        user = get_user_model().objects.filter(username=username or "").first()
        if user is None or not user.is_staff:
            raise CommandError("Give the username of a staff member.")
        token, key = ApiToken.objects.issue(user=user, edition=current_edition(), label=label)
        self.stdout.write(f"Token {token.pk} for {user} ({token.edition.slug}): {key}")
