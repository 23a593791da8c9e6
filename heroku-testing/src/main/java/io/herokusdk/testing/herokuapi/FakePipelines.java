package io.herokusdk.testing.herokuapi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Pipelines, pipeline couplings and promotions. A promotion's targets stay {@code pending} for
 * {@link #delay}, then succeed (a new release on the target app, with a release-phase output
 * stream) or fail with the {@code error_message} scripted for that app.
 */
final class FakePipelines implements FakeResource {
  private static final Set<String> STAGES =
      Set.of("test", "review", "development", "staging", "production");

  private final FakeHerokuApi fake;
  private final Map<String, PipelineState> pipelines = new LinkedHashMap<>();
  private final Map<String, CouplingState> couplings = new LinkedHashMap<>();
  private final Map<String, PromotionState> promotions = new LinkedHashMap<>();
  /** Target app id → the error_message its next promotion fails with. */
  private final Map<String, String> failures = new HashMap<>();
  private List<String> releaseOutput = List.of("Running release command...", "Release done.");
  Duration delay = Duration.ofSeconds(2);

  FakePipelines(FakeHerokuApi fake) {
    this.fake = fake;
  }

  @Override
  public void reset() {
    pipelines.clear();
    couplings.clear();
    promotions.clear();
    failures.clear();
    releaseOutput = List.of("Running release command...", "Release done.");
    delay = Duration.ofSeconds(2);
  }

  // scripting, called by FakeHerokuApi under its lock

  String addPipeline(String name) {
    for (PipelineState p : pipelines.values()) {
      if (p.name.equals(name)) throw new IllegalArgumentException("pipeline exists: " + name);
    }
    PipelineState p = new PipelineState(name, fake.now());
    pipelines.put(p.id, p);
    return p.id;
  }

  void couple(String pipeline, String app, String stage) {
    PipelineState p = pipeline(pipeline);
    FakeHerokuApi.AppState a = fake.findApp(app);
    if (p == null) throw new IllegalArgumentException("no such pipeline: " + pipeline);
    if (a == null) throw new IllegalArgumentException("no such app: " + app);
    if (!STAGES.contains(stage)) throw new IllegalArgumentException("no such stage: " + stage);
    CouplingState c = new CouplingState(p.id, a.id, stage, fake.now());
    couplings.put(c.id, c);
  }

  void failPromotionTo(String app, String errorMessage) {
    FakeHerokuApi.AppState a = fake.findApp(app);
    if (a == null) throw new IllegalArgumentException("no such app: " + app);
    failures.put(a.id, errorMessage);
  }

  void releaseOutput(List<String> lines) {
    releaseOutput = List.copyOf(lines);
  }

  // API

