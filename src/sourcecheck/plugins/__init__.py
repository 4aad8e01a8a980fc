"""The plugin system's public names: ``sourcecheck.plugins.hookspecs`` (every hook, and
``hookimpl``) and ``sourcecheck.plugins.manager`` (discovery, isolation, listing). Both live
in ``sourcecheck.core``, which the engine needs them from."""
