"""People may read Fagrom in English, but what is stored stays in the site's language: an
English-speaking moderator does not send Norwegian colleagues English text. Notifications
are shown in each reader's language (tests/forum/test_notifications.py)."""

from django.core import mail
from django.urls import reverse
from django.utils import translation

from forum.models import Notification
from forum.services import listening
from forum.services.moderation import post_verify


def test_english_moderator_reads_english_but_notifies_in_the_site_language(
    client, moderator, answer
):
    moderator.language = "en"
    moderator.save(update_fields=["language"])
    client.force_login(moderator)

    response = client.post(reverse("forum:post_verify", args=[answer.pk]), follow=True)

    assert "The answer has been marked as verified." in response.content.decode()
    notification = Notification.objects.get(user=answer.author, kind="verified")
    norwegian = "Ola Hansen kvalitetssikret svaret ditt i «Karensdager ved permittering»"
    assert notification.text == norwegian
    with translation.override(answer.author.language):
        assert notification.display_text == norwegian


def test_notification_e_mail_is_written_in_the_recipients_language(
    moderator, answer, django_capture_on_commit_callbacks
):
    author = answer.author
    author.language = "en"
    author.email = "jonas@example.no"
    author.save(update_fields=["language", "email"])
    listening.listening_settings_update(user=author, email="immediate")

    with django_capture_on_commit_callbacks(execute=True):
        post_verify(post=answer, by=moderator)

    (message,) = mail.outbox
    assert message.to == ["jonas@example.no"]
    assert "you chose to be notified at once" in message.body
    assert "du har valgt varsel med en gang" not in message.body
