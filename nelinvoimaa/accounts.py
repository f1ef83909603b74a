"""django-allauth glue: the sign-up form, and e-mails sent through a background task."""

from types import SimpleNamespace
from urllib.parse import urlencode, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_next_redirect_url
from allauth.core import context as allauth_context
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .emails import enqueue_message

SIGNUP_NEXT = "signup_next"


class SignupForm(forms.Form):
    full_name = forms.CharField(
        label=_("Name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user):
        # Where the visitor was going (e.g. a job's application form): kept in the session
        # through the e-mail verification, which ends in a sign-in (AccountAdapter below), and
        # in the confirmation link for another browser. Only a path of this site, never a host.
        next_url = request.POST.get("next") or request.GET.get("next")
        if (
            next_url
            and next_url.startswith("/")
            and url_has_allowed_host_and_scheme(next_url, allowed_hosts=None)
        ):
            request.session[SIGNUP_NEXT] = next_url
        user.full_name = self.cleaned_data["full_name"]
        user.language = (get_language() or "fi")[:2]
        user.save(update_fields=["full_name", "language"])


def _with_next(url, next_url):
    return f"{url}?{urlencode({'next': next_url})}"


class AccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email):
        # Django's form field takes 320 characters, the address columns 254: allauth would cut
        # a longer one to an address nobody reads (or PostgreSQL refuse it) rather than say so.
        # Signing up, adding and changing an address all ask this.
        limit = get_user_model()._meta.get_field("email").max_length
        if len(email) > limit:
            raise ValidationError(
                _("An e-mail address can be at most %(limit)d characters long."),
                code="max_length",
                params={"limit": limit},
            )
        return super().clean_email(email)

    def get_login_redirect_url(self, request):
        return request.session.pop(SIGNUP_NEXT, None) or super().get_login_redirect_url(request)

    def get_email_confirmation_url(self, request, emailconfirmation):
        # The link carries where the visitor was going too, so that opening it in another
        # browser (the phone), where the session of the sign-up is not, still leads there.
        url = super().get_email_confirmation_url(request, emailconfirmation)
        next_url = request.session.get(SIGNUP_NEXT) if request else None
        return _with_next(url, next_url) if next_url else url

    def send_mail(self, template_prefix, email, context):
        request = allauth_context.request  # None outside a request, e.g. in a command
        domain = request.get_host() if request else urlsplit(settings.SITE_URL).netloc
        site = SimpleNamespace(name="Nelinvoimaa", domain=domain)
        context = {"request": request, "email": email, "current_site": site} | context
        # Rendered now, in the request's language; sent by a task after the transaction commits.
        enqueue_message(self.render_mail(template_prefix, email, context))


def confirm_email(request, key):
    """allauth's e-mail confirmation, which honours the link's `next` (checked by the adapter's
    is_safe_url). allauth signs in on confirmation only in the browser that signed up; in any
    other the visitor is sent to sign in first, with the same `next`, not to the page signed out.
    """
    # allauth's views import its forms, which import SignupForm above: imported here, when used.
    from allauth.account.views import confirm_email as allauth_confirm_email

    response = allauth_confirm_email(request, key=key)
    next_url = get_next_redirect_url(request)
    if (
        next_url
        and request.method == "POST"
        and response.status_code == 302
        and not request.user.is_authenticated
    ):
        return redirect(_with_next(reverse("account_login"), next_url))
    return response


class ProfileForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["full_name", "phone", "language"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "language": forms.RadioSelect,
        }
