"""The local web app: a store → pages to browse, search and add to (``kliping serve``). See app.py for the routes."""

from kliping.show.web.app import create_app

__all__ = ["create_app"]
