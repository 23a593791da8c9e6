package io.herokusdk.testing.herokuapi;

import io.herokusdk.testing.internal.FakeHttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.jspecify.annotations.Nullable;

/**
 * A fake Heroku Platform API on a local port (MockWebServer), for tests of code that manages
 * apps. It checks {@code Authorization: Bearer <token>} and {@code Accept:
 * application/vnd.heroku+json; version=3}, answers every request with a {@code Request-Id} (the
 * client's, if it sent one) and {@code RateLimit-Remaining}, and serves a small in-memory store:
 *
 * <ul>
 *   <li>{@code POST /apps}, {@code GET /apps} (paged), {@code GET|PATCH|DELETE /apps/{app}}
 *   <li>{@code GET|PATCH /apps/{app}/config-vars} (a {@code null} value deletes a var)
 *   <li>{@code GET /apps/{app}/formation} (paged), {@code PATCH /apps/{app}/formation} (batch
 *       update), {@code GET|PATCH /apps/{app}/formation/{type}}
 *   <li>pipelines, couplings and promotions (targets {@code pending}, then succeeded or failed),
 *       app setups and review apps, add-ons that provision after a delay, domains with ACM
 *       status, dyno restarts: see {@link #provisioningDelay(Duration)} and the scripting
 *       methods next to it
 *   <li>add-on attachments ({@code DATABASE}, {@code HEROKU_POSTGRESQL_<COLOR>}, replacing a
 *       name with {@code confirm}, as {@code pg:promote} does): see {@link #attachments(String)};
 *       with a {@link FakeDataApi#linkedTo linked} Data API, Postgres add-ons (followers and
 *       forks too) are its databases, real ones when it is bound to embedded Postgres
 *   <li>sources with a signed upload URL, builds that move {@code pending} to succeeded or
 *       failed with a streamed output, releases with a release phase and rollbacks: see {@link
 *       #scriptBuild(BuildScript)}
 *   <li>log sessions whose {@code logplex_url} streams the lines added with {@link
 *       #addLogLines(String, String...)}
 * </ul>
 *
 * <p>The URLs it hands out for uploads and streams live under {@code /_fake/} and, like Heroku's,
 * are signed: a request to them that carries the API token is refused (400), so a client that
 * would leak its token to a storage or log host fails its tests.
 *
 * <p>Lists honour {@code Range: <field> [[]start]..[end][; order=desc, max=N]} like Heroku: at
 * most {@code max} (default 200, at most 1000) items, {@code 206} with {@code Next-Range} when
 * more remain, {@code 200} on the last page, {@code 416} for a bad range. Errors are Heroku's
 * {@code {"id", "message", "url"}}; others can be scripted with {@link #enqueue(Answer)} or,
 * for one route, {@link #failNextRequest(String, String, Answer)}. Every request is recorded.
 *
 * <pre>{@code
 * try (FakeHerokuApi api = FakeHerokuApi.start()) {
 *   Heroku heroku = Heroku.builder().token(api.token()).baseUrl(api.baseUrl()).build();
 *   heroku.apps().create(AppCreateRequest.builder().name("my-app").build());
 *   assertThat(api.app("my-app")).isNotNull();
 *   api.enqueue(FakeHerokuApi.Answer.rateLimited());      // the next request gets a 429
 * }
 * }</pre>
 */
public final class FakeHerokuApi implements Closeable {
  /** The token {@link #start()} accepts. A test value; not a secret. */
  public static final String DEFAULT_TOKEN = "fake-heroku-api-token-for-tests-only";
  /** The {@code RateLimit-Remaining} budget a new fake starts with, as Heroku's hourly one. */
  public static final int DEFAULT_RATE_LIMIT = 4500;
  /** The version-3 media type every request must accept. */
  public static final String ACCEPT = "application/vnd.heroku+json; version=3";
  /** First path segment of the fake's own URLs (uploads, output and log streams). */
  static final String RAW_PREFIX = "_fake";

  private static final Pattern APP_NAME = Pattern.compile("[a-z][a-z0-9-]{1,28}[a-z0-9]");
  private static final Map<String, String> REGIONS = Map.of(
      "us", "59accabd-516d-4f0e-83e6-6e3757701145",
      "eu", "ed30241c-ed8c-4bb6-9714-61953675d0b4");

  /**
   * A request it received, whatever the answer.
   *
   * @param method the HTTP method
   * @param path the percent-encoded path, like {@code /apps/my-app/config-vars}
   * @param query the raw query string, or null
   * @param headers the request headers, names in lower case (the last value of repeated ones)
   * @param body the body as UTF-8 text, empty when there was none
   * @param status the status answered, or 0 if the connection was dropped
   * @param responseBody the JSON answered, or null when the answer had no body
   */
  public record ReceivedRequest(String method, String path, @Nullable String query,
      Map<String, String> headers, String body, int status, @Nullable String responseBody) {
    /**
     * The header's value (name in any case), or null.
     *
     * @param name the header name, such as {@code "Range"}; matched case-insensitively
     * @return the last value sent under that name, or null if the request had none
     */
    public @Nullable String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Shows the headers with {@code Authorization} as {@code ****}. */
    @Override
    public String toString() {
      Map<String, String> shown = new TreeMap<>(headers);
      shown.computeIfPresent("authorization", (k, v) -> "****");
      return "ReceivedRequest[" + method + " " + path + (query == null ? "" : "?" + query)
          + " -> " + status + ", headers=" + shown + ", body=" + body + "]";
    }
  }

  /**
   * An app in the fake's store.
   *
   * @param id its UUID
   * @param name its name
   * @param region {@code us} or {@code eu}
   * @param stack its stack name, like {@code heroku-24}
   * @param maintenance whether maintenance mode is on
   * @param configVars its config vars, sorted by name
   * @param formation its process types by type, sorted
   * @param createdAt when it was created
   * @param updatedAt when it last changed
   */
  public record StoredApp(String id, String name, String region, String stack,
      boolean maintenance, Map<String, String> configVars, Map<String, StoredProcess> formation,
      Instant createdAt, Instant updatedAt) {
    /**
     * Copies the maps unmodifiable.
     *
     * @param id its UUID
     * @param name its name
     * @param region {@code us} or {@code eu}
     * @param stack its stack name, like {@code heroku-24}
     * @param maintenance whether maintenance mode is on
     * @param configVars its config vars; copied, sorted by name
     * @param formation its process types by type; copied, sorted
     * @param createdAt when it was created
     * @param updatedAt when it last changed
     */
    public StoredApp {
      configVars = Collections.unmodifiableMap(new TreeMap<>(configVars));
      formation = Collections.unmodifiableMap(new TreeMap<>(formation));
    }

    /** Shows the config var names, not their values. */
    @Override
    public String toString() {
      return "StoredApp[" + name + " (" + id + "), " + region + ", " + stack + ", config vars "
          + configVars.keySet() + ", formation " + formation.values() + "]";
    }
  }

