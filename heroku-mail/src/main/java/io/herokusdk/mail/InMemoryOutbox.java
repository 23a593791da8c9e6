package io.herokusdk.mail;

import io.herokusdk.mail.internal.EmailRules;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Mailer} for tests that keeps every email in memory instead of sending it. A bulk send
 * is recorded as one email per recipient, with that recipient's template data and custom args
 * merged in, as the recipient would receive it. Validates exactly like the real transports.
 * Thread-safe.
 *
 * <pre>{@code
 * InMemoryOutbox outbox = new InMemoryOutbox();
 * new SignupService(outbox).signUp("ada@example.com");
 * assertThat(outbox.sentTo("ada@example.com")).singleElement()
 *     .extracting(e -> e.subject().orElseThrow()).isEqualTo("Welcome!");
 * }</pre>
 */
public final class InMemoryOutbox implements Mailer {
  private final List<Email> sent = new ArrayList<>();
  private final Deque<MailException> failures = new ArrayDeque<>();
  private int counter;

  /** Creates an empty outbox. */
  public InMemoryOutbox() {}

  @Override
  public synchronized SendResult send(Email email) {
    EmailRules.requireRecipients(email);
    MailException failure = failures.poll();
    if (failure != null) throw failure;
    sent.add(email);
    return new SendResult("in-memory", 0, "in-memory-" + (++counter), 1, true);
  }

  @Override
  public synchronized BulkResult sendBulk(Email content, List<BulkRecipient> recipients) {
    EmailRules.validateBulk(content, recipients, Clock.systemUTC());
    List<BulkResult.Chunk> chunks = new ArrayList<>();
    int size = EmailRules.MAX_RECIPIENTS_PER_REQUEST;
    for (int start = 0, i = 0; start < recipients.size(); start += size, i++) {
      List<BulkRecipient> chunk =
          recipients.subList(start, Math.min(recipients.size(), start + size));
      MailException failure = failures.poll();
      if (failure != null) {
        chunks.add(new BulkResult.Chunk(i, start, chunk.size(), failure.mayHaveBeenSent()
            ? BulkResult.Status.DELIVERY_UNKNOWN : BulkResult.Status.FAILED, null, failure));
        continue;
      }
      for (BulkRecipient r : chunk) {
        Map<String, Object> data = new LinkedHashMap<>(content.templateData());
        data.putAll(r.templateData());
        Email.Builder one = content.toBuilder().to(r.to()).templateData(data);
        r.customArgs().forEach(one::customArg);
        if (r.subject() != null) one.subject(r.subject());
        r.headers().forEach(one::header);
        if (r.sendAt() != null) one.sendAt(r.sendAt());
        sent.add(one.build());
      }
      chunks.add(new BulkResult.Chunk(i, start, chunk.size(), BulkResult.Status.SENT,
          new SendResult("in-memory", 0, "in-memory-" + (++counter), 1, true), null));
    }
    return new BulkResult(chunks);
  }

  /**
   * Makes the next send (or bulk chunk) fail with {@code failure}, to test error handling.
   *
   * @param failure thrown by the next send, or reported in the next bulk chunk (as
   *     {@link BulkResult.Status#DELIVERY_UNKNOWN} if it
   *     {@link MailException#mayHaveBeenSent() may have been sent}); several calls queue up in
   *     order
   * @return this outbox
   */
  public synchronized InMemoryOutbox failNextWith(MailException failure) {
    failures.add(failure);
    return this;
  }

  /**
   * Returns every email recorded so far, in order.
   *
   * @return a copy of the recorded emails, oldest first; a bulk send adds one per recipient
   */
  public synchronized List<Email> sent() {
    return List.copyOf(sent);
  }

  /**
   * Returns the emails with {@code email} among their to, cc or bcc, ignoring case.
   *
   * @param email the address to look for, like {@code ada@example.com}
   * @return the matching emails, oldest first; empty if none
   */
  public synchronized List<Email> sentTo(String email) {
    String wanted = email.toLowerCase(Locale.ROOT);
    List<Email> result = new ArrayList<>();
    for (Email e : sent) {
      List<Address> all = new ArrayList<>(e.to());
      all.addAll(e.cc());
      all.addAll(e.bcc());
      if (all.stream().anyMatch(a -> a.email().toLowerCase(Locale.ROOT).equals(wanted))) {
        result.add(e);
      }
    }
    return result;
  }

  /**
   * Returns the last email recorded, if any.
   *
   * @return the most recent email, or empty if none was recorded
   */
  public synchronized Optional<Email> last() {
    return sent.isEmpty() ? Optional.empty() : Optional.of(sent.get(sent.size() - 1));
  }

  /** Forgets every recorded email and scripted failure. */
  public synchronized void clear() {
    sent.clear();
    failures.clear();
  }

  /** Nothing to release; the recorded emails stay readable. */
  @Override
  public void close() {}

  @Override
  public synchronized String toString() {
    return "InMemoryOutbox{" + sent.size() + " emails}";
  }
}
