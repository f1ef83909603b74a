"""The demo content is plausible: every job is its employer's own trade, remote only where work
can be done remotely, and its dates make sense on every day of the year. All but the last test
need no database."""

from datetime import date, timedelta

from jobs import demo_content
from jobs.demo_content import EMPLOYERS, all_jobs, hiring_now, job_dates

# Work that can be done away from the workplace: bookings, invoicing, marketing, translation.
REMOTE_TITLE_WORDS = ("bokning", "laskutus", "markkinoi", "marketing", "käänt", "translat")
NEVER_REMOTE_SECTORS = {"forestry", "care", "cleaning", "agriculture", "construction"}
REMOTE_MARKS = ("etätyö", "distans", "remote")
FOOD_TITLE_WORDS = ("kokki", "keittiö", "leipuri", "leipomo", "kahvi", "tarjoilija", "ruoka")

FIRST_DAY = date(2027, 1, 1)  # 2027 and the leap year 2028, every day
DAYS = [FIRST_DAY + timedelta(days=n) for n in range((date(2028, 12, 31) - FIRST_DAY).days + 1)]
OFFSETS = (0, 1, 13, 38, 44, 59, 1000)
SEASONS = sorted({job["season"] for _employer, job in all_jobs() if job["season"]})


def months_of(season):
    start, end = season
    return {(start - 1 + n) % 12 + 1 for n in range((end - start) % 12 + 1)}


def test_there_are_enough_employers_and_jobs():
    assert len(EMPLOYERS) == 30
    assert len({employer["name"] for employer in EMPLOYERS}) == len(EMPLOYERS)
    assert 100 <= len(all_jobs()) <= 150
    for employer in EMPLOYERS:
        assert 3 <= len(employer["jobs"]) <= 6, employer["name"]


def test_every_value_is_one_the_models_accept():
    for employer in EMPLOYERS:
        assert employer["kind"] in demo_content.EMPLOYER_KINDS
        assert employer["municipality"] in demo_content.MUNICIPALITIES
        assert employer["language"] in demo_content.LANGUAGES
        assert set(employer["sectors"]) <= set(demo_content.SECTORS)
        assert employer["description"] and employer["why_work_here"]
    for _employer, job in all_jobs():
        assert job["employment_type"] in demo_content.EMPLOYMENT_TYPES
        assert job["working_time"] in demo_content.WORKING_TIMES
        assert job["language"] in demo_content.LANGUAGES
        assert len(job["title"]) <= 150 and len(job["languages"]) <= 150
        assert len(job["pay_description"]) <= 200 and len(job["housing_details"]) <= 300
        assert job["positions"] >= 1
        assert 2 <= job["description"].count(". ") + 1 <= 4, job["title"]


def test_every_job_is_in_one_of_its_employers_sectors():
    for employer, job in all_jobs():
        assert job["sector"] in employer["sectors"], (employer["name"], job["title"])


def test_every_sector_of_an_employer_has_a_job():
    for employer in EMPLOYERS:
        assert {job["sector"] for job in employer["jobs"]} == set(employer["sectors"])


def test_remote_only_where_the_work_can_be_done_remotely():
    remote = [job for _employer, job in all_jobs() if job["remote"]]
    assert remote
    for job in remote:
        assert job["sector"] not in NEVER_REMOTE_SECTORS, job["title"]
        assert any(word in job["title"].lower() for word in REMOTE_TITLE_WORDS), job["title"]
    for _employer, job in all_jobs():
        marked = any(mark in job["title"].lower() for mark in REMOTE_MARKS)
        assert marked == job["remote"], job["title"]


def test_every_employment_type_municipality_and_language_appears():
    jobs = [job for _employer, job in all_jobs()]
    assert {job["employment_type"] for job in jobs} == set(demo_content.EMPLOYMENT_TYPES)
    assert {employer["municipality"] for employer in EMPLOYERS} == set(demo_content.MUNICIPALITIES)
    assert {job["language"] for job in jobs} == {"fi", "sv", "en"}
    assert {employer["kind"] for employer in EMPLOYERS} == set(demo_content.EMPLOYER_KINDS)


def test_an_english_or_swedish_profile_posts_in_its_language():
    for employer, job in all_jobs():
        if employer["language"] != "fi":
            assert job["language"] == employer["language"], job["title"]


def test_households_post_small_gigs():
    households = [employer for employer in EMPLOYERS if employer["kind"] == "household"]
    assert households
    for employer in households:
        for job in employer["jobs"]:
            assert job["employment_type"] == "gig", job["title"]
            assert job["positions"] <= 2


def test_seasons_fit_the_employment_type():
    for _employer, job in all_jobs():
        if job["employment_type"] in demo_content.DATED_TYPES:
            assert job["season"] is not None, job["title"]
        if job["employment_type"] in {"permanent", "apprenticeship"}:
            assert job["season"] is None, job["title"]
        if job["employment_type"] == "summer":
            assert months_of(job["season"]) <= {5, 6, 7, 8, 9}, job["title"]