  @Override
  public @Nullable FakeReply api(FakeRequest r) {
    if (r.matches("pipelines") && r.method().equals("POST")) {
      String name = FakeHerokuApi.optionalString(FakeHerokuApi.parseObject(r.body()), "name");
      if (name == null) throw new FakeInvalidParams("name is required.");
      if (pipeline(name) != null) throw new FakeInvalidParams("Name has already been taken.");
      PipelineState created = Objects.requireNonNull(pipelines.get(addPipeline(name)));
      return FakeReply.ok(201, pipelineJson(created));
    }
    if (r.matches("pipelines", "*") && r.method().equals("GET")) {
      PipelineState p = pipeline(r.segment(1));
      return p == null ? FakeReply.notFound("pipeline") : FakeReply.ok(200, pipelineJson(p));
    }
    if (r.matches("pipelines", "*", "pipeline-couplings") && r.method().equals("GET")) {
      PipelineState p = pipeline(r.segment(1));
      if (p == null) return FakeReply.notFound("pipeline");
      return fake.list(couplings.values().stream().filter(c -> c.pipelineId.equals(p.id))
          .map(this::couplingJson).toList(), r.header("range"), "id", Set.of("id"));
    }
    if (r.matches("pipeline-couplings") && r.method().equals("POST")) {
      return createCoupling(FakeHerokuApi.parseObject(r.body()));
    }
    if (r.matches("apps", "*", "pipeline-couplings") && r.method().equals("GET")) {
      FakeHerokuApi.AppState app = fake.findApp(r.segment(1));
      if (app == null) return FakeReply.notFound("app");
      for (CouplingState c : couplings.values()) {
        if (c.appId.equals(app.id)) return FakeReply.ok(200, couplingJson(c));
      }
      return FakeReply.notFound("pipeline coupling");
    }
    if (r.matches("pipeline-promotions") && r.method().equals("POST")) {
      FakeReply twoFactor = fake.twoFactorMissing(r.headers());
      if (twoFactor != null) return twoFactor;
      return createPromotion(FakeHerokuApi.parseObject(r.body()));
    }
    if (r.matches("pipeline-promotions", "*") && r.method().equals("GET")) {
      PromotionState p = promotions.get(r.segment(1));
      return p == null ? FakeReply.notFound("pipeline promotion")
          : FakeReply.ok(200, promotionJson(p));
    }
    if (r.matches("pipeline-promotions", "*", "promotion-targets") && r.method().equals("GET")) {
      PromotionState p = promotions.get(r.segment(1));
      if (p == null) return FakeReply.notFound("pipeline promotion");
      List<Map<String, Object>> targets = new ArrayList<>();
      for (TargetState t : p.targets) targets.add(targetJson(p, t));
      return fake.list(targets, r.header("range"), "id", Set.of("id"));
    }
    return null;
  }

  private FakeReply createCoupling(Map<String, Object> body) {
    String app = FakeHerokuApi.optionalString(body, "app");
    String pipeline = FakeHerokuApi.optionalString(body, "pipeline");
    String stage = FakeHerokuApi.optionalString(body, "stage");
    if (app == null || pipeline == null || stage == null) {
      throw new FakeInvalidParams("app, pipeline and stage are required.");
    }
    if (fake.findApp(app) == null) return FakeReply.notFound("app");
    if (pipeline(pipeline) == null) return FakeReply.notFound("pipeline");
    if (!STAGES.contains(stage)) throw new FakeInvalidParams("stage is not one of " + STAGES);
    couple(pipeline, app, stage);
    return FakeReply.ok(201, couplingJson(new ArrayList<>(couplings.values())
        .get(couplings.size() - 1)));
  }

  private FakeReply createPromotion(Map<String, Object> body) {
    PipelineState pipeline = pipeline(idAt(body, "pipeline"));
    if (pipeline == null) return FakeReply.notFound("pipeline");
    if (!(body.get("source") instanceof Map<?, ?> source)) {
      throw new FakeInvalidParams("source is required.");
    }
    @SuppressWarnings("unchecked")
    FakeHerokuApi.AppState from = fake.findApp(idAt((Map<String, Object>) source, "app"));
    if (from == null) return FakeReply.notFound("app");
    if (!(body.get("targets") instanceof List<?> targets) || targets.isEmpty()) {
      throw new FakeInvalidParams("targets must be a non-empty array.");
    }
    List<FakeHerokuApi.AppState> to = new ArrayList<>();
    for (Object target : targets) {
      if (!(target instanceof Map<?, ?>)) throw new FakeInvalidParams("targets[] must be objects.");
      @SuppressWarnings("unchecked")
      FakeHerokuApi.AppState app = fake.findApp(idAt((Map<String, Object>) target, "app"));
      if (app == null) return FakeReply.notFound("app");
      to.add(app);
    }
    Instant now = fake.now();
    PromotionState p = new PromotionState(pipeline.id, from.id, now, now.plus(delay));
    for (FakeHerokuApi.AppState app : to) {
      p.targets.add(new TargetState(app.id, failures.remove(app.id)));
    }
    promotions.put(p.id, p);
    return FakeReply.ok(201, promotionJson(p));
  }

  private static String idAt(Map<String, Object> body, String key) {
    if (!(body.get(key) instanceof Map<?, ?> ref) || !(ref.get("id") instanceof String id)) {
      throw new FakeInvalidParams(key + ".id is required.");
    }
    return id;
  }

