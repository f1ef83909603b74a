"""The save button of a job, drawn in Python (Section.draw): on the job's page, and beside each
job of the job list, where a template for each of twenty cost a signed-in list view about two
milliseconds. Likewise the form that saves a list's search as an alert. What is the same for
every request in a language (the addresses, the words, the alert's choices) is made once per
process and language; what is the same for every button of a request (the CSRF token, the way
back) once per request; each button adds its job. Built with format_html, the alert's form alone
cost a signed-in list view 0.2 ms, a tenth of it (py-spy)."""

from html import escape as html_escape
from urllib.parse import quote

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_lazy

from nelinvoimaa.contributions import csrf_field, per_language

from .forms import frequency_label
from .models import Alert

_SENTINEL = "987654321"  # a job id in a reversed address, replaced by each job's


def save_button(context):
    """Save the job for later, or remove it from the saved ones. The context has the job and
    either `saved` (on its page) or `saved_ids` (in the list: the page's saved jobs). A
    visitor is offered to sign in on the job's page; a list gives visitors no save buttons
    (sections.save_job_buttons): one sign-in link per job would only lengthen the way to the
    results."""
    request, job = context["request"], context["job"]
    in_list = "saved_ids" in context
    if not request.user.is_authenticated:
        return format_html(
            '<p class="save-job"><a href="{}?next={}">{}</a></p>',
            reverse("account_login"),
            quote(request.get_full_path()),
            gettext("Sign in to save this job"),
        )
    parts = _parts(request, context)
    saved = job.pk in context["saved_ids"] if in_list else context["saved"]
    address = (parts["unsave"] if saved else parts["save"]).replace(_SENTINEL, str(job.pk))
    title = f'<span class="visually-hidden">: {html_escape(job.title)}</span>'
    if saved:
        button = (
            f'  <span class="saved-mark">{parts["saved"]}</span>\n'
            f'  <button type="submit" class="link-button">{parts["remove"]}{title}</button>\n'
        )
    else:
        button = (
            f'  <button type="submit" class="button secondary">{parts["add"]}{title}</button>\n'
        )
    return mark_safe(  # noqa: S308 - every value escaped here or in _parts
        f'<form method="post" action="{address}" class="save-job">\n'
        f"  {parts['hidden']}\n{button}</form>"
    )


def _parts(request, context):
    """What every save button of this request shows the same, escaped."""
    memo = request.__dict__.get("_save_button_parts")
    if memo is None:
        memo = request._save_button_parts = _button_parts() | {
            "hidden": (
                f"{csrf_field(context)}"
                f'<input type="hidden" name="next" value="{escape(request.get_full_path())}">'
            ),
        }
    return memo


@per_language
def _button_parts():
    """What every save button shows the same, escaped."""
    return {
        "save": escape(reverse("jobseekers:save", args=[_SENTINEL])),
        "unsave": escape(reverse("jobseekers:unsave", args=[_SENTINEL])),
        "saved": escape(gettext("Saved")),
        "remove": escape(gettext("Remove from saved")),
        "add": escape(gettext("Save job")),
    }


# What the form to save a search says, for a search of jobs and of trainings.
_SAVE_SEARCH_TEXTS = {
    Alert.Kind.JOBS: {
        "summary": gettext_lazy("Save this search as a job alert"),
        "sign_in": gettext_lazy("Sign in to save this search as a job alert"),
        "help": gettext_lazy(
            "New jobs of this search come to your e-mail. You can stop the alert at any time."
        ),
        "submit": gettext_lazy("Save job alert"),
    },
    Alert.Kind.TRAININGS: {
        "summary": gettext_lazy("Save this search as a training alert"),
        "sign_in": gettext_lazy("Sign in to save this search as a training alert"),
        "help": gettext_lazy(
            "New trainings of this search come to your e-mail. You can stop the alert at any time."
        ),
        "submit": gettext_lazy("Save training alert"),
    },
}


def save_search_form(context):
    """Save the list's search as an alert: the form for a signed-in person, a way to sign in
    for a visitor. The context's `alert` is what jobseekers.sections._alert_form gives: the
    search's query, the kind of alert and the id of its frequency's field."""
    request, alert = context["request"], context["alert"]
    signed_in = request.user.is_authenticated
    head, tail = _search_form(alert["kind"], alert["id"], signed_in)
    if signed_in:
        middle = csrf_field(context) + (
            f'<input type="hidden" name="query" value="{html_escape(alert["query"])}">'
        )
    else:  # the way back to this search after signing in
        middle = html_escape(quote(request.get_full_path(), safe="/"))
    return mark_safe(head + middle + tail)  # noqa: S308 - escaped here and in the parts


@per_language
def _search_form(kind, field_id, signed_in):
    """The form to save a search as an alert of `kind` (for a visitor, the link to sign in
    first), around what each request adds: (head, tail), escaped."""
    texts = {name: html_escape(str(text)) for name, text in _SAVE_SEARCH_TEXTS[kind].items()}
    head = f'<details class="save-search">\n<summary>{texts["summary"]}</summary>\n'
    if not signed_in:  # the request's address comes between, as ?next=
        head += f'<p><a href="{html_escape(reverse("account_login"))}?next='
        return head, f'">{texts["sign_in"]}</a></p>\n</details>'
    frequency = Alert._meta.get_field("frequency")
    initial, field_id = frequency.get_default(), html_escape(field_id)
    options = "".join(
        f'<option value="{html_escape(str(value))}"{" selected" if value == initial else ""}>'
        f"{html_escape(str(label))}</option>"
        for value, label in frequency.choices
    )
    head += f'<form method="post" action="{html_escape(reverse("jobseekers:create_alert"))}">\n'
    tail = (
        f'<input type="hidden" name="kind" value="{html_escape(str(kind))}">\n'
        f'<div class="field">\n<label for="{field_id}">{html_escape(str(frequency_label(kind)))}'
        f"</label>\n"
        f'<select name="frequency" id="{field_id}">\n{options}\n</select>\n</div>\n'
        f'<p class="muted">{texts["help"]}</p>\n<button type="submit">{texts["submit"]}</button>'
        "\n</form>\n</details>"
    )
    return head, tail
