import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nelinvoimaa.settings")
application = get_wsgi_application()

# Voikko's Finnish morphology takes about a second and 240 MB to load. Loaded here, in
# gunicorn's master (preload_app), its memory is shared by the forked workers, and no
# worker's first search waits for it.
from nelinvoimaa.words import warm_up  # noqa: E402

warm_up()

# What is loaded by now lives as long as the process: some 1.5 million objects, nearly all
# Voikko's. Frozen, they are left out of the garbage collector's full collections, which
# walked them all: a pause of 120-240 ms every few hundred requests in each worker (measured
# with gc.callbacks at 50,000 jobs). Nor does the collector write to their memory, which the
# forked workers then keep sharing with the master.
gc.collect()
gc.freeze()
