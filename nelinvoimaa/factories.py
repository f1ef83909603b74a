"""Building the core's objects, for the tests and the demo data (seed_demo)."""

from allauth.account.models import EmailAddress

from .models import Municipality, User


def make_user(email, password=None, *, verified=True, **fields):
    """A user whose e-mail address is verified (so they can sign in at once)."""
    user = User.objects.create_user(email, password, **fields)
    EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
    return user


def make_staff(email, password=None, *codes, **fields):
    """A staff member moderating the municipalities with these Statistics Finland codes."""
    user = make_user(email, password, is_staff=True, **fields)
    user.municipalities.set(Municipality.objects.filter(code__in=codes))
    return user
