"""Statistics pages: the whole forum (administrators and moderators) and one topic (its readers).

Each view: load what is visible → check → ``forum.statistics`` → render HTML or CSV.
"""

import csv

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _

import access
from fagrom import charts
from fagrom.spreadsheet import csv_row

from .. import statistics
from ..forms_statistics import StatisticsPeriodForm
from .common import visible_topic_or_404


def _period_form(request):
    form = StatisticsPeriodForm(
        request.GET if ("fra" in request.GET or "til" in request.GET) else None,
        default=statistics.Period.last_months(12),
    )
    if not form.is_bound:
        return form, form.default
    return form, (form.cleaned_data["period"] if form.is_valid() else None)


def _csv(report, key, name):
    table = report.table(key)
    if table is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"{slugify(name)}-{key}-{report.period.start}-{report.period.end}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read æøå as UTF-8
    writer = csv.writer(response)
    writer.writerow(csv_row(table.columns))
    for row in table.rows:
        writer.writerow(csv_row(row))  # a name like "=HYPERLINK(...)" stays text
    return response


def _charts(report):
    months = [f"{m:%m.%Y}" for m, *_rest in report.monthly.rows]
    result = [
        charts.column_chart(
            id="chart-monthly",
            title=report.monthly.caption,
            desc=_(
                "Søylediagram: nye tråder og nye innlegg for hver måned i perioden. "
                "Tallene står i tabellen under."
            ),
            labels=months,
            series=[
                (_("Tråder"), [r[1] for r in report.monthly.rows]),
                (_("Innlegg"), [r[2] for r in report.monthly.rows]),
            ],
        )
    ]
    if len(report.topics.rows) > 1:
        result.append(
            charts.bar_chart(
                id="chart-topics",
                title=_("Innlegg per tema"),
                desc=_(
                    "Liggende søyler: antall nye innlegg i hvert tema i perioden. "
                    "Tallene står i tabellen «Aktivitet per tema»."
                ),
                labels=[r[0] for r in report.topics.rows],
                values=[r[3] for r in report.topics.rows],
            )
        )
    if report.contributors.rows:
        result.append(
            charts.bar_chart(
                id="chart-contributors",
                title=report.contributors.caption,
                desc=_(
                    "Liggende søyler: antall svar på andres spørsmål per person. "
                    "Tallene står i tabellen «De mest hjelpsomme»."
                ),
                labels=[r[0] for r in report.contributors.rows],
                values=[r[1] for r in report.contributors.rows],
            )
        )
    return result


def _render(request, *, scope, name, template, extra):
    form, period = _period_form(request)
    if period is None:
        return render(request, template, {"form": form, **extra}, status=400)
    report = statistics.report(scope, period)
    if "csv" in request.GET:
        return _csv(report, request.GET["csv"], name)
    query = f"fra={period.start}&til={period.end}"
    return render(
        request,
        template,
        {"form": form, "report": report, "charts": _charts(report), "query": query, **extra},
    )


@login_required
def forum_statistics(request):
    access.check_see_statistics(request.user)
    return _render(
        request,
        scope=statistics.scope_for(request.user),
        name="forum",
        template="forum/statistics.html",
        extra={},
    )


@login_required
def topic_statistics(request, room_slug, topic_slug):
    topic = visible_topic_or_404(request.user, room_slug, topic_slug)
    return _render(
        request,
        scope=statistics.scope_for(request.user, topic),
        name=topic.slug,
        template="forum/topic_statistics.html",
        extra={"topic": topic, "room": topic.room},
    )
