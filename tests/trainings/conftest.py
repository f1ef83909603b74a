"""Personas and trainings for the trainings' tests."""

import pytest

from tests.conftest import make_employer, make_user
from trainings.factories import make_enrolment, make_training  # noqa: F401


@pytest.fixture
def school_owner(db):
    return make_user("rehtori@gradia.example.com", full_name="Raili Rehtori")


@pytest.fixture
def school(school_owner):
    """Gradia, a verified school in Joutsa."""
    return make_employer("Gradia", school_owner, "172", kind="school", verified=True)


@pytest.fixture
def unverified_school(db):
    owner = make_user("opettaja@salpaus.example.com")
    return make_employer("Koulutuskeskus Salpaus", owner, "781", kind="school")


@pytest.fixture
def other_provider_owner(db):
    user = make_user("omistaja@esedu.example.com")
    make_employer("Esedu", user, "588", kind="school", verified=True)
    return user


@pytest.fixture
def care_home(db):
    owner = make_user("omistaja@kotirinne.example.com")
    return make_employer("Hoivakoti Kotirinne", owner, "081", sectors=["care"])


@pytest.fixture
def training(school, care_home):
    """A published training of Gradia in Joutsa, two places, one placement employer."""
    return make_training(
        school,
        "published",
        title="Lähellä lähihoitajaksi",
        kind="apprenticeship",
        format="on_the_job",
        capacity=2,
        questions="Mikä sinua kiinnostaa hoitotyössä?\nTarvitsetko kyydin Sysmästä?",
        placements=[care_home],
    )


@pytest.fixture
def student(db):
    return make_user("opiskelija@example.com", full_name="Olga Opiskelija", language="sv")


@pytest.fixture
def outsider(db):
    return make_user("ulkopuolinen@example.com", full_name="Ulla Ulkopuolinen")
