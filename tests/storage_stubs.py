"""A private storage that runs out of space after ``capacity`` bytes, like a full disk."""

import errno
import os

from django.core.files.storage import FileSystemStorage


class FullDiskStorage(FileSystemStorage):
    """Writes like FileSystemStorage until ``capacity`` bytes in total, then ENOSPC mid-file."""

    def __init__(self, *, capacity: int, **kwargs):
        super().__init__(**kwargs)
        self.capacity = capacity
        self.written = 0

    def _save(self, name, content):
        full_path = self.path(name)
        os.makedirs(os.path.dirname(full_path), exist_ok=True)
        with open(full_path, "xb") as handle:  # leaves what it wrote, as a real full disk does
            for chunk in content.chunks(chunk_size=1024):
                room = self.capacity - self.written
                handle.write(chunk[: max(room, 0)])
                self.written += min(len(chunk), max(room, 0))
                if len(chunk) > room:
                    handle.flush()
                    raise OSError(errno.ENOSPC, "No space left on device")
        return name
