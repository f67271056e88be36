"""Attachments: checked by content, stored privately, served only to those who may see the post."""

from urllib.parse import quote

import pytest
from django.core.files.storage import storages
from django.urls import reverse

from forum.models import Attachment
from forum.services import AttachmentError, attachment_check, post_reply
from tests.forum.factories import ThreadFactory, add_member
from tests.forum.files import DOCM, DOCX, GIF, HTML, JPEG, ODT, PDF, PLAIN_ZIP, PNG, upload


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("rapport.pdf", PDF, "pdf"),
        ("notat.docx", DOCX, "docx"),
        ("referat.odt", ODT, "odt"),
        ("skjerm.png", PNG, "png"),
        ("bilde.JPG", JPEG, "jpeg"),
        ("anim.gif", GIF, "gif"),
    ],
)
def test_allowed_files_are_recognised_by_their_content(name, content, kind):
    assert attachment_check(upload(name, content)).kind == kind


@pytest.mark.parametrize(
    ("name", "content", "claimed", "expect"),
    [
        ("rapport.pdf", PNG, "application/pdf", "er et PNG-bilde"),  # forged extension
        ("bilde.png", HTML, "image/png", "ikke en tillatt filtype"),  # forged content type
        ("side.html", HTML, "text/html", "ikke en tillatt filtype"),
        ("makro.docx", DOCM, "application/msword", "ikke en tillatt filtype"),  # macros
        ("arkiv.docx", PLAIN_ZIP, "application/zip", "ikke en tillatt filtype"),
        ("notat.pdf", DOCX, "application/pdf", "er et Word-dokument"),
        ("uten-endelse", PDF, "application/pdf", "slutter ikke på .pdf"),
    ],
)
def test_forged_files_are_refused_with_a_clear_message(name, content, claimed, expect):
    with pytest.raises(AttachmentError) as error:
        attachment_check(upload(name, content, claimed))
    assert expect in error.value.message


def test_too_large_file_is_refused(settings):
    settings.ATTACHMENT_MAX_SIZE = 100
    with pytest.raises(AttachmentError, match="for stor"):
        attachment_check(upload("stor.pdf", PDF + b"0" * 200))


def test_reply_with_files_stores_them_privately_under_random_names(client, case_worker, topic):
    thread = ThreadFactory(topic=topic)
    client.force_login(case_worker)
    response = client.post(
        reverse("forum:reply", args=[thread.pk]),
        {"body": "Se vedlagt.", "attachments": [upload("rapport.pdf", PDF), upload("a.png", PNG)]},
    )
    assert response.status_code == 302
    files = list(Attachment.objects.order_by("id"))
    assert [f.original_name for f in files] == ["rapport.pdf", "a.png"]
    for f in files:
        assert "rapport" not in f.stored_name and storages["private"].exists(f.stored_name)
        assert f.uploaded_by == case_worker
    page = client.get(thread.get_absolute_url()).content.decode()
    assert files[0].get_absolute_url() in page


def test_forged_upload_in_reply_form_keeps_the_text_and_explains(client, case_worker, topic):
    thread = ThreadFactory(topic=topic)
    client.force_login(case_worker)
    response = client.post(
        reverse("forum:reply", args=[thread.pk]),
        {"body": "Min lange tekst som ikke må gå tapt.", "attachments": [upload("x.pdf", HTML)]},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Min lange tekst som ikke må gå tapt." in body
    assert "ikke en tillatt filtype" in body and "velges på nytt" in body
    assert thread.posts.count() == 1 and not Attachment.objects.exists()


def test_new_thread_form_takes_attachments(client, case_worker, topic):
    client.force_login(case_worker)
    response = client.post(
        reverse("forum:thread_new", args=[topic.room.slug, topic.slug]),
        {
            "title": "Ny veileder",
            "kind": "discussion",
            "body": "Her er den.",
            "attachments": [upload("veileder.docx", DOCX)],
        },
    )
    assert response.status_code == 302
    assert Attachment.objects.get().post.thread.title == "Ny veileder"


def test_forged_upload_in_new_thread_form_is_refused(client, case_worker, topic):
    client.force_login(case_worker)
    response = client.post(
        reverse("forum:thread_new", args=[topic.room.slug, topic.slug]),
        {
            "title": "Ny veileder",
            "kind": "discussion",
            "body": "Teksten min",
            "attachments": [upload("veileder.docx", PNG, "application/vnd.ms-word")],
        },
    )
    assert response.status_code == 400
    assert "Teksten min" in response.content.decode()
    assert not topic.threads.exists()


def _attach(thread, author, name, content):
    post = post_reply(
        thread=thread, author=author, body="Vedlegg", attachments=[upload(name, content)]
    )
    return post.attachments.get()


def test_download_is_an_attachment_with_safe_headers(client, case_worker, topic):
    thread = ThreadFactory(topic=topic)
    attachment = _attach(thread, case_worker, 'Søknad "endelig"\r\nX-Evil: 1.pdf', PDF)
    client.force_login(case_worker)
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''")
    assert "\r" not in disposition and "\n" not in disposition
    assert quote(attachment.original_name) in disposition


def test_non_member_gets_404_for_closed_room_attachment(
    client, case_worker, colleague, closed_topic
):
    add_member(closed_topic.room, "member", user=case_worker)
    thread = ThreadFactory(topic=closed_topic, author=case_worker)
    attachment = _attach(thread, case_worker, "hemmelig.pdf", PDF)
    client.force_login(colleague)
    assert client.get(attachment.get_absolute_url()).status_code == 404
    client.force_login(case_worker)
    assert client.get(attachment.get_absolute_url()).status_code == 200


def test_anonymous_is_sent_to_login_for_attachments(client, case_worker, topic):
    attachment = _attach(ThreadFactory(topic=topic), case_worker, "a.pdf", PDF)
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_private_files_are_not_under_media_url(settings):
    assert settings.STORAGES["private"]["OPTIONS"]["base_url"] is None
    assert not str(settings.STORAGES["private"]["OPTIONS"]["location"]).startswith(
        str(settings.MEDIA_ROOT)
    )
