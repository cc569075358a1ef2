from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def learn_dashboard(request):
    """나의 강의실: the trainee's own enrolments, progress and certificates."""
    return render(request, "courses/learn.html", {})
