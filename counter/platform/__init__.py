"""The region's 一体化政务服务平台 as the hall reports to it: which steps of a case and of a rating it is told of,
each event's one key, and the mapping of the app's fields to the platform's elements (GB/T 39046-2020, the 好差评
rules), read from a data file per platform (``counter/resources/platform/*.toml``).

The outbox that keeps the events is :mod:`counter.db.platform_store`; the sender,
:mod:`counter.actions.outbox.platform`;
one request, :mod:`counter.host.outward.platform_client`.  ``docs/platform.md`` lists every element and its source.
"""