  /** Moves a due promotion's targets to succeeded (with a release) or failed; idempotent. */
  private void settle(PromotionState p) {
    if (p.settled || fake.now().isBefore(p.readyAt)) return;
    p.settled = true;
    for (TargetState t : p.targets) {
      if (t.errorMessage != null) continue;
      FakeHerokuApi.AppState app = Objects.requireNonNull(fake.findApp(t.appId),
          () -> "app " + t.appId + " of a promotion target was deleted");
      t.releaseId = fake.deploys().promotionRelease(app, releaseOutput).id();
    }
  }

  private @Nullable PipelineState pipeline(String idOrName) {
    PipelineState byId = pipelines.get(idOrName);
    if (byId != null) return byId;
    for (PipelineState p : pipelines.values()) {
      if (p.name.equals(idOrName)) return p;
    }
    return null;
  }

  private Map<String, Object> pipelineJson(PipelineState p) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("created_at", p.createdAt.toString());
    json.put("id", p.id);
    json.put("name", p.name);
    json.put("owner", null);
    json.put("updated_at", p.createdAt.toString());
    json.put("generation", FakeHerokuApi.named("cedar"));
    return json;
  }

  private Map<String, Object> couplingJson(CouplingState c) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("app", Map.of("id", c.appId));
    json.put("created_at", c.createdAt.toString());
    json.put("id", c.id);
    json.put("pipeline", Map.of("id", c.pipelineId));
    json.put("stage", c.stage);
    json.put("updated_at", c.createdAt.toString());
    return json;
  }

  private Map<String, Object> promotionJson(PromotionState p) {
    settle(p);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("created_at", p.createdAt.toString());
    json.put("id", p.id);
    json.put("pipeline", Map.of("id", p.pipelineId));
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("app", Map.of("id", p.sourceAppId));
    source.put("release", Map.of("id", FakeHerokuApi.uuidOf("release-of-" + p.sourceAppId)));
    json.put("source", source);
    json.put("status", p.settled ? "completed" : "pending");
    json.put("updated_at", (p.settled ? p.readyAt : p.createdAt).toString());
    return json;
  }

  private Map<String, Object> targetJson(PromotionState p, TargetState t) {
    settle(p);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("app", Map.of("id", t.appId));
    json.put("error_message", p.settled ? t.errorMessage : null);
    json.put("id", t.id);
    json.put("pipeline_promotion", Map.of("id", p.id));
    json.put("release", t.releaseId == null ? null : Map.of("id", t.releaseId));
    json.put("status", !p.settled ? "pending" : t.errorMessage == null ? "succeeded" : "failed");
    return json;
  }

  private static final class PipelineState {
    final String id = UUID.randomUUID().toString();
    final String name;
    final Instant createdAt;

    PipelineState(String name, Instant createdAt) {
      this.name = name;
      this.createdAt = createdAt;
    }
  }

  private record CouplingState(String id, String pipelineId, String appId, String stage,
      Instant createdAt) {
    CouplingState(String pipelineId, String appId, String stage, Instant createdAt) {
      this(UUID.randomUUID().toString(), pipelineId, appId, stage, createdAt);
    }
  }

  private static final class PromotionState {
    final String id = UUID.randomUUID().toString();
    final String pipelineId;
    final String sourceAppId;
    final Instant createdAt;
    final Instant readyAt;
    final List<TargetState> targets = new ArrayList<>();
    boolean settled;

    PromotionState(String pipelineId, String sourceAppId, Instant createdAt, Instant readyAt) {
      this.pipelineId = pipelineId;
      this.sourceAppId = sourceAppId;
      this.createdAt = createdAt;
      this.readyAt = readyAt;
    }
  }

  private static final class TargetState {
    final String id = UUID.randomUUID().toString();
    final String appId;
    /** Null when the target succeeds. */
    final @Nullable String errorMessage;
    @Nullable String releaseId;

    TargetState(String appId, @Nullable String errorMessage) {
      this.appId = appId;
      this.errorMessage = errorMessage;
    }
  }
}
