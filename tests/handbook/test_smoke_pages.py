def test_handbook_page_renders_for_case_worker(client, case_worker, journal_page):
    client.force_login(case_worker)
    response = client.get(journal_page.url)
    assert response.status_code == 200, response.content.decode()[:3000]
    html = response.content.decode()
    assert "Journalføring" in html
    assert "1.0" in html
