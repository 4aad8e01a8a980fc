"""The core: data models, the shared analysis, the engine, combiners and config."""
