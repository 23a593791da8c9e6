package io.herokusdk.examples.signup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Users and their welcome-email records in Postgres (schema: {@code db/migration}). */
final class UserStore {
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  UserStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Inserts the user and its pending welcome-email record in one transaction.
   *
   * @throws DuplicateEmailException if the email is taken (case-insensitively)
   */
  User create(String email, String name) throws SQLException, DuplicateEmailException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        User user;
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO users (email, name) VALUES (?, ?) RETURNING id, email, name, created_at")) {
          insert.setString(1, email);
          insert.setString(2, name);
          try (ResultSet rs = insert.executeQuery()) {
            rs.next();
            user = read(rs);
          }
        }
        try (PreparedStatement pending = connection.prepareStatement(
            "INSERT INTO welcome_emails (user_id) VALUES (?)")) {
          pending.setLong(1, user.id());
          pending.executeUpdate();
        }
        connection.commit();
        return user;
      } catch (SQLException e) {
        connection.rollback();
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) throw new DuplicateEmailException();
        throw e;
      }
    }
  }

  /** The user with this id, if any. */
  Optional<User> find(long id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT id, email, name, created_at FROM users WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** Records that the welcome email went out on delivery {@code attempts}. */
  void markWelcomeSent(long userId, int attempts) throws SQLException {
    update("UPDATE welcome_emails SET sent_at = now(), attempts = ?, last_error = NULL,"
        + " claimed_at = NULL, claimed_by = NULL WHERE user_id = ?", userId, attempts, null);
  }

  /** Records that the welcome email was given up on (moved to the dead-letter list). */
  void markWelcomeFailed(long userId, int attempts, String reason) throws SQLException {
    update("UPDATE welcome_emails SET failed_at = now(), attempts = ?, last_error = ?,"
        + " claimed_at = NULL, claimed_by = NULL WHERE user_id = ?", userId, attempts, reason);
  }

  /** What {@link #claimWelcome} found. */
  enum Claim {
    /** The caller holds the claim and may send. */
    CLAIMED,
    /** Already sent or given up on, or the record is gone: nothing to send. */
    SETTLED,
    /** Another queue entry holds an unexpired claim: it is sending. */
    HELD
  }

  /**
   * Claims the user's unsettled welcome email for queue entry {@code entryId} in one statement,
   * so only one worker sends it. The entry that holds the claim may take it again (its own
   * re-delivery); another entry only once the claim is older than {@code timeout}.
   */
  Claim claimWelcome(long userId, String entryId, Duration timeout) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement claim = connection.prepareStatement(
            "UPDATE welcome_emails SET claimed_at = now(), claimed_by = ?"
                + " WHERE user_id = ? AND sent_at IS NULL AND failed_at IS NULL"
                + "   AND (claimed_at IS NULL OR claimed_by = ?"
                + "     OR claimed_at < now() - make_interval(secs => ?))")) {
      claim.setString(1, entryId);
      claim.setLong(2, userId);
      claim.setString(3, entryId);
      claim.setDouble(4, timeout.toMillis() / 1000.0);
      if (claim.executeUpdate() == 1) return Claim.CLAIMED;
    }
    return welcomeSettled(userId) ? Claim.SETTLED : Claim.HELD;
  }

  /** Releases a claim after a failed send, so any entry may retry it. */
  void releaseWelcome(long userId, String entryId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement release = connection.prepareStatement(
            "UPDATE welcome_emails SET claimed_at = NULL, claimed_by = NULL"
                + " WHERE user_id = ? AND claimed_by = ?")) {
      release.setLong(1, userId);
      release.setString(2, entryId);
      release.executeUpdate();
    }
  }

  /**
   * Whether the user's welcome email needs no more sending: it was sent or given up on, or its
   * record is gone (deleted by the cleanup job after being settled).
   */
  private boolean welcomeSettled(long userId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT sent_at IS NOT NULL OR failed_at IS NOT NULL FROM welcome_emails"
                + " WHERE user_id = ?")) {
      select.setLong(1, userId);
      try (ResultSet rs = select.executeQuery()) {
        return !rs.next() || rs.getBoolean(1);
      }
    }
  }

  /**
   * Claims up to {@code limit} welcome emails still unsettled {@code olderThan} after they were
   * queued, oldest first, and records the re-queue by setting their {@code queued_at} to now (so
   * the next run skips them until they are that old again); returns their users. Rows another
   * job run is claiming at the same moment are skipped.
   */
  List<User> claimStaleWelcomeEmails(Duration olderThan, int limit) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement claim = connection.prepareStatement(
            "UPDATE welcome_emails w SET queued_at = now() FROM users u"
                + " WHERE u.id = w.user_id AND w.user_id IN ("
                + "   SELECT user_id FROM welcome_emails"
                + "   WHERE sent_at IS NULL AND failed_at IS NULL"
                + "     AND queued_at < now() - make_interval(secs => ?)"
                + "   ORDER BY queued_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " RETURNING u.id, u.email, u.name, u.created_at")) {
      claim.setDouble(1, olderThan.toMillis() / 1000.0);
      claim.setInt(2, limit);
      List<User> users = new ArrayList<>();
      try (ResultSet rs = claim.executeQuery()) {
        while (rs.next()) users.add(read(rs));
      }
      return users;
    }
  }

  /**
   * Deletes welcome-email records that were settled (sent or given up) more than {@code
   * retention} ago; returns how many were deleted.
   */
  int deleteSettledWelcomeEmails(Duration retention) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(
            "DELETE FROM welcome_emails"
                + " WHERE coalesce(sent_at, failed_at) < now() - make_interval(secs => ?)")) {
      delete.setDouble(1, retention.toMillis() / 1000.0);
      return delete.executeUpdate();
    }
  }

  private void update(String sql, long userId, int attempts, String reason) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      int i = 1;
      update.setInt(i++, attempts);
      if (reason != null) update.setString(i++, reason);
      update.setLong(i, userId);
      update.executeUpdate();
    }
  }

  private static User read(ResultSet rs) throws SQLException {
    return new User(rs.getLong(1), rs.getString(2), rs.getString(3),
        rs.getObject(4, OffsetDateTime.class).toString());
  }
}
