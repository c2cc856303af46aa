"""The feedback blueprints: `journey` (`feedback`, /feedback) and `moderation`
(`feedback_admin`, /staff/feedback)."""
