"""`movekit preview`: the plan's HTML document served on this machine, redrawn on every save.

build.py renders one plan (or keeps its errors), page.py adds the live-update script and
the error banner, index.py lists a folder's plans, site.py holds what is served, events.py
streams changes (Server-Sent Events), watcher.py notices saves, server.py answers requests.
"""
