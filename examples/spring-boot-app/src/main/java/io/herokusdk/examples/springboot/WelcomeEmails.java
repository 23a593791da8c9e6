package io.herokusdk.examples.springboot;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
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
import org.springframework.stereotype.Component;

/**
 * The welcome-email queue on Redis ({@code queue:{welcome-emails}}), its dead-letter list
 * ({@code queue:{welcome-emails}:dead}, newest first), and the email itself.
 */
@Component
class WelcomeEmails {
  static final String QUEUE = "welcome-emails";

  private static final Moshi MOSHI = new Moshi.Builder().build();
  private static final JsonAdapter<WelcomeMessage> MESSAGE = MOSHI.adapter(WelcomeMessage.class);
  @SuppressWarnings("rawtypes")
  private static final JsonAdapter<Map> DEAD_LETTER = MOSHI.adapter(Map.class);

  private final HerokuRedis redis;
  private final WorkQueue queue;
  private final String deadLetterKey;
  private final String from;

  WelcomeEmails(HerokuRedis redis, SignupProperties properties) {
    this.redis = redis;
    this.queue = redis.queue(QUEUE, properties.emailRetryDelay());
    this.deadLetterKey = redis.namespace("queue").key("{" + QUEUE + "}:dead");
    this.from = properties.mailFrom();
    try {
      compose(new WelcomeMessage(0, "check@example.com", "Check"));
    } catch (InvalidEmailException e) {
      throw new IllegalArgumentException(
          "MAIL_FROM is not a usable sender address: " + e.getMessage(), e);
    }
  }

  /**
   * The welcome email for {@code message}.
   *
   * @throws InvalidEmailException if the address or name is unusable in an email; its {@code
   *     field()} says which ({@code to[0].email}, {@code subject})
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
  void enqueue(UserView user) {
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

  /** Records {@code item} in the dead-letter list; the caller then acknowledges it. */
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
}
