"""Stories and news: staff write Markdown that renders inert, the public reads published ones
on their list, page, feed, sitemap, the home page and the employer's page."""

from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from nelinvoimaa.models import Municipality
from stories.markdown import render
from stories.models import Story

pytestmark = pytest.mark.django_db


def make_story(title="Kesä Sysmässä", published=True, **fields):
    values = {
        "slug": slugify(title),
        "lead": "Kesätyöt ja mökkiläiset.",
        "body": "## Mitä tehtiin\n\nPaljon **töitä**.",
        "is_published": published,
        "published_at": timezone.now() - timedelta(hours=1),
        "tags": "kesätyö, matkailu",
    }
    return Story.objects.create(title=title, **(values | fields))


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parsed(html):
    parser = Tags()
    parser.feed(str(html))
    return parser.tags


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "Hei <script>alert(1)</script> maailma",
        "[klikkaa](javascript:alert(1))",
        "[klikkaa](JaVaScRiPt:alert(1))",
        "[klikkaa](  javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        "<img src=x onerror=alert(1)>",
        '<p onclick="alert(1)">x</p>',
        "![kuva](javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<iframe src=https://example.com></iframe><style>body{display:none}</style>",
    ],
)
def test_markdown_renders_hostile_input_inert(text):
    tags = parsed(render(text))
    assert {tag for tag, _attrs in tags} <= {"p", "a", "br", "em", "strong"}
    for _tag, attrs in tags:
        assert not any(name.startswith("on") for name in attrs)
        assert all(
            not (attrs.get(name) or "").lower().strip().startswith(("javascript:", "data:"))
            for name in ("href", "src")
        )


def test_markdown_keeps_what_staff_mean():
    html = str(render("# Otsikko\n\nTeksti [linkki](https://example.com).\n\n- yksi\n- kaksi"))
    assert "<h2>Otsikko</h2>" in html  # the page's own title is its only h1
    assert 'href="https://example.com"' in html and 'rel="noopener noreferrer nofollow"' in html
    assert "<li>yksi</li>" in html


@pytest.mark.parametrize(
    "text, levels",
    [
        ("### Kesä\n\nx\n\n### Syksy", ["h2", "h2"]),  # a story written with ### alone
        ("## A\n\n#### B\n\n## C", ["h2", "h3", "h2"]),  # no level skipped below
        ("# A\n\n## B\n\n### C\n\n#### D\n\n##### E", ["h2", "h3", "h4", "h4", "h4"]),
    ],
)
def test_a_storys_headings_follow_its_title_without_a_gap(text, levels):
    assert [tag for tag, _attrs in parsed(render(text)) if tag[0] == "h"] == levels


def test_the_list_shows_published_stories_only(client, django_assert_num_queries):
    make_story("Julkaistu")
    make_story("Luonnos", published=False)
    make_story("Tuleva", published_at=timezone.now() + timedelta(days=1))
    with django_assert_num_queries(4):
        html = client.get(reverse("stories:list")).content.decode()
    assert "Julkaistu" in html and "Luonnos" not in html and "Tuleva" not in html


def test_the_list_narrows_by_municipality_and_tag_and_ignores_nonsense(client):
    sysma = Municipality.objects.get(code="781")
    make_story("Sysmän tarina", municipality=sysma, tags="yrittäjyys")
    make_story("Muu tarina")
    html = client.get(reverse("stories:list"), {"municipality": sysma.pk}).content.decode()
    assert "Sysmän tarina" in html and "Muu tarina" not in html
    html = client.get(reverse("stories:list"), {"tag": "yrittäjyys"}).content.decode()
    assert "Sysmän tarina" in html and "Muu tarina" not in html
    for nonsense in ["x", "99999999999999999999", "-1", "\x00"]:
        response = client.get(reverse("stories:list"), {"municipality": nonsense, "page": nonsense})
        assert response.status_code == 200


