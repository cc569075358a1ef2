"""Operations: the dead-letter record of tasks that failed all their retries.

Stands on Django, Wagtail and Celery only (the ground floor, with ``common`` and ``pagecache``):
it records any task's failure without knowing what the task does.
"""
