package io.herokusdk.testing.herokuapi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import mockwebserver3.MockResponse;
import org.jspecify.annotations.Nullable;

/**
 * App setups ({@code POST /app-setups}) and review apps ({@code POST /review-apps}), which run an
 * app setup. A setup creates its app at once and stays {@code pending} for {@link #delay}; then
 * it {@code succeeded} or {@code failed} as scripted (manifest errors, a failure message, the
 * postdeploy script's output and exit code). A review app is {@code pending} for the first half
 * of the delay, {@code creating} (with its app and app setup) for the second, then {@code
 * created}, or {@code errored} when its setup failed.
 */
final class FakeAppSetups implements FakeResource {
  private final FakeHerokuApi fake;
  private final Map<String, SetupState> setups = new LinkedHashMap<>();
  private final Map<String, ReviewAppState> reviewApps = new LinkedHashMap<>();
  private @Nullable Outcome next;
  Duration delay = Duration.ofSeconds(2);

  FakeAppSetups(FakeHerokuApi fake) {
    this.fake = fake;
  }

  /** What a setup ends with. */
  record Outcome(@Nullable String failureMessage, List<String> manifestErrors,
      String postdeployOutput, long postdeployExitCode) {
    static final Outcome SUCCESS = new Outcome(null, List.of(), "postdeploy: done", 0);

    boolean failed() {
      return failureMessage != null || !manifestErrors.isEmpty() || postdeployExitCode != 0;
    }
  }

  @Override
  public void reset() {
    setups.clear();
    reviewApps.clear();
    next = null;
    delay = Duration.ofSeconds(2);
  }

  void scriptNext(Outcome outcome) {
    next = outcome;
  }

  @Override
  public @Nullable FakeReply api(FakeRequest r) {
    if (r.matches("app-setups") && r.method().equals("POST")) {
      Map<String, Object> body = FakeHerokuApi.parseObject(r.body());
      String url = sourceUrl(body);
      String name = null;
      if (body.get("app") instanceof Map<?, ?> app && app.get("name") instanceof String n) {
        name = n;
      }
      if (name != null && fake.findApp(name) != null) {
        throw new FakeInvalidParams("Name " + name + " is already taken");
      }
      Instant now = fake.now();
      SetupState setup = newSetup(name == null ? "setup-" + shortId() : name, url, now,
          now.plus(delay));
      return FakeReply.ok(202, setupJson(setup));
    }
    if (r.matches("app-setups", "*") && r.method().equals("GET")) {
      SetupState setup = setups.get(r.segment(1));
      return setup == null ? FakeReply.notFound("app setup") : FakeReply.ok(200, setupJson(setup));
    }
    if (r.matches("review-apps") && r.method().equals("POST")) {
      Map<String, Object> body = FakeHerokuApi.parseObject(r.body());
      String branch = FakeHerokuApi.optionalString(body, "branch");
      String pipeline = FakeHerokuApi.optionalString(body, "pipeline");
      if (branch == null || pipeline == null) {
        throw new FakeInvalidParams("branch, pipeline and source_blob are required.");
      }
      String url = sourceUrl(body);
      Object pr = body.get("pr_number");
      Long prNumber = pr instanceof Double d ? d.longValue() : null;
      Instant now = fake.now();
      SetupState setup = newSetup("review-" + shortId(), url, now, now.plus(delay));
      ReviewAppState app = new ReviewAppState(branch, pipeline, prNumber, setup, now,
          now.plus(delay.dividedBy(2)), now.plus(delay));
      reviewApps.put(app.id, app);
      return FakeReply.ok(201, reviewAppJson(app));
    }
    if (r.matches("review-apps", "*") && r.method().equals("GET")) {
      ReviewAppState app = reviewApps.get(r.segment(1));
      return app == null ? FakeReply.notFound("review app") : FakeReply.ok(200, reviewAppJson(app));
    }
    if (r.matches("pipelines", "*", "review-apps") && r.method().equals("GET")) {
      return fake.list(reviewApps.values().stream().filter(a -> a.pipelineId.equals(r.segment(1)))
          .map(this::reviewAppJson).toList(), r.header("range"), "id", Set.of("id"));
    }
    return null;
  }

  @Override
  public @Nullable MockResponse raw(FakeRequest r) {
    if (!r.matches("app-setup-builds", "*", "output")) return null;
    for (SetupState setup : setups.values()) {
      if (setup.buildId.equals(r.segment(1))) {
        return new MockResponse.Builder().code(200)
            .addHeader("Content-Type", "text/plain; charset=utf-8")
            .body("-----> Building on the Heroku-24 stack\n-----> Build succeeded!\n").build();
      }
    }
    return null;
  }

