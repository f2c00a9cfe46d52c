"""GraphQL plumbing shared by the apps: locales, visibility, errors, pagination."""
