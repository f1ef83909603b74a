"""Reading ids from what a visitor sends, so that no value can turn a page into an error."""

from django import forms


def is_id(value):
    """Whether `value` can be a primary key: ASCII digits, short enough for any integer column
    (a 40-digit number overflows the database's integer and must not reach it)."""
    return value.isascii() and value.isdigit() and len(value) < 10


class IdConverter:
    """`<id:name>` in a URL: a primary key (a 64-bit BigAutoField). A longer number is no
    page (404) rather than a value that overflows the database's integer (a 500)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


def understood_ids(values):
    """The values that can be primary keys."""
    return [value for value in values if is_id(value)]


def with_understood_ids(data, names):
    """A copy of the query `data` keeping, for each of `names`, only the understood ids."""
    if data is None:
        return None
    clean = data.copy()
    for name in names:
        clean.setlist(name, understood_ids(data.getlist(name)))
    return clean


class IdsMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, but a value that cannot be an id is "not one of the choices" before any
    query: on SQLite a 40-digit one raised OverflowError (a 500) instead."""

    def _check_values(self, value):
        for pk in value:
            if not is_id(str(pk)):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(pk)[:20]},
                )
        return super()._check_values(value)
