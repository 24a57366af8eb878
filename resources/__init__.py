"""The desk's data files: event configurations, fonts (with their licence), translations and sounds.

Installed as the package ``desk_resources`` (setup.cfg maps it to this folder), so the wheel and the bundle carry
these files and the code finds them with ``importlib.resources``, wherever it is installed.
"""
