package io.herokusdk.testing.sendgrid;

import io.herokusdk.testing.internal.FakeHttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.jspecify.annotations.Nullable;

/**
 * A fake SendGrid v3 Mail Send API on a local port (MockWebServer), for tests of code that sends
 * email. It checks each {@code POST /v3/mail/send} against SendGrid's documented rules (API key,
 * personalizations, from, addresses, recipients, reply-to, content order, attachments,
 * categories, custom args, names, send_at, asm, IP pool, mail settings, size), answers
 * like SendGrid (202 with {@code X-Message-Id}; 200 in sandbox mode; 400 with
 * {@code {"errors":[{"field","message"}]}}; 401; 413) and records the accepted messages. Answers
 * can be scripted: 429 with {@code X-RateLimit-Reset}, 5xx, no answer, slow answer.
 *
 * <pre>{@code
 * try (FakeSendGrid sendGrid = FakeSendGrid.start()) {
 *   Mailer mailer = SendGridMailer.builder()
 *       .apiKey(Secret.of(sendGrid.apiKey())).endpoint(sendGrid.endpoint()).build();
 *   mailer.send(welcomeEmail);
 *   assertThat(sendGrid.accepted()).singleElement()
 *       .satisfies(m -> assertThat(m.recipients()).containsExactly("ada@example.com"));
 * }
 * }</pre>
 */
public final class FakeSendGrid implements Closeable {
  /** The API key {@link #start()} accepts. */
  public static final String DEFAULT_API_KEY = "SG.fake-sendgrid-api-key.for-tests-only";

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * One SendGrid error, as in {@code errors[]}.
   *
   * @param field the request field, or null
   * @param message what is wrong
   */
  public record Error(@Nullable String field, String message) {}

  /**
   * An accepted message.
   *
   * @param body the raw JSON body
   * @param json the parsed body (maps, lists, strings, doubles, booleans)
   * @param messageId the {@code X-Message-Id} answered, or null in sandbox mode
   * @param sandbox true if sandbox mode was on (answered 200, nothing "sent")
   */
  public record ReceivedMail(String body, Map<String, Object> json, @Nullable String messageId,
      boolean sandbox) {
    /**
     * The number of personalizations.
     *
     * @return the size of {@code personalizations}, 0 if it is missing
     */
    public int personalizationCount() {
      return json.get("personalizations") instanceof List<?> list ? list.size() : 0;
    }

    /**
     * Every to, cc and bcc address of every personalization, in order.
     *
     * @return the {@code email} values, personalization by personalization (to, then cc, then
     *     bcc); duplicates kept
     */
    public List<String> recipients() {
      List<String> result = new ArrayList<>();
      if (json.get("personalizations") instanceof List<?> list) {
        for (Object p : list) {
          for (String kind : List.of("to", "cc", "bcc")) {
            if (p instanceof Map<?, ?> m && m.get(kind) instanceof List<?> addresses) {
              for (Object a : addresses) {
                if (a instanceof Map<?, ?> address) result.add(String.valueOf(address.get("email")));
              }
            }
          }
        }
      }
      return result;
    }

    /**
     * The message-level subject, or null.
     *
     * @return the top-level {@code subject}, or null if absent (personalizations' subjects are not
     *     looked at)
     */
    public @Nullable String subject() {
      return json.get("subject") instanceof String s ? s : null;
    }

    /**
     * The from address, or null.
     *
     * @return {@code from.email}, or null if there is no {@code from} object
     */
    public @Nullable String from() {
      return json.get("from") instanceof Map<?, ?> m ? String.valueOf(m.get("email")) : null;
    }
  }

  /** A scripted answer for the next request, from {@link FakeSendGrid#enqueue}. */
  public static final class Answer {
    private final int status;
    private final List<Error> errors;
    private final @Nullable Instant rateLimitReset;
    private final boolean dropConnection;
    private final Duration delay;

    private Answer(int status, List<Error> errors, @Nullable Instant rateLimitReset,
        boolean dropConnection, Duration delay) {
      this.status = status;
      this.errors = errors;
      this.rateLimitReset = rateLimitReset;
      this.dropConnection = dropConnection;
      this.delay = delay;
    }

    /**
     * Checks the request as usual (the default when nothing is scripted).
     *
     * @return an answer that lets the request through to the usual checks
     */
    public static Answer validate() {
      return new Answer(0, List.of(), null, false, Duration.ZERO);
    }

    /**
     * Answers {@code status} with these errors, whatever the request.
     *
     * @param status the HTTP status to answer, such as 400 or 403; 0 means check as usual
     * @param errors the {@code errors[]} of the JSON body, none for {@code {"errors":[]}}
     * @return the answer; the request is not checked or recorded as accepted or rejected
     */
    public static Answer status(int status, Error... errors) {
      return new Answer(status, List.of(errors), null, false, Duration.ZERO);
    }

