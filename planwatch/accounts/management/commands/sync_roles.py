from django.core.management.base import BaseCommand

from planwatch.accounts.services import roles_sync


class Command(BaseCommand):
    help = "Create or update the groups for PlanWatch's roles (defined in code) and their members."

    def handle(self, *args, **options):
        changes = roles_sync()
        for line in changes:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Roles are in sync."))
