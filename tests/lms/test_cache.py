"""The production cache backend (django-redis) against the real Redis on 127.0.0.1."""

import uuid

import pytest
from django_redis.cache import RedisCache


@pytest.fixture
def redis_cache():
    cache = RedisCache("redis://127.0.0.1:6379/14", {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})
    yield cache
    cache.clear()


def test_it_behaves_as_djangos_redis_cache(redis_cache):
    redis_cache.set("route", {"pk": 7, "url_path": "/home/courses/"}, 60)
    redis_cache.set_many({"a": 1, "b": [2, 3]}, 60)

    assert redis_cache.get("route") == {"pk": 7, "url_path": "/home/courses/"}
    assert redis_cache.get_many(["a", "b", "missing"]) == {"a": 1, "b": [2, 3]}
    assert redis_cache.add("a", 5) is False
    assert redis_cache.incr("a") == 2
    redis_cache.delete("a")
    assert redis_cache.get("a") is None


def test_one_client_object_serves_every_operation(redis_cache):
    client = redis_cache.client

    assert client.get_client() is client.get_client(write=True)
    assert client.get_client(write=False) is client.get_client()
