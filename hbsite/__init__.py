"""Generator of the HB information site: load → model → render → write, then MkDocs."""
