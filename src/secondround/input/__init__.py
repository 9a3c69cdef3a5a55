"""The input and its parsing: the form's fields as declared, the profile, and its Facts."""
