from django.urls import reverse


def home(client, user, **params):
    client.force_login(user)
    response = client.get(reverse("home"), params)
    assert response.status_code == 200
    return response.content.decode()


def panel(html, key):
    """The HTML of one panel, or ``None`` when the page does not have it."""
    marker = f'id="panel-{key}"'
    if marker not in html:
        return None
    return html.split(marker)[1].split("</section>")[0]
