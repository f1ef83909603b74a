"""Reading what a query string asks for, so that no value can turn a page into an error."""


def understood_ids(values):
    """The values that can be primary keys: ASCII digits, short enough for any integer column
    (a 40-digit number overflows the database's integer and must not reach it)."""
    return [value for value in values if value.isascii() and value.isdigit() and len(value) < 10]


def with_understood_ids(data, names):
    """A copy of the query `data` keeping, for each of `names`, only the understood ids."""
    if data is None:
        return None
    clean = data.copy()
    for name in names:
        clean.setlist(name, understood_ids(data.getlist(name)))
    return clean
