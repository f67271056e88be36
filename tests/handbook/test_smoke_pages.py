def test_handbook_page_renders_for_case_worker(client, case_worker, journal_page):
    client.force_login(case_worker)
    response = client.get(journal_page.url)
    assert response.status_code == 200, response.content.decode()[:3000]
    html = response.content.decode()
    assert "Journalføring" in html
    assert "1.0" in html


def _facts_box(html):
    import re

    return re.search(r'<dl class="doc-meta".*?</dl>', html, re.S).group(0)


def test_the_facts_box_names_the_owners_unit_once(client, case_worker, journal_page, page_owner):
    client.force_login(case_worker)
    facts = _facts_box(client.get(journal_page.url).content.decode())
    assert journal_page.owner_unit == page_owner.org_unit
    assert facts.count(page_owner.org_unit.name) == 1


def test_the_facts_box_names_an_owning_unit_other_than_the_owners(
    client, case_worker, journal_page, other_agency
):
    type(journal_page).objects.filter(pk=journal_page.pk).update(owner_unit=other_agency)
    client.force_login(case_worker)
    facts = _facts_box(client.get(journal_page.url).content.decode())
    assert other_agency.name in facts and journal_page.document_owner.org_unit.name in facts
