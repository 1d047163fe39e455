"""`manage.py check_programme`: list the programme's conflicts, fail if there are any.

Meant for staff before publishing and for CI on the demo data: the exit code
is 0 when the programme is clean, 1 otherwise.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from editions.models import Edition
from programme.checks import find_problems


class Command(BaseCommand):
    # Translated when asked for, not at import: argparse wants plain strings.
    @property
    def help(self):
        return _("Find speakers and spaces booked twice, and misplaced sessions.")

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--edition", metavar="SLUG", help=_("Check only this edition."))
        which.add_argument(
            "--current", action="store_true", help=_("Check only the current edition.")
        )

    def handle(self, *args, edition=None, current=False, **options):
        problem_count = sum(self.report(each) for each in self.editions_to_check(edition, current))
        if problem_count:
            raise CommandError(
                ngettext(
                    "%(count)d problem in the programme.",
                    "%(count)d problems in the programme.",
                    problem_count,
                )
                % {"count": problem_count}
            )
        self.stdout.write(self.style.SUCCESS(_("No problems in the programme.")))

    def editions_to_check(self, slug, current):
        if slug:
            try:
                return [Edition.objects.get(slug=slug)]
            except Edition.DoesNotExist:
                message = _("No edition with the short name “%s”.") % slug
                raise CommandError(message) from None
        if current:
            return list(Edition.objects.filter(is_current=True))
        return list(Edition.objects.published())

    def report(self, edition) -> int:
        problems = find_problems(edition)
        self.stdout.write(f"{edition} ({edition.slug})")
        for problem in problems:
            self.stdout.write(f"  [{problem.code}] {problem.message}")
        return len(problems)
