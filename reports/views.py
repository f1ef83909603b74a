from contextlib import suppress

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from jobs.models import TransitionError
from nelinvoimaa.staff import staff_only

from .figures import gather, scope, tables
from .forms import PeriodForm, default_period
from .reminders import job_from_token


@require_safe
@never_cache
@staff_only
def figures(request):
    period = default_period()
    form = PeriodForm(request.GET if "start" in request.GET else None, initial=vars(period))
    context = {"form": form}
    if not form.is_bound or form.is_valid():
        period = form.period() if form.is_bound else period
        municipalities, ids = scope(request.user)
        summary, sectors, monthly = tables(gather(period, ids), period, municipalities)
        if "csv" in request.GET:
            every = {t.key: t for t in [summary, sectors, *(table for _f, table, _c in monthly)]}
            return csv_response(every.get(request.GET["csv"]), period)
        context |= {
            "period": period,
            "municipalities": municipalities,
            "summary": summary,
            "sectors": sectors,
            "monthly": monthly,
        }
    return render(request, "reports/figures.html", context)


def csv_response(table, period):
    if table is None:
        raise Http404
    response = HttpResponse("\ufeff" + table.csv(), content_type="text/csv; charset=utf-8")
    name = f"nelinvoimaa-{table.key}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


ANSWERS = {"keep", "close"}


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def job_check(request, token, answer):
    """An employer's answer from the halfway e-mail, without signing in: the signed link names
    the job. The GET only asks to confirm (mail scanners follow links); the POST acts."""
    job = job_from_token(token) if answer in ANSWERS else None
    if job is None:
        raise Http404
    done = None
    if request.method == "POST" and job.is_open:
        if answer == "close":
            # Closed a moment ago (another click, the deadline): the page says it is closed.
            with suppress(TransitionError):
                job.close(None, gettext("Closed by the employer from the e-mail link."))
            job.refresh_from_db()
        done = answer
    return render(request, "reports/job_check.html", {"job": job, "answer": answer, "done": done})
