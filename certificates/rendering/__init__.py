"""Drawing certificates as PDF and bundling them into ZIP archives."""
