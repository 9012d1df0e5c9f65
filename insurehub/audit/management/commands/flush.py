"""Django's `flush`, which on PostgreSQL first sets session_replication_role = replica for its
transaction, so the audit log's triggers (which refuse TRUNCATE) let it empty the database.

Only a superuser may set that role: for any other database user the flush is refused and the
audit log stays. The test suite's teardown of transactional tests runs this command.
"""

from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections, transaction


class Command(FlushCommand):
    def handle(self, **options):
        connection = connections[options["database"]]
        if connection.vendor != "postgresql":
            return super().handle(**options)
        with transaction.atomic(using=connection.alias):
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL session_replication_role = replica")
            return super().handle(**options)
