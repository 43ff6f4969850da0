"""Reading posts: lists, lookups and summaries for the post list."""
