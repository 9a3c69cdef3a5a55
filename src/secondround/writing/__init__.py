"""The writing: every draft, worded for each person and for the moment it is sent."""
