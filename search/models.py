"""The database backend's index: one row per document, one row per (document, principal).

These tables are the database backend's own (not Wagtail search). The full-text
parts are vendor-specific and created by migration ``0002``:

* SQLite: two FTS5 tables over ``title``/``body`` kept in sync by triggers —
  ``search_fts`` (``unicode61 remove_diacritics 0`` words) and ``search_tri``
  (``trigram``, for compounds and substrings).
* PostgreSQL: generated ``tsvector`` columns ``search_vector`` ("norwegian") and
  ``compound_vector`` ("fagrom_compound": the Norwegian hunspell dictionary when
  installed), GIN indexes, and a ``pg_trgm`` index on titles for suggestions.

Caution: on SQLite, a migration that remakes ``search_indexeddocument`` (most
``AlterField``s) drops its triggers; re-run ``search.backends.sqlite.SETUP_SQL``
in such a migration.
"""

from django.db import models


class IndexedDocument(models.Model):
    key = models.CharField(max_length=100, unique=True)
    type = models.CharField(max_length=20)
    title = models.TextField()
    body = models.TextField()
    url = models.CharField(max_length=500)
    date = models.DateTimeField(null=True)
    room_id = models.BigIntegerField(null=True)
    topic_id = models.BigIntegerField(null=True)
    unit_id = models.BigIntegerField(null=True)
    boost = models.FloatField(default=1.0)
    extra = models.JSONField(default=dict)
    # PostgreSQL only: each distinct word of title and body once, in first-seen order.
    # The compound vector is built from it, because the hunspell dictionary that splits
    # compounds costs ~50x the plain configuration per word and threads repeat words.
    compound_text = models.TextField(null=True, editable=False)

    class Meta:
        indexes = [models.Index(fields=["type", "date"], name="search_doc_type_date_idx")]

    def __str__(self):
        return self.key


class IndexedPrincipal(models.Model):
    """Who may see a document. The search joins on this inside the query."""

    document = models.ForeignKey(IndexedDocument, on_delete=models.CASCADE, db_index=False)
    principal = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["principal", "document"], name="search_principal_unique"
            )
        ]
        indexes = [models.Index(fields=["document"], name="search_principal_doc_idx")]

    def __str__(self):
        return f"{self.principal} → {self.document_id}"
