"""What the stories app shows on pages of the core and of employers
(see nelinvoimaa/contributions.py)."""

from nelinvoimaa.contributions import Section

from .models import Story

HOME_COUNT = 3
EMPLOYER_COUNT = 5


def home(request):
    """The newest stories, after the jobs."""
    stories = list(Story.objects.published().select_related("municipality")[:HOME_COUNT])
    if not stories:
        return None
    return Section("stories/_home.html", {"stories": stories}, order=60)


def employer_stories(request, employer):
    """An employer's stories on its public page."""
    stories = list(Story.objects.published().filter(employer=employer)[:EMPLOYER_COUNT])
    if not stories:
        return None
    return Section("stories/_employer_stories.html", {"stories": stories}, order=30)
