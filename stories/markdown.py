"""Markdown that staff write, rendered safely: markdown-it-py writes no raw HTML (it is shown as
text) and refuses javascript: links; nh3 then keeps only the tags, attributes and URL schemes
listed here, so nothing in a story runs, whatever it says."""

import re

import nh3
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "em",
    "blockquote",
    "code",
    "pre",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "ol": {"start"}}
SCHEMES = {"http", "https", "mailto", "tel"}

_markdown = MarkdownIt("commonmark", {"html": False}).enable("table")
# A story's page has its title as the only h1: its body's headings start at h2.
_HEADING = re.compile(r"<(/?)h([1-6])>")


def _demote(match):
    return f"<{match.group(1)}h{min(int(match.group(2)) + 1, 4)}>"


def render(text):
    html = _HEADING.sub(_demote, _markdown.render(text))
    return mark_safe(  # noqa: S308 - cleaned by nh3 just here
        nh3.clean(
            html,
            tags=TAGS,
            attributes=ATTRIBUTES,
            url_schemes=SCHEMES,
            link_rel="noopener noreferrer nofollow",
        )
    )
