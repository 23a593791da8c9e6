package io.herokusdk.examples.signup;

import io.herokusdk.core.Redactor;
import io.herokusdk.postgres.DatabaseConnectException;
import io.herokusdk.postgres.PostgresDiagnostics;
import io.herokusdk.redis.RateLimiter;
import io.herokusdk.redis.RedisCache;
import io.herokusdk.redis.RedisUnavailableException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.Closeable;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The HTTP API (Javalin on Jetty).
 *
 * <ul>
 *   <li>{@code POST /signup} {@code {"email", "name"}}: 201 with the user, rate-limited per
 *       client IP; the welcome email is queued for the worker.
 *   <li>{@code GET /users/{id}}: the user, read through the Redis cache; header {@code X-Cache:
 *       HIT} or {@code MISS}.
 *   <li>{@code GET /health}: pings Postgres and Redis, with latencies; 503 if either fails.
 * </ul>
 *
 * <p>Errors are JSON {@code {"error", "message", "field"?}}: 400 bad input (naming the field),
 * 404, 409 email taken, 429 with {@code Retry-After}, 503 with {@code Retry-After} when Postgres
 * or Redis is unavailable.
 */
public final class WebServer implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  /** Jetty threads: enough for the Postgres pool and Redis, small enough for a 512 MB dyno. */
  static final int MAX_THREADS = 32;
  private static final Duration RETRY_UNAVAILABLE = Duration.ofSeconds(5);
  static final String REQUEST_ID_HEADER = "X-Request-Id";
  /** The MDC key logback's heroku-logfmt.xml and heroku-json.xml write as request_id. */
  static final String REQUEST_ID_MDC_KEY = "request_id";
  /** A plausible request id: Heroku's are UUIDs; clients may send their own (up to 200 chars). */
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9+/=_.:-]{1,200}");
  private static final String STARTED_AT = "signup.startedAt";

  private final SignupServices services;
  private final RateLimiter signupLimiter;
  private final Javalin app;

  private WebServer(SignupServices services) {
    this.services = services;
    AppSettings settings = services.settings();
    this.signupLimiter = services.redis().rateLimiter("signup", settings.signupLimit(),
        settings.signupWindow(), RateLimiter.Window.SLIDING);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jsonMapper(new MoshiJsonMapper());
      config.http.maxRequestSize = 16 * 1024;
      config.jetty.threadPool = new QueuedThreadPool(MAX_THREADS, 4, 60_000);
      config.routes.before(WebServer::startRequest);
      config.routes.after(WebServer::endRequest);
      config.routes.post("/signup", this::signup);
      config.routes.get("/users/{id}", this::user);
      config.routes.get("/health", this::health);
      config.routes.exception(ApiException.class, (e, ctx) -> answer(ctx, e));
      config.routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx,
          new ApiException(e.getStatus(), errorCode(e.getStatus()), e.getMessage(), null, null)));
      config.routes.exception(RedisUnavailableException.class, (e, ctx) -> {
        log.warn("{} {}: Redis unavailable: {}", ctx.method(), ctx.path(), e.getMessage());
        answer(ctx, new ApiException(503, "redis_unavailable",
            "The cache/queue is unavailable; retry shortly.", null, RETRY_UNAVAILABLE));
      });
      config.routes.exception(SQLTransientConnectionException.class,
          (e, ctx) -> databaseUnavailable(ctx, e));
      config.routes.exception(DatabaseConnectException.class,
          (e, ctx) -> databaseUnavailable(ctx, e));
      config.routes.exception(DatabaseException.class, (e, ctx) -> {
        if (e.getCause() instanceof SQLTransientConnectionException
            || e.getCause() instanceof DatabaseConnectException) {
          databaseUnavailable(ctx, (SQLException) e.getCause());
        } else {
          log.error("{} {} failed", ctx.method(), ctx.path(), e);
          answer(ctx, new ApiException(500, "internal_error", "Something went wrong.", null,
              null));
        }
      });
      config.routes.exception(Exception.class, (e, ctx) -> {
        log.error("{} {} failed", ctx.method(), ctx.path(), e);
        answer(ctx, new ApiException(500, "internal_error", "Something went wrong.", null, null));
      });
      config.routes.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          answer(ctx, new ApiException(404, "not_found", "No such endpoint.", null, null));
        }
      });
    });
  }

  /**
   * Puts the request's id into the MDC as {@code request_id}, so every line logged while
   * handling it carries it: Heroku's router's {@code X-Request-Id} (also in the router's log
   * line), or a new UUID when it is missing or not a plausible id (which keeps quotes and line
   * breaks out of the logs). It is echoed back in the response's {@code X-Request-Id}.
   */
  private static void startRequest(Context ctx) {
    String id = ctx.header(REQUEST_ID_HEADER);
    if (id == null || !REQUEST_ID.matcher(id).matches()) id = UUID.randomUUID().toString();
    MDC.put(REQUEST_ID_MDC_KEY, id);
    ctx.attribute(STARTED_AT, System.nanoTime());
    ctx.header(REQUEST_ID_HEADER, id);
  }

  /** Logs the request with its status and duration, then clears the MDC for the thread. */
  private static void endRequest(Context ctx) {
    try {
      Long started = ctx.attribute(STARTED_AT);
      long millis = started == null ? -1 : (System.nanoTime() - started) / 1_000_000;
      log.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), millis);
    } finally {
      MDC.remove(REQUEST_ID_MDC_KEY);
    }
  }

  /**
   * Answers 503. A connect failure that needs someone to act (password rejected, ...) is logged
   * as an error with its reason and advice; a passing one (pool busy, restart) as a warning.
   */
  private static void databaseUnavailable(Context ctx, SQLException e) {
    if (e instanceof DatabaseConnectException && !((DatabaseConnectException) e).isTransient()) {
      log.error("{} {}: database unavailable: {}", ctx.method(), ctx.path(), e.getMessage());
    } else {
      log.warn("{} {}: database unavailable: {}", ctx.method(), ctx.path(), e.getMessage());
    }
    answer(ctx, new ApiException(503, "database_unavailable",
        "The database is unavailable; retry shortly.", null, RETRY_UNAVAILABLE));
  }

  /** Starts serving on all interfaces at {@code PORT} ({@code 0}: any free port). */
  public static WebServer start(SignupServices services) {
    WebServer server = new WebServer(services);
    server.app.start("0.0.0.0", services.settings().port());
    return server;
  }

  /** The port it listens on. */
  public int port() {
    return app.port();
  }

  private void signup(Context ctx) throws SQLException {
    String ip = ClientIp.resolve(ctx.req().getRemoteAddr(),
        Collections.list(ctx.req().getHeaders("X-Forwarded-For")),
        services.settings().trustForwardedFor());
    RateLimiter.Decision decision = signupLimiter.tryAcquire(ip);
    if (!decision.allowed()) {
      throw new ApiException(429, "rate_limited",
          "Too many sign-ups from your address; retry later.", null, decision.retryAfter());
    }
    SignupRequest request = SignupRequest.parse(ctx.body(), services.welcomeEmails());
    User user;
    try {
      user = services.users().create(request.email(), request.name());
    } catch (DuplicateEmailException e) {
      throw new ApiException(409, "email_taken", e.getMessage(), "email", null);
    }
    try {
      services.welcomeEmails().enqueue(user);
    } catch (RuntimeException e) {
      // The user is committed, so this is still a 201 (a retry would get 409). The unsettled
      // welcome_emails row is the outbox: RequeueJob queues it again after EMAIL_REQUEUE_AFTER.
      log.warn("User {} signed up but the welcome email could not be queued; the re-queue job"
          + " will queue it: {}: {}", user.id(), e.getClass().getSimpleName(),
          Redactor.redactUrls(e.getMessage()));
    }
    ctx.status(201).header("Location", "/users/" + user.id()).json(user);
  }

  private void user(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.invalid("id", "id must be a whole number.");
    }
    if (id <= 0) throw ApiException.invalid("id", "id must be positive.");
    RedisCache cache = services.redis().cache();
    String key = "user:" + id;
    Optional<User> cached;
    try {
      cached = cache.get(key, User.class);
    } catch (RedisUnavailableException e) {
      cached = Optional.empty(); // read from Postgres; getOrCompute then skips the cache too
    }
    if (cached.isPresent()) {
      ctx.header("X-Cache", "HIT").json(cached.get());
      return;
    }
    User user = cache.getOrCompute(key, services.settings().userCacheTtl(), User.class,
        () -> load(id));
    if (user == null) throw new ApiException(404, "not_found", "No user " + id + ".", "id", null);
    ctx.header("X-Cache", "MISS").json(user);
  }

  private User load(long id) {
    try {
      return services.users().find(id).orElse(null);
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  private void health(Context ctx) {
    Map<String, Object> postgres = new LinkedHashMap<>();
    Map<String, Object> redis = new LinkedHashMap<>();
    String[] version = new String[1];
    boolean postgresUp = check(postgres, () -> {
      PostgresDiagnostics.Ping ping = services.postgres().diagnostics().ping();
      version[0] = ping.serverVersion();
    });
    if (version[0] != null) postgres.put("version", version[0]);
    boolean redisUp = check(redis, () -> services.redis().execute(r -> r.ping()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", postgresUp && redisUp ? "ok" : "unavailable");
    body.put("postgres", postgres);
    body.put("redis", redis);
    ctx.status(postgresUp && redisUp ? 200 : 503).json(body);
  }

  private interface Probe {
    void run() throws Exception;
  }

  private static boolean check(Map<String, Object> result, Probe probe) {
    long start = System.nanoTime();
    String error = null;
    try {
      probe.run();
    } catch (Exception e) {
      log.warn("Health check failed: {}", e.getMessage());
      error = e.getClass().getSimpleName();
    }
    result.put("ok", error == null);
    result.put("latencyMs", Math.round((System.nanoTime() - start) / 10_000.0) / 100.0);
    if (error != null) result.put("error", error);
    return error == null;
  }

  private static String errorCode(int status) {
    switch (status) {
      case 404: return "not_found";
      case 405: return "method_not_allowed";
      case 413: return "payload_too_large";
      default: return "http_" + status;
    }
  }

  private static void answer(Context ctx, ApiException e) {
    ctx.status(e.status());
    Long retry = e.retryAfterSeconds();
    if (retry != null) ctx.header("Retry-After", Long.toString(retry));
    ctx.json(e.body());
  }

  /** Stops accepting requests and waits for the ones in progress. */
  @Override
  public void close() {
    app.stop();
  }

  @Override
  public String toString() {
    return "WebServer{port=" + app.port() + "}";
  }

  /** A SQLException from inside a cache loader, which may not throw checked exceptions. */
  static final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseException(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
