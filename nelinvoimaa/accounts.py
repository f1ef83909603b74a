"""django-allauth glue: the sign-up form, and e-mails sent through a background task."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
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
        # through the e-mail verification, which ends in a sign-in (AccountAdapter below).
        next_url = request.POST.get("next") or request.GET.get("next")
        if next_url and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            request.session[SIGNUP_NEXT] = next_url
        user.full_name = self.cleaned_data["full_name"]
        user.language = (get_language() or "fi")[:2]
        user.save(update_fields=["full_name", "language"])


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        return request.session.pop(SIGNUP_NEXT, None) or super().get_login_redirect_url(request)

    def send_mail(self, template_prefix, email, context):
        request = allauth_context.request  # None outside a request, e.g. in a command
        domain = request.get_host() if request else urlsplit(settings.SITE_URL).netloc
        site = SimpleNamespace(name="Nelinvoimaa", domain=domain)
        context = {"request": request, "email": email, "current_site": site} | context
        # Rendered now, in the request's language; sent by a task after the transaction commits.
        enqueue_message(self.render_mail(template_prefix, email, context))


class ProfileForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["full_name", "phone", "language"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "language": forms.RadioSelect,
        }
