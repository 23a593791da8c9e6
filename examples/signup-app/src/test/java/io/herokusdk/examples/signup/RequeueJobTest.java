package io.herokusdk.examples.signup;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.mail.BulkRecipient;
import io.herokusdk.mail.BulkResult;
import io.herokusdk.mail.Email;
import io.herokusdk.mail.InMemoryOutbox;
import io.herokusdk.mail.Mailer;
import io.herokusdk.mail.SendResult;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox: {@link RequeueJob} queues again welcome emails left unsettled long after they were
 * queued, and the worker never sends one twice. The worker is driven step by step here.
 */
@ExtendWith({PostgresExtension.class, RedisExtension.class})
class RequeueJobTest {
  static final Duration NO_WAIT = Duration.ZERO;

  final InMemoryOutbox outbox = new InMemoryOutbox();
  ConfigVars config;
  SignupServices services;
  EmailWorker worker;

  @BeforeEach
  void start(TestDatabase db, TestRedis redis) {
    config = RunningApp.config(db, redis, Map.of());
    services = SignupServices.fromConfig(config, outbox);
    Migrations.migrate(services.postgres().dataSource());
    worker = new EmailWorker(services.welcomeEmails(), outbox, services.users(),
        services.settings());
  }

  @AfterEach
  void stop() {
    services.close();
  }

  @Test
  void anEmailThatWasNeverQueuedIsQueuedByTheJobAndSentOnce(TestDatabase db) throws Exception {
    // the signup committed, then the enqueue failed: a row and no queue entry
    execute(db, "INSERT INTO users (id, email, name) VALUES (201, 'lost@example.com', 'Lost')");
    execute(db, "INSERT INTO welcome_emails (user_id, queued_at)"
        + " VALUES (201, now() - interval '1 hour')");

    assertThat(RequeueJob.run(config)).isZero();
    assertThat(query(db, "SELECT queued_at > now() - interval '1 minute' FROM welcome_emails"
        + " WHERE user_id = 201")).isEqualTo("t");
    drainQueue();

    assertThat(outbox.sentTo("lost@example.com")).singleElement().satisfies(email ->
        assertThat(email.subject()).hasValue("Welcome, Lost!"));
    assertThat(query(db, "SELECT sent_at IS NOT NULL FROM welcome_emails WHERE user_id = 201"))
        .isEqualTo("t");

    // a later run finds nothing to do for it
    assertThat(RequeueJob.run(config)).isZero();
    assertThat(worker.processOne(NO_WAIT)).isFalse();
    assertThat(outbox.sentTo("lost@example.com")).hasSize(1);
  }

  @Test
  void aDuplicateQueueEntryOfASentEmailIsDroppedWithoutSending(TestDatabase db)
      throws Exception {
    execute(db, "INSERT INTO users (id, email, name) VALUES (202, 'sent@example.com', 'Sent')");
    execute(db, "INSERT INTO welcome_emails (user_id, queued_at, sent_at, attempts)"
        + " VALUES (202, now() - interval '1 hour', now() - interval '59 minutes', 1)");
    User user = services.users().find(202).orElseThrow();
    services.welcomeEmails().enqueue(user);

    drainQueue();

    assertThat(outbox.sentTo("sent@example.com")).isEmpty();
    assertThat(services.welcomeEmails().queue().inFlight()).isZero();
    assertThat(services.welcomeEmails().deadLetters()).isEmpty();
  }

