"""Demo organisation and people. (Filled in by the seed work for issue 2.)"""


def seed(*, stdout=None):
    raise NotImplementedError
