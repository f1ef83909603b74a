from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Alert


class AlertForm(forms.ModelForm):
    """A job alert of the search in `query` (the job list's parameters)."""

    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)

    class Meta:
        model = Alert
        fields = ["frequency"]
        labels = {"frequency": _("Send new jobs")}


class FrequencyForm(forms.ModelForm):
    class Meta:
        model = Alert
        fields = ["frequency"]
        labels = {"frequency": _("Send new jobs")}
