package io.herokusdk.examples.signup;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.herokusdk.core.InvalidConfigVarException;
import io.herokusdk.mail.Email;
import io.herokusdk.mail.InvalidEmailException;
import io.herokusdk.redis.HerokuRedis;
import io.herokusdk.redis.QueueItem;
import io.herokusdk.redis.WorkQueue;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The welcome-email queue on Redis, its dead-letter list, and the email itself.
 *
 * <p>Keys: the work queue {@code queue:{welcome-emails}} (with {@code :processing} and {@code
 * :leases}) and the dead-letter list {@code queue:{welcome-emails}:dead}, newest first.
 */
final class WelcomeEmails {
  static final String QUEUE = "welcome-emails";

  private static final JsonAdapter<WelcomeMessage> MESSAGE =
      new Moshi.Builder().build().adapter(WelcomeMessage.class);
  @SuppressWarnings("rawtypes")
  private static final JsonAdapter<Map> DEAD_LETTER =
      new Moshi.Builder().build().adapter(Map.class);

  private final HerokuRedis redis;
  private final WorkQueue queue;
  private final String deadLetterKey;
  private final String from;

  WelcomeEmails(HerokuRedis redis, AppSettings settings) {
    this.redis = redis;
    this.queue = redis.queue(QUEUE, settings.emailRetryDelay());
    this.deadLetterKey = redis.namespace("queue").key("{" + QUEUE + "}:dead");
    this.from = settings.mailFrom();
    try {
      compose(new WelcomeMessage(0, "check@example.com", "Check"));
    } catch (InvalidEmailException e) {
      throw new InvalidConfigVarException("MAIL_FROM",
          "MAIL_FROM is not a usable sender address: " + e.getMessage());
    }
  }

  /**
   * The welcome email for {@code message}.
   *
   * @throws InvalidEmailException if the address (or the configured sender) is unusable; its
   *     {@code field()} is {@code to[0].email} for a bad recipient
   */
  Email compose(WelcomeMessage message) {
    return Email.builder()
        .from(from, "Signup App")
        .to(message.email())
        .subject("Welcome, " + message.name() + "!")
        .text("Hi " + message.name() + ",\n\nThanks for signing up. Your user id is "
            + message.userId() + ".\n")
        .category("welcome")
        .customArg("user_id", Long.toString(message.userId()))
        .build();
  }

  /** Puts a welcome email for {@code user} on the queue. */
  void enqueue(User user) {
    queue.enqueue(MESSAGE.toJson(new WelcomeMessage(user.id(), user.email(), user.name())));
  }

  /** Reads a queue payload. */
  static WelcomeMessage parse(String payload) throws IOException {
    WelcomeMessage message = MESSAGE.fromJson(payload);
    if (message == null || message.email() == null || message.name() == null) {
      throw new IOException("not a welcome message");
    }
    return message;
  }

  /** The work queue the worker consumes. */
  WorkQueue queue() {
    return queue;
  }

  /**
   * Records {@code item} in the dead-letter list with the reason it was given up on. The caller
   * then acknowledges it on the queue.
   */
  void deadLetter(QueueItem item, String reason) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", item.id());
    entry.put("payload", item.payload());
    entry.put("attempts", item.deliveryCount());
    entry.put("reason", reason);
    entry.put("failedAt", Instant.now().toString());
    String json = DEAD_LETTER.toJson(entry);
    redis.execute(r -> r.lpush(deadLetterKey, json));
  }

  /** The dead-letter entries (JSON), newest first. */
  List<String> deadLetters() {
    return redis.execute(r -> r.lrange(deadLetterKey, 0, -1));
  }

  /** The Redis key of the dead-letter list. */
  String deadLetterKey() {
    return deadLetterKey;
  }
}
