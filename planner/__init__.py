"""Journey Roadmap Planner: from customer-journey ideas to a committed roadmap."""
