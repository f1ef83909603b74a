import pytest
from django.core.exceptions import ValidationError

from employers.business_id import normalize_business_id, validate_business_id


@pytest.mark.parametrize(
    "value", ["0112038-9", "1572860-0", "2331972-7", "112038-9", " 0737546-2 ", "1234567-1"]
)
def test_valid_business_ids_pass(value):
    validate_business_id(value)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("0112038-8", "checksum"),  # wrong check digit
        ("1234568-0", "checksum"),  # remainder 1: no check digit makes these digits valid
        ("1234568-1", "checksum"),
        ("01120389", "format"),  # hyphen missing
        ("FI01120389", "format"),  # a VAT number, not a Business ID
        ("0112038-", "format"),
        ("abc", "format"),
    ],
)
def test_invalid_business_ids_are_refused(value, code):
    with pytest.raises(ValidationError) as exc:
        validate_business_id(value)
    assert exc.value.code == code


def test_short_form_is_padded_with_a_leading_zero():
    assert normalize_business_id("112038-9") == "0112038-9"
