-- Users sign up with an email address that is unique ignoring case.
CREATE TABLE users (
  id         bigserial   PRIMARY KEY,
  email      text        NOT NULL,
  name       text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

-- One row per welcome email: written with the user, settled by the worker, and deleted by the
-- scheduled cleanup job once it has been settled for longer than DATA_RETENTION.
CREATE TABLE welcome_emails (
  user_id    bigint      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  queued_at  timestamptz NOT NULL DEFAULT now(),
  sent_at    timestamptz,
  failed_at  timestamptz,
  attempts   integer     NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX welcome_emails_settled ON welcome_emails (coalesce(sent_at, failed_at));
