"""Settings for load benchmarks: the real settings plus a hello-world URL (the ceiling)."""

from fagrom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
CACHES["default"]["KEY_PREFIX"] = "bench"  # noqa: F405 - the bench's Redis keys apart from others'
