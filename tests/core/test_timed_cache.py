"""The shared cache whose answers serve for a few seconds."""

import threading

from planner.core.timed_cache import TimedCache


def counting(values=None):
    reads = []

    def read(key, *extra):
        reads.append((key, *extra))
        return (values or {}).get(key, key)

    return read, reads


def test_a_key_is_read_once_while_its_answer_is_fresh():
    read, reads = counting()
    cache = TimedCache(read, ttl=60)
    assert [cache.get(1), cache.get(1), cache.get(2), cache.get(1)] == [1, 1, 2, 1]
    assert reads == [(1,), (2,)]


def test_an_answer_past_its_time_is_read_again():
    read, reads = counting()
    cache = TimedCache(read, ttl=60)
    cache.get("a")
    cache.ttl = 0  # as if a minute had passed
    cache.get("a")
    assert reads == [("a",), ("a",)]


def test_what_the_read_needs_besides_the_key_is_not_part_of_the_key():
    read, reads = counting()
    cache = TimedCache(read, ttl=60)
    assert cache.get(("hash", 1), "secret") == ("hash", 1)
    assert cache.get(("hash", 1), "another") == ("hash", 1)  # served: same key
    assert reads == [(("hash", 1), "secret")]


def test_none_is_an_answer_too():
    read, reads = counting({"gone": None})
    cache = TimedCache(read, ttl=60)
    assert cache.get("gone") is None and cache.get("gone") is None
    assert len(reads) == 1


def test_forget_and_a_full_cache_start_over():
    read, reads = counting()
    cache = TimedCache(read, ttl=60, maxsize=2)
    cache.get(1)
    cache.get(2)
    cache.get(3)  # full: starts over with 3 alone
    cache.get(2)
    assert reads == [(1,), (2,), (3,), (2,)]
    cache.forget()
    cache.get(2)
    assert reads[-1] == (2,) and len(reads) == 5


def test_threads_share_one_answer():
    read, reads = counting()
    cache = TimedCache(read, ttl=60)
    cache.get("round")
    threads = [threading.Thread(target=cache.get, args=("round",)) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert reads == [("round",)]


def test_a_value_put_is_served_as_if_read():
    read, reads = counting()
    cache = TimedCache(read, ttl=60)
    cache.put("code", True)
    assert cache.get("code") is True and reads == []
