from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from nelinvoimaa.ids import is_id
from nelinvoimaa.models import Municipality
from nelinvoimaa.page_cache import cache_public_page
from nelinvoimaa.staff import lacks_mfa

from .models import Story

PAGE_SIZE = 12
RELATED = ["municipality", "employer"]


@require_safe
@cache_public_page
def story_list(request):
    """Published stories, newest first; ?tag= and ?municipality= narrow them (a value not
    understood is ignored)."""
    stories = Story.objects.published().select_related(*RELATED)
    tag = request.GET.get("tag", "").strip()[:50]
    if tag:
        stories = stories.filter(tags__icontains=tag)
    municipality = request.GET.get("municipality", "")
    municipalities = list(Municipality.objects.all())
    chosen = next(
        (m for m in municipalities if is_id(municipality) and m.pk == int(municipality)), None
    )
    if chosen:
        stories = stories.filter(municipality=chosen)
    page = Paginator(stories, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "stories/list.html",
        {"page": page, "tag": tag, "chosen": chosen, "municipalities": municipalities},
    )


@require_safe
def detail(request, slug):
    """A published story; staff also see one not yet published (a preview)."""
    story = get_object_or_404(Story.objects.select_related(*RELATED), slug=slug)
    if not story.is_public and (not request.user.is_staff or lacks_mfa(request.user)):
        raise Http404
    return render(request, "stories/detail.html", {"story": story})
