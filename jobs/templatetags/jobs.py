from django import template

from ..viewer import viewer_state

register = template.Library()


@register.simple_tag(takes_context=True)
def viewer_is_member(context, job):
    """Whether the person looking is a member of the job's employer: annotated by the job's
    query when the view knew who was looking, else asked (a page shared with signed-in users
    renders this for each of them)."""
    known = getattr(job, "viewer_is_member", None)
    if known is not None:
        return known
    return viewer_state(context["request"], job).get("is_member", False)
