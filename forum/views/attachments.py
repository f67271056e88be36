"""Attachment downloads: the only way a stored file leaves the server."""

from django.contrib.auth.decorators import login_required
from django.core.files.storage import storages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

import access


@login_required
@require_GET
def attachment_download(request, attachment_id):
    attachment = get_object_or_404(
        access.attachments_visible_to(request.user).select_related("post__thread__topic"),
        pk=attachment_id,
    )
    access.check_view(request.user, attachment)
    access.check_see_post_content(request.user, attachment.post)
    try:
        handle = storages["private"].open(attachment.stored_name, "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    # Always a download, never rendered in the browser: a file is not a page.
    # FileResponse writes Content-Disposition per RFC 6266 (filename*=UTF-8''… for
    # non-ASCII, quotes and backslashes escaped); the name was cleaned at upload.
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    response["Content-Length"] = str(attachment.size)
    return response
