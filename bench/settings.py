"""Settings for load benchmarks: the real settings plus a hello-world URL (the ceiling)."""

from fagrom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
