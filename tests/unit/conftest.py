"""Hypothesis settings for the unit suite: bounded examples, no timing deadline, no database.

Two profiles, picked by the HYPOTHESIS_PROFILE environment variable: "thorough" (the default,
what `make test` runs on CPython) and "fast" (`make test-fast`, and the run inside Pyodide:
fewer examples, the same properties). A test that asks for fewer examples than the profile caps
its count with `min(n, settings().max_examples)`, so the fast profile bounds it too.
"""

import os

from hypothesis import HealthCheck, settings

# No example database: the same suite runs inside Pyodide and must not write
# files. No deadline: WebAssembly timings vary too much to be a test.
settings.register_profile(
    "thorough",
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("fast", settings.get_profile("thorough"), max_examples=15)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "thorough"))
