"""Fictional applicants for the demo database and the benchmarks: names, placeholder photos, a played morning.

Nothing here describes a real person: names are random pairings from common-name pools, outlets are invented,
emails use the example.org/.com/.net domains reserved for documentation.
"""