    /**
     * 429 Too Many Requests, with {@code X-RateLimit-Reset} set to {@code reset}.
     *
     * @param reset when the limit resets, sent as epoch seconds; not null
     * @return the answer, with {@code X-RateLimit-Remaining: 0}
     */
    public static Answer rateLimited(Instant reset) {
      return new Answer(429, List.of(new Error(null, "too many requests")),
          Objects.requireNonNull(reset, "reset == null"), false, Duration.ZERO);
    }

    /**
     * A 5xx answer, after reading the whole request.
     *
     * @param status the HTTP status to answer, such as 500 or 503; not checked
     * @return the answer, with one error "internal error"
     */
    public static Answer serverError(int status) {
      return new Answer(status, List.of(new Error(null, "internal error")), null, false,
          Duration.ZERO);
    }

    /**
     * Reads the whole request, then closes the connection without answering.
     *
     * @return the answer; the client sees the connection closed before any response
     */
    public static Answer noAnswer() {
      return new Answer(0, List.of(), null, true, Duration.ZERO);
    }

    /**
     * Checks the request as usual but waits {@code delay} before answering.
     *
     * @param delay the real-time wait before the response headers; under a millisecond is none
     * @return the answer
     */
    public static Answer slow(Duration delay) {
      return new Answer(0, List.of(), null, false, Objects.requireNonNull(delay, "delay"));
    }
  }

  private final String apiKey;
  private final Clock clock;
  private final List<Function<String, List<String>>> extraChecks;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<ReceivedMail> accepted = new ArrayList<>();
  private final List<List<Error>> rejections = new ArrayList<>();
  private int requestCount;
  private final FakeHttpServer server;

  private FakeSendGrid(Builder b) {
    this.apiKey = b.apiKey;
    this.clock = b.clock;
    this.extraChecks = List.copyOf(b.extraChecks);
    this.server = FakeHttpServer.start(b.port, "SendGrid", this::answer);
  }

  /**
   * Starts a fake on a free loopback port accepting {@link #DEFAULT_API_KEY}.
   *
   * @return the running fake; close it when done
   * @throws UncheckedIOException if no port can be bound
   */
  public static FakeSendGrid start() {
    return builder().start();
  }

  /**
   * Returns a builder for a fake with another key, clock or extra body checks.
   *
   * @return a new builder with the defaults of {@link #start()}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The API key it accepts. A test value; not a secret.
   *
   * @return the key expected as {@code Authorization: Bearer KEY}
   */
  public String apiKey() {
    return apiKey;
  }

  /**
   * The base URL, like {@code http://127.0.0.1:PORT}, for the transport's endpoint setting.
   *
   * @return the origin without a path or trailing slash
   */
  public URI endpoint() {
    return URI.create(server.origin());
  }

  /**
   * The port it listens on.
   *
   * @return the loopback port, 1 to 65535
   */
  public int port() {
    return server.port();
  }

  /**
   * Config vars pointing an app at this fake: {@code SENDGRID_API_KEY}.
   *
   * @return an immutable map with just {@code SENDGRID_API_KEY}; the endpoint is not a config var
   *     and must be set on the transport
   */
  public Map<String, String> configVars() {
    return Map.of("SENDGRID_API_KEY", apiKey);
  }

  /**
   * Scripts the answer to the next unscripted request; answers are used in order.
   *
   * @param answer what to do with that request, not null
   * @return this fake
   */
  public synchronized FakeSendGrid enqueue(Answer answer) {
    script.add(Objects.requireNonNull(answer, "answer == null"));
    return this;
  }

  /**
   * The messages it accepted (202, or 200 in sandbox mode), in order.
   *
   * @return a snapshot; later requests do not change it
   */
  public synchronized List<ReceivedMail> accepted() {
    return List.copyOf(accepted);
  }

  /**
   * The errors of each request it rejected with 400 or 413, in order.
   *
   * @return a snapshot, one list per rejected request; scripted answers, 401s and 404s are not
   *     included
   */
  public synchronized List<List<Error>> rejections() {
    return List.copyOf(rejections);
  }

  /**
   * How many HTTP requests reached it, whatever the answer.
   *
   * @return the count since start or the last {@link #reset()}
   */
  public synchronized int requestCount() {
    return requestCount;
  }

  /** Forgets recorded messages, rejections, counts and scripted answers. */
  public synchronized void reset() {
    script.clear();
    accepted.clear();
    rejections.clear();
    requestCount = 0;
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "FakeSendGrid{" + endpoint() + "}";
  }

