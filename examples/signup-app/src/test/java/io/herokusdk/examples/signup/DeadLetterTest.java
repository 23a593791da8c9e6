package io.herokusdk.examples.signup;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.mail.BulkRecipient;
import io.herokusdk.mail.BulkResult;
import io.herokusdk.mail.Email;
import io.herokusdk.mail.MailException;
import io.herokusdk.mail.MailNotSentException;
import io.herokusdk.mail.MailRejectedException;
import io.herokusdk.mail.Mailer;
import io.herokusdk.mail.SendResult;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Failed sends are retried, then moved to the dead-letter list. */
@ExtendWith({PostgresExtension.class, RedisExtension.class})
class DeadLetterTest {
  static final int MAX_ATTEMPTS = 3;

  /** A mailer whose every send fails with the given exception, counting the calls. */
  static final class FailingMailer implements Mailer {
    final AtomicInteger calls = new AtomicInteger();
    final Supplier<MailException> failure;

    FailingMailer(Supplier<MailException> failure) {
      this.failure = failure;
    }

    @Override
    public SendResult send(Email email) {
      calls.incrementAndGet();
      throw failure.get();
    }

    @Override
    public BulkResult sendBulk(Email content, List<BulkRecipient> recipients) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  @Test
  void aMessageThatKeepsFailingEndsInTheDeadLetterListAfterMaxAttempts(TestDatabase db,
      TestRedis redis) throws Exception {
    FailingMailer mailer = new FailingMailer(
        () -> new MailNotSentException("connection refused (test)", null));
    try (RunningApp app = RunningApp.start(db, redis, mailer, Map.of(
        "EMAIL_MAX_ATTEMPTS", Integer.toString(MAX_ATTEMPTS), "EMAIL_RETRY_DELAY", "200ms"))) {
      long id = userId(app.signup("doomed@example.com", "Doomed").body());
      WelcomeEmails emails = app.services.welcomeEmails();
      RunningApp.await("the dead letter", () -> !deadLettersFor(emails, "doomed@").isEmpty());

      assertThat(mailer.calls.get()).isEqualTo(MAX_ATTEMPTS);
      assertThat(deadLettersFor(emails, "doomed@")).singleElement().satisfies(entry ->
          assertThat(entry).contains("\"attempts\":" + MAX_ATTEMPTS, "MailNotSentException",
              "connection refused (test)"));
      assertThat(emails.queue().size()).isZero();
      assertThat(emails.queue().inFlight()).isZero();
      RunningApp.await("failed_at recorded", () -> failedAttempts(db, id) == MAX_ATTEMPTS);
      // nothing more happens to it
      assertThat(app.worker.processOne(java.time.Duration.ofMillis(300))).isFalse();
      assertThat(mailer.calls.get()).isEqualTo(MAX_ATTEMPTS);
    }
  }

  @Test
  void aRejectedEmailIsNotRetried(TestDatabase db, TestRedis redis) throws Exception {
    FailingMailer mailer = new FailingMailer(
        () -> new MailRejectedException("rejected (test)", 400, List.of()));
    try (RunningApp app = RunningApp.start(db, redis, mailer, Map.of(
        "EMAIL_MAX_ATTEMPTS", "5", "EMAIL_RETRY_DELAY", "200ms"))) {
      app.signup("rejected@example.com", "Rejected");
      WelcomeEmails emails = app.services.welcomeEmails();
      RunningApp.await("the dead letter", () -> !deadLettersFor(emails, "rejected@").isEmpty());
      assertThat(mailer.calls.get()).isEqualTo(1);
      assertThat(deadLettersFor(emails, "rejected@")).singleElement().satisfies(entry ->
          assertThat(entry).contains("\"attempts\":1", "MailRejectedException"));
    }
  }

  /** This class's tests share one Redis database: each looks only at its own entries. */
  private static List<String> deadLettersFor(WelcomeEmails emails, String email) {
    return emails.deadLetters().stream().filter(e -> e.contains(email)).toList();
  }

  private static long userId(String body) {
    return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));
  }

  private static int failedAttempts(TestDatabase db, long id) {
    try (Connection c = db.jdbcConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT attempts FROM welcome_emails WHERE user_id = " + id
            + " AND failed_at IS NOT NULL AND sent_at IS NULL")) {
      return rs.next() ? rs.getInt(1) : -1;
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}
