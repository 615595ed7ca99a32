from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from planwatch.demo.services import DEMO_PASSWORD, demo_load, demo_logins


class Command(BaseCommand):
    help = (
        "Load the demo dataset built from the OPCC's Board and Panel reports, and the demo "
        "users. Safe to run again: only what is missing is added."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Load even though DEBUG is off. The demo users have a published password: "
            "never use this on a live system.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_without_debug"]:
            raise CommandError(
                "The demo dataset adds users with a published password, so it only loads in "
                "development (DEBUG=true). Use --allow-without-debug for a throwaway copy.",
                returncode=2,
            )
        demo_load(stdout=self.stdout)
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password: {DEMO_PASSWORD})")
        for username, label in demo_logins():
            self.stdout.write(f"  {username:<8} {label}")
        self.stdout.write("Open http://127.0.0.1:8000")
