"""The Finnish Business ID (Y-tunnus): seven digits, a hyphen and a check digit."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
PATTERN = re.compile(r"^(\d{6,7})-(\d)$")


def normalize_business_id(value):
    """'0112038-9', ' 112038-9 ' → '0112038-9'; anything else is returned stripped."""
    value = (value or "").strip().replace("–", "-")
    match = PATTERN.match(value)
    return f"{match.group(1).zfill(7)}-{match.group(2)}" if match else value


def check_digit(digits):
    remainder = sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11
    if remainder == 1:
        return None  # no valid Business ID has this remainder
    return 0 if remainder == 0 else 11 - remainder


def validate_business_id(value):
    match = PATTERN.match(normalize_business_id(value))
    if not match:
        raise ValidationError(_("Enter the Business ID in the form 1234567-8."), code="format")
    digits, check = match.group(1).zfill(7), int(match.group(2))
    if check_digit(digits) != check:
        raise ValidationError(
            _("This Business ID is not valid: its check digit does not match."), code="checksum"
        )
