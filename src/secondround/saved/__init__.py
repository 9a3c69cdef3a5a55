"""The saved data: the state and its tolerant reading, bookmarks, and the shelf of applications."""