  /**
   * One process type of an app's formation.
   *
   * @param id its UUID
   * @param type the process type, like {@code web}
   * @param quantity how many dynos run it
   * @param size the dyno size, like {@code standard-1X}
   * @param command the command it runs
   */
  public record StoredProcess(String id, String type, long quantity, String size,
      String command) {}

  /** A scripted answer for the next request, from {@link FakeHerokuApi#enqueue}. */
  public static final class Answer {
    private final int status;
    private final @Nullable String id;
    private final @Nullable String message;
    private final boolean dropConnection;

    private Answer(int status, @Nullable String id, @Nullable String message,
        boolean dropConnection) {
      this.status = status;
      this.id = id;
      this.message = message;
      this.dropConnection = dropConnection;
    }

    /**
     * Answers {@code status} with {@code {"id": id, "message": message, "url": ...}}, whatever
     * the request.
     *
     * @param status the HTTP status, 400 to 599
     * @param id Heroku's error id, such as {@code "invalid_params"}
     * @param message the human-readable message
     * @return the answer; the request changes nothing
     * @throws IllegalArgumentException if {@code status} is not 400 to 599
     */
    public static Answer error(int status, String id, String message) {
      if (status < 400 || status > 599) throw new IllegalArgumentException("not an error: " + status);
      return new Answer(status, Objects.requireNonNull(id, "id == null"),
          Objects.requireNonNull(message, "message == null"), false);
    }

    /**
     * 429 {@code rate_limit}, with {@code RateLimit-Remaining: 0}.
     *
     * @return the answer; {@link FakeHerokuApi#rateLimitRemaining()} still drops by just one
     */
    public static Answer rateLimited() {
      return error(429, "rate_limit",
          "Your account reached the API rate limit. Please wait a few minutes before making new"
              + " requests.");
    }

    /**
     * 403 {@code two_factor}: the request needs a {@code Heroku-Two-Factor-Code}.
     *
     * @return the answer, whatever the request sent
     */
    public static Answer twoFactorRequired() {
      return error(403, "two_factor",
          "A second authentication factor or pre-authorization is required for this request.");
    }

    /**
     * 404 {@code not_found}.
     *
     * @return the answer, with the message "Couldn't find that app."
     */
    public static Answer notFound() {
      return error(404, "not_found", "Couldn't find that app.");
    }

    /**
     * 503 {@code unavailable}.
     *
     * @return the answer, with the message "The service is temporarily unavailable."
     */
    public static Answer unavailable() {
      return error(503, "unavailable", "The service is temporarily unavailable.");
    }

    /**
     * Reads the whole request, then closes the connection without answering.
     *
     * @return the answer; the request is recorded with status 0
     */
    public static Answer noAnswer() {
      return new Answer(0, null, null, true);
    }

    @Override
    public String toString() {
      return dropConnection ? "Answer[no answer]" : "Answer[" + status + " " + id + "]";
    }
  }

  private final String token;
  private final Clock clock;
  private final @Nullable String twoFactorCode;
  private final int initialRateLimit;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<ReceivedRequest> requests = new ArrayList<>();
  private final Map<String, AppState> apps = new LinkedHashMap<>();
  /** Resource families beyond apps, config vars and formation; each answers its own requests. */
  private final List<FakeResource> resources = new ArrayList<>();
  private int rateLimitRemaining;
  private final FakeLogSessions logSessions = new FakeLogSessions(this);
  private final FakeHttpServer server;
  private final FakePipelines pipelines = new FakePipelines(this);
  private final FakeAppSetups appSetups = new FakeAppSetups(this);
  private final FakeAddOns addOns = new FakeAddOns(this);
  private final FakeAttachments attachments = new FakeAttachments(this);
  /** Scripted answers for the next request matching a method and a path glob. */
  private final List<RouteFailure> routeFailures = new ArrayList<>();
  /** The Data API linked to this fake, or null. */
  private @Nullable FakeDataApi data;
  private final FakeDomains domains = new FakeDomains(this);
  private final FakeDeploys deploys = new FakeDeploys(this);

  private FakeHerokuApi(Builder b) {
    this.token = b.token;
    this.clock = b.clock;
    this.twoFactorCode = b.twoFactorCode;
    this.initialRateLimit = b.rateLimit;
    this.rateLimitRemaining = b.rateLimit;
    this.server = FakeHttpServer.start(b.port, "Heroku API", this::answer);
    serve(pipelines);
    serve(appSetups);
    serve(addOns);
    serve(attachments);
    serve(domains);
    serve(logSessions);
    server.bodyLimit(b.maxUploadBytesKept);
    serve(deploys);
  }

  /** Sources, builds and releases; other families make their releases there. */
  FakeDeploys deploys() {
    return deploys;
  }

  /** Add-ons; attachments and the linked Data API read them. */
  FakeAddOns addOns() {
    return addOns;
  }

  /** Add-on attachments. */
  FakeAttachments attachments() {
    return attachments;
  }

  /** The linked Data API, or null; call it only holding this fake's lock (lock order). */
  @Nullable FakeDataApi data() {
    return data;
  }

  /** The clock of {@code created_at} and of everything that changes with time. */
  Clock clock() {
    return clock;
  }

  /** Links a Data API: add-ons of Postgres and Redis plans become its databases. */
  synchronized void link(FakeDataApi linked) {
    if (data != null) throw new IllegalStateException("a Data API is already linked to " + this);
    this.data = linked;
  }

  /** Adds a resource family; called once per family from the constructor. */
  private void serve(FakeResource resource) {
    resources.add(resource);
  }

  /**
   * Starts a fake on a free loopback port accepting {@link #DEFAULT_TOKEN}.
   *
   * @return the running fake; close it when done
   * @throws UncheckedIOException if no port can be bound
   */
  public static FakeHerokuApi start() {
    return builder().start();
  }

  /**
   * Returns a builder for a fake with another token, clock, rate limit or two-factor code.
   *
   * @return a new builder with the defaults of {@link #start()}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The API token it accepts. A test value; not a secret.
   *
   * @return the token expected as {@code Authorization: Bearer TOKEN}
   */
  public String token() {
    return token;
  }

