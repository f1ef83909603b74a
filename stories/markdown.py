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
# A story's page has its title as the only h1: its body's headings start at h2, and each
# level the body uses is the next one down, so that a story written with "###" under no "##"
# skips no level (WCAG 1.3.1; HTML checkers flag the jump).
_HEADING = re.compile(r"<(/?)h([1-6])>")


def _levels(html):
    used = sorted({int(level) for _close, level in _HEADING.findall(html)})
    return {level: min(2 + rank, 4) for rank, level in enumerate(used)}


def render(text):
    html = _markdown.render(text)
    levels = _levels(html)
    html = _HEADING.sub(lambda m: f"<{m.group(1)}h{levels[int(m.group(2))]}>", html)
    return mark_safe(  # noqa: S308 - cleaned by nh3 just here
        nh3.clean(
            html,
            tags=TAGS,
            attributes=ATTRIBUTES,
            url_schemes=SCHEMES,
            link_rel="noopener noreferrer nofollow",
        )
    )
