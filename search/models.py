"""The database backend's index: one row per document, one row per (document, principal).

These tables are the database backend's own (not Wagtail search). The full-text
parts are vendor-specific and created by migration ``0002``:

* SQLite: an FTS5 table ``search_terms`` over ``title_terms``/``lead_terms``/``terms``
  (``detail=column``), kept in sync by triggers.
* PostgreSQL: generated ``tsvector`` columns made from the token lists as they are
  (``array_to_tsvector``), a GIN index on ``terms_vector``, and a ``pg_trgm`` index
  on titles for suggestions.

Caution: on SQLite, a migration that remakes ``search_indexeddocument`` (most
``AlterField``s) drops its triggers; re-run ``search.backends.sqlite.SETUP_SQL``
in such a migration.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
    # The year of ``date`` in Norwegian time, stored: the year facet counts it for every
    # match, and converting 10 000 dates per search cost 7 ms on PostgreSQL.
    year = models.SmallIntegerField(null=True)
    # The ``IndexBuild`` that wrote the row (None: written before builds were counted).
    # A finished rebuild removes the rows of earlier builds: what no provider yields now.
    build = models.IntegerField(null=True)
    boost = models.FloatField(default=1.0)
    extra = models.JSONField(default=dict)
    # What matches and ranks: ``search.text.index_tokens`` of title and body (every
    # distinct token once, space-separated), of the title alone, and of the title and
    # the start of the body (a thread's question). The backends index these, never
    # the text itself, so a query means the same on every database.
    terms = models.TextField(default="", editable=False)
    title_terms = models.TextField(default="", editable=False)
    lead_terms = models.TextField(default="", editable=False)
    # The principals as lexemes (``@all @room:12``): on PostgreSQL they join the terms
    # vector, so the GIN index applies access in the same scan as the words (no join,
    # no heap visit for a document the person may not see). ``IndexedPrincipal`` holds
    # the same and serves SQLite and suggestions. Null: written before this existed.
    access_terms = models.TextField(null=True, editable=False)

    class Meta:
        indexes = [
            models.Index(fields=["type", "date"], name="search_doc_type_date_idx"),
            # Every column a search reads per match, so the match set is read from this
            # index alone: on SQLite a row's later columns sit behind its 30 kB body.
            models.Index(
                fields=["id", "type", "topic_id", "room_id", "unit_id", "year", "date", "boost"],
                name="search_doc_match_idx",
            ),
        ]

    def __str__(self):
        return self.key


class IndexedWord(models.Model):
    """The index's vocabulary: word forms as written, and in how many documents.

    "Mente du …?" picks from these (``search.text.spelling``), and only offers a word
    the person's own search then finds, so a closed room's words never show.
    """

    word = models.CharField(max_length=60, unique=True)
    documents = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.word


class LawName(models.Model):
    """A law's abbreviation and other names, beside ``search.text.DEFAULT_LAWS``.

    Editors add laws and names here; "ftrl." and "folketrygdloven" then match each
    other in every search (documents get the new tokens at the next reindex).
    """

    abbreviation = models.CharField(
        _("forkortelse"), max_length=30, unique=True, help_text=_("Uten punktum, f.eks. «ftrl».")
    )
    names = models.TextField(
        _("navn"),
        help_text=_("Ett navn per linje: bokmål, nynorsk og korte former («folketrygdloven»)."),
    )

    class Meta:
        verbose_name = _("lovnavn")
        verbose_name_plural = _("lovnavn")
        ordering = ["abbreviation"]

    def __str__(self):
        return self.abbreviation

    def name_list(self) -> list[str]:
        return [n.strip() for n in self.names.splitlines() if n.strip()]


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


class IndexBuild(models.Model):
    """One run of ``search_reindex`` on the database backend, committed batch by batch.

    ``position`` says how far each source got (the last object primary key committed),
    so ``search_reindex --resume`` continues an interrupted run where it stopped;
    ``vocabulary`` holds the word counts so far, committed with each batch.
    """

    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True)
    position = models.JSONField(default=dict)
    vocabulary = models.JSONField(default=dict)
    written = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"build {self.pk}"
