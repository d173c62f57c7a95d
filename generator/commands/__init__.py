"""One module per CLI verb; each `run` is a short composition of stages."""
