"""The window's door to the service and the devices: each call off the window's thread, its answer back on it.

:mod:`.runner` runs the service's operations on the program's worker threads, :mod:`.hall_desk` puts a hall's
server behind the same door and :mod:`.server_words` says what its transport met; a lost database
connection is noticed and tried again (:mod:`.connection`); a device's blocking call has a thread of its own
(:mod:`.device_call`); and the cyclic garbage collector runs on the window's thread only, so that those
threads never free a Qt object (:mod:`.collector`).
"""
