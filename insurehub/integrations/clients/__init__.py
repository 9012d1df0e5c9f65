"""One small client per outside provider, all built on `base.ProviderClient`."""
