-- A worker claims a welcome email before sending it, so two queue entries for the same user
-- (the re-queue job's duplicate and the original) are never sent by two workers at once.
-- claimed_by is the queue entry's id: its own re-delivery may take the claim over at once; any
-- other entry only once the claim is older than the claim timeout (a crashed worker's email).
ALTER TABLE welcome_emails
  ADD COLUMN claimed_at timestamptz,
  ADD COLUMN claimed_by text;
