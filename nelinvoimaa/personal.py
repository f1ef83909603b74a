"""Public pages shared with signed-in users: rendered once, with the personal parts left open.

A signed-in user's page is never served whole from the page cache, but most of it is what
everyone sees: the job, the list of results. `page_cache.cache_public_page` renders such a page
once per public version as a visitor would, except that each `{% personal %}` block of its
templates becomes a *slot*: a marker in the shared text, plus the values the block needs (a job,
the page's jobs), which must pickle; of an object with a `for_personal_parts()` method (a job)
only what that gives is kept, and its class's `from_personal_parts()` makes it again for each
request. For each signed-in request only the slots are rendered, for that user, with the
page's usual context (the user, the CSRF token, the messages), and put into the shared text.
Kept as tuples of plain values rather than model instances, a shared page pickles in a third
of the time (a job list's: 43 µs instead of 125, and 22 µs instead of 65 to unpickle on each
signed-in view).

What may sit outside a `{% personal %}` block of such a page: only what is the same for every
user. A CSRF token outside one is caught (the shared render is then not kept); anything else
personal (`user`, a contributed section that asks who is looking) must be inside one.
"""

import functools
import uuid
from typing import NamedTuple

from django.template import RequestContext, engines

# The node of each {% personal %} block, by its template and place in it: a slot names its
# block by this key, and the worker that rendered the shared text (whose own memory keeps it)
# parsed the same templates.
NODES = {}


class Kept(NamedTuple):
    """What a shared render keeps of an object with `for_personal_parts()`: its class, whose
    `from_personal_parts()` makes it again, and what that method gave."""

    kind: type
    parts: object


class Skeleton:
    """A page being rendered to be shared: collects its slots."""

    def __init__(self):
        self.marker = f"<!--personal:{uuid.uuid4().hex}-->"  # unguessable: no content forges it
        self.slots = []
        self._kept = {}

    def slot(self, key, values):
        kept = tuple((name, self._keep(value)) for name, value in values.items())
        self.slots.append((key, kept))
        return self.marker

    def _keep(self, value):
        """What the shared render keeps of a slot's value: an object with
        `for_personal_parts()` (a job) as a Kept, a list of them as a tuple of those; the same
        object once for every slot that names it."""
        if id(value) not in self._kept:
            if isinstance(value, list | tuple):
                kept = tuple(self._keep(item) for item in value)
            elif hasattr(value, "for_personal_parts"):
                kept = Kept(type(value), value.for_personal_parts())
            else:
                kept = value
            self._kept[id(value)] = (value, kept)  # the value too: its id stays its own
        return self._kept[id(value)][1]


def shared_parts(content, skeleton):
    """What is kept of a shared render: its text cut at the slots, and the slots."""
    return tuple(content.split(skeleton.marker.encode())), tuple(skeleton.slots)


def _made(value, made):
    """A slot's value as the page had it: each Kept made an object again, once per request
    however many slots name it (a job, and the page's jobs beside each)."""
    if id(value) not in made:
        if isinstance(value, Kept):
            made[id(value)] = value.kind.from_personal_parts(value.parts)
        elif type(value) is tuple:
            made[id(value)] = [_made(item, made) for item in value]
        else:
            made[id(value)] = value
    return made[id(value)]


def fill(request, chunks, slots):
    """The page for this request: the shared text with each slot rendered for this user, or
    None when a slot's block is unknown to this worker (its templates changed)."""
    template = _empty_template()
    context = RequestContext(request)
    parts, made = [], {}
    with context.render_context.push_state(template), context.bind_template(template):
        for key, values in slots:
            node = NODES.get(key)
            if node is None:
                return None
            with context.push({name: _made(value, made) for name, value in values}):
                parts.append(node.nodelist.render(context).encode())
    pieces = [chunks[0]]
    for part, chunk in zip(parts, chunks[1:], strict=True):
        pieces += [part, chunk]
    return b"".join(pieces)


@functools.cache
def _empty_template():
    """A template of the project's engine to bind the slots' context to (for their includes,
    the context processors and the CSRF token)."""
    return engines["django"].engine.from_string("")
