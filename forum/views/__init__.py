"""Forum views, one module per subdomain (pages: browsing and writing)."""
