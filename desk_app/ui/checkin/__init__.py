"""The check-in screen: scan the printout, check the ID, press Enter, hand over the printed badge.

``CheckinView`` is the screen the main window shows; the rest are its parts (one job per module) and the
``CheckinController`` that runs the desk's work off the GUI thread.
"""

from desk_app.ui.checkin.view import CheckinView, Stage

__all__ = ["CheckinView", "Stage"]