  private synchronized MockResponse answer(RecordedRequest request) {
    requestCount++;
    Answer scripted = script.isEmpty() ? Answer.validate() : script.poll();
    MockResponse.Builder response = new MockResponse.Builder()
        .addHeader("X-RateLimit-Limit", "600")
        .addHeader("X-RateLimit-Remaining", scripted.status == 429 ? "0" : "599")
        .addHeader("X-RateLimit-Reset", String.valueOf(
            (scripted.rateLimitReset != null ? scripted.rateLimitReset
                : clock.instant().plusSeconds(60)).getEpochSecond()));
    if (scripted.dropConnection) {
      return response.onResponseStart(new SocketEffect.CloseSocket()).build();
    }
    if (scripted.delay.toMillis() > 0) {
      response.headersDelay(scripted.delay.toMillis(), TimeUnit.MILLISECONDS);
    }
    if (scripted.status != 0) {
      return errors(response, scripted.status, scripted.errors);
    }
    if (!"POST".equals(request.getMethod())
        || !"/v3/mail/send".equals(request.getUrl().encodedPath())) {
      return errors(response, 404, List.of(new Error(null, "not found: " + request.getMethod()
          + " " + request.getUrl().encodedPath() + " (this fake serves POST /v3/mail/send)")));
    }
    if (!("Bearer " + apiKey).equals(request.getHeaders().get("Authorization"))) {
      return errors(response, 401, List.of(new Error(null,
          "The provided authorization grant is invalid, expired, or revoked")));
    }
    String body = FakeHttpServer.bodyText(request);
    String contentType = request.getHeaders().get("Content-Type");
    if (contentType == null || !contentType.startsWith("application/json")) {
      return reject(response, 400, List.of(new Error(null, "Content-Type must be application/json")));
    }
    @Nullable Object parsed;
    try {
      parsed = FakeHttpServer.parseJson(body);
    } catch (IOException | RuntimeException e) {
      return reject(response, 400, List.of(new Error(null, "Bad Request: invalid JSON")));
    }
    long size = FakeHttpServer.bodySize(request);
    List<Error> errors = new ArrayList<>(MailSendRules.check(parsed, size, clock.instant()));
    for (Function<String, List<String>> check : extraChecks) {
      for (String problem : check.apply(body)) errors.add(new Error(null, problem));
    }
    if (!errors.isEmpty()) {
      return reject(response, size >= MailSendRules.MAX_BYTES ? 413 : 400, errors);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) Objects.requireNonNull(parsed,
        "MailSendRules accepts only a JSON object");
    boolean sandbox = json.get("mail_settings") instanceof Map<?, ?> settings
        && settings.get("sandbox_mode") instanceof Map<?, ?> mode
        && Boolean.TRUE.equals(mode.get("enable"));
    if (sandbox) {
      accepted.add(new ReceivedMail(body, json, null, true));
      return response.code(200).build();
    }
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    String messageId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    accepted.add(new ReceivedMail(body, json, messageId, false));
    return response.code(202).addHeader("X-Message-Id", messageId).build();
  }

  private MockResponse reject(MockResponse.Builder response, int status, List<Error> errors) {
    rejections.add(List.copyOf(errors));
    return errors(response, status, errors);
  }

  private static MockResponse errors(MockResponse.Builder response, int status,
      List<Error> errors) {
    List<Object> items = new ArrayList<>();
    for (Error e : errors) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("message", e.message());
      item.put("field", e.field());
      item.put("help", null);
      items.add(item);
    }
    return response.code(status)
        .addHeader("Content-Type", "application/json")
        .body(FakeHttpServer.toJson(Map.of("errors", items)))
        .build();
  }

  /** Builds a {@link FakeSendGrid}. */
  public static final class Builder {
    private String apiKey = DEFAULT_API_KEY;
    private int port;
    private Clock clock = Clock.systemUTC();
    private final List<Function<String, List<String>>> extraChecks = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the API key to accept.
     *
     * @param apiKey the key clients must send as a bearer token (default {@link
     *     #DEFAULT_API_KEY})
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    /**
     * Listens on this loopback port instead of a free one (e.g. one a test saw refused).
     *
     * @param port 1 to 65535, or 0 for a free port (the default)
     * @return this builder
     * @throws IllegalArgumentException if {@code port} is out of range
     */
    public Builder port(int port) {
      this.port = FakeHttpServer.checkPort(port);
      return this;
    }

    /**
     * Sets the clock for the default {@code X-RateLimit-Reset} and the send_at window.
     *
     * @param clock the fake's clock (default the system UTC clock)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Adds a check run on every JSON body the built-in rules check (e.g. a JSON-schema
     * validator); the problems it returns are answered as a 400, together with the rules' errors.
     *
     * @param check takes the raw body and returns its problems, empty if none; each becomes an
     *     error without a field
     * @return this builder
     */
    public Builder extraCheck(Function<String, List<String>> check) {
      extraChecks.add(Objects.requireNonNull(check, "check == null"));
      return this;
    }

    /**
     * Starts the fake on a free loopback port, or the one set with {@link #port(int)}.
     *
     * @return the running fake; close it when done
     * @throws UncheckedIOException if no port can be bound
     */
    public FakeSendGrid start() {
      return new FakeSendGrid(this);
    }
  }

  /**
   * The body size limit SendGrid enforces, in bytes.
   *
   * @return 30,000,000; a body this large or larger is answered 413
   */
  public static long maxMessageBytes() {
    return MailSendRules.MAX_BYTES;
  }

}
