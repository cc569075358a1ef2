"""Django's Redis cache, with one redis-py client per connection pool.

Django 5.2 builds a new ``redis.Redis`` object for every cache operation
(``RedisCacheClient.get_client``). On the benchmark machine each costs about 0.2 ms, and a page
makes six to ten cache operations (session, route, chrome, course structure, syllabus, rate
limits). redis-py clients are thread-safe and only hold their pool, so one per pool is enough.
Everything else (pools, serialisation, key handling) is Django's own.
"""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class PooledRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(self._servers[index], **self._pool_options)
            client = self._clients[index] = self._client(connection_pool=self._pools[index])
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = PooledRedisCacheClient
