"""Give one benchmark login every role, so the front page shows every panel.

    python bench/every_role.py bench_many

Makes the person a handbook editor, a records officer, a moderator of every
topic in the rooms they see, and the owner of one closed room (through the
same service the members page uses). Idempotent; for benchmark databases only.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(username: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.contrib.auth.models import Group

    import access
    from forum.models import Room
    from forum.services import room_member_add, room_member_set_role
    from people.models import User

    user = User.objects.get(username=username)
    for name in (access.HANDBOOK_EDITORS, access.RECORDS_OFFICERS):
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    for topic in access.topics_visible_to(user):
        topic.moderators.add(user)
    room = Room.objects.filter(kind=Room.Kind.CLOSED).order_by("pk").first()
    membership = room.memberships.filter(user=user).first()
    if membership is None:
        room_member_add(room=room, by=None, role="owner", user=user)
    elif membership.role != "owner":
        room_member_set_role(membership=membership, by=None, role="owner")
    access.forget(user)
    print(f"{username}: moderator, editor, records officer, owner of «{room.name}»")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench_many")
