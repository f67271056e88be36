"""``manage.py sync_directory``: org units and people from the HR/directory export."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from guardian.shortcuts import assign_perm

from forum.models import Room
from people.models import OrgUnit, User
from tests.forum.factories import PostFactory, RoomFactory, ThreadFactory, TopicFactory
from tests.people.factories import UserFactory

UNITS_CSV = """code;name;parent_code;kind
NAV;NAV;;agency
NAV-SANDNES;NAV Sandnes;NAV;department
NAV-SANDNES-OPPF;Oppfølging;NAV-SANDNES;section
NAV-BERGEN;NAV Bergen;NAV;
"""

PEOPLE_CSV = """username,full_name,email,unit_code,title,active
kari,Kari Nordmann,kari@nav.no,NAV-SANDNES,Rådgiver,true
ola,Ola Hansen,ola@nav.no,NAV-SANDNES-OPPF,Fagansvarlig,ja
liv,Liv Berg,liv@nav.no,NAV-BERGEN,Saksbehandler,
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def sync(*files, **options):
    out = StringIO()
    call_command("sync_directory", *files, stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


@pytest.fixture
def export(tmp_path, db):
    return write(tmp_path, "units.csv", UNITS_CSV), write(tmp_path, "people.csv", PEOPLE_CSV)


def test_first_sync_creates_units_and_people(export):
    output = sync(*export)
    assert "Units: 4 created, 0 updated, 0 moved." in output
    assert "People: 3 created, 0 updated, 0 moved, 0 deactivated" in output
    section = OrgUnit.objects.get(code="NAV-SANDNES-OPPF")
    assert section.get_parent().code == "NAV-SANDNES"
    assert section.kind == OrgUnit.Kind.SECTION
    assert OrgUnit.objects.get(code="NAV-BERGEN").kind == OrgUnit.Kind.DEPARTMENT  # inferred
    ola = User.objects.get(username="ola")
    assert (ola.full_name, ola.email, ola.title) == ("Ola Hansen", "ola@nav.no", "Fagansvarlig")
    assert ola.directory_managed and ola.is_active and ola.has_real_name
    assert set(ola.groups.values_list("name", flat=True)) == {
        "unit:NAV",
        "unit:NAV-SANDNES",
        "unit:NAV-SANDNES-OPPF",
        "unit-direct:NAV-SANDNES-OPPF",
    }


def test_running_the_same_export_twice_changes_nothing(export):
    sync(*export)
    output = sync(*export)
    assert "Units: 0 created, 0 updated, 0 moved." in output
    assert (
        "People: 0 created, 0 updated, 0 moved, 0 deactivated, 0 reactivated, 3 unchanged."
        in output
    )


def test_a_moved_person_takes_their_room_access_along(export, tmp_path, client):
    sync(*export)
    room = RoomFactory(name="Sandnes intern", slug="sandnes-intern", kind=Room.Kind.CLOSED)
    assign_perm("view_room", OrgUnit.objects.get(code="NAV-SANDNES").group, room)
    thread = ThreadFactory(topic=TopicFactory(room=room))
    liv = User.objects.get(username="liv")
    client.force_login(liv)
    assert client.get(thread.get_absolute_url()).status_code == 404

    moved = PEOPLE_CSV.replace("liv@nav.no,NAV-BERGEN", "liv@nav.no,NAV-SANDNES-OPPF")
    output = sync(export[0], write(tmp_path, "people2.csv", moved))
    assert "0 created, 0 updated, 1 moved" in output
    liv.refresh_from_db()
    assert liv.org_unit.code == "NAV-SANDNES-OPPF"
    assert client.get(thread.get_absolute_url()).status_code == 200


def test_people_who_left_are_deactivated_and_keep_their_name_on_posts(export, tmp_path, client):
    sync(*export)
    ola = User.objects.get(username="ola")
    thread = ThreadFactory(topic=TopicFactory(room=RoomFactory()), title="Om karensdager")
    PostFactory(thread=thread, author=ola, body="Slik tolker vi regelen.")

    left = "\n".join(line for line in PEOPLE_CSV.splitlines() if not line.startswith("ola,"))
    output = sync(export[0], write(tmp_path, "people2.csv", left + "\n"))
    assert "1 deactivated" in output
    ola.refresh_from_db()
    assert not ola.is_active
    assert ola.full_name == "Ola Hansen"
    assert User.objects.filter(username="ola").exists()

    client.force_login(User.objects.get(username="kari"))
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Ola Hansen" in page


def test_active_false_deactivates_and_coming_back_reactivates(export, tmp_path):
    sync(*export)
    gone = PEOPLE_CSV.replace("Saksbehandler,\n", "Saksbehandler,nei\n")
    assert "1 deactivated" in sync(export[0], write(tmp_path, "p2.csv", gone))
    assert not User.objects.get(username="liv").is_active
    assert "1 reactivated" in sync(*export)
    assert User.objects.get(username="liv").is_active


def test_local_accounts_outside_the_directory_are_left_alone(export, agency):
    admin = UserFactory(username="admin", full_name="Anne Admin", unit=agency)
    sync(*export)
    admin.refresh_from_db()
    assert admin.is_active and not admin.directory_managed


def test_a_units_only_export_deactivates_nobody(export):
    sync(*export)
    output = sync(export[0])
    assert "0 deactivated" in output
    assert User.objects.filter(is_active=True).count() == 3


def test_changed_names_and_titles_are_updated(export, tmp_path):
    sync(*export)
    renamed = PEOPLE_CSV.replace("Kari Nordmann,", "Kari Nordmann Vik,").replace(
        "Rådgiver", "Seniorrådgiver"
    )
    units = UNITS_CSV.replace("NAV Bergen", "NAV Bergenhus")
    output = sync(write(tmp_path, "u2.csv", units), write(tmp_path, "p2.csv", renamed))
    assert "Units: 0 created, 1 updated, 0 moved." in output
    assert "People: 0 created, 1 updated" in output
    kari = User.objects.get(username="kari")
    assert (kari.full_name, kari.last_name, kari.title) == (
        "Kari Nordmann Vik",
        "Vik",
        "Seniorrådgiver",
    )
    assert OrgUnit.objects.get(code="NAV-BERGEN").name == "NAV Bergenhus"


def test_moving_a_unit_moves_the_room_access_of_everyone_in_it(export, tmp_path):
    sync(*export)
    reorganised = UNITS_CSV.replace(
        "NAV-SANDNES-OPPF;Oppfølging;NAV-SANDNES;section",
        "NAV-SANDNES-OPPF;Oppfølging;NAV-BERGEN;section",
    )
    output = sync(write(tmp_path, "u2.csv", reorganised), export[1])
    assert "1 moved" in output.splitlines()[0]
    ola = User.objects.get(username="ola")
    assert ola.org_unit.get_parent().code == "NAV-BERGEN"
    assert set(ola.groups.values_list("name", flat=True)) == {
        "unit:NAV",
        "unit:NAV-BERGEN",
        "unit:NAV-SANDNES-OPPF",
        "unit-direct:NAV-SANDNES-OPPF",
    }
    assert OrgUnit.find_problems() == ([], [], [], [], [])


def test_json_export_with_units_and_people(tmp_path, db):
    data = {
        "units": [
            {"code": "SKATT", "name": "Skatteetaten", "kind": "etat"},
            {"code": "SKATT-VEST", "name": "Skatt vest", "parent_code": "SKATT"},
        ],
        "people": [
            {
                "username": "Per.Olsen",
                "full_name": "Per  Olsen",
                "email": "per@skatteetaten.no",
                "unit_code": "SKATT-VEST",
                "title": "Skattejurist",
                "active": True,
            }
        ],
    }
    output = sync(write(tmp_path, "export.json", json.dumps(data)))
    assert "Units: 2 created" in output
    per = User.objects.get(username="per.olsen")
    assert per.full_name == "Per Olsen"
    assert per.org_unit.code == "SKATT-VEST"


def test_a_bad_export_changes_nothing_and_says_where(tmp_path, db):
    people = PEOPLE_CSV + "nils,Nils Lie,nils@nav.no,FINNES-IKKE,,\n"
    files = write(tmp_path, "units.csv", UNITS_CSV), write(tmp_path, "people.csv", people)
    stderr = StringIO()
    with pytest.raises(CommandError, match="Nothing was changed: 1 problem"):
        call_command("sync_directory", *files, stdout=StringIO(), stderr=stderr)
    assert "people.csv line 5: unit_code FINNES-IKKE is not a known unit." in stderr.getvalue()
    assert not User.objects.exists()
    assert not OrgUnit.objects.exists()


def test_rows_without_username_or_name_are_reported_together(tmp_path, db):
    from people.directory import DirectoryError, read_export

    path = write(tmp_path, "p.csv", "username,full_name,active\n,Uten Brukernavn,\nola,,kanskje\n")
    with pytest.raises(DirectoryError) as error:
        read_export([path])
    assert error.value.errors == [
        "p.csv line 2: a person needs a username.",
        "p.csv line 3: ola has no full_name (Fagrom uses real names).",
        "p.csv line 3: active must be true or false, not 'kanskje'.",
    ]


def test_errors_name_the_file_and_line(tmp_path, db):
    from people.directory import DirectoryError, directory_sync, read_export

    path = write(tmp_path, "people.csv", "username,full_name,unit_code\nkari,Kari Nordmann,XYZ\n")
    with pytest.raises(DirectoryError) as error:
        directory_sync(read_export([path]))
    assert error.value.errors == ["people.csv line 2: unit_code XYZ is not a known unit."]


def test_unknown_columns_and_parent_cycles_are_refused(tmp_path, db):
    with pytest.raises(CommandError):
        sync(write(tmp_path, "x.csv", "username,full_name,shoe_size\nkari,Kari N,42\n"))
    cycle = "code,name,parent_code\nA,Enhet A,B\nB,Enhet B,A\n"
    with pytest.raises(CommandError):
        sync(write(tmp_path, "cycle.csv", cycle))
    assert not OrgUnit.objects.exists()


def test_dry_run_reports_but_changes_nothing(export):
    output = sync(*export, dry_run=True)
    assert output.startswith("Dry run, nothing changed.")
    assert "3 created" in output
    assert not User.objects.exists()


def test_a_truncated_export_is_refused_unless_forced(tmp_path, db):
    rows = "".join(f"p{n},Person Nummer{n},,NAV,,\n" for n in range(40))
    units = write(tmp_path, "units.csv", "code,name\nNAV,NAV\n")
    sync(
        units,
        write(tmp_path, "all.csv", "username,full_name,email,unit_code,title,active\n" + rows),
    )
    truncated = write(tmp_path, "few.csv", "username,full_name\np0,Person Nummer0\n")
    with pytest.raises(CommandError):
        sync(units, truncated)
    assert User.objects.filter(is_active=True).count() == 40
    assert "39 deactivated" in sync(units, truncated, force=True)


def test_sync_after_sso_sign_in_updates_the_same_person(export):
    from people.services import person_sync_from_directory

    person_sync_from_directory(username="Kari", full_name="Kari N", source="oidc")
    sync(*export)
    assert User.objects.filter(username__iexact="kari").count() == 1
    assert User.objects.get(username="kari").full_name == "Kari Nordmann"


def test_profile_page_of_someone_who_left_is_gone_but_their_name_stays(export, tmp_path, client):
    sync(*export)
    sync(
        export[0], write(tmp_path, "p.csv", "username,full_name\nkari,Kari Nordmann\n"), force=True
    )
    client.force_login(User.objects.get(username="kari"))
    assert client.get(reverse("people:profile", args=["ola"])).status_code == 404
