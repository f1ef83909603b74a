import gc


def test_what_the_master_loads_is_left_out_of_the_workers_garbage_collection():
    import nelinvoimaa.wsgi  # noqa: F401 - gunicorn's master imports it before forking

    # Voikko's morphology alone is over a million objects, none of which a full collection
    # walks any more.
    assert gc.get_freeze_count() > 1_000_000
