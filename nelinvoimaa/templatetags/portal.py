import functools
import itertools
from html import escape

from django import template
from django.conf import settings
from django.template.base import token_kwargs
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from ..contributions import csrf_field, per_language, sections
from ..page_cache import cached_public, public_version
from ..personal import NODES

register = template.Library()
_STRINGS = itertools.count()


class PublicFragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context):
        request = context["request"]  # a fragment is keyed to the request's public version
        parts = [str(part.resolve(context)) for part in self.parts]
        key = ":".join(["fragment", self.name, get_language() or "", *parts])
        return cached_public(key, lambda: self.nodelist.render(context), public_version(request))


@register.tag
def public_fragment(parser, token):
    """{% public_fragment "name" job.pk %} … {% endpublic_fragment %}: a part of a page that
    every user sees the same, rendered once per public version (and language and the given
    values) in each worker, signed-in pages included. Nothing personal inside: no user, no
    form with a CSRF token, no nonce."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("public_fragment needs a name")
    nodelist = parser.parse(("endpublic_fragment",))
    parser.delete_first_token()
    return PublicFragmentNode(
        nodelist, bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]]
    )


class PersonalNode(template.Node):
    def __init__(self, key, nodelist, values):
        self.key, self.nodelist, self.values = key, nodelist, values

    def render(self, context):
        values = {name: value.resolve(context) for name, value in self.values.items()}
        skeleton = getattr(context.get("request"), "_skeleton", None)
        if skeleton is not None:  # a page shared with signed-in users: left open for each
            return skeleton.slot(self.key, values)
        with context.push(values):
            return self.nodelist.render(context)


@register.tag
def personal(parser, token):
    """{% personal job=job %} … {% endpersonal %}: a part of a public page that depends on
    who is looking (their menu, the save and apply buttons, anything with a CSRF token). On a
    page shared with signed-in users (nelinvoimaa/personal.py) it is rendered for each request,
    with the page's usual context and only the values named here, which must pickle; elsewhere
    it is rendered in place."""
    bits = token.split_contents()[1:]
    values = token_kwargs(bits, parser)
    if bits:
        raise template.TemplateSyntaxError("personal takes only name=value arguments")
    nodelist = parser.parse(("endpersonal",))
    parser.delete_first_token()
    # The block's key: its template and its place among the template's personal blocks.
    parser.personal_count = getattr(parser, "personal_count", 0) + 1
    if not hasattr(parser, "personal_name"):  # a template made from a string has no name
        parser.personal_name = parser.origin.template_name or f"string {next(_STRINGS)}"
    key = f"{parser.personal_name}#{parser.personal_count}"
    node = PersonalNode(key, nodelist, values)
    NODES[key] = node
    return node


@register.simple_tag(takes_context=True)
def contributed_sections(context, name, *args):
    """The Sections the apps contribute to this place (contributions.sections), rendered:
    computed once per request for the same arguments, so a section made for a whole page
    of jobs and shown beside each of them is made once."""
    request = context["request"]
    memo = request.__dict__.setdefault("_contributed_sections", {})
    key = (name, *map(id, args))
    if key not in memo:
        memo[key] = (sections(name, request, *args), args)  # args kept alive: ids stay unique
    return mark_safe("".join(render_section(context, s) for s in memo[key][0]))  # noqa: S308


@register.simple_tag(takes_context=True)
def user_menu(context):
    """The signed-in person's items of the main menu (their page, the admin for staff, signing
    out), or signing in and up: drawn in Python, for it is on every page a signed-in person
    views, and its template cost a job page view about a tenth of its time (measured). What
    is the same for everyone in a language is made once per process."""
    user = context["user"]
    if not user.is_authenticated:
        return format_html(
            '<li><a href="{}">{}</a></li>\n<li><a href="{}">{}</a></li>',
            reverse("account_login"),
            gettext("Sign in"),
            reverse("account_signup"),
            gettext("Sign up"),
        )
    head, tail = _signed_in_menu(user.is_staff)
    return mark_safe(head + csrf_field(context) + tail)  # noqa: S308 - escaped in the parts


@per_language
def _signed_in_menu(staff):
    """A signed-in person's menu around its CSRF field: (head, tail), escaped."""
    admin = (
        f'<li><a href="{escape(reverse("admin:index"))}">{escape(gettext("Administration"))}'
        "</a></li>\n"
        if staff
        else ""
    )
    head = (
        f'<li><a href="{escape(reverse("dashboard"))}">{escape(gettext("My page"))}</a></li>\n'
        f"{admin}<li>\n"
        f'<form method="post" action="{escape(reverse("account_logout"))}" class="inline-form">\n'
    )
    tail = (
        f'\n<button type="submit" class="link-button">{escape(gettext("Sign out"))}</button>\n'
        "</form>\n</li>"
    )
    return head, tail


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in each language, for the language switcher and hreflang links."""
    request = context.get("request")
    path, mark, query = (request.get_full_path() if request else "/").partition("?")
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    return [
        {
            "code": code,
            "name": name,
            "url": _translated_path(path, code) + mark + query,  # the query as it is
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]


@functools.lru_cache(maxsize=1024)  # paths are at most 4 kB (gunicorn): 4 MB at worst
def _translated_path(path, code):
    """The path in another language: the same for every request of a page (a search's words
    are in its query), so found once per page and language rather than resolved and
    reversed on every view."""
    return translate_url(path, code)


@register.simple_tag(takes_context=True)
def render_section(context, section):
    """A Section an app contributed (nelinvoimaa/contributions.py): its template, with the
    page's context and its own."""
    with context.push(**section.context):
        if section.draw is not None:
            return section.draw(context)
        return context.template.engine.get_template(section.template).render(context)


@register.simple_tag(takes_context=True)
def sign_in_sections(context):
    """On the sign-in and sign-up pages: what the apps say about where the person is going
    (`sign_in_sections`, e.g. the job they are applying for)."""
    request = context.get("request")
    if request is None:
        return []
    target = request.GET.get("next") or request.POST.get("next") or ""
    return sections("sign_in_sections", request, target) if target.startswith("/") else []


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (for pagination links)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
