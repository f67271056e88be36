from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from forum.services import threads_recent_for
from people import access


@login_required
def home(request):
    """The front page: what is new where the person has access."""
    return render(
        request,
        "home.html",
        {
            "recent_threads": threads_recent_for(request.user),
            "rooms": access.rooms_visible_to(request.user),
        },
    )
