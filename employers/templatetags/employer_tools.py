from django import template

from nelinvoimaa.contributions import links

register = template.Library()


@register.simple_tag
def employer_tools(employer):
    """(address, label) of what the apps above offer an employer's members (their
    `employer_tools`: URL name taking the employer's slug, label, position), in order."""
    return links("employer_tools", employer.slug)
