package io.herokusdk.mail;

import io.herokusdk.mail.internal.AddressText;
import io.herokusdk.mail.internal.EmailRules;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Mailer} for local runs that sends nothing: it writes each email, readably, to the log
 * (logger {@code io.herokusdk.mail.ConsoleMailer}, INFO) or to a stream. It prints bodies, so
 * never use it where emails hold real people's data; {@link HerokuMail#fromEnv()} refuses to
 * pick it on a Heroku dyno unless allowed.
 */
public final class ConsoleMailer implements Mailer {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleMailer.class);
  private static final int MAX_LISTED_RECIPIENTS = 20;

  private final @Nullable PrintStream out;
  private final AtomicLong counter = new AtomicLong();

  private ConsoleMailer(@Nullable PrintStream out) {
    this.out = out;
  }

  /**
   * Returns a console mailer that writes to the SLF4J log at INFO.
   *
   * @return a new mailer
   */
  public static ConsoleMailer toLog() {
    return new ConsoleMailer(null);
  }

  /**
   * Returns a console mailer that writes to {@code out}, e.g. {@code System.out}.
   *
   * @param out where each email is printed and flushed; not closed by {@link #close()}
   * @return a new mailer
   */
  public static ConsoleMailer to(PrintStream out) {
    return new ConsoleMailer(Objects.requireNonNull(out, "out == null"));
  }

  @Override
  public SendResult send(Email email) {
    EmailRules.requireRecipients(email);
    String id = "console-" + counter.incrementAndGet();
    emit(render(id, email, List.of()));
    return new SendResult("console", 0, id, 1, true);
  }

  @Override
  public BulkResult sendBulk(Email content, List<BulkRecipient> recipients) {
    EmailRules.validateBulk(content, recipients, Clock.systemUTC());
    List<BulkResult.Chunk> chunks = new ArrayList<>();
    int size = EmailRules.MAX_RECIPIENTS_PER_REQUEST;
    for (int start = 0, i = 0; start < recipients.size(); start += size, i++) {
      List<BulkRecipient> chunk =
          recipients.subList(start, Math.min(recipients.size(), start + size));
      String id = "console-" + counter.incrementAndGet();
      emit(render(id, content, chunk));
      chunks.add(new BulkResult.Chunk(i, start, chunk.size(), BulkResult.Status.SENT,
          new SendResult("console", 0, id, 1, true), null));
    }
    return new BulkResult(chunks);
  }

  private void emit(String text) {
    if (out == null) {
      LOG.info("email not sent (console transport):\n{}", text);
    } else {
      out.println(text);
      out.flush();
    }
  }

  private static String render(String id, Email email, List<BulkRecipient> bulk) {
    StringBuilder s = new StringBuilder();
    String rule = "-".repeat(72);
    s.append(rule).append('\n');
    s.append("Message-Id: ").append(id).append('\n');
    s.append("From:       ").append(AddressText.mailbox(email.from())).append('\n');
    if (!email.replyToList().isEmpty()) {
      s.append("Reply-To:   ").append(join(email.replyToList())).append('\n');
    }
    if (!email.to().isEmpty()) s.append("To:         ").append(join(email.to())).append('\n');
    if (!email.cc().isEmpty()) s.append("Cc:         ").append(join(email.cc())).append('\n');
    if (!email.bcc().isEmpty()) s.append("Bcc:        ").append(join(email.bcc())).append('\n');
    if (!bulk.isEmpty()) {
      s.append("Bulk to:    ").append(bulk.size()).append(" recipients, each separately: ");
      for (int i = 0; i < Math.min(bulk.size(), MAX_LISTED_RECIPIENTS); i++) {
        if (i > 0) s.append(", ");
        s.append(AddressText.mailbox(bulk.get(i).to()));
      }
      if (bulk.size() > MAX_LISTED_RECIPIENTS) s.append(", ...");
      s.append('\n');
    }
    email.subject().ifPresent(v -> s.append("Subject:    ").append(v).append('\n'));
    email.templateId().ifPresent(v -> s.append("Template:   ").append(v)
        .append(" data=").append(email.templateData()).append('\n'));
    if (!email.categories().isEmpty()) {
      s.append("Categories: ").append(String.join(", ", email.categories())).append('\n');
    }
    email.sendAt().ifPresent(v -> s.append("Send-At:    ").append(v).append('\n'));
    email.headers().forEach((k, v) -> s.append(k).append(": ").append(v).append('\n'));
    for (ContentPart c : email.contents()) s.append("Content:    ").append(c).append('\n');
    for (Attachment a : email.attachments()) s.append("Attachment: ").append(a).append('\n');
    email.text().ifPresent(v -> s.append("\n").append(v).append('\n'));
    email.html().ifPresent(v -> s.append("\n[html]\n").append(v).append('\n'));
    s.append(rule);
    return s.toString();
  }

  private static String join(List<Address> addresses) {
    return AddressText.list(addresses);
  }

  /** Nothing to release. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "ConsoleMailer{" + (out == null ? "log" : "stream") + "}";
  }
}