  /**
   * The base URL, like {@code http://127.0.0.1:PORT/}, for the client's base URL setting.
   *
   * @return the origin with a trailing slash
   */
  public String baseUrl() {
    return server.origin() + "/";
  }

  /**
   * {@link #baseUrl()} as a URI.
   *
   * @return the base URL, with its trailing slash
   */
  public URI endpoint() {
    return URI.create(baseUrl());
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
   * Config vars pointing a client at this fake's token: {@code HEROKU_API_KEY}.
   *
   * @return an immutable map with just {@code HEROKU_API_KEY}; the base URL is not a config var
   *     and must be set on the client
   */
  public Map<String, String> configVars() {
    return Map.of("HEROKU_API_KEY", token);
  }

  /**
   * Scripts the answer to the next request; scripted answers are used in order.
   *
   * @param answer what the next request to the API gets instead of being served (the fake's own
   *     {@code /_fake/} URLs are not affected)
   * @return this fake
   */
  public synchronized FakeHerokuApi enqueue(Answer answer) {
    script.add(Objects.requireNonNull(answer, "answer == null"));
    return this;
  }

  /**
   * Sets the {@code RateLimit-Remaining} budget; at 0 every request gets a 429.
   *
   * @param remaining how many requests remain, 0 or more
   * @return this fake
   * @throws IllegalArgumentException if {@code remaining} is negative
   */
  public synchronized FakeHerokuApi rateLimitRemaining(int remaining) {
    if (remaining < 0) throw new IllegalArgumentException("remaining < 0");
    this.rateLimitRemaining = remaining;
    return this;
  }

  /**
   * The {@code RateLimit-Remaining} it will answer next (each request uses one).
   *
   * @return the budget left, never below 0
   */
  public synchronized int rateLimitRemaining() {
    return rateLimitRemaining;
  }

  /**
   * Adds an app in region {@code us} on {@code heroku-24}, as if created through the API.
   *
   * @param name the app's name: 3 to 30 lower-case letters, digits and dashes, starting with a
   *     letter and not ending with a dash
   * @return the app as stored, with a new UUID and the fake's clock as its creation time
   * @throws IllegalArgumentException if the name is invalid or taken
   */
  public synchronized StoredApp addApp(String name) {
    if (!APP_NAME.matcher(name).matches() || findApp(name) != null) {
      throw new IllegalArgumentException("invalid or taken app name: " + name);
    }
    AppState app = new AppState(name, "us", "heroku-24", now());
    apps.put(app.id, app);
    return app.snapshot();
  }

  /**
   * Sets an app's config var, as if by {@code PATCH /apps/{app}/config-vars}.
   *
   * @param app the app's name or id; it must exist
   * @param name the config var's name, such as {@code DATABASE_URL}
   * @param value its value, not null
   * @return this fake
   */
  public synchronized FakeHerokuApi setConfigVar(String app, String name, String value) {
    existing(app).configVars.put(name, Objects.requireNonNull(value, "value == null"));
    return this;
  }

  /**
   * Sets (or adds) a process type of an app's formation.
   *
   * @param app the app's name or id; it must exist
   * @param type the process type, such as {@code web} or {@code worker}
   * @param quantity how many dynos run it; not checked
   * @param size the dyno size, such as {@code standard-1X}; not checked
   * @return this fake
   */
  public synchronized FakeHerokuApi setFormation(String app, String type, long quantity,
      String size) {
    AppState state = existing(app);
    ProcessState process = state.formation.computeIfAbsent(type, t -> new ProcessState(t, now()));
    process.quantity = quantity;
    process.size = size;
    return this;
  }

  // log sessions

  /**
   * Appends lines to the app's log as Heroku formats them ({@code TIMESTAMP SOURCE[DYNO]:
   * MESSAGE}); the last 1,500 are kept, and open tails of {@code POST /apps/{app}/log-sessions}
   * receive them at once. A line that is not of that form is streamed as it is.
   *
   * @param app the app's name or id; it must exist
   * @param lines whole lines, without line breaks
   * @return this fake
   * @throws IllegalArgumentException if a line holds a line break
   */
  public synchronized FakeHerokuApi addLogLines(String app, String... lines) {
    logSessions.add(existing(app), List.of(lines));
    return this;
  }

  /**
   * Appends one line to the app's log stamped with the fake's clock (microseconds, each later
   * than the last) and returns it, like {@code 2024-05-01T12:00:00.000001+00:00 app[web.1]: hi}.
   *
   * @param app the app's name or id; it must exist
   * @param source the log source, like {@code app} or {@code heroku}
   * @param dyno like {@code web.1} or {@code router}; "" for none
   * @param message the text after the colon, without line breaks
   * @return the line as added
   * @throws IllegalArgumentException if the message holds a line break
   */
  public synchronized String addLogLine(String app, String source, String dyno, String message) {
    return logSessions.add(existing(app), Objects.requireNonNull(source, "source == null"),
        Objects.requireNonNull(dyno, "dyno == null"),
        Objects.requireNonNull(message, "message == null"));
  }

  /**
   * The app's next log stream writes {@code lines} lines, then drops its connection (once).
   *
   * @param app the app's name or id; it must exist
   * @param lines how many lines the stream writes before the drop, 0 or more
   * @return this fake
   * @throws IllegalArgumentException if {@code lines} is negative
   */
  public synchronized FakeHerokuApi dropNextLogStream(String app, int lines) {
    logSessions.dropNext(existing(app), lines);
    return this;
  }

  /**
   * The app's next {@code times} log stream requests answer 403, "Log stream timed out".
   *
   * @param app the app's name or id; it must exist
   * @param times how many requests to refuse, 0 or more; replaces an earlier count
   * @return this fake
   * @throws IllegalArgumentException if {@code times} is negative
   */
  public synchronized FakeHerokuApi rejectNextLogStreams(String app, int times) {
    logSessions.rejectNext(existing(app), times);
    return this;
  }

  /**
   * Ends the app's open log tails cleanly, as Heroku does when a tail session times out.
   *
   * @param app the app's name or id; it must exist
   * @return this fake
   */
  public synchronized FakeHerokuApi endLogStreams(String app) {
    logSessions.endStreams(existing(app));
    return this;
  }

  /**
   * For each request of the app's log stream URLs, in order, the {@code Last-Event-Id} it
   * resumed with (Fir apps' event streams), or {@code ""} for none.
   *
   * @param app the app's name or id; it must exist
   * @return a snapshot, one entry per stream request, oldest first
   */
  public synchronized List<String> logStreamResumes(String app) {
    return logSessions.resumes(existing(app));
  }

  /**
   * The app with this name or id, or null.
   *
   * @param nameOrId the app's name or UUID
   * @return a snapshot of the app, or null if there is none (or it was deleted)
   */
  public synchronized @Nullable StoredApp app(String nameOrId) {
    AppState app = findApp(nameOrId);
    return app == null ? null : app.snapshot();
  }

  /**
   * All apps, by name.
   *
   * @return snapshots of the apps, sorted by name
   */
  public synchronized List<StoredApp> apps() {
    return apps.values().stream().map(AppState::snapshot)
        .sorted((a, b) -> a.name().compareTo(b.name())).toList();
  }

  /**
   * The requests it received, in order.
   *
   * @return a snapshot of the API requests since start or {@link #reset()}; requests to its own
   *     {@code /_fake/} URLs are not recorded
   */
  public synchronized List<ReceivedRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * The last request it received, or null.
   *
   * @return the last recorded request, or null if there is none
   */
  public synchronized @Nullable ReceivedRequest lastRequest() {
    return requests.isEmpty() ? null : requests.get(requests.size() - 1);
  }

  /**
   * How many requests reached it, whatever the answer.
   *
   * @return the number of {@link #requests()}
   */
  public synchronized int requestCount() {
    return requests.size();
  }

  // pipelines, review apps, add-ons, domains

  /**
   * How long promotion targets stay {@code pending}, review apps and app setups run, add-ons
   * stay {@code provisioning} and domains wait for their certificate (default 2 s), measured on
   * the fake's clock to the second.
   *
   * @param delay the wait, zero (at once) or positive
   * @return this fake
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public synchronized FakeHerokuApi provisioningDelay(Duration delay) {
    Objects.requireNonNull(delay, "delay == null");
    if (delay.isNegative()) throw new IllegalArgumentException("delay < 0: " + delay);
    pipelines.delay = delay;
    appSetups.delay = delay;
    addOns.delay = delay;
    domains.delay = delay;
    return this;
  }

  /**
   * Creates a pipeline, as if by {@code POST /pipelines}, and returns its id.
   *
   * @param name the pipeline's name, not yet taken
   * @return the new pipeline's UUID
   * @throws IllegalArgumentException if a pipeline has this name
   */
  public synchronized String addPipeline(String name) {
    return pipelines.addPipeline(Objects.requireNonNull(name, "name == null"));
  }

  /**
   * Couples an app to a pipeline (name or id) at a stage ({@code development}, {@code staging},
   * {@code production}, ...), as if by {@code POST /pipeline-couplings}.
   *
   * @param pipeline the pipeline's name or id
   * @param app the app's name or id; it must exist
   * @param stage {@code test}, {@code review}, {@code development}, {@code staging} or {@code
   *     production}
   * @return this fake
   * @throws IllegalArgumentException if the pipeline, app or stage does not exist
   */
  public synchronized FakeHerokuApi couple(String pipeline, String app, String stage) {
    pipelines.couple(pipeline, app, stage);
    return this;
  }

  /**
   * Makes the next promotion to {@code app} fail with this target {@code error_message}.
   *
   * @param app the app's name or id; it must exist
   * @param errorMessage the failed target's {@code error_message}
   * @return this fake
   */
  public synchronized FakeHerokuApi failNextPromotionTo(String app, String errorMessage) {
    pipelines.failPromotionTo(app, Objects.requireNonNull(errorMessage, "errorMessage == null"));
    return this;
  }

  /**
   * The release-phase output of the releases promotions create.
   *
   * @param lines the output, one line each (default "Running release command...", "Release
   *     done."); applies to every later promotion until {@link #reset()}
   * @return this fake
   */
  public synchronized FakeHerokuApi promotionReleaseOutput(String... lines) {
    pipelines.releaseOutput(List.of(lines));
    return this;
  }

  /**
   * Makes the next app setup (direct or a review app's) fail with this {@code failure_message}
   * and {@code manifest_errors} (empty for a failure after the build).
   *
   * @param failureMessage the setup's {@code failure_message}
   * @param manifestErrors the setup's {@code manifest_errors}, copied
   * @return this fake
   */
  public synchronized FakeHerokuApi failNextAppSetup(String failureMessage,
      List<String> manifestErrors) {
    appSetups.scriptNext(new FakeAppSetups.Outcome(
        Objects.requireNonNull(failureMessage, "failureMessage == null"),
        List.copyOf(manifestErrors), "", 0));
    return this;
  }

  /**
   * Sets the postdeploy output and exit code of the next app setup (direct or a review app's);
   * a non-zero exit code fails it ({@code failure_message} "Postdeploy exit code was not 0").
   *
   * @param output the {@code postdeploy.output}
   * @param exitCode the {@code postdeploy.exit_code}; 0 succeeds
   * @return this fake
   */
  public synchronized FakeHerokuApi nextPostdeploy(String output, long exitCode) {
    appSetups.scriptNext(new FakeAppSetups.Outcome(null, List.of(),
        Objects.requireNonNull(output, "output == null"), exitCode));
    return this;
  }

  /**
   * The next {@code Attach NAME} release (from {@code POST /addon-attachments}, as {@code
   * pg:promote} makes) runs this release phase, e.g. {@code
   * BuildScript.succeeding().releasePhaseFails("...")}.
   *
   * @param attachmentName the attachment's name, such as {@code DATABASE}; any case
   * @param script the release phase of that release; its build settings are not used
   * @return this fake
   */
  public synchronized FakeHerokuApi nextAttachRelease(String attachmentName, BuildScript script) {
    attachments.nextAttachRelease.put(attachmentName.toUpperCase(Locale.ROOT),
        Objects.requireNonNull(script, "script == null"));
    return this;
  }

  /**
   * Makes the next add-on of this plan end {@code deprovisioned} with this message.
   *
   * @param plan the plan exactly as the request names it, such as {@code
   *     heroku-postgresql:essential-0}
   * @param provisionMessage the add-on's {@code provision_message}
   * @return this fake
   */
  public synchronized FakeHerokuApi failNextProvisioning(String plan, String provisionMessage) {
    addOns.failProvisioning(Objects.requireNonNull(plan, "plan == null"),
        Objects.requireNonNull(provisionMessage, "provisionMessage == null"));
    return this;
  }

  /**
   * The next request whose method is {@code method} and whose path matches {@code pathGlob}
   * ({@code *} matches one segment, like {@code /apps/*}{@code /formation}) gets {@code answer}
   * instead of being served, and changes nothing. Several may be queued; each is used once.
   *
   * @param method the HTTP method, such as {@code GET}; any case
   * @param pathGlob the path to match, segment by segment (decoded), such as {@code
   *     /apps/my-app/config-vars}
   * @param answer what the matching request gets
   * @return this fake
   */
  public synchronized FakeHerokuApi failNextRequest(String method, String pathGlob,
      Answer answer) {
    routeFailures.add(new RouteFailure(Objects.requireNonNull(method, "method == null")
        .toUpperCase(Locale.ROOT), Objects.requireNonNull(pathGlob, "pathGlob == null"),
        Objects.requireNonNull(answer, "answer == null")));
    return this;
  }

  // add-on attachments

  /**
   * Adds an add-on of {@code plan} to the app, already provisioned and attached as {@code
   * attachmentName} (null: {@code DATABASE} for the first Postgres add-on, else a colour name),
   * and returns its name. {@code url} null: the linked Data API's database URL (a real database
   * when it is bound to embedded Postgres), else a placeholder.
   *
   * @param app the app's name or id; it must exist
   * @param plan the plan, such as {@code heroku-postgresql:essential-0} or {@code
   *     heroku-redis:mini}
   * @param attachmentName the attachment's name, or null for the default ({@code REDIS} for the
   *     first Redis add-on, and so on)
   * @param url the config var's value, or null
   * @return the add-on's generated name, like {@code postgresql-1a2b3c4d}
   * @throws IllegalArgumentException if there is no such app or the attachment name is taken
   */
  public synchronized String addAddOn(String app, String plan, @Nullable String attachmentName,
      @Nullable String url) {
    AppState state = existing(app);
    try {
      FakeAddOns.AddOnState addOn = addOns.add(state, Objects.requireNonNull(plan,
          "plan == null"), null, attachmentName, null, url, null, false, null, Duration.ZERO);
      addOns.state(addOn);
      return addOn.name;
    } catch (FakeInvalidParams e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * The app's add-on attachments, oldest first.
   *
   * @param app the app's name or id; it must exist
   * @return a snapshot, after settling add-ons whose provisioning delay has passed
   */
  public synchronized List<StoredAttachment> attachments(String app) {
    addOns.settleAll();
    return attachments.stored(existing(app));
  }

  /**
   * Makes the certificate of this hostname end {@code failed} with this reason.
   *
   * @param hostname the custom domain, such as {@code www.example.com}
   * @param reason the ACM failure reason
   * @return this fake
   */
  public synchronized FakeHerokuApi failCertificate(String hostname, String reason) {
    domains.failCertificate(Objects.requireNonNull(hostname, "hostname == null"),
        Objects.requireNonNull(reason, "reason == null"));
    return this;
  }

  // deploys: sources, builds, releases

  /**
   * Makes an app {@code cedar} (the default) or {@code fir} generation.
   *
   * @param app the app's name or id; it must exist
   * @param generation {@code cedar} or {@code fir}
   * @return this fake
   * @throws IllegalArgumentException if {@code generation} is neither
   */
  public synchronized FakeHerokuApi setGeneration(String app, String generation) {
    if (!generation.equals("cedar") && !generation.equals("fir")) {
      throw new IllegalArgumentException("generation must be cedar or fir: " + generation);
    }
    existing(app).generation = generation;
    return this;
  }

  /**
   * Scripts the next build created (scripts are used in order; unscripted builds succeed).
   *
   * @param script how that build behaves
   * @return this fake
   */
  public synchronized FakeHerokuApi scriptBuild(BuildScript script) {
    deploys.script(Objects.requireNonNull(script, "script == null"));
    return this;
  }

  /**
   * The next {@code times} PUTs to an upload URL answer {@code status} and store nothing.
   *
   * @param status the HTTP status, 400 to 599
   * @param times how many PUTs fail, added to any already scripted; 0 or less adds none
   * @return this fake
   * @throws IllegalArgumentException if {@code status} is not 400 to 599
   */
  public synchronized FakeHerokuApi failUploads(int status, int times) {
    if (status < 400 || status > 599) throw new IllegalArgumentException("not an error: " + status);
    deploys.failUploads(status, times);
    return this;
  }

  /**
   * Makes upload URLs refuse (403 {@code SignatureDoesNotMatch}) a PUT that sends a {@code
   * Content-Type}, as a URL signed without one would.
   *
   * @param require true to refuse such PUTs, false to accept them again (the default)
   * @return this fake
   */
  public synchronized FakeHerokuApi requireNoUploadContentType(boolean require) {
    deploys.requireNoUploadContentType(require);
    return this;
  }

  /**
   * What was uploaded to a source (its id or URL), or null if nothing was.
   *
   * @param sourceIdOrUrl the source's id or its upload URL, as {@code POST /sources} gave it
   * @return the upload, or null if there is no such source or no PUT was stored
   */
  public synchronized @Nullable StoredUpload upload(String sourceIdOrUrl) {
    return deploys.upload(sourceIdOrUrl);
  }

  /**
   * An app's builds (name or id), oldest first, statuses as of now on the fake's clock.
   *
   * @param app the app's name or id
   * @return a snapshot; empty if there is no such app
   */
  public synchronized List<StoredBuild> builds(String app) {
    return deploys.builds(app);
  }

  /**
   * An app's releases (name or id), oldest first, statuses as of now on the fake's clock.
   *
   * @param app the app's name or id
   * @return a snapshot; empty if there is no such app
   */
  public synchronized List<StoredRelease> releases(String app) {
    return deploys.releases(app);
  }

  /**
   * Adds a live release without a build, as if the app had been deployed before.
   *
   * @param app the app's name or id; it must exist
   * @param description the release's description, like {@code Deploy 1a2b3c4d}
   * @return the new release, {@code succeeded} and current, with the next version number
   * @throws IllegalArgumentException if there is no such app
   */
  public synchronized StoredRelease addRelease(String app, String description) {
    return deploys.addRelease(app, description);
  }

  /** Forgets apps, recorded requests and scripted answers; restores the rate-limit budget. */
  public synchronized void reset() {
    script.clear();
    routeFailures.clear();
    requests.clear();
    apps.clear();
    resources.forEach(FakeResource::reset);
    rateLimitRemaining = initialRateLimit;
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "FakeHerokuApi{" + baseUrl() + "}";
  }

  private synchronized MockResponse answer(RecordedRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < request.getHeaders().size(); i++) {
      headers.put(request.getHeaders().name(i).toLowerCase(Locale.ROOT),
          request.getHeaders().value(i));
    }
    String body = FakeHttpServer.bodyText(request);
    List<String> segments = request.getUrl().pathSegments();
    if (!segments.isEmpty() && segments.get(0).equals(RAW_PREFIX)) {
      return raw(request, headers, body, segments.subList(1, segments.size()));
    }
    String requestId = headers.getOrDefault("request-id", UUID.randomUUID().toString());
    Answer scripted = script.poll();
    if (scripted == null) scripted = routeFailure(request.getMethod(), segments);
    FakeReply reply;
    if (scripted != null && scripted.dropConnection) {
      reply = null;
    } else if (scripted != null) {
      String id = Objects.requireNonNull(scripted.id, "only a dropped connection has no id");
      reply = FakeReply.error(scripted.status, id, scripted.message);
    } else {
      try {
        reply = route(request, headers, body);
      } catch (RuntimeException e) {
        // The fake's own failure (like a linked real database refusing): say so, don't hang.
        reply = FakeReply.error(500, "internal_error", "The fake failed: " + e.getMessage());
      }
    }
    rateLimitRemaining = Math.max(0, rateLimitRemaining - 1);
    String responseBody = reply == null || reply.json == null ? null
        : FakeHttpServer.toJson(reply.json);
    requests.add(new ReceivedRequest(request.getMethod(), request.getUrl().encodedPath(),
        request.getUrl().encodedQuery(), Collections.unmodifiableMap(headers), body,
        reply == null ? 0 : reply.status, responseBody));
    MockResponse.Builder response = new MockResponse.Builder()
        .addHeader("Request-Id", requestId)
        .addHeader("RateLimit-Remaining",
            String.valueOf(reply != null && reply.status == 429 ? 0 : rateLimitRemaining));
    if (reply == null) {
      return response.onResponseStart(new SocketEffect.CloseSocket()).build();
    }
    response.code(reply.status);
    reply.headers.forEach(response::addHeader);
    if (responseBody != null) {
      response.addHeader("Content-Type", "application/json; charset=utf-8").body(responseBody);
    }
    return response.build();
  }

  /**
   * Serves the fake's own URLs under {@code /_fake/}: no token (a request that sends one gets
   * 400), no rate limit, not recorded.
   */
  private MockResponse raw(RecordedRequest request, Map<String, String> headers, String body,
      List<String> path) {
    if (headers.containsKey("authorization")) {
      // Heroku's upload, output and log URLs are signed: a client that sends them the API
      // token leaks it to a storage or log host. Refusing makes such a client's tests fail.
      return new MockResponse.Builder().code(400)
          .body("This URL is signed; it must not be sent the API token.").build();
    }
    FakeRequest fake = fakeRequest(request, headers, body, path);
    for (FakeResource resource : resources) {
      MockResponse response = resource.raw(fake);
      if (response != null) return response;
    }
    return new MockResponse.Builder().code(404).body("no such fake URL").build();
  }

  private @Nullable Answer routeFailure(String method, List<String> path) {
    for (int i = 0; i < routeFailures.size(); i++) {
      RouteFailure f = routeFailures.get(i);
      if (f.method.equals(method) && pathMatches(f.pathGlob, path)) {
        routeFailures.remove(i);
        return f.answer;
      }
    }
    return null;
  }

  /** True if the decoded path segments match a glob like {@code /apps/*}{@code /formation}. */
  static boolean pathMatches(String glob, List<String> path) {
    List<String> parts = new ArrayList<>();
    for (String part : glob.split("/")) {
      if (!part.isEmpty()) parts.add(part);
    }
    if (parts.size() != path.size()) return false;
    for (int i = 0; i < parts.size(); i++) {
      if (!parts.get(i).equals("*") && !parts.get(i).equals(path.get(i))) return false;
    }
    return true;
  }

  private record RouteFailure(String method, String pathGlob, Answer answer) {}

  private static FakeRequest fakeRequest(RecordedRequest request, Map<String, String> headers,
      String body, List<String> path) {
    byte[] bytes = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    return new FakeRequest(request.getMethod(), List.copyOf(path),
        request.getUrl().encodedQuery(), Collections.unmodifiableMap(headers), body, bytes);
  }

  private FakeReply route(RecordedRequest request, Map<String, String> headers, String body) {
    if (!("Bearer " + token).equals(headers.get("authorization"))) {
      return FakeReply.error(401, "unauthorized", "Invalid credentials provided.");
    }
    String accept = headers.get("accept");
    if (accept == null || !accept.replace(" ", "").contains(ACCEPT.replace(" ", ""))) {
      return FakeReply.error(406, "not_acceptable", "Please specify a version along with Heroku's"
          + " API MIME type. For example, `Accept: " + ACCEPT + "`.");
    }
    if (rateLimitRemaining == 0) {
      return FakeReply.error(429, "rate_limit", "Your account reached the API rate limit.");
    }
    String method = request.getMethod();
    List<String> path = request.getUrl().pathSegments();
    try {
      FakeRequest fake = fakeRequest(request, headers, body, path);
      for (FakeResource resource : resources) {
        FakeReply reply = resource.api(fake);
        if (reply != null) return reply;
      }
      if (path.isEmpty() || !path.get(0).equals("apps")) return notServed(method, request);
      if (path.size() == 1) {
        return switch (method) {
          case "GET" -> list(apps.values().stream().map(this::appJson).toList(),
              headers.get("range"), "id", Set.of("id", "name"));
          case "POST" -> createApp(parseObject(body));
          default -> notServed(method, request);
        };
      }
      AppState app = findApp(path.get(1));
      if (app == null) return FakeReply.error(404, "not_found", "Couldn't find that app.");
      if (path.size() == 2) {
        return switch (method) {
          case "GET" -> FakeReply.ok(200, appJson(app));
          case "PATCH" -> updateApp(app, parseObject(body));
          case "DELETE" -> deleteApp(app, headers);
          default -> notServed(method, request);
        };
      }
      if (path.size() == 3 && path.get(2).equals("config-vars")) {
        return switch (method) {
          case "GET" -> FakeReply.ok(200, new TreeMap<>(app.configVars));
          case "PATCH" -> updateConfigVars(app, parseObject(body));
          default -> notServed(method, request);
        };
      }
      if (path.size() == 3 && path.get(2).equals("formation")) {
        return switch (method) {
          case "GET" -> list(app.formation.values().stream().map(p -> processJson(app, p))
              .toList(), headers.get("range"), "id", Set.of("id", "type"));
          case "PATCH" -> batchUpdateFormation(app, parseObject(body));
          default -> notServed(method, request);
        };
      }
      if (path.size() == 4 && path.get(2).equals("formation")) {
        ProcessState process = app.formation.get(path.get(3));
        if (process == null) {
          return FakeReply.error(404, "not_found", "Couldn't find that formation.");
        }
        return switch (method) {
          case "GET" -> FakeReply.ok(200, processJson(app, process));
          case "PATCH" -> {
            updateProcess(app, process, parseObject(body));
            yield FakeReply.ok(200, processJson(app, process));
          }
          default -> notServed(method, request);
        };
      }
      return notServed(method, request);
    } catch (FakeInvalidParams e) {
      return FakeReply.error(422, "invalid_params", e.getMessage());
    }
  }

  FakeReply list(List<Map<String, Object>> all, @Nullable String range, String defaultField,
      Set<String> fields) {
    Ranges.Page page;
    try {
      page = Ranges.page(all, range, defaultField, fields);
    } catch (IllegalArgumentException e) {
      return FakeReply.error(416, "requested_range_not_satisfiable", e.getMessage());
    }
    FakeReply reply = FakeReply.ok(page.nextRange() == null ? 200 : 206, page.items());
    if (page.contentRange() != null) reply.headers.put("Content-Range", page.contentRange());
    if (page.nextRange() != null) reply.headers.put("Next-Range", page.nextRange());
    return reply;
  }

  private FakeReply createApp(Map<String, Object> body) {
    String name = optionalString(body, "name");
    if (name == null) {
      do {
        name = "fake-app-" + UUID.randomUUID().toString().substring(0, 8);
      } while (findApp(name) != null);
    }
    checkName(name);
    String region = optionalString(body, "region");
    if (region == null) region = "us";
    if (!REGIONS.containsKey(region)) throw new FakeInvalidParams("Couldn't find that region.");
    String stack = optionalString(body, "stack");
    AppState app = new AppState(name, region, stack == null ? "heroku-24" : stack, now());
    apps.put(app.id, app);
    return FakeReply.ok(201, appJson(app));
  }

  private FakeReply updateApp(AppState app, Map<String, Object> body) {
    String name = optionalString(body, "name");
    if (name != null && !name.equals(app.name)) {
      checkName(name);
      app.name = name;
    }
    Object maintenance = body.get("maintenance");
    if (maintenance != null) {
      if (!(maintenance instanceof Boolean on)) throw new FakeInvalidParams("maintenance must be a boolean.");
      app.maintenance = on;
    }
    String buildStack = optionalString(body, "build_stack");
    if (buildStack != null) app.stack = buildStack;
    app.updatedAt = now();
    return FakeReply.ok(200, appJson(app));
  }

  /**
   * The 403 {@code two_factor} answer when the fake requires a second factor and the request
   * lacks it, else null; for resources whose calls Heroku guards the same way.
   */
  @Nullable FakeReply twoFactorMissing(Map<String, String> headers) {
    if (twoFactorCode != null && !twoFactorCode.equals(headers.get("heroku-two-factor-code"))) {
      return FakeReply.error(403, "two_factor", "A second authentication factor or"
          + " pre-authorization is required for this request.");
    }
    return null;
  }

  /** The fake's own URL for {@code path} under {@code /_fake/}, for streams and uploads. */
  String rawUrl(String path) {
    return server.origin() + "/" + RAW_PREFIX + "/" + path;
  }

  private FakeReply deleteApp(AppState app, Map<String, String> headers) {
    FakeReply twoFactor = twoFactorMissing(headers);
    if (twoFactor != null) return twoFactor;
    apps.remove(app.id);
    return FakeReply.ok(200, appJson(app));
  }

  private FakeReply updateConfigVars(AppState app, Map<String, Object> body) {
    for (Map.Entry<String, Object> e : body.entrySet()) {
      if (e.getValue() != null && !(e.getValue() instanceof String)) {
        throw new FakeInvalidParams("Config var " + e.getKey() + " must be a string or null.");
      }
    }
    for (Map.Entry<String, Object> e : body.entrySet()) {
      if (e.getValue() == null) {
        app.configVars.remove(e.getKey());
      } else {
        app.configVars.put(e.getKey(), (String) e.getValue());
      }
    }
    app.updatedAt = now();
    return FakeReply.ok(200, new TreeMap<>(app.configVars));
  }

  private FakeReply batchUpdateFormation(AppState app, Map<String, Object> body) {
    if (!(body.get("updates") instanceof List<?> updates)) {
      throw new FakeInvalidParams("updates must be an array.");
    }
    List<Map<String, Object>> checked = new ArrayList<>();
    for (Object update : updates) {
      if (!(update instanceof Map<?, ?> map) || !(map.get("type") instanceof String)) {
        throw new FakeInvalidParams("Each update needs a type.");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) map;
      quantity(typed);
      checked.add(typed);
    }
    List<Map<String, Object>> updated = new ArrayList<>();
    for (Map<String, Object> update : checked) {
      String type = (String) update.get("type");
      ProcessState process = app.formation.computeIfAbsent(type, t -> new ProcessState(t, now()));
      updateProcess(app, process, update);
      updated.add(processJson(app, process));
    }
    return FakeReply.ok(200, updated);
  }

  private void updateProcess(AppState app, ProcessState process, Map<String, Object> update) {
    Long quantity = quantity(update);
    if (quantity != null) process.quantity = quantity;
    String size = optionalString(update, "size");
    if (update.get("dyno_size") instanceof Map<?, ?> dynoSize && dynoSize.get("name") instanceof String n) {
      size = n;
    }
    if (size != null) process.size = size;
    process.updatedAt = now();
    app.updatedAt = process.updatedAt;
  }

  private static @Nullable Long quantity(Map<String, Object> update) {
    Object q = update.get("quantity");
    if (q == null) return null;
    if (!(q instanceof Double d) || d < 0 || d != Math.floor(d)) {
      throw new FakeInvalidParams("quantity must be a whole number, 0 or more.");
    }
    return d.longValue();
  }

  private void checkName(String name) {
    if (!APP_NAME.matcher(name).matches()) {
      throw new FakeInvalidParams("Name must start with a letter, end with a letter or digit and can"
          + " only contain lowercase letters, digits, and dashes.");
    }
    if (findApp(name) != null) throw new FakeInvalidParams("Name " + name + " is already taken");
  }

  private static FakeReply notServed(String method, RecordedRequest request) {
    return FakeReply.error(404, "not_found", "Not found: " + method + " "
        + request.getUrl().encodedPath() + " (the fake does not serve this path; its Javadoc lists what it serves)");
  }

  /** The app with this name or id, or null; for resources (under the fake's lock). */
  @Nullable AppState findApp(String nameOrId) {
    AppState byId = apps.get(nameOrId);
    if (byId != null) return byId;
    for (AppState app : apps.values()) {
      if (app.name.equals(nameOrId)) return app;
    }
    return null;
  }

  private AppState existing(String app) {
    AppState state = findApp(app);
    if (state == null) throw new IllegalArgumentException("no such app: " + app);
    return state;
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  static Map<String, Object> parseObject(String body) {
    if (body.isEmpty()) return Map.of();
    @Nullable Object parsed;
    try {
      parsed = FakeHttpServer.parseJson(body);
    } catch (IOException | RuntimeException e) {
      throw new FakeInvalidParams("Request body is not valid JSON.");
    }
    if (!(parsed instanceof Map<?, ?>)) throw new FakeInvalidParams("Request body must be an object.");
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) parsed;
    return map;
  }

  static @Nullable String optionalString(Map<String, Object> body, String key) {
    Object value = body.get(key);
    if (value == null) return null;
    if (!(value instanceof String s)) throw new FakeInvalidParams(key + " must be a string.");
    return s;
  }

  Map<String, Object> appJson(AppState app) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("acm", false);
    json.put("archived_at", null);
    json.put("buildpack_provided_description", null);
    json.put("build_stack", named(app.stack));
    json.put("created_at", app.createdAt.toString());
    json.put("generation", named(app.generation));
    json.put("git_url", "https://git.heroku.com/" + app.name + ".git");
    json.put("id", app.id);
    json.put("internal_routing", null);
    json.put("maintenance", app.maintenance);
    json.put("name", app.name);
    json.put("owner", Map.of("id", uuidOf("owner"), "email", "owner@example.com"));
    json.put("organization", null);
    json.put("team", null);
    json.put("region", Map.of("id", REGIONS.get(app.region), "name", app.region));
    json.put("released_at", null);
    json.put("repo_size", null);
    json.put("slug_size", null);
    json.put("space", null);
    json.put("stack", named(app.stack));
    json.put("updated_at", app.updatedAt.toString());
    json.put("web_url", "https://" + app.name + "-" + app.id.substring(0, 12) + ".herokuapp.com/");
    return json;
  }

  private static Map<String, Object> processJson(AppState app, ProcessState p) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("app", Map.of("id", app.id, "name", app.name));
    json.put("command", p.command);
    json.put("created_at", p.createdAt.toString());
    json.put("dyno_size", named(p.size));
    json.put("id", p.id);
    json.put("quantity", p.quantity);
    json.put("size", p.size);
    json.put("type", p.type);
    json.put("updated_at", p.updatedAt.toString());
    return json;
  }

