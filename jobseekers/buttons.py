"""The save button of a job, drawn in Python (Section.draw): on the job's page, and beside each
job of the job list, where a template for each of twenty cost a signed-in list view about two
milliseconds. Likewise the form that saves a list's search as an alert. What is the same for
every button of a request (its addresses, the CSRF token, the way back, the words) is made once
per request; each button adds its job."""

from urllib.parse import quote

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_lazy

from nelinvoimaa.contributions import csrf_field

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
    title = f'<span class="visually-hidden">: {escape(job.title)}</span>'
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
        memo = request._save_button_parts = {
            "save": escape(reverse("jobseekers:save", args=[_SENTINEL])),
            "unsave": escape(reverse("jobseekers:unsave", args=[_SENTINEL])),
            "hidden": (
                f"{csrf_field(context)}"
                f'<input type="hidden" name="next" value="{escape(request.get_full_path())}">'
            ),
            "saved": escape(gettext("Saved")),
            "remove": escape(gettext("Remove from saved")),
            "add": escape(gettext("Save job")),
        }
    return memo


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
    for a visitor. The context's `alert` is what jobseekers.sections._alert_form gives."""
    request, alert = context["request"], context["alert"]
    texts = _SAVE_SEARCH_TEXTS[alert["kind"]]
    if not request.user.is_authenticated:
        body = format_html(
            '<p><a href="{}?next={}">{}</a></p>',
            reverse("account_login"),
            quote(request.get_full_path(), safe="/"),
            texts["sign_in"],
        )
    else:
        options = "".join(
            format_html(
                '<option value="{}"{}>{}</option>',
                value,
                " selected" if value == alert["initial"] else "",
                label,
            )
            for value, label in alert["choices"]
        )
        body = format_html(
            '<form method="post" action="{}">\n{}'
            '<input type="hidden" name="query" value="{}">'
            '<input type="hidden" name="kind" value="{}">\n'
            '<div class="field">\n<label for="{}">{}</label>\n'
            '<select name="frequency" id="{}">\n{}\n</select>\n</div>\n'
            '<p class="muted">{}</p>\n<button type="submit">{}</button>\n</form>',
            reverse("jobseekers:create_alert"),
            csrf_field(context),
            alert["query"],
            alert["kind"],
            alert["id"],
            alert["label"],
            alert["id"],
            mark_safe(options),  # noqa: S308 - each option escaped by format_html above
            texts["help"],
            texts["submit"],
        )
    return format_html(
        '<details class="save-search">\n<summary>{}</summary>\n{}\n</details>',
        texts["summary"],
        body,
    )
