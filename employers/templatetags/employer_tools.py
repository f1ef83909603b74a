from django import template
from django.urls import reverse

from nelinvoimaa.contributions import labels

register = template.Library()


@register.simple_tag
def employer_tools(employer):
    """(address, label) of what the apps above offer an employer's members (their
    `employer_tools`: URL name taking the employer's slug, label, position), in order."""
    tools = sorted((tool for _config, tool in labels("employer_tools")), key=lambda t: t[2])
    return [(reverse(name, args=[employer.slug]), label) for name, label, _position in tools]
