package io.herokusdk.testing.herokuapi;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Add-ons ({@code POST /apps/{app}/addons}): {@code provisioning} for {@link #delay}, then
 * {@code provisioned} (setting {@code <ATTACHMENT>_URL} on the app) or, when the plan's
 * provisioning was scripted to fail, {@code deprovisioned} with that {@code provision_message}.
 */
final class FakeAddOns implements FakeResource {
  private final FakeHerokuApi fake;
  private final Map<String, AddOnState> addOns = new LinkedHashMap<>();
  /** Plan name → provision_message of its next, failing, provisioning. */
  private final Map<String, String> failures = new HashMap<>();
  Duration delay = Duration.ofSeconds(2);

  FakeAddOns(FakeHerokuApi fake) {
    this.fake = fake;
  }

  @Override
  public void reset() {
    addOns.clear();
    failures.clear();
    delay = Duration.ofSeconds(2);
  }

  void failProvisioning(String plan, String message) {
    failures.put(plan, message);
  }

  @Override
  public FakeReply api(FakeRequest r) {
    if (r.matches("apps", "*", "addons")) {
      FakeHerokuApi.AppState app = fake.findApp(r.segment(1));
      if (app == null) return FakeReply.notFound("app");
      return switch (r.method()) {
        case "POST" -> create(app, FakeHerokuApi.parseObject(r.body()));
        case "GET" -> fake.list(addOns.values().stream().filter(a -> a.appId.equals(app.id))
            .map(this::json).toList(), r.header("range"), "id", Set.of("id", "name"));
        default -> null;
      };
    }
    if (r.matches("apps", "*", "addons", "*") && r.method().equals("GET")) {
      FakeHerokuApi.AppState app = fake.findApp(r.segment(1));
      AddOnState addOn = find(r.segment(3));
      if (app == null || addOn == null || !addOn.appId.equals(app.id)) {
        return FakeReply.notFound("add-on");
      }
      return FakeReply.ok(200, json(addOn));
    }
    if (r.matches("addons", "*") && r.method().equals("GET")) {
      AddOnState addOn = find(r.segment(1));
      return addOn == null ? FakeReply.notFound("add-on") : FakeReply.ok(200, json(addOn));
    }
    return null;
  }

  private FakeReply create(FakeHerokuApi.AppState app, Map<String, Object> body) {
    String plan = FakeHerokuApi.optionalString(body, "plan");
    if (plan == null || plan.isBlank()) throw new FakeInvalidParams("plan is required.");
    String service = plan.contains(":") ? plan.substring(0, plan.indexOf(':')) : plan;
    String attachment = null;
    if (body.get("attachment") instanceof Map<?, ?> a && a.get("name") instanceof String n) {
      attachment = n;
    }
    String name = FakeHerokuApi.optionalString(body, "name");
    if (name == null) name = service + "-" + UUID.randomUUID().toString().substring(0, 8);
    if (find(name) != null) throw new FakeInvalidParams("Name " + name + " is already taken.");
    String configVar = (attachment != null ? attachment
        : service.replace("heroku-", "").replace('-', '_')).toUpperCase(Locale.ROOT)
        .replaceAll("[^A-Z0-9_]", "_") + "_URL";
    Instant now = fake.now();
    AddOnState addOn = new AddOnState(app.id, name, service, plan, configVar,
        failures.remove(plan), now, now.plus(delay));
    addOns.put(addOn.id, addOn);
    return FakeReply.ok(201, json(addOn));
  }

  private AddOnState find(String idOrName) {
    AddOnState byId = addOns.get(idOrName);
    if (byId != null) return byId;
    for (AddOnState a : addOns.values()) {
      if (a.name.equals(idOrName)) return a;
    }
    return null;
  }

  /** Settles a due add-on (sets its config var once) and returns its state. */
  private String state(AddOnState a) {
    if (fake.now().isBefore(a.readyAt)) return "provisioning";
    if (a.failure != null) return "deprovisioned";
    if (!a.configured) {
      a.configured = true;
      FakeHerokuApi.AppState app = fake.findApp(a.appId);
      if (app != null) app.configVars.put(a.configVar, "postgres://fake:fake@localhost/" + a.name);
    }
    return "provisioned";
  }

  private Map<String, Object> json(AddOnState a) {
    String state = state(a);
    FakeHerokuApi.AppState app = fake.findApp(a.appId);
    String appName = app == null ? "deleted" : app.name;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("actions", List.of());
    json.put("addon_service", FakeHerokuApi.named(a.service));
    json.put("billing_entity", Map.of("id", a.appId, "name", appName, "type", "app"));
    json.put("app", Map.of("id", a.appId, "name", appName));
    json.put("billed_price", null);
    json.put("config_vars", state.equals("provisioned") ? List.of(a.configVar) : List.of());
    json.put("created_at", a.createdAt.toString());
    json.put("id", a.id);
    json.put("name", a.name);
    json.put("plan", FakeHerokuApi.named(a.plan));
    json.put("provider_id", a.id.substring(0, 8));
    json.put("provision_message", switch (state) {
      case "provisioning" -> "Provisioning " + a.plan;
      case "deprovisioned" -> a.failure;
      default -> "Provisioned " + a.plan;
    });
    json.put("state", state);
    json.put("updated_at", (state.equals("provisioning") ? a.createdAt : a.readyAt).toString());
    json.put("web_url", null);
    return json;
  }

  private static final class AddOnState {
    final String id = UUID.randomUUID().toString();
    final String appId;
    final String name;
    final String service;
    final String plan;
    final String configVar;
    /** provision_message of a failed provisioning, or null. */
    final String failure;
    final Instant createdAt;
    final Instant readyAt;
    boolean configured;

    AddOnState(String appId, String name, String service, String plan, String configVar,
        String failure, Instant createdAt, Instant readyAt) {
      this.appId = appId;
      this.name = name;
      this.service = service;
      this.plan = plan;
      this.configVar = configVar;
      this.failure = failure;
      this.createdAt = createdAt;
      this.readyAt = readyAt;
    }
  }
}