  private static String sourceUrl(Map<String, Object> body) {
    if (!(body.get("source_blob") instanceof Map<?, ?> blob)
        || !(blob.get("url") instanceof String url)) {
      throw new FakeInvalidParams("source_blob.url is required.");
    }
    return url;
  }

  private SetupState newSetup(String appName, String url, Instant now, Instant readyAt) {
    fake.addApp(appName);
    Outcome outcome = next == null ? Outcome.SUCCESS : next;
    next = null;
    FakeHerokuApi.AppState app = Objects.requireNonNull(fake.findApp(appName), appName);
    SetupState setup = new SetupState(app.id, url, outcome, now, readyAt);
    setups.put(setup.id, setup);
    return setup;
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private Map<String, Object> setupJson(SetupState s) {
    boolean done = !fake.now().isBefore(s.readyAt);
    Outcome o = s.outcome;
    boolean manifestFailed = !o.manifestErrors.isEmpty();
    FakeHerokuApi.AppState app = fake.findApp(s.appId);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", s.id);
    json.put("created_at", s.createdAt.toString());
    json.put("updated_at", (done ? s.readyAt : s.createdAt).toString());
    json.put("status", !done ? "pending" : o.failed() ? "failed" : "succeeded");
    json.put("failure_message", !done || !o.failed() ? null
        : o.failureMessage != null ? o.failureMessage
        : manifestFailed ? "The app.json manifest has errors."
        : "Postdeploy exit code was not 0");
    json.put("app", Map.of("id", s.appId, "name", app == null ? "deleted" : app.name));
    if (manifestFailed && done) {
      json.put("build", null);
    } else {
      Map<String, Object> build = new LinkedHashMap<>();
      build.put("id", s.buildId);
      build.put("status", done ? "succeeded" : "pending");
      build.put("output_stream_url", fake.rawUrl("app-setup-builds/" + s.buildId + "/output"));
      json.put("build", build);
    }
    json.put("manifest_errors", done ? o.manifestErrors : List.of());
    if (done && !manifestFailed) {
      Map<String, Object> postdeploy = new LinkedHashMap<>();
      postdeploy.put("output", o.postdeployOutput);
      postdeploy.put("exit_code", o.postdeployExitCode);
      json.put("postdeploy", postdeploy);
    } else {
      json.put("postdeploy", null);
    }
    json.put("resolved_success_url", done && !o.failed() && app != null
        ? "https://" + app.name + ".herokuapp.com/" : null);
    return json;
  }

  private Map<String, Object> reviewAppJson(ReviewAppState a) {
    Instant now = fake.now();
    boolean creating = !now.isBefore(a.creatingAt);
    boolean done = !now.isBefore(a.readyAt);
    boolean failed = done && a.setup.outcome.failed();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("app", creating ? Map.of("id", a.setup.appId) : null);
    json.put("app_setup", creating ? Map.of("id", a.setup.id) : null);
    json.put("branch", a.branch);
    json.put("created_at", a.createdAt.toString());
    json.put("id", a.id);
    json.put("pipeline", Map.of("id", a.pipelineId));
    json.put("status", done ? (failed ? "errored" : "created") : creating ? "creating" : "pending");
    json.put("updated_at", (done ? a.readyAt : creating ? a.creatingAt : a.createdAt).toString());
    json.put("creator", Map.of("id", FakeHerokuApi.uuidOf("owner")));
    json.put("wait_for_ci", false);
    json.put("error_status", failed ? "setup_failed" : null);
    json.put("message", failed ? "App setup failed" : null);
    json.put("fork_repo", null);
    json.put("pr_number", a.prNumber);
    return json;
  }

  private static final class SetupState {
    final String id = UUID.randomUUID().toString();
    final String buildId = UUID.randomUUID().toString();
    final String appId;
    final String sourceUrl;
    final Outcome outcome;
    final Instant createdAt;
    final Instant readyAt;

    SetupState(String appId, String sourceUrl, Outcome outcome, Instant createdAt,
        Instant readyAt) {
      this.appId = appId;
      this.sourceUrl = sourceUrl;
      this.outcome = outcome;
      this.createdAt = createdAt;
      this.readyAt = readyAt;
    }
  }

  private static final class ReviewAppState {
    final String id = UUID.randomUUID().toString();
    final String branch;
    final String pipelineId;
    final @Nullable Long prNumber;
    final SetupState setup;
    final Instant createdAt;
    final Instant creatingAt;
    final Instant readyAt;

    ReviewAppState(String branch, String pipelineId, @Nullable Long prNumber, SetupState setup,
        Instant createdAt, Instant creatingAt, Instant readyAt) {
      this.branch = branch;
      this.pipelineId = pipelineId;
      this.prNumber = prNumber;
      this.setup = setup;
      this.createdAt = createdAt;
      this.creatingAt = creatingAt;
      this.readyAt = readyAt;
    }
  }
}
