"""Django's PostgreSQL backend with pooled connections checked by their first statement."""
