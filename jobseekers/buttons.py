"""The save button beside each job of the job list, drawn in Python (Section.draw)."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext

_SENTINEL = 987654321  # a job id in a reversed address, replaced by each job's


def _address(request, name, job_id):
    """reverse(name, job_id), reversed once per request (twenty jobs, one pattern)."""
    memo = request.__dict__.setdefault("_save_addresses", {})
    if name not in memo:
        memo[name] = reverse(name, args=[_SENTINEL])
    return memo[name].replace(str(_SENTINEL), str(job_id))


def save_button_in_list(context):
    """The save (or remove) button beside a job of the job list, as _save_button.html draws
    it, written in Python: a list shows twenty, and a template for each cost a signed-in
    list view about two milliseconds. Nothing for visitors."""
    request, job = context["request"], context["job"]
    if not request.user.is_authenticated:
        return ""
    token = format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', context.get("csrf_token")
    )
    back = format_html('<input type="hidden" name="next" value="{}">', request.get_full_path())
    title = format_html('<span class="visually-hidden">: {}</span>', job.title)
    if job.pk in context["saved_ids"]:
        return format_html(
            '<form method="post" action="{}" class="save-job">\n  {}{}\n'
            '  <span class="saved-mark">{}</span>\n'
            '  <button type="submit" class="link-button">{}{}</button>\n</form>',
            _address(request, "jobseekers:unsave", job.pk),
            token,
            back,
            gettext("Saved"),
            gettext("Remove from saved"),
            title,
        )
    return format_html(
        '<form method="post" action="{}" class="save-job">\n  {}{}\n'
        '  <button type="submit" class="button secondary">{}{}</button>\n</form>',
        _address(request, "jobseekers:save", job.pk),
        token,
        back,
        gettext("Save job"),
        title,
    )
