"""Posts are Markdown with raw HTML escaped, then sanitised against a strict allow-list."""

import pytest

from forum import markup


def rendered(source):
    return markup.render(source)


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "<SCRIPT>alert(1)</SCRIPT>",
        "<ScRiPt src=//evil.example/x.js></ScRiPt>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=x OnErRoR=alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src=https://evil.example></iframe>",
        "<form action=https://evil.example><input name=p></form>",
        "<svg onload=alert(1)><circle/></svg>",
        "<math><mi>x</mi></math>",
        '<p style="background:url(javascript:alert(1))">x</p>',
    ],
)
def test_raw_html_in_markdown_is_escaped_not_rendered(source):
    html = rendered(source)
    # Raw HTML becomes text: no element from the input survives as markup.
    for tag in ("<script", "<img", "<iframe", "<form", "<svg", "<math", "<a ", "<p style"):
        assert tag not in html.lower()


@pytest.mark.parametrize(
    "source",
    [
        "[klikk](javascript:alert(1))",
        "[klikk](JaVaScRiPt:alert(1))",
        "[klikk](java&#115;cript:alert(1))",
        "[klikk](&#106;avascript:alert(1))",
        "[klikk](vbscript:msgbox(1))",
        "[klikk](VBScript:msgbox(1))",
        "[klikk](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[klikk](DATA:text/html,<script>alert(1)</script>)",
        "![bilde](javascript:alert(1))",
        "![bilde](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "<javascript:alert(1)>",
    ],
)
def test_dangerous_url_schemes_never_reach_an_attribute(source):
    html = rendered(source).lower()
    for scheme in ("javascript:", "vbscript:", "data:"):
        assert f'href="{scheme}' not in html
        assert f'src="{scheme}' not in html
    assert 'href="java' not in html


@pytest.mark.parametrize(
    "html",
    [
        '<p onclick="alert(1)">x</p>',
        '<p ONMOUSEOVER="alert(1)">x</p>',
        '<a href="https://example.no" onfocus="alert(1)">x</a>',
        '<p style="color:red">x</p>',
        '<iframe src="https://example.no"></iframe>',
        "<form><input></form>",
        "<svg><script>alert(1)</script></svg>",
        '<math><maction actiontype="statusline">x</maction></math>',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="JAVASCRIPT:alert(1)">x</a>',
        '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
        '<a href="&#x6A;avascript:alert(1)">x</a>',
        '<a href="java\tscript:alert(1)">x</a>',
        '<img src="data:image/png;base64,iVBORw0KGgo=">',
        '<a href="vbscript:msgbox(1)">x</a>',
        '<object data="x"></object><embed src="x">',
    ],
)
def test_sanitiser_removes_every_listed_vector(html):
    clean = markup.sanitize(html).lower()
    for needle in (
        "onclick",
        "onmouseover",
        "onfocus",
        "style=",
        "<iframe",
        "<form",
        "<input",
        "<svg",
        "<math",
        "<script",
        "javascript",
        "vbscript",
        "data:",
        "<object",
        "<embed",
    ):
        assert needle not in clean


def test_links_get_nofollow_noopener_noreferrer():
    html = rendered("[Lovdata](https://lovdata.no/lov/1997-02-28-19)")
    assert 'href="https://lovdata.no/lov/1997-02-28-19"' in html
    assert 'rel="nofollow noopener noreferrer"' in html


def test_markdown_formatting_survives():
    html = rendered(
        "**fet** og *kursiv*\n\n- en\n- to\n\n> sitat\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    )
    assert "<strong>fet</strong>" in html
    assert "<em>kursiv</em>" in html
    assert "<li>en</li>" in html
    assert "<blockquote>" in html
    assert "<table>" in html


def test_top_level_heading_is_demoted_below_the_thread_title():
    assert "<h2>Overskrift</h2>" in rendered("# Overskrift")


def test_quote_attributes_the_author_and_quotes_every_line():
    quoted = markup.quote("linje én\nlinje to", "Kari Nordmann")
    assert quoted.startswith("> **Kari Nordmann** skrev:")
    assert "> linje én\n> linje to" in quoted


# Links in text ------------------------------------------------------------------------------


def test_a_mention_of_someone_who_exists_links_to_their_profile(db, case_worker):
    html = markup.render(f"Takk, @{case_worker.username}! Og @ingenslik.")
    assert f'<a href="/people/{case_worker.username}/" class="mention"' in html
    assert f">@{case_worker.username}</a>!" in html
    assert "@ingenslik" in html and "/people/ingenslik/" not in html


def test_mentions_in_code_links_and_e_mail_addresses_stay_text(db, case_worker):
    name = case_worker.username
    html = markup.render(f"`@{name}` og [@{name}](https://example.no) og post{name}@nav.no")
    assert 'class="mention"' not in html


def test_a_regulation_reference_links_to_its_rule_page():
    html = markup.render("Se ftrl. § 8-2 og forvaltningsloven § 17, ikke kapittel § 3.")
    assert '<a href="/forum/regelverk/ftrl/8-2/" class="rule-ref"' in html
    assert ">ftrl. § 8-2</a>" in html
    assert '<a href="/forum/regelverk/fvl/17/" class="rule-ref"' in html
    assert "/regelverk/kapittel/" not in html


def test_a_reference_inside_a_written_link_is_left_alone():
    html = markup.render("[ftrl. § 8-2](https://lovdata.no/lov/1997-02-28-19/§8-2)")
    assert 'class="rule-ref"' not in html


def test_classes_in_user_html_do_not_survive():
    html = markup.sanitize('<a href="/x" class="mention evil">x</a><p class="mention">y</p>')
    assert 'class="mention"' in html and "evil" not in html
    assert '<p class="mention">' not in html


def test_a_quote_links_to_the_quoted_post(db, client, case_worker, answer):
    quoted = markup.quote("Ja.", "Kari Nordmann", post_id=answer.pk)
    assert quoted.startswith("> **Kari Nordmann** skrev ([til innlegget](/forum/innlegg/")
    html = markup.render(quoted)
    assert f'href="/forum/innlegg/{answer.pk}/"' in html
    client.force_login(case_worker)
    response = client.get(f"/forum/innlegg/{answer.pk}/")
    assert response.status_code == 302
    assert response["Location"] == answer.get_absolute_url()


def test_the_reply_form_prefills_a_quote_that_links_to_the_post(client, case_worker, answer):
    client.force_login(case_worker)
    html = client.get(answer.thread.get_absolute_url() + f"?quote={answer.pk}").content.decode()
    assert f"/forum/innlegg/{answer.pk}/" in html


def test_the_rule_page_links_on_to_lovdata_where_the_address_is_known(client, case_worker):
    from forum.models import RuleReference

    known = RuleReference.objects.create(law="ftrl", section="8-2", label="folketrygdloven § 8-2")
    unknown = RuleReference.objects.create(
        law="husleieloven", section="3", label="husleieloven § 3"
    )
    client.force_login(case_worker)
    html = client.get(known.get_absolute_url()).content.decode()
    assert 'href="https://lovdata.no/lov/1997-02-28-19/§8-2"' in html
    assert "lovdata.no" not in client.get(unknown.get_absolute_url()).content.decode()
