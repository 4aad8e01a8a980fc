"""Input loaders: files and streams -> Articles. Built-ins are registered as a plugin."""

from sourcecheck.loaders.base import Loader, LoadResult, load_path

__all__ = ["LoadResult", "Loader", "load_path"]
