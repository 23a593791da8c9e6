package io.herokusdk.examples.springboot;

import io.herokusdk.core.Redactor;
import io.herokusdk.mail.InvalidEmailException;
import io.herokusdk.mail.MailException;
import io.herokusdk.mail.MailRejectedException;
import io.herokusdk.mail.Mailer;
import io.herokusdk.redis.HerokuRedisException;
import io.herokusdk.redis.QueueItem;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The {@code worker} process: consumes the welcome-email queue and sends through the {@link
 * Mailer}. Only where {@code signup.worker=true} (profile {@code worker}, or {@code dev}).
 *
 * <p>A failed send is not acknowledged: its lease runs out after {@code EMAIL_RETRY_DELAY} and
 * the queue delivers it again. After {@code EMAIL_MAX_ATTEMPTS} deliveries, or at once when
 * retrying cannot help or could send twice (a rejected or invalid email, or a provider answer
 * that may have been delivered), it goes to the dead-letter list and is acknowledged. Before
 * sending, it claims the {@code welcome_emails} row, so a duplicate queue entry never sends twice.
 *
 * <p>Started after the rest of the context and stopped first on SIGTERM, finishing the email in
 * hand.
 */
@Component
@ConditionalOnBooleanProperty("signup.worker")
class EmailWorker implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(EmailWorker.class);
  private static final Duration MAX_POLL_WAIT = Duration.ofSeconds(5);

  private final WelcomeEmails emails;
  private final Mailer mailer;
  private final WelcomeEmailStore store;
  private final int maxAttempts;
  private final Duration claimTimeout;
  private final Duration pollWait;
  private volatile boolean running;
  private Thread thread;

  EmailWorker(WelcomeEmails emails, Mailer mailer, WelcomeEmailStore store,
      SignupProperties properties) {
    this.emails = emails;
    this.mailer = mailer;
    this.store = store;
    this.maxAttempts = properties.emailMaxAttempts();
    Duration retry = properties.emailRetryDelay();
    this.claimTimeout = retry;
    // Expired leases are re-queued when polling, so never wait longer than one retry delay.
    this.pollWait = retry.compareTo(MAX_POLL_WAIT) < 0 ? retry : MAX_POLL_WAIT;
  }

  @Override
  public synchronized void start() {
    if (thread != null) return;
    running = true;
    thread = new Thread(this::run, "email-worker");
    thread.start();
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

  /** Takes one message (waiting up to {@code wait}) and handles it; false if none came. */
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
        record(() -> store.release(message.userId(), item.id()));
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
    record(() -> store.markSent(message.userId(), item.deliveryCount()));
    return true;
  }

  /** Claims the row; a settled one, or one another entry holds, is acknowledged and dropped. */
  private boolean claim(QueueItem item, WelcomeMessage message) {
    WelcomeEmailStore.Claim claim;
    try {
      claim = store.claim(message.userId(), item.id(), claimTimeout);
    } catch (RuntimeException e) {
      log.warn("Could not claim the welcome email of user {}; it is delivered again after {}: {}",
          message.userId(), claimTimeout, e.getMessage());
      return false;
    }
    if (claim == WelcomeEmailStore.Claim.CLAIMED) return true;
    emails.queue().ack(item);
    log.info("Welcome email to user {}: {}; dropped a duplicate", message.userId(),
        claim == WelcomeEmailStore.Claim.SETTLED
            ? "already sent or given up on" : "another queue entry is sending it");
    return false;
  }

  private void giveUp(QueueItem item, WelcomeMessage message, String reason) {
    emails.deadLetter(item, reason);
    emails.queue().ack(item);
    log.error("Welcome email {} moved to the dead-letter list after {} attempt(s): {}",
        item.id(), item.deliveryCount(), reason);
    if (message != null) {
      record(() -> store.markFailed(message.userId(), item.deliveryCount(), reason));
    }
  }

  private static void record(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
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

  /** Stops after the message in hand (waits up to one poll plus 20 s, within Heroku's 30 s). */
  @Override
  public void stop() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
      thread = null;
    }
    if (t == null) return;
    try {
      t.join(pollWait.plusSeconds(20).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public String toString() {
    return "EmailWorker{queue=" + WelcomeEmails.QUEUE + ", maxAttempts=" + maxAttempts + "}";
  }
}
