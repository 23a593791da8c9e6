package io.herokusdk.examples.springboot;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code welcome_emails} table: one row per user, written in the sign-up's transaction and
 * settled by the worker ({@code sent_at} or {@code failed_at}). Plain SQL through {@link
 * JdbcClient}: the claim is one conditional {@code UPDATE}, which a repository method would hide.
 */
@Repository
class WelcomeEmailStore {
  private final JdbcClient jdbc;

  WelcomeEmailStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the pending welcome email of a new user (in the caller's transaction). */
  void insertPending(long userId) {
    jdbc.sql("INSERT INTO welcome_emails (user_id) VALUES (?)").param(userId).update();
  }

  /** What {@link #claim} found. */
  enum Claim {
    /** The caller holds the claim and may send. */
    CLAIMED,
    /** Already sent or given up on, or the row is gone: nothing to send. */
    SETTLED,
    /** Another queue entry holds an unexpired claim: it is sending. */
    HELD
  }

  /**
   * Claims the user's unsettled welcome email for queue entry {@code entryId}, so a duplicate
   * entry never sends twice: the entry holding the claim may take it again (its own
   * re-delivery); another entry only once the claim is older than {@code timeout}.
   */
  Claim claim(long userId, String entryId, Duration timeout) {
    int claimed = jdbc.sql("UPDATE welcome_emails SET claimed_at = now(), claimed_by = :entry"
            + " WHERE user_id = :user AND sent_at IS NULL AND failed_at IS NULL"
            + "   AND (claimed_at IS NULL OR claimed_by = :entry"
            + "     OR claimed_at < now() - make_interval(secs => :timeout))")
        .param("entry", entryId)
        .param("user", userId)
        .param("timeout", timeout.toMillis() / 1000.0)
        .update();
    if (claimed == 1) return Claim.CLAIMED;
    boolean settled = jdbc.sql("SELECT sent_at IS NOT NULL OR failed_at IS NOT NULL"
            + " FROM welcome_emails WHERE user_id = ?")
        .param(userId).query(Boolean.class).optional().orElse(true);
    return settled ? Claim.SETTLED : Claim.HELD;
  }

  /** Releases the claim after a failed send that will be retried. */
  void release(long userId, String entryId) {
    jdbc.sql("UPDATE welcome_emails SET claimed_at = NULL, claimed_by = NULL"
        + " WHERE user_id = ? AND claimed_by = ?").params(userId, entryId).update();
  }

  /** Records that the welcome email went out on delivery {@code attempts}. */
  void markSent(long userId, int attempts) {
    jdbc.sql("UPDATE welcome_emails SET sent_at = now(), attempts = ?, last_error = NULL,"
        + " claimed_at = NULL, claimed_by = NULL WHERE user_id = ?")
        .params(attempts, userId).update();
  }

  /** Records that the welcome email was given up on (moved to the dead-letter list). */
  void markFailed(long userId, int attempts, String reason) {
    jdbc.sql("UPDATE welcome_emails SET failed_at = now(), attempts = ?, last_error = ?,"
        + " claimed_at = NULL, claimed_by = NULL WHERE user_id = ?")
        .params(attempts, reason, userId).update();
  }
}
