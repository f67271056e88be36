"""The forum: rooms hold topics, topics hold threads, threads hold posts."""

from django.conf import settings
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from fagrom.reverse import reverse_id


class Room(models.Model):
    """A space with an access policy. The open "Erfaringsforum" is one room.

    Open rooms are visible to every employee. Closed rooms are visible only to
    those granted ``view_room`` through django-guardian, directly or through an
    org-unit group; ``access`` is the only module that reads the grants.
    """

    class Kind(models.TextChoices):
        OPEN = "open", _("Åpent")
        CLOSED = "closed", _("Lukket")

    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("kortnavn i adressen"), max_length=100, unique=True)
    kind = models.CharField(_("tilgang"), max_length=10, choices=Kind.choices, default=Kind.OPEN)
    description = models.TextField(_("beskrivelse"), blank=True)
    position = models.PositiveIntegerField(_("rekkefølge"), default=0)
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)

    class Meta:
        verbose_name = _("rom")
        verbose_name_plural = _("rom")
        ordering = ["position", "name"]
        permissions = [
            ("post_in_room", _("Kan skrive i rommet")),
            ("moderate_room", _("Kan moderere i rommet")),
            ("manage_room", _("Kan administrere rommets medlemmer")),
        ]

    def __str__(self):
        return self.name

    @property
    def is_open(self):
        return self.kind == self.Kind.OPEN

    def get_absolute_url(self):
        return reverse("forum:room", kwargs={"room_slug": self.slug})


class RoomUserObjectPermission(UserObjectPermissionBase):
    """Direct foreign-key permission table (guardian's fast path, no generic FK)."""

    content_object = models.ForeignKey(Room, on_delete=models.CASCADE)


class RoomGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Room, on_delete=models.CASCADE)


class Topic(models.Model):
    """A subject area inside a room (tema), quality-assured by its moderators."""

    room = models.ForeignKey(
        Room, verbose_name=_("rom"), on_delete=models.PROTECT, related_name="topics"
    )
    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("kortnavn i adressen"), max_length=100)
    description = models.TextField(_("beskrivelse"), blank=True)
    moderators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderatorer"),
        related_name="moderated_topics",
        blank=True,
    )
    position = models.PositiveIntegerField(_("rekkefølge"), default=0)
    # Guidance (issue 4): who answers for the topic, and how fast questions should be answered.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eier"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_topics",
        help_text=_(
            "Varsles når et spørsmål står ubesvart lenge etter at moderatorene er minnet på det."
        ),
    )
    response_target_days = models.PositiveSmallIntegerField(
        _("svarfrist (virkedager)"),
        default=2,
        help_text=_("Moderatorene minnes på spørsmål som står ubesvart lenger enn dette."),
    )
    thread_count = models.PositiveIntegerField(default=0, editable=False)
    post_count = models.PositiveIntegerField(default=0, editable=False)
    last_post_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")
        ordering = ["room", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["room", "slug"], name="topic_unique_slug_per_room")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forum:topic", kwargs={"room_slug": self.room.slug, "topic_slug": self.slug})


class ThreadQuerySet(models.QuerySet):
    def listing_order(self):
        return self.order_by("-is_pinned", F("last_post_at").desc(nulls_last=True), "-id")

    def questions(self):
        return self.filter(kind=Thread.Kind.QUESTION)


class QuestionStatus(models.TextChoices):
    OPEN = "open", _("Åpent")
    ANSWERED = "answered", _("Besvart")
    VERIFIED = "verified", _("Kvalitetssikret")
    CLOSED = "closed", _("Lukket")


class IdeaStatus(models.TextChoices):
    NEW = "new", _("Nytt")
    ASSESSING = "assessing", _("Til vurdering")
    ACCEPTED = "accepted", _("Vedtatt")
    REALISED = "realised", _("Gjennomført")
    REJECTED = "rejected", _("Avslått")


