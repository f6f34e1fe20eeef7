from django.core.management.base import BaseCommand

from cohorts.opendata.services import imports_expire_stale, sources_fetch_due


class Command(BaseCommand):
    help = (
        "Queue a download of every team's open data address that its schedule says is due, and fail "
        "the imports a stopped worker left half read; safe to run every few minutes."
    )

    def handle(self, *args, **options):
        expired = imports_expire_stale()
        queued = sources_fetch_due()
        self.stdout.write(f"{len(queued)} address(es) queued for fetching; {expired} interrupted import(s).")
