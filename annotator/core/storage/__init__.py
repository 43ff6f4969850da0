"""Storage: ORM rows, engine set-up and schema migrations. Private to the core."""
