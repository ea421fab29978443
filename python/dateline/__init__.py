"""dateline: timelines from news articles.

Dates resolved against the publication date, the events they date, places
resolved to GeoNames, and who acted — from dateline's Rust engine. Results
are the command line's JSON records as lists and dicts.

>>> import dateline
>>> [t["value"] for t in dateline.tag("Talks resume on Monday.", "2020-11-26")]
['2020-11-30']
"""

from dateline._dateline import Error, Pipeline, Store, __version__, entities, tag, timeline

__all__ = ["Error", "Pipeline", "Store", "__version__", "entities", "tag", "timeline"]
