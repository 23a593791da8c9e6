package io.herokusdk.testing.herokuapi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Add-ons ({@code POST /apps/{app}/addons}): {@code provisioning} for {@link #delay}, then
 * {@code provisioned} (setting {@code <ATTACHMENT>_URL} on the app for each of its attachments)
 * or, when the plan's provisioning was scripted to fail, {@code deprovisioned} with that {@code
 * provision_message}. Creating one attaches it (see {@link FakeAttachments}); {@code config:
 * {follow|fork: VAR}} makes a Postgres follower or fork of the add-on behind {@code VAR}.
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
  public @Nullable FakeReply api(FakeRequest r) {
    settleAll();
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
    if (r.matches("apps", "*", "addons", "*")) {
      FakeHerokuApi.AppState app = fake.findApp(r.segment(1));
      AddOnState addOn = find(r.segment(3));
      if (app == null || addOn == null || !addOn.appId.equals(app.id)) {
        return FakeReply.notFound("add-on");
      }
      return switch (r.method()) {
        case "GET" -> FakeReply.ok(200, json(addOn));
        case "DELETE" -> FakeReply.ok(200, delete(addOn));
        default -> null;
      };
    }
    if (r.matches("addons", "*") && r.method().equals("GET")) {
      AddOnState addOn = find(r.segment(1));
      return addOn == null ? FakeReply.notFound("add-on") : FakeReply.ok(200, json(addOn));
    }
    return null;
  }

  private FakeReply create(FakeHerokuApi.AppState app, Map<String, Object> body) {
    String plan = body.get("plan") instanceof Map<?, ?> p && p.get("name") instanceof String n
        ? n : FakeHerokuApi.optionalString(body, "plan");
    if (plan == null || plan.isBlank()) throw new FakeInvalidParams("plan is required.");
    String attachment = null;
    if (body.get("attachment") instanceof Map<?, ?> a && a.get("name") instanceof String n) {
      attachment = n;
    }
    String name = FakeHerokuApi.optionalString(body, "name");
    String leader = null;
    boolean fork = false;
    if (body.get("config") instanceof Map<?, ?> config) {
      Object follow = config.get("follow");
      Object forkOf = config.get("fork");
      if (follow != null || forkOf != null) {
        fork = follow == null;
        leader = leader(app, String.valueOf(follow != null ? follow : forkOf));
      }
    }
    String confirm = FakeHerokuApi.optionalString(body, "confirm");
    AddOnState addOn = add(app, plan, name, attachment, confirm, null, leader, fork,
        failures.remove(plan), delay);
    return FakeReply.ok(201, json(addOn));
  }

  /** The add-on a follower or fork of {@code ref} (a config var of the app, or a name) follows. */
  private String leader(FakeHerokuApi.AppState app, String ref) {
    for (FakeAttachments.Attachment a : fake.attachments().of(app)) {
      if (ref.equals(a.configVar()) || ref.equals(a.name)) return a.addOn.name;
    }
    AddOnState byName = find(ref);
    if (byName != null && byName.service.equals("heroku-postgresql")) return byName.name;
    throw new FakeInvalidParams("Couldn't find a database for " + ref + " on " + app.name
        + ": name a config var of the app (like DATABASE_URL) or a heroku-postgresql add-on.");
  }

  /**
   * Creates an add-on and its attachment, ready after {@code wait}; {@code url} null gives the
   * linked Data API's database URL, or a placeholder.
   */
  AddOnState add(FakeHerokuApi.AppState app, String plan, @Nullable String name,
      @Nullable String attachmentName, @Nullable String confirm, @Nullable String url,
      @Nullable String leader, boolean fork, @Nullable String failure, Duration wait) {
    String service = plan.contains(":") ? plan.substring(0, plan.indexOf(':')) : plan;
    if (name == null) {
      String prefix = service.equals("heroku-postgresql") ? "postgresql"
          : service.replace("heroku-", "");
      name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
    if (find(name) != null) throw new FakeInvalidParams("Name " + name + " is already taken.");
    if (attachmentName == null) attachmentName = fake.attachments().defaultName(app, service);
    fake.attachments().checkFree(app, attachmentName, confirm);
    Instant now = fake.now();
    AddOnState addOn = new AddOnState(app.id, name, service, plan, failure, now, now.plus(wait));
    if (failure == null && fake.data() != null) {
      String bound = fake.data().addOnCreated(app.name, addOn.name, addOn.id, plan, service,
          addOn.readyAt, leader, fork, url == null);
      if (url == null) url = bound;
    }
    addOn.url = url != null ? url : "postgres://fake:fake@localhost/" + name;
    addOns.put(addOn.id, addOn);
    fake.attachments().attach(app, addOn, attachmentName, null, confirm, false);
    return addOn;
  }

  private Map<String, Object> delete(AddOnState addOn) {
    fake.attachments().detachAll(addOn, true);
    addOns.remove(addOn.id);
    addOn.deleted = true;
    if (fake.data() != null) fake.data().addOnDeleted(addOn.name);
    return json(addOn);
  }

  @Nullable AddOnState find(String idOrName) {
    AddOnState byId = addOns.get(idOrName);
    if (byId != null) return byId;
    for (AddOnState a : addOns.values()) {
      if (a.name.equals(idOrName)) return a;
    }
    return null;
  }

  /** Settles every due add-on, so config vars appear whichever request comes first. */
  void settleAll() {
    for (AddOnState a : new ArrayList<>(addOns.values())) state(a);
  }

  /** Settles a due add-on (sets its attachments' config vars once) and returns its state. */
  String state(AddOnState a) {
    if (a.deleted) return "deprovisioned";
    if (fake.now().isBefore(a.readyAt)) return "provisioning";
    if (a.failure != null) {
      if (!a.configured) {
        a.configured = true;
        fake.attachments().detachAll(a, false);
      }
      return "deprovisioned";
    }
    if (!a.configured) {
      a.configured = true;
      fake.attachments().provisioned(a);
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
    json.put("config_vars", state.equals("provisioned") ? fake.attachments().configVars(a)
        : List.of());
    json.put("created_at", a.createdAt.toString());
    json.put("id", a.id);
    json.put("name", a.name);
    json.put("plan", FakeHerokuApi.named(a.plan));
    json.put("provider_id", a.id.substring(0, 8));
    json.put("provision_message", a.deleted ? "Deprovisioned " + a.plan : switch (state) {
      case "provisioning" -> "Provisioning " + a.plan;
      case "deprovisioned" -> a.failure;
      default -> "Provisioned " + a.plan;
    });
    json.put("state", state);
    json.put("updated_at", (state.equals("provisioning") ? a.createdAt : a.readyAt).toString());
    json.put("web_url", null);
    return json;
  }

  /** An add-on as the fake stores it; read and changed under the fake's lock. */
  static final class AddOnState {
    final String id = UUID.randomUUID().toString();
    final String appId;
    final String name;
    final String service;
    final String plan;
    /** provision_message of a failed provisioning, or null. */
    final @Nullable String failure;
    final Instant createdAt;
    final Instant readyAt;
    /** What its attachments' config vars are set to. */
    @Nullable String url;
    boolean configured;
    boolean deleted;

    AddOnState(String appId, String name, String service, String plan, @Nullable String failure,
        Instant createdAt, Instant readyAt) {
      this.appId = appId;
      this.name = name;
      this.service = service;
      this.plan = plan;
      this.failure = failure;
      this.createdAt = createdAt;
      this.readyAt = readyAt;
    }

    /** {@code {"id", "name"}}. */
    Map<String, Object> ref() {
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("id", id);
      ref.put("name", name);
      return ref;
    }

    String attachmentPrefix() {
      return service.replace("heroku-", "").replace('-', '_').toUpperCase(Locale.ROOT)
          .replaceAll("[^A-Z0-9_]", "_");
    }
  }
}
