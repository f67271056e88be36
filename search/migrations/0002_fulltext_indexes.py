"""Full-text parts of the index, per database (superseded by 0004).

This migration first created vendor analysis (FTS5 word and trigram tables on
SQLite; "norwegian" and hunspell tsvectors on PostgreSQL). Migration 0004 drops
whatever of that exists and creates the token index every database shares, so on
a new database there is nothing to do here.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("search", "0001_index_tables")]

    operations = []
