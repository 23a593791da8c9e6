package io.herokusdk.examples.ops;

import com.squareup.moshi.Moshi;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.herokusdk.api.logs.DrainBatch;
import io.herokusdk.api.logs.DrainBodyException;
import io.herokusdk.api.logs.LogLine;
import io.herokusdk.api.logs.LogplexDrain;
import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.Dyno;
import io.herokusdk.core.Secret;
import io.herokusdk.mail.Email;
import io.herokusdk.mail.Mailer;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code web} process: an HTTPS log-drain endpoint ({@code POST /drain}) that checks the
 * forwarded protocol, basic auth and the {@code Logplex-Drain-Token}, feeds router and error
 * lines to {@link DrainStats}, and mails one alert per threshold breach. {@code GET /stats}
 * (basic auth) shows counts and p50/p95 per path as JSON; {@code GET /health} answers 200.
 */
final class DrainServer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(DrainServer.class);
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9+/=_.:-]{1,200}");
  /** Logplex sends at most a few hundred KB per POST; anything far above is refused. */
  static final int MAX_BODY_BYTES = 1 << 20;

  /** Config of the endpoint. */
  record Settings(int port, String user, Secret password, List<Secret> drainTokens,
      boolean requireHttps, AlertRules rules, String alertTo, String mailFrom, String label) {
    Settings {
      drainTokens = List.copyOf(drainTokens);
    }

    static Settings from(ConfigVars config) {
      List<Secret> tokens = new ArrayList<>();
      for (String t : config.require("DRAIN_TOKENS", "the Logplex-Drain-Token value(s) (d.<uuid>"
          + ", comma-separated) of the drains allowed to post; `heroku drains -a APP --json` "
          + "shows them").split(",")) {
        if (!t.isBlank()) tokens.add(Secret.of(t.strip()));
      }
      return new Settings(config.getInt("PORT", 5000),
          config.require("DRAIN_USER", "the basic-auth user in the drain URL"),
          config.requireSecret("DRAIN_PASSWORD"), tokens,
          config.getBoolean("REQUIRE_HTTPS").orElse(Dyno.fromEnv().isOnHeroku()),
          AlertRules.parse(config.get("ALERT_THRESHOLDS").orElse(AlertRules.DEFAULT),
              config.getDuration("ALERT_WINDOW").orElse(Duration.ofMinutes(5))),
          config.require("ALERT_EMAIL_TO", "where breach alerts are mailed"),
          config.get("MAIL_FROM").orElse("alerts@example.com"),
          config.get("ALERT_LABEL").orElse("log drain"));
    }
  }

  private final Settings settings;
  private final DrainStats stats;
  private final LogplexDrain drain = LogplexDrain.create();
  private final Mailer mailer;
  private final ExecutorService alerts = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "drain-alerts");
    t.setDaemon(true);
    return t;
  });
  private final ExecutorService handlers = Executors.newFixedThreadPool(8);
  private final HttpServer server;

  private DrainServer(Settings settings, Mailer mailer, Clock clock) throws IOException {
    this.settings = settings;
    this.mailer = mailer;
    this.stats = new DrainStats(settings.rules(), clock);
    this.server = HttpServer.create(new InetSocketAddress(settings.port()), 64);
    server.createContext("/", this::handle);
    server.setExecutor(handlers);
  }

  /** Starts listening on {@code settings.port()} (0: any free port). */
  static DrainServer start(Settings settings, Mailer mailer, Clock clock) throws IOException {
    DrainServer s = new DrainServer(settings, mailer, clock);
    s.server.start();
    LOG.info("Log drain endpoint listening on port {} (https required: {})", s.port(),
        settings.requireHttps());
    return s;
  }

  int port() {
    return server.getAddress().getPort();
  }

  DrainStats stats() {
    return stats;
  }

  /** Waits until the alerts queued so far have been sent (or failed). */
  void flushAlerts() throws Exception {
    alerts.submit(() -> { }).get(30, TimeUnit.SECONDS);
  }

  private void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    String given = exchange.getRequestHeaders().getFirst("X-Request-Id");
    String requestId = given != null && REQUEST_ID.matcher(given).matches()
        ? given : UUID.randomUUID().toString();
    MDC.put("request_id", requestId);
    int status = 500;
    try {
      exchange.getResponseHeaders().set("X-Request-Id", requestId);
      status = route(exchange);
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          e);
      status = send(exchange, 500, "{\"error\":\"internal_error\"}");
    } finally {
      LOG.info("{} {} {} {}ms", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          status, (System.nanoTime() - start) / 1_000_000);
      exchange.close();
      MDC.remove("request_id");
    }
  }

  private int route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (path.equals("/health") && method.equals("GET")) {
      return send(exchange, 200, "{\"status\":\"ok\"}");
    }
    boolean drainPath = path.equals("/drain");
    boolean statsPath = path.equals("/stats");
    if (!drainPath && !statsPath) return send(exchange, 404, "{\"error\":\"not_found\"}");
    if (settings.requireHttps() && !"https".equalsIgnoreCase(
        exchange.getRequestHeaders().getFirst("X-Forwarded-Proto"))) {
      return send(exchange, 403, "{\"error\":\"https_required\",\"message\":\"use the https:// "
          + "URL: drain credentials must not travel in plain text\"}");
    }
    if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"drain\"");
      return send(exchange, 401, "{\"error\":\"unauthorized\"}");
    }
    if (statsPath) {
      return method.equals("GET") ? send(exchange, 200, statsJson())
          : send(exchange, 405, "{\"error\":\"method_not_allowed\"}");
    }
    if (!method.equals("POST")) return send(exchange, 405, "{\"error\":\"method_not_allowed\"}");
    if (!knownToken(exchange.getRequestHeaders().getFirst(LogplexDrain.DRAIN_TOKEN_HEADER))) {
      LOG.warn("drain: refused a POST with an unknown or missing {}",
          LogplexDrain.DRAIN_TOKEN_HEADER);
      return send(exchange, 403, "{\"error\":\"unknown_drain_token\"}");
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      return send(exchange, 413, "{\"error\":\"payload_too_large\"}");
    }
    List<LogLine> lines;
    int status;
    try {
      DrainBatch batch = drain.receive(exchange.getRequestHeaders()::getFirst, body);
      lines = batch.lines();
      status = 204;
    } catch (DrainBodyException e) {
      LOG.warn("drain: bad body: {}", e.getMessage());
      lines = e.lines();
      status = 400;
    }
    for (DrainStats.Breach breach : stats.record(lines)) alerts.execute(() -> alert(breach));
    return status == 204 ? sendEmpty(exchange, 204)
        : send(exchange, 400, "{\"error\":\"bad_body\"}");
  }

  private boolean authorized(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) return false;
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) return false;
    boolean user = Secret.of(decoded.substring(0, colon)).equals(Secret.of(settings.user()));
    boolean password = Secret.of(decoded.substring(colon + 1)).equals(settings.password());
    return user & password;
  }

  private boolean knownToken(String token) {
    if (token == null || token.isBlank()) return false;
    Secret given = Secret.of(token.strip());
    boolean known = false;
    for (Secret allowed : settings.drainTokens()) known |= allowed.equals(given);
    return known;
  }

  private void alert(DrainStats.Breach breach) {
    String what = breach.kind().equals("5xx") ? "router 5xx responses" : breach.kind() + " errors";
    String subject = String.format(Locale.ROOT, "[%s] %d %s in %s (threshold %d)",
        settings.label(), breach.count(), what, human(breach.window()), breach.threshold());
    try {
      mailer.send(Email.builder().from(settings.mailFrom()).to(settings.alertTo())
          .subject(subject)
          .text(subject + ".\n\nYou get one email per breach: the next one comes after the count "
              + "within " + human(breach.window()) + " has fallen below " + breach.threshold()
              + " and risen again.\n")
          .build());
      LOG.warn("alert sent: {}", subject);
    } catch (RuntimeException e) {
      LOG.error("alert could not be mailed ({}): {}", subject, e.getMessage());
    }
  }

  private String statsJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("totals", stats.totals());
    json.put("breached", stats.breached());
    Map<String, Object> paths = new LinkedHashMap<>();
    stats.pathTimes().forEach((path, t) -> paths.put(path, Map.of("requests", t.requests(),
        "p50_ms", t.p50Millis(), "p95_ms", t.p95Millis())));
    json.put("paths", paths);
    return new Moshi.Builder().build().adapter(Object.class).toJson(json);
  }

  private static String human(Duration d) {
    return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
  }

  private static int send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    return status;
  }

  private static int sendEmpty(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    return status;
  }

  /** Stops accepting requests, lets running ones finish (up to 5 s), then drains the alerts. */
  @Override
  public void close() {
    server.stop(5);
    handlers.shutdown();
    alerts.shutdown();
    try {
      if (!alerts.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("Shutdown: alerts still being mailed were cut off");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