class Thread(models.Model):
    """A discussion (tråd). Kind "question" is a regulation question (veiledning)."""

    class Kind(models.TextChoices):
        DISCUSSION = "discussion", _("Diskusjon")
        QUESTION = "question", _("Spørsmål")
        IDEA = "idea", _("Forslag")

    Status = QuestionStatus
    IdeaStatus = IdeaStatus

    topic = models.ForeignKey(
        Topic, verbose_name=_("tema"), on_delete=models.PROTECT, related_name="threads"
    )
    title = models.CharField(_("tittel"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.DISCUSSION)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("forfatter"),
        on_delete=models.PROTECT,
        related_name="threads",
    )
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now, db_index=True)
    last_post_at = models.DateTimeField(_("siste innlegg"), default=timezone.now)
    last_post_author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    post_count = models.PositiveIntegerField(_("antall innlegg"), default=0)
    is_pinned = models.BooleanField(_("festet"), default=False)
    is_locked = models.BooleanField(_("låst"), default=False)
    # Guidance (issue 4): questions have a status and may have an accepted answer.
    status = models.CharField(
        _("status"), max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.OPEN
    )
    accepted_answer = models.ForeignKey(
        "Post",
        verbose_name=_("godtatt svar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Suggestion box (issue 4): ideas have a status and a vote count.
    idea_status = models.CharField(
        _("forslagsstatus"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.NEW
    )
    idea_status_reason = models.TextField(_("begrunnelse for status"), blank=True)
    vote_count = models.PositiveIntegerField(_("stemmer"), default=0)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        verbose_name = _("tråd")
        verbose_name_plural = _("tråder")
        indexes = [
            models.Index(
                fields=["topic", "-is_pinned", "-last_post_at"], name="thread_listing_idx"
            ),
            # The front page's feed and "what you follow": newest activity first.
            models.Index(fields=["-last_post_at", "-id"], name="thread_recent_idx"),
            # Moderators' queues and menu count: open questions, oldest first (a partial
            # index stays small, as most questions get answered). ``id`` follows
            # ``created_at`` as in the queues' order, so "the oldest 100" reads 100 rows
            # of the index instead of sorting every open question.
            models.Index(
                fields=["created_at", "id", "topic"],
                condition=models.Q(kind="question", status="open"),
                name="thread_open_question_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse_id("forum:thread", self.pk)  # reverse(), without resolving per thread


class AuthorRecord(models.TextChoices):
    """Where a post's author snapshot came from."""

    POSTING = "posting", _("Ved publisering")
    HISTORY = "history", _("Fra identitetsloggen")
    CURRENT = "current", _("Dagens verdi (eldre innlegg)")


class Post(models.Model):
    """A message (innlegg). Markdown source is kept beside its sanitised HTML.

    ``author_name``, ``author_workplace`` and ``author_title`` are the author as they
    were when they posted (the real-name rule: a move must not rewrite history); the
    posting service sets them. ``author_recorded`` says where they came from: posts
    from before the snapshot existed got the best value there was.

    ``body_html`` is derived: ``forum.markup.render`` produces it, and
    ``markup_version`` says which rules did, so ``manage.py rerender_posts``
    can refresh posts when the allow-list changes.
    """

    thread = models.ForeignKey(
        Thread, verbose_name=_("tråd"), on_delete=models.CASCADE, related_name="posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("forfatter"),
        on_delete=models.PROTECT,
        related_name="posts",
    )
    author_name = models.CharField(_("forfatterens navn"), max_length=200, blank=True)
    author_workplace = models.CharField(_("forfatterens arbeidssted"), max_length=200, blank=True)
    author_title = models.CharField(_("forfatterens stilling"), max_length=200, blank=True)
    author_recorded = models.CharField(
        max_length=10, choices=AuthorRecord.choices, default=AuthorRecord.POSTING, editable=False
    )
    position = models.PositiveIntegerField(_("nummer i tråden"))
    body = models.TextField(_("tekst"))
    body_html = models.TextField(editable=False)
    markup_version = models.PositiveSmallIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("skrevet"), default=timezone.now)
    edited_at = models.DateTimeField(_("endret"), null=True, blank=True)
    revision_count = models.PositiveIntegerField(default=0, editable=False)
    # Moderation (issue 4): hiding never deletes; the text stays for moderators.
    is_hidden = models.BooleanField(_("skjult"), default=False)
    hidden_reason = models.TextField(_("begrunnelse for fjerning"), blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    hidden_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kvalitetssikret av"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("kvalitetssikret"), null=True, blank=True)
    useful_count = models.PositiveIntegerField(_("nyttig"), default=0, editable=False)

    class Meta:
        verbose_name = _("innlegg")
        verbose_name_plural = _("innlegg")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["thread", "position"], name="post_unique_position"),
        ]
        indexes = [models.Index(fields=["author", "-created_at"], name="post_author_recent_idx")]

    def __str__(self):
        return f"{self.thread} #{self.position}"

    @property
    def is_first(self):
        return self.position == 1

    @property
    def author_as_written(self) -> tuple[str, str, str]:
        """(name, workplace, title) as at posting; the current ones for a row without them."""
        if self.author_name:
            return self.author_name, self.author_workplace, self.author_title
        author = self.author
        return author.get_full_name(), author.workplace, author.title

    def get_absolute_url(self):
        """The post on the page of its thread where it appears."""
        page = (self.position - 1) // settings.POSTS_PER_PAGE + 1
        url = reverse_id("forum:thread", self.thread_id)
        return (
            f"{url}?page={page}#post-{self.position}" if page > 1 else f"{url}#post-{self.position}"
        )


class PostRevision(models.Model):
    """An earlier text of a post. Every edit stores the text it replaced."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # The editor as they were when they made the edit (see ``Post.author_name``).
    author_name = models.CharField(max_length=200, blank=True)
    author_workplace = models.CharField(max_length=200, blank=True)
    author_title = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    was_written_at = models.DateTimeField(help_text="When the replaced text was written.")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("tidligere versjon")
        verbose_name_plural = _("tidligere versjoner")
