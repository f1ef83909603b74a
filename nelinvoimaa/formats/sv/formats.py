# Swedish in Finland writes dates and money as Finnish does (GLOSSARY.md).
from nelinvoimaa.formats.fi.formats import *  # noqa: F403
