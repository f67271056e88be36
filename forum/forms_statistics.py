"""The period picker on the statistics pages."""

import datetime

from django import forms
from django.utils.translation import pgettext_lazy

from fagrom.forms import FagromForm

from .statistics import Period

MAX_DAYS = 366 * 5


class StatisticsPeriodForm(FagromForm):
    fra = forms.DateField(
        label=pgettext_lazy("statistics", "Fra og med"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": pgettext_lazy("statistics", "Skriv datoen som ÅÅÅÅ-MM-DD.")},
    )
    til = forms.DateField(
        label=pgettext_lazy("statistics", "Til og med"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": pgettext_lazy("statistics", "Skriv datoen som ÅÅÅÅ-MM-DD.")},
    )

    def __init__(self, data=None, *, default: Period):
        self.default = default
        super().__init__(data, initial={"fra": default.start, "til": default.end})

    def clean(self):
        cleaned = super().clean()
        start = cleaned.get("fra") or self.default.start
        end = cleaned.get("til") or self.default.end
        if "fra" in self.errors or "til" in self.errors:
            return cleaned
        if start > end:
            raise forms.ValidationError(
                pgettext_lazy("statistics", "«Fra og med» må være før eller lik «til og med».")
            )
        if (end - start) > datetime.timedelta(days=MAX_DAYS):
            raise forms.ValidationError(
                pgettext_lazy("statistics", "Velg en periode på høyst fem år.")
            )
        cleaned["period"] = Period(start, end)
        return cleaned
