"""The supervisor's side of the desk: live counts, the log, export and import, staff, reprint and void.

Shown only to supervisors, or to a counter once a supervisor has signed in on it (``gate.SupervisorDialog``).
"""
