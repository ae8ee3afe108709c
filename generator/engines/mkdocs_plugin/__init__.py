"""The MkDocs adapter: translates MkDocs events into calls to the core."""