def test_the_page_shows_the_story(client, django_assert_num_queries, employer):
    story = make_story(body="Teksti <script>alert(1)</script>", employer=employer)
    with django_assert_num_queries(2):
        html = client.get(story.get_absolute_url()).content.decode()
    assert "<h1>Kesä Sysmässä</h1>" in html
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert employer.get_absolute_url() in html


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("anonymous", False),
        ("jobseeker", False),
        ("owner", False),
        ("hartola_moderator", True),
        ("superuser", True),
    ],
)
def test_only_staff_preview_an_unpublished_story(client, persona, sees, request):
    story = make_story(published=False)
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    response = client.get(story.get_absolute_url())
    assert response.status_code == (200 if sees else 404)
    if sees:
        assert "noindex" in response.content.decode()


def test_the_feed_and_sitemap_list_published_stories(client):
    story = make_story("Syötteessä")
    make_story("Ei syötteessä", published=False)
    feed = client.get(reverse("stories:feed")).content.decode()
    assert "Syötteessä" in feed and "Ei syötteessä" not in feed
    assert "<category" in feed
    sitemap = client.get("/sitemap.xml").content.decode()
    assert story.get_absolute_url() in sitemap


def test_the_home_and_employer_pages_show_stories(client, employer):
    make_story("Etusivun tarina", employer=employer)
    assert "Etusivun tarina" in client.get(reverse("home")).content.decode()
    assert "Etusivun tarina" in client.get(employer.get_absolute_url()).content.decode()


@override_settings(ADMIN_REQUIRE_MFA=False)
def test_staff_publish_a_story_in_the_admin(client, sysma_moderator_in_group):
    client.force_login(sysma_moderator_in_group)
    data = {
        "kind": "news",
        "title": "Uusi uutinen",
        "slug": "",
        "lead": "Lyhyesti.",
        "body": "Teksti.",
        "language": "fi",
        "tags": "",
        "is_published": "on",
        "published_at_0": timezone.localtime().strftime("%Y-%m-%d"),
        "published_at_1": "00:00:00",
    }
    response = client.post(reverse("admin:stories_story_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    story = Story.objects.get()
    assert story.slug == "uusi-uutinen"
    assert client.get(story.get_absolute_url()).status_code == 200


def test_an_image_needs_its_description():
    from django.core.exceptions import ValidationError

    story = Story(title="Kuva", lead="x", body="x", image="stories/x.jpg")
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "image_alt" in error.value.message_dict


def test_the_demo_has_stories_once(client):
    from django.core.management import call_command

    call_command("seed_demo")
    call_command("seed_demo")
    assert Story.objects.published().count() == 3
    assert client.get(reverse("stories:list")).status_code == 200


def test_staff_preview_an_unpublished_story_only_with_two_factor_authentication(
    client, hartola_moderator, settings
):
    from tests.conftest import with_mfa

    settings.ADMIN_REQUIRE_MFA = True
    story = make_story(published=False)
    client.force_login(hartola_moderator)
    assert client.get(story.get_absolute_url()).status_code == 404
    with_mfa(hartola_moderator)
    assert client.get(story.get_absolute_url()).status_code == 200


def test_the_story_form_offers_public_employers_and_the_moderators_own(
    client, sysma_moderator_in_group
):
    """An employer not yet verified is not shown to another municipality's staff."""
    from tests.conftest import make_employer, make_user

    owner = make_user("omistaja@example.com")
    make_employer("Sysmän Uusi Oy", owner, "781")
    make_employer("Hartolan Uusi Oy", owner, "081")
    make_employer("Hartolan Tuttu Oy", owner, "081", verified=True)
    client.force_login(sysma_moderator_in_group)
    form = client.get("/admin/stories/story/add/").content.decode()
    assert "Sysmän Uusi Oy" in form and "Hartolan Tuttu Oy" in form
    assert "Hartolan Uusi Oy" not in form


def test_staff_who_may_only_view_stories_open_one_in_the_admin(client):
    """The read-only form has no employer field to narrow."""
    from django.contrib.auth.models import Permission

    from tests.conftest import make_staff

    reader = make_staff("lukija@sysma.example.com", "781")
    reader.user_permissions.add(Permission.objects.get(codename="view_story"))
    story = make_story()
    client.force_login(reader)
    assert client.get(f"/admin/stories/story/{story.pk}/change/").status_code == 200
