"""Second Round: follow-up drafts and a dated checklist after a second interview."""
