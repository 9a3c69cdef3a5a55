"""Hypothesis settings for the unit suite: bounded examples, no timing deadline, no database."""

from hypothesis import HealthCheck, settings

# No example database: the same suite runs inside Pyodide and must not write
# files. No deadline: WebAssembly timings vary too much to be a test.
settings.register_profile(
    "unit",
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("unit")
