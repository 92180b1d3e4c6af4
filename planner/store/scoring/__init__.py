"""Storage of scoring: the scoring model, sessions and their rounds, stakeholders, ballots and
votes (and who rates which criterion), timers and reveals, focus, calibration, the
consensus, the transcript, own-pace sessions and their mail outbox."""
