"""framing: content quality and framing scores for news and web articles."""
