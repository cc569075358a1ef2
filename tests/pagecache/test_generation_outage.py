"""A cache outage never fails a request that reads the page-tree generation (the Redis drill)."""

from django.core.cache import cache

from pagecache import generation


def test_an_unreachable_cache_answers_the_uncached_generation(monkeypatch):
    def refused(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(cache, "get_or_set", refused)
    assert generation.current_generation() == generation.UNREACHABLE == 0
    assert generation.kept_for((1, "cached page"), generation.current_generation()) is None  # nothing stale


def test_a_save_during_a_cache_outage_is_not_failed_by_the_generation_bump(monkeypatch, caplog):
    def refused(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(cache, "incr", refused)
    monkeypatch.setattr(cache, "set", refused)
    generation._incr()  # no exception: logged
    assert "generation not bumped" in caplog.text
