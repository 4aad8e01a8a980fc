"""The plugin system: hook specifications and the manager that loads plugins safely."""