  @Test
  void twoWorkersTakingTwoEntriesForOneUserAtOnceSendItOnce(TestDatabase db) throws Exception {
    execute(db, "INSERT INTO users (id, email, name) VALUES (204, 'twice@example.com', 'Twice')");
    execute(db, "INSERT INTO welcome_emails (user_id) VALUES (204)");
    User user = services.users().find(204).orElseThrow();
    services.welcomeEmails().enqueue(user); // the signup's entry
    services.welcomeEmails().enqueue(user); // the re-queue job's duplicate
    EmailWorker second = new EmailWorker(services.welcomeEmails(), outbox, services.users(),
        services.settings());
    // while the first worker is sending, the second worker takes the other entry
    boolean[] secondHandledOne = new boolean[1];
    EmailWorker first = new EmailWorker(services.welcomeEmails(), new ForwardingMailer(outbox) {
      @Override
      public SendResult send(Email email) {
        secondHandledOne[0] = second.processOne(NO_WAIT);
        return super.send(email);
      }
    }, services.users(), services.settings());

    assertThat(first.processOne(NO_WAIT)).isTrue();

    assertThat(secondHandledOne[0]).isTrue();
    assertThat(outbox.sentTo("twice@example.com")).hasSize(1);
    assertThat(query(db, "SELECT sent_at IS NOT NULL FROM welcome_emails WHERE user_id = 204"))
        .isEqualTo("t");
    assertThat(services.welcomeEmails().queue().size()).isZero();
    assertThat(services.welcomeEmails().queue().inFlight()).isZero();
    assertThat(services.welcomeEmails().deadLetters()).isEmpty();
  }

  @Test
  void anEmailClaimedByACrashedWorkerIsSentOnceTheClaimExpires(TestDatabase db)
      throws Exception {
    execute(db, "INSERT INTO users (id, email, name) VALUES (205, 'crash@example.com', 'Crash')");
    execute(db, "INSERT INTO welcome_emails (user_id, queued_at, claimed_at, claimed_by)"
        + " VALUES (205, now() - interval '1 hour', now() - interval '1 hour', 'crashed')");

    assertThat(RequeueJob.run(config)).isZero();
    drainQueue();

    assertThat(outbox.sentTo("crash@example.com")).hasSize(1);
    assertThat(query(db, "SELECT sent_at IS NOT NULL AND claimed_by IS NULL FROM welcome_emails"
        + " WHERE user_id = 205")).isEqualTo("t");
  }

  @Test
  void aRecentUnsettledEmailIsLeftAlone(TestDatabase db) throws Exception {
    execute(db, "INSERT INTO users (id, email, name) VALUES (203, 'new@example.com', 'New')");
    execute(db, "INSERT INTO welcome_emails (user_id, queued_at)"
        + " VALUES (203, now() - interval '1 minute')");
    String queuedAt = query(db, "SELECT queued_at FROM welcome_emails WHERE user_id = 203");

    assertThat(RequeueJob.run(config)).isZero();

    assertThat(query(db, "SELECT queued_at FROM welcome_emails WHERE user_id = 203"))
        .isEqualTo(queuedAt);
    assertThat(services.welcomeEmails().queue().size()).isZero();
    assertThat(worker.processOne(NO_WAIT)).isFalse();
    assertThat(outbox.sentTo("new@example.com")).isEmpty();
  }

  @Test
  void theJobExitsWithOneWithoutItsConfigVars() {
    assertThat(RequeueJob.run(ConfigVars.of(Map.of()))).isEqualTo(1);
  }

  /** A mailer that hands everything to another; tests override {@code send}. */
  static class ForwardingMailer implements Mailer {
    private final Mailer delegate;

    ForwardingMailer(Mailer delegate) {
      this.delegate = delegate;
    }

    @Override
    public SendResult send(Email email) {
      return delegate.send(email);
    }

    @Override
    public BulkResult sendBulk(Email content, List<BulkRecipient> recipients) {
      return delegate.sendBulk(content, recipients);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** Lets the worker handle everything queued. */
  private void drainQueue() {
    int handled = 0;
    while (worker.processOne(NO_WAIT)) handled++;
    assertThat(handled).isPositive();
    assertThat(services.welcomeEmails().queue().size()).isZero();
  }

  private static void execute(TestDatabase db, String sql) throws Exception {
    try (Connection c = db.jdbcConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String query(TestDatabase db, String sql) throws Exception {
    try (Connection c = db.jdbcConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as("a row for %s", sql).isTrue();
      return rs.getString(1);
    }
  }
}
