"""Working days in Finland: Monday to Friday, except the public holidays."""

from datetime import date, timedelta


def easter(year):
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday) // 433
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holidays(year):
    """The public holidays (and the eves offices close) that fall on a weekday."""
    sunday = easter(year)
    midsummer_eve = next(date(year, 6, d) for d in range(19, 26) if date(year, 6, d).weekday() == 4)
    return {
        date(year, 1, 1),
        date(year, 1, 6),
        sunday - timedelta(days=2),  # Good Friday
        sunday + timedelta(days=1),  # Easter Monday
        date(year, 5, 1),
        sunday + timedelta(days=39),  # Ascension Day
        midsummer_eve,
        date(year, 12, 6),
        date(year, 12, 24),
        date(year, 12, 25),
        date(year, 12, 26),
    }


def is_working_day(day):
    return day.weekday() < 5 and day not in holidays(day.year)


def working_days_after(start, end):
    """How many working days there are after `start`, up to and including `end`."""
    day, count = start + timedelta(days=1), 0
    while day <= end:
        count += is_working_day(day)
        day += timedelta(days=1)
    return count