  static Map<String, Object> named(String name) {
    return Map.of("id", uuidOf(name), "name", name);
  }

  static String uuidOf(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** An app as the fake stores it; resources may read and change it under the fake's lock. */
  static final class AppState {
    final String id = UUID.randomUUID().toString();
    final Instant createdAt;
    String name;
    final String region;
    String stack;
    boolean maintenance;
    /** {@code cedar} or {@code fir}. */
    String generation = "cedar";
    Instant updatedAt;
    final Map<String, String> configVars = new TreeMap<>();
    final Map<String, ProcessState> formation = new TreeMap<>();

    AppState(String name, String region, String stack, Instant now) {
      this.name = name;
      this.region = region;
      this.stack = stack;
      this.createdAt = now;
      this.updatedAt = now;
    }

    /** {@code {"id", "name"}}, as other resources embed an app. */
    Map<String, Object> ref() {
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("id", id);
      ref.put("name", name);
      return ref;
    }

    StoredApp snapshot() {
      Map<String, StoredProcess> processes = new TreeMap<>();
      formation.forEach((type, p) ->
          processes.put(type, new StoredProcess(p.id, p.type, p.quantity, p.size, p.command)));
      return new StoredApp(id, name, region, stack, maintenance, configVars, processes,
          createdAt, updatedAt);
    }
  }

  private static final class ProcessState {
    final String id = UUID.randomUUID().toString();
    final String type;
    final String command;
    final Instant createdAt;
    long quantity;
    String size = "standard-1X";
    Instant updatedAt;

    ProcessState(String type, Instant now) {
      this.type = type;
      this.command = type.equals("web") ? "java -jar target/app.jar" : "bin/" + type;
      this.createdAt = now;
      this.updatedAt = now;
    }
  }

  /** Builds a {@link FakeHerokuApi}. */
  public static final class Builder {
    private String token = DEFAULT_TOKEN;
    private int port;
    private Clock clock = Clock.systemUTC();
    private int rateLimit = DEFAULT_RATE_LIMIT;
    private @Nullable String twoFactorCode;
    private long maxUploadBytesKept = 16L * 1024 * 1024;

    private Builder() {}

    /**
     * Keeps at most this many bytes of each request body, uploads included (default 16 MiB):
     * a larger upload is read and counted, and {@link StoredUpload#truncated()}.
     *
     * @param bytes the limit, 0 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public Builder maxUploadBytesKept(long bytes) {
      if (bytes < 0) throw new IllegalArgumentException("bytes < 0");
      this.maxUploadBytesKept = bytes;
      return this;
    }

    /**
     * Sets the API token to accept.
     *
     * @param token the token clients must send as a bearer token (default {@link
     *     #DEFAULT_TOKEN})
     * @return this builder
     */
    public Builder token(String token) {
      this.token = Objects.requireNonNull(token, "token == null");
      return this;
    }

    /**
     * Listens on this loopback port instead of a free one.
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
     * Sets the clock for {@code created_at} and {@code updated_at}.
     *
     * @param clock the fake's clock, also for its delays and pending builds (default the system
     *     UTC clock); read to the second
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the starting {@code RateLimit-Remaining} budget (default 4500).
     *
     * @param remaining the budget at start and after {@link FakeHerokuApi#reset()}, 0 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code remaining} is negative
     */
    public Builder rateLimitRemaining(int remaining) {
      if (remaining < 0) throw new IllegalArgumentException("remaining < 0");
      this.rateLimit = remaining;
      return this;
    }

    /**
     * Makes {@code DELETE /apps/{app}} and {@code POST /pipeline-promotions} answer 403 {@code
     * two_factor} unless the request sends {@code Heroku-Two-Factor-Code: code}.
     *
     * @param code the code to expect (default: none needed)
     * @return this builder
     */
    public Builder requireTwoFactorCode(String code) {
      this.twoFactorCode = Objects.requireNonNull(code, "code == null");
      return this;
    }

    /**
     * Starts the fake on a loopback port.
     *
     * @return the running fake; close it when done
     * @throws UncheckedIOException if the port cannot be bound
     */
    public FakeHerokuApi start() {
      return new FakeHerokuApi(this);
    }
  }
}
