"""Rules about review dates: `last_reviewed_on` and `review_in` (generator.source.reviews)."""
