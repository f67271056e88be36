from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from fagrom.forms import FagromForm

from .documents import SORTS, TYPES, SearchFilters, SearchQuery

MAX_PAGE = 500


class SearchForm(FagromForm):
    """The search page's query and filters, all from GET so results can be linked."""

    q = forms.CharField(label=_("Søk etter"), required=False, max_length=500)
    type = forms.MultipleChoiceField(
        label=_("Type"), required=False, choices=[(t, t) for t in TYPES]
    )
    topic = forms.TypedMultipleChoiceField(label=_("Tema"), required=False, coerce=int)
    room = forms.TypedMultipleChoiceField(label=_("Rom"), required=False, coerce=int)
    unit = forms.TypedMultipleChoiceField(label=_("Enhet"), required=False, coerce=int)
    date_from = forms.DateField(
        label=_("Fra dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Til dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(
        label=_("Sorter"),
        required=False,
        choices=[
            ("relevance", _("Mest relevant")),
            ("newest", _("Nyeste først")),
            ("oldest", _("Eldste først")),
        ],
    )
    page = forms.IntegerField(label=_("Side"), required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Ids are only filters: a made-up id simply finds nothing, so any integer is valid.
        for name in ("topic", "room", "unit"):
            self.fields[name].valid_value = lambda value: str(value).isdigit()

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error(
                "date_to", pgettext_lazy("search", "Til-datoen kan ikke være før fra-datoen.")
            )
        return data

    def to_query(self, per_page: int = 20) -> SearchQuery:
        data = self.cleaned_data
        return SearchQuery(
            text=data.get("q") or "",
            filters=SearchFilters(
                types=tuple(data.get("type") or ()),
                topic_ids=tuple(data.get("topic") or ()),
                room_ids=tuple(data.get("room") or ()),
                unit_ids=tuple(data.get("unit") or ()),
                date_from=data.get("date_from"),
                date_to=data.get("date_to"),
            ),
            page=data.get("page") or 1,
            per_page=per_page,
            sort=data.get("sort") if data.get("sort") in SORTS else "relevance",
        )
