-- The re-queue job looks for welcome emails still unsettled long after they were queued.
CREATE INDEX welcome_emails_unsettled ON welcome_emails (queued_at)
  WHERE sent_at IS NULL AND failed_at IS NULL;
