"""Downloads for records officers: a disposal list as CSV or XLSX."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

import access
from fagrom.spreadsheet import XLSX_CONTENT_TYPE

from .. import services
from ..models import DisposalList


@login_required
def disposal_export(request, list_id, fmt):
    access.check_keep_records(request.user)
    disposal_list = get_object_or_404(DisposalList, pk=list_id)
    name = f"kassasjonsliste-{disposal_list.pk}.{fmt}"
    if fmt == "xlsx":
        body = services.disposal_list_xlsx(disposal_list=disposal_list, by=request.user)
        response = HttpResponse(body, content_type=XLSX_CONTENT_TYPE)
    elif fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")  # so spreadsheet programs read æøå as UTF-8
        services.disposal_list_csv(disposal_list=disposal_list, by=request.user, out=response)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
