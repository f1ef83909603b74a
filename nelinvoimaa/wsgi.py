import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nelinvoimaa.settings")
application = get_wsgi_application()

# Voikko's Finnish morphology takes about a second and 240 MB to load. Loaded here, in
# gunicorn's master (preload_app), its memory is shared by the forked workers, and no
# worker's first search waits for it.
from nelinvoimaa.words import warm_up  # noqa: E402

warm_up()
