"""``sourcecheck lsp``: a language server over stdio (``pip install 'sourcecheck[lsp]'``)."""
