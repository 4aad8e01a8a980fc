"""The four built-in scorers. Each module is a plugin registered like any third-party one."""
