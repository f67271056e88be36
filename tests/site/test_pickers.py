"""Unit and page pickers show the tree (indented) and are marked for the filter box; checkboxes
never get the text-input class."""

from forum.forms_moderation import EscalationForm
from handbook.forms import HearingForm
from people.models import OrgUnit


def test_unit_picker_is_indented_by_the_tree_and_filterable(agency, department):
    form = EscalationForm()
    field = form.fields["to_unit"]
    labels = {unit.pk: field.label_from_instance(unit) for unit in OrgUnit.objects.all()}
    assert labels[agency.pk] == agency.name
    assert labels[department.pk] == "\u2003" + department.name
    assert 'data-filter="1"' in str(form["to_unit"])


def test_checkboxes_are_toggles_not_text_inputs(agency, department):
    import datetime

    form = HearingForm(units=OrgUnit.objects.order_by("path"), today=datetime.date(2026, 12, 3))
    html = str(form["units"])
    assert 'type="checkbox"' in html
    assert 'class="ds-input"' not in html and 'class="toggle"' in html
    assert "\u2003" + department.name in html
