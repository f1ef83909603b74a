from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from nelinvoimaa.ids import IdsMultipleChoiceField
from nelinvoimaa.images import process_image

from .business_id import normalize_business_id
from .models import MAX_PHOTOS, Employer, Invitation, Membership, Photo

LOGO_SIDE = 512
PHOTO_SIDE = 1600


class EmployerForm(forms.ModelForm):
    postal_code = forms.CharField(
        label=_("postal code"),
        required=False,
        max_length=5,
        validators=[RegexValidator(r"^\d{5}$", _("A postal code has five digits."))],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )

    class Meta:
        model = Employer
        fields = [
            "kind",
            "name",
            "business_id",
            "municipality",
            "street_address",
            "postal_code",
            "post_office",
            "website",
            "contact_email",
            "contact_phone",
            "description",
            "why_work_here",
            "language",
            "sectors",
            "logo",
            "video_url",
            "rejection_message_fi",
            "rejection_message_sv",
            "rejection_message_en",
        ]
        field_classes = {"sectors": IdsMultipleChoiceField}
        widgets = {
            "kind": forms.RadioSelect,
            "language": forms.RadioSelect,
            "sectors": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
            "why_work_here": forms.Textarea(attrs={"rows": 6}),
            "rejection_message_fi": forms.Textarea(attrs={"rows": 4}),
            "rejection_message_sv": forms.Textarea(attrs={"rows": 4}),
            "rejection_message_en": forms.Textarea(attrs={"rows": 4}),
            "logo": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
            "street_address": forms.TextInput(attrs={"autocomplete": "address-line1"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].empty_label = None
        self.fields["municipality"].widget = forms.RadioSelect(
            choices=self.fields["municipality"].choices
        )

    def clean_business_id(self):
        business_id = normalize_business_id(self.cleaned_data["business_id"])
        if business_id:
            taken = Employer.objects.filter(business_id=business_id).exclude(pk=self.instance.pk)
            if taken.exists():
                raise forms.ValidationError(
                    _(
                        "%(name)s is already registered with this Business ID. Ask its owner to "
                        "invite you as a member."
                    ),
                    params={"name": taken.first().name},
                    code="taken",
                )
        return business_id

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):  # a new upload, not the stored file
            return process_image(logo, LOGO_SIDE)
        return logo


class PhotoForm(forms.ModelForm):
    prefix = "photo"  # shown beside EmployerForm, which has a `description` too

    class Meta:
        model = Photo
        fields = ["image", "description"]
        widgets = {"image": forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})}

    def __init__(self, *args, employer, **kwargs):
        super().__init__(*args, **kwargs)
        self.employer = employer

    def clean_image(self):
        return process_image(self.cleaned_data["image"], PHOTO_SIDE)

    def clean(self):
        if self.employer.photos.count() >= MAX_PHOTOS:
            raise forms.ValidationError(
                _("An employer can have at most %(max)d photos. Remove one first."),
                params={"max": MAX_PHOTOS},
            )
        return super().clean()

    def save(self, commit=True):
        self.instance.employer = self.employer
        return super().save(commit)


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role"]
        widgets = {"role": forms.RadioSelect}

    def __init__(self, *args, employer, **kwargs):
        super().__init__(*args, **kwargs)
        self.employer = employer

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if self.employer.memberships.filter(user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person is already a member."))
        return email


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("role"), choices=Membership.Role.choices)


class NotifyForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["notify"]
        widgets = {"notify": forms.RadioSelect}
