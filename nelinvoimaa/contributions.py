"""What each app contributes to the whole portal, read from its AppConfig.

The core imports no app. An app names its parts as attributes of its AppConfig (apps.py), as
dotted paths, and the core reads them here, in INSTALLED_APPS order; adding an app means adding
it to INSTALLED_APPS and its URLs to the root URLconf, nothing else in the core.

The attributes an AppConfig may set (each a list):
- `public_models`: labels ("jobs.Job") of models shown on cached public pages; a change to one
  invalidates those pages (page_cache.watch). Their managers must use PublicQuerySet.
- `navigation`: (URL name, label, position) triples: the app's places in the main menu.
- `staff_permissions`: codenames of the app's own permissions that municipal staff get.
- `sitemaps`: dotted paths of dicts {name: Sitemap class}.
- `home_sections`, `dashboard_sections`: dotted paths of callables(request) returning a
  Section (a template and its context) or None; shown in the order of their `order`.
- `employer_sections`: the same, called with (request, employer), for an employer's public
  page; `employer_annotations`: dotted paths of callables() returning annotations for the
  employer directory's queryset (e.g. how many open jobs each has), `employer_filters`:
  callables() returning its extra filters {name: django-filter Filter}, `employer_badges`:
  templates shown for each employer in it.
- `employer_tools`: (URL name taking the employer's slug, label, position): links in the
  members' menu of an employer.
- `job_apply_sections`, `job_manage_sections`: callables(request, job) returning a Section for
  a job's page (where it says how to apply) or for its member's page; `job_sections`: the
  same, shown below the job on its public page (the trainings app: trainings of its sector).
- `job_viewer_annotations`: callables(user_id) returning {name: expression over a job} of
  what the signed-in person has to do with it (saved it, applied on); jobs.viewer.viewer_state
  reads them all in one query, compiled once per process (nelinvoimaa/prepared.py: the
  expression may depend on nothing but the user id), which the job page's sections share.
- `job_actions`: callables(request, job) returning a Section shown at the top of a job's page
  (e.g. save the job); `job_list_actions`: callables(request, jobs) returning a Section shown
  with each job of a page of the job list (rendered with `job` in its context; called once
  per page, so what it needs for all of them takes one query); `job_list_user_along`:
  callables(request) called before a signed-in job list's personal parts are rendered, to read
  what they need with the user in the same round trip (nelinvoimaa.auth.load_user_along; only
  the first to ask gets it); `job_list_sections`:
  callables(request, params) returning a Section shown above the job list's results (e.g.
  save this search as an alert); `training_list_sections`: the same above the training
  list's results (the jobseekers app: save the search as a training alert).
- `apply_initial`: callables(user) returning initial values of the apply form (e.g. the phone
  of a jobseeker's profile); `apply_stored_cv`: callables(user) returning a CV the person
  keeps in private storage, {"name": storage name, "original": file name, "stored": True},
  or None: the apply form offers it as the application's CV.
- `sign_in_sections`: callables(request, next_path) returning a Section shown at the top of the
  sign-in and sign-up pages, or None: where the person is going (the applications app: the
  job they are applying for).
- `member_job_annotations`: callables() returning annotations for the employer's jobs on the
  dashboard; `member_job_badges`: templates shown beside each of them.
- `review_queues`: dotted paths of callables(request) returning a Section for the admin index
  or None (what waits for this staff member).
- `figures`: dotted paths of callables(period, municipalities) returning Figures for the
  staff's reports (nelinvoimaa/figures.py); `municipalities` is a list of ids, or None for all.
- `moderation_reasons`: dotted paths of callables() returning (key, title, text) of the ready
  reasons a moderator may pick when rejecting or unpublishing (jobs/admin.py).
- `personal_data`: dotted paths of modules with any of `export_files(user)` (yields (name,
  bytes)), `deletion_blocker(user)` (a reason the account cannot be deleted yet, or None) and
  `delete(user, session)` (called inside the deleting transaction, before the user row goes).
- `demo_data`: dotted paths of modules with `seed(options)`, which adds the app's demo data
  and returns lines to print, and optionally `add_arguments(parser)` (seed_demo).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, wraps
from importlib import import_module

from django.apps import apps
from django.template.defaulttags import CsrfTokenNode
from django.urls import get_script_prefix, reverse
from django.utils.module_loading import import_string
from django.utils.translation import get_language


@dataclass
class Section:
    """A part of a page that an app renders: `template` with `context`, placed by `order`."""

    template: str
    context: dict = field(default_factory=dict)
    order: int = 50
    place: str = "main"  # where on its page: "main", or "hero" at the top of the home page
    # Instead of the template: a function(context) returning the HTML, for a small part shown
    # many times on a page (a button beside each job of a list).
    draw: Callable | None = None


def csrf_field(context):
    """The hidden CSRF field of a form that a Section's `draw` writes, exactly as the template
    tag {% csrf_token %} writes it (nothing without a token)."""
    return CsrfTokenNode().render(context)


def per_language(function):
    """`function(*args)` made once per process for each language and script prefix (the
    active ones, on which its translations and reverse()'s addresses depend): for a part of
    pages that is the same for everyone in a language (a menu, a button's words and address)."""

    @cache
    def made(language, script_prefix, *args):
        return function(*args)

    @wraps(function)
    def in_this_language(*args):
        return made(get_language(), get_script_prefix(), *args)

    return in_this_language


def load(path):
    """The module, or the object in a module, that a dotted path names."""
    try:
        return import_module(path)
    except ModuleNotFoundError as exc:
        if exc.name != path:
            raise  # the module exists but imports something missing
        return import_string(path)


@cache
def contributed(name):
    """The objects the installed apps list under `name`, imported, in INSTALLED_APPS order.
    Found once per process, as pages ask on every request (a path that names an object in a
    module is a failed module import before it is found: about 7 µs each time)."""
    return tuple(
        load(path) for config in apps.get_app_configs() for path in getattr(config, name, ())
    )


def labels(name):
    """The plain values (not paths) the installed apps list under `name`, with their app."""
    for config in apps.get_app_configs():
        for value in getattr(config, name, ()):
            yield config, value


def values(name):
    """The plain values the installed apps list under `name`, in INSTALLED_APPS order."""
    return [value for _config, value in labels(name)]


def merged(name):
    """One dict of what the callables contributed under `name` return (annotations, filters)."""
    found = {}
    for make in contributed(name):
        found |= make()
    return found


def links(name, *args):
    """(address, label) of the (URL name, label, position) triples listed under `name`, in the
    order of their positions; `args` go to each URL."""
    places = sorted(values(name), key=lambda place: place[2])
    return [(reverse(url_name, args=args), label) for url_name, label, _position in places]


def sections(name, request, *args):
    """The sections contributed under `name` for this request (and `args`), in their order;
    a template shows each with {% render_section %}."""
    found = [section for make in contributed(name) if (section := make(request, *args)) is not None]
    return sorted(found, key=lambda section: section.order)