def test_every_month_of_the_year_has_seasonal_work():
    covered = set()
    for season in SEASONS:
        covered |= months_of(season)
    assert covered == set(range(1, 13))
    christmas = [
        job for _employer, job in all_jobs() if job["season"] and 12 in months_of(job["season"])
    ]
    assert len(christmas) >= 5


def test_pay_and_housing_and_requirements_are_stated():
    for _employer, job in all_jobs():
        assert job["pay_min"] or job["pay_description"], job["title"]
        if job["pay_min"]:
            assert job["pay_unit"] in demo_content.PAY_UNITS
            assert job["pay_max"] is None or job["pay_max"] >= job["pay_min"]
            assert (job["pay_unit"] == "hour") == (job["pay_min"] < 100), job["title"]
        assert job["housing_offered"] == bool(job["housing_details"])
        if job["sector"] == "construction":
            assert job["safety_card"], job["title"]
        title = job["title"].lower()
        if job["employment_type"] != "apprenticeship" and any(
            word in title for word in FOOD_TITLE_WORDS
        ):
            assert job["hygiene_passport"], job["title"]


def test_open_job_dates_on_every_day_of_two_years():
    for today in DAYS:
        for season in SEASONS:
            for offset in OFFSETS:
                start, end, deadline = job_dates(season, today, offset=offset)
                assert start > today + timedelta(days=14), (season, today)
                assert today + timedelta(days=7) <= deadline <= today + timedelta(days=45)
                assert deadline <= start - timedelta(days=7), (season, today, offset)
                assert end >= start
                assert start.month in months_of(season) and end.month == season[1]
                assert start.day == 1 or start.weekday() == 0  # nominal, or a late Monday


def test_closed_job_dates_on_every_day_of_two_years():
    for today in DAYS:
        for season in SEASONS:
            for offset in OFFSETS:
                start, end, deadline = job_dates(season, today, closed=True, offset=offset)
                assert start <= end < today, (season, today)
                assert deadline < start and deadline < today
                assert (start.month, start.day) == (season[0], 1)
                # The last run that ended: the next one has not ended yet.
                later = job_dates(season, end + timedelta(days=1), closed=True)
                assert later[1] == end


def test_ongoing_job_dates():
    for today in DAYS:
        for offset in OFFSETS:
            start, end, deadline = job_dates(None, today, offset=offset)
            assert start is end is None
            assert today + timedelta(days=14) <= deadline <= today + timedelta(days=60)
            start, end, deadline = job_dates(None, today, closed=True, offset=offset)
            assert start is end is None
            assert today - timedelta(days=60) <= deadline < today


def test_the_offset_varies_the_deadline():
    deadlines = {job_dates((6, 8), date(2027, 3, 1), offset=n)[2] for n in range(40)}
    assert len(deadlines) == 39  # 7..45 days ahead


def test_christmas_seen_in_late_november_starts_in_december():
    start, end, deadline = job_dates((11, 1), date(2027, 11, 28))
    assert start == date(2027, 12, 13)  # the first Monday after the two weeks' lead
    assert end == date(2028, 1, 31)
    assert date(2027, 12, 5) <= deadline <= date(2027, 12, 6)
    # Too little left of a December-only season on 10 December: next year's.
    assert job_dates((11, 12), date(2027, 12, 10))[0] == date(2028, 11, 1)


def test_a_summer_job_is_posted_next_summer_after_the_season():
    assert job_dates((6, 8), date(2027, 8, 10))[0] == date(2028, 6, 1)
    assert job_dates((6, 8), date(2027, 7, 1))[0] == date(2027, 7, 19)
    assert job_dates((6, 8), date(2027, 8, 10), closed=True)[:2] == (
        date(2026, 6, 1),
        date(2026, 8, 31),
    )


def test_hiring_now():
    assert hiring_now(None, date(2027, 9, 1))
    assert not hiring_now((6, 8), date(2027, 9, 1))
    assert hiring_now((6, 8), date(2028, 1, 15))
    assert hiring_now((11, 1), date(2027, 9, 1))


def test_the_lists_repeat_the_models(db):
    from django.conf import settings

    from employers.models import EmployerKind
    from jobs.models import EmploymentType, PayUnit, WorkingTime
    from nelinvoimaa.models import Municipality, Sector

    assert set(demo_content.EMPLOYER_KINDS) == set(EmployerKind.values)
    assert set(demo_content.EMPLOYMENT_TYPES) == set(EmploymentType.values)
    assert set(demo_content.WORKING_TIMES) == set(WorkingTime.values)
    assert set(demo_content.PAY_UNITS) == set(PayUnit.values)
    assert set(demo_content.LANGUAGES) == {code for code, _name in settings.LANGUAGES}
    assert set(demo_content.SECTORS) == set(Sector.objects.values_list("slug", flat=True))
    assert dict(Municipality.objects.values_list("code", "name_fi")) == demo_content.MUNICIPALITIES
