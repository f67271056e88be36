"""gunicorn's settings for Fagrom, read from the working directory by every ``gunicorn`` run.

Memory: a worker imports ~2 300 modules (Wagtail alone 450) before it answers anything,
about 140 MB. Imported once in the master (``preload_app``) and then forked, the workers
share those pages copy-on-write. Python's collector would still write to every shared
object (its generation bookkeeping), copying the pages one by one; ``gc.freeze()`` in the
master moves everything imported so far out of its reach. Measured with two workers at
1 M posts after pages and searches (bench/RESULTS.md, "Memory"): proportional memory per
worker 131 MB without either, 108 MB with preload, 87 MB with both.

Preloading means a code upgrade needs a restart of the service (``systemctl restart``),
not ``kill -HUP``; nothing opens a database or cache connection at import, so none is
shared between workers. Anything given on the command line overrides this file.
"""

import gc

preload_app = True


def when_ready(server):
    gc.freeze()
