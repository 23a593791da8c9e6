package io.herokusdk.examples.signup;

import io.herokusdk.core.Redactor;
import io.herokusdk.mail.InvalidEmailException;
import io.herokusdk.mail.MailException;
import io.herokusdk.mail.MailRejectedException;
import io.herokusdk.mail.Mailer;
import io.herokusdk.redis.HerokuRedisException;
import io.herokusdk.redis.QueueItem;
import io.herokusdk.redis.RedisUnavailableException;
import java.io.Closeable;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the welcome-email queue and sends through the {@link Mailer}.
 *
 * <p>A failed send is not acknowledged: its lease runs out after {@code EMAIL_RETRY_DELAY} and
 * the queue delivers it again. After {@code EMAIL_MAX_ATTEMPTS} deliveries, or at once when
 * retrying cannot help or could send twice (a rejected or invalid email, or a provider answer
 * that may have been delivered), it goes to the dead-letter list and is acknowledged.
 *
 * <p>Before sending, it claims the {@code welcome_emails} record in Postgres (for {@code
 * EMAIL_RETRY_DELAY}, the longest a send may take). A message whose record is settled, or
 * claimed by another queue entry, is acknowledged without sending, so a duplicate from {@link
 * RequeueJob} is not sent twice, even when two workers take both entries at the same moment.
 */
final class EmailWorker implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(EmailWorker.class);
  private static final Duration MAX_POLL_WAIT = Duration.ofSeconds(5);

  private final WelcomeEmails emails;
  private final Mailer mailer;
  private final UserStore users;
  private final int maxAttempts;
  private final Duration claimTimeout;
  private final Duration pollWait;
  private volatile boolean running;
  private Thread thread;

  EmailWorker(WelcomeEmails emails, Mailer mailer, UserStore users, AppSettings settings) {
    this.emails = emails;
    this.mailer = mailer;
    this.users = users;
    this.maxAttempts = settings.emailMaxAttempts();
    // Expired leases are re-queued when polling, so never wait longer than one retry delay.
    Duration retry = settings.emailRetryDelay();
    this.claimTimeout = retry;
    this.pollWait = retry.compareTo(MAX_POLL_WAIT) < 0 ? retry : MAX_POLL_WAIT;
  }

  /** Starts consuming on a thread of its own. */
  synchronized EmailWorker start() {
    if (thread != null) throw new IllegalStateException("already started");
    running = true;
    thread = new Thread(this::run, "email-worker");
    thread.start();
    return this;
  }

  private void run() {
    log.info("Email worker consuming queue {}", WelcomeEmails.QUEUE);
    while (running) {
      try {
        processOne(pollWait);
      } catch (HerokuRedisException e) {
        if (!running) break; // shutting down: Redis may be closing under us
        log.warn("Redis failed; the worker retries in {}: {}", pollWait, e.getMessage());
        sleep(pollWait);
      } catch (RuntimeException e) {
        if (!running) break;
        log.error("Email worker error; continuing", e);
        sleep(pollWait);
      }
    }
    log.info("Email worker stopped");
  }

  /**
   * Takes one message (waiting up to {@code wait}) and handles it; false if none came.
   *
   * @throws RedisUnavailableException if the queue cannot be read
   */
  boolean processOne(Duration wait) {
    Optional<QueueItem> taken = emails.queue().poll(wait);
    if (taken.isEmpty()) return false;
    QueueItem item = taken.get();
    WelcomeMessage message;
    try {
      message = WelcomeEmails.parse(item.payload());
    } catch (IOException | RuntimeException e) {
      giveUp(item, null, "unreadable message: " + e.getMessage());
      return true;
    }
    if (!claim(item, message)) return true;
    try {
      mailer.send(emails.compose(message));
    } catch (MailException e) {
      String reason = e.getClass().getSimpleName() + ": " + Redactor.redactUrls(e.getMessage());
      boolean hopeless = e instanceof InvalidEmailException || e instanceof MailRejectedException
          || e.mayHaveBeenSent();
      if (hopeless || item.deliveryCount() >= maxAttempts) {
        giveUp(item, message, reason);
      } else {
        record(() -> users.releaseWelcome(message.userId(), item.id()));
        log.warn("Welcome email to user {} failed (attempt {} of {}), retrying after the lease"
            + " expires: {}", message.userId(), item.deliveryCount(), maxAttempts, reason);
      }
      return true;
    }
    if (!emails.queue().ack(item)) {
      log.warn("Welcome email to user {} was sent, but its lease had expired: it may be sent"
          + " again (raise EMAIL_RETRY_DELAY)", message.userId());
    }
    log.info("Welcome email sent to user {} (attempt {})", message.userId(),
        item.deliveryCount());
    record(() -> users.markWelcomeSent(message.userId(), item.deliveryCount()));
    return true;
  }

  /**
   * Claims the user's welcome-email record before sending, so a duplicate queue entry (the
   * re-queue job's, or a re-delivery of one already sent) never sends twice. One that is settled
   * or claimed by another entry is acknowledged and dropped (the claimer's entry stays queued
   * until it settles); if Postgres cannot say, the item is left to be delivered again.
   */
  private boolean claim(QueueItem item, WelcomeMessage message) {
    UserStore.Claim claim;
    try {
      claim = users.claimWelcome(message.userId(), item.id(), claimTimeout);
    } catch (SQLException | RuntimeException e) {
      log.warn("Could not claim user {}'s welcome email in Postgres; it is retried after the"
          + " lease expires: {}", message.userId(), e.getMessage());
      return false;
    }
    if (claim == UserStore.Claim.CLAIMED) return true;
    emails.queue().ack(item);
    String why = claim == UserStore.Claim.SETTLED
        ? "already sent or given up on" : "another queue entry is sending it";
    log.info("Welcome email to user {}: {}; dropped a duplicate", message.userId(), why);
    return false;
  }

  private void giveUp(QueueItem item, WelcomeMessage message, String reason) {
    emails.deadLetter(item, reason);
    emails.queue().ack(item);
    log.error("Welcome email {} moved to the dead-letter list {} after {} attempt(s): {}",
        item.id(), emails.deadLetterKey(), item.deliveryCount(), reason);
    if (message != null) {
      record(() -> users.markWelcomeFailed(message.userId(), item.deliveryCount(), reason));
    }
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  private static void record(SqlAction action) {
    try {
      action.run();
    } catch (SQLException | RuntimeException e) {
      log.warn("Could not record the welcome email's state in Postgres: {}", e.getMessage());
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops after the message in hand (waits up to one poll plus 30 s). */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
    }
    if (t == null) return;
    try {
      t.join(pollWait.plusSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "EmailWorker{queue=" + WelcomeEmails.QUEUE + ", maxAttempts=" + maxAttempts + "}";
  }
}
