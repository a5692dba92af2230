"""The catalog: imports, guides and their status, the region's item list, the training run."""
