package io.herokusdk.testing.herokuapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Add-on attachments: {@code GET /addon-attachments}, {@code GET /apps/{app}/addon-attachments},
 * {@code GET /addons/{addon}/addon-attachments}, {@code GET /addon-attachments/{id}}, {@code GET
 * /apps/{app}/addon-attachments/{name}}, {@code POST /addon-attachments} and {@code DELETE
 * /addon-attachments/{id}}. An attachment {@code NAME} sets the app's {@code NAME_URL} to the
 * add-on's URL once the add-on is provisioned; attaching and detaching through the API make an
 * {@code Attach NAME (@ref:ADDON)} or {@code Detach NAME (@ref:ADDON)} release.
 */
final class FakeAttachments implements FakeResource {
  /** Heroku's colours for unnamed Postgres attachments, in the order they are handed out. */
  static final List<String> COLORS = List.of("AMBER", "BLUE", "BRONZE", "CHARCOAL", "COBALT",
      "CRIMSON", "GOLD", "GRAY", "GREEN", "IVORY", "JADE", "MAROON", "NAVY", "OLIVE", "ONYX",
      "ORANGE", "PINK", "PUCE", "PURPLE", "RED", "ROSE", "SILVER", "TEAL", "WHITE", "YELLOW");
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

  private final FakeHerokuApi fake;
  private final Map<String, Attachment> attachments = new LinkedHashMap<>();

  FakeAttachments(FakeHerokuApi fake) {
    this.fake = fake;
  }

  @Override
  public void reset() {
    attachments.clear();
    nextAttachRelease.clear();
  }

  @Override
  public @Nullable FakeReply api(FakeRequest r) {
    fake.addOns().settleAll();
    String method = r.method();
    if (r.matches("addon-attachments")) {
      return switch (method) {
        case "GET" -> list(attachments.values().stream().toList(), r);
        case "POST" -> create(FakeHerokuApi.parseObject(r.body()));
        default -> null;
      };
    }
    if (r.matches("addon-attachments", "*")) {
      Attachment a = attachments.get(r.segment(1));
      if (a == null) return FakeReply.notFound("add-on attachment");
      return switch (method) {
        case "GET" -> FakeReply.ok(200, json(a));
        case "DELETE" -> {
          detach(a, true);
          yield FakeReply.ok(200, json(a));
        }
        default -> null;
      };
    }
    if (r.matches("apps", "*", "addon-attachments") && method.equals("GET")) {
      FakeHerokuApi.AppState app = fake.findApp(r.segment(1));
      return app == null ? FakeReply.notFound("app") : list(of(app), r);
    }
    if (r.matches("apps", "*", "addon-attachments", "*") && method.equals("GET")) {
      FakeHerokuApi.AppState app = fake.findApp(r.segment(1));
      if (app == null) return FakeReply.notFound("app");
      for (Attachment a : of(app)) {
        if (a.id.equals(r.segment(3)) || a.name.equals(r.segment(3))) {
          return FakeReply.ok(200, json(a));
        }
      }
      return FakeReply.notFound("add-on attachment");
    }
    if (r.matches("addons", "*", "addon-attachments") && method.equals("GET")) {
      FakeAddOns.AddOnState addOn = fake.addOns().find(r.segment(1));
      if (addOn == null) return FakeReply.notFound("add-on");
      return list(attachments.values().stream().filter(a -> a.addOn == addOn).toList(), r);
    }
    return null;
  }

  private FakeReply list(List<Attachment> items, FakeRequest r) {
    return fake.list(items.stream().map(this::json).toList(), r.header("range"), "id",
        Set.of("id", "name"));
  }

  private FakeReply create(Map<String, Object> body) {
    String addOnRef = ref(body, "addon");
    String appRef = ref(body, "app");
    if (addOnRef == null) throw new FakeInvalidParams("addon is required.");
    FakeAddOns.AddOnState addOn = fake.addOns().find(addOnRef);
    if (addOn == null) return FakeReply.notFound("add-on");
    FakeHerokuApi.AppState app = fake.findApp(appRef != null ? appRef : addOn.appId);
    if (app == null) return FakeReply.notFound("app");
    String name = FakeHerokuApi.optionalString(body, "name");
    if (name == null) name = defaultName(app, addOn.service);
    String namespace = FakeHerokuApi.optionalString(body, "namespace");
    Attachment a = attach(app, addOn, name, namespace, FakeHerokuApi.optionalString(body,
        "confirm"), true);
    return FakeReply.ok(201, json(a));
  }

  /** A reference given as a string or as an object with {@code id} or {@code name}. */
  private static @Nullable String ref(Map<String, Object> body, String key) {
    Object value = body.get(key);
    if (value instanceof Map<?, ?> map) {
      Object id = map.get("id") != null ? map.get("id") : map.get("name");
      if (id instanceof String s) return s;
      throw new FakeInvalidParams(key + " must have an id or a name.");
    }
    return FakeHerokuApi.optionalString(body, key);
  }

  /** The app's attachments, oldest first. */
  List<Attachment> of(FakeHerokuApi.AppState app) {
    return attachments.values().stream().filter(a -> a.appId.equals(app.id)).toList();
  }

  private @Nullable Attachment named(FakeHerokuApi.AppState app, String name) {
    for (Attachment a : of(app)) {
      if (a.name.equals(name)) return a;
    }
    return null;
  }

  /**
   * {@code DATABASE} for an app's first Postgres add-on, then {@code HEROKU_POSTGRESQL_<COLOR>};
   * for other services a name from the service ({@code REDIS} for {@code heroku-redis}), then
   * that name with a colour.
   */
  String defaultName(FakeHerokuApi.AppState app, String service) {
    boolean postgres = service.equals("heroku-postgresql");
    String first = postgres ? "DATABASE" : service.replace("heroku-", "").replace('-', '_')
        .toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    if (named(app, first) == null) return first;
    String prefix = service.replace('-', '_').toUpperCase(Locale.ROOT)
        .replaceAll("[^A-Z0-9_]", "_");
    for (String color : COLORS) {
      if (named(app, prefix + "_" + color) == null) return prefix + "_" + color;
    }
    for (int i = 2; ; i++) {
      if (named(app, prefix + "_" + i) == null) return prefix + "_" + i;
    }
  }

  /** Throws 422 if {@code name} is taken on the app and {@code confirm} is not the app's name. */
  void checkFree(FakeHerokuApi.AppState app, String name, @Nullable String confirm) {
    if (!NAME.matcher(name).matches()) {
      throw new FakeInvalidParams("Name " + name + " must start with a letter and contain only"
          + " uppercase letters, digits and underscores.");
    }
    Attachment existing = named(app, name);
    if (existing != null && !app.name.equals(confirm)) {
      throw new FakeInvalidParams(name + " is already attached to " + app.name + " (add-on "
          + existing.addOn.name + "). Pass confirm: \"" + app.name + "\" to replace it.");
    }
  }

  /** Attachment name → the release phase of its next Attach release. */
  final Map<String, BuildScript> nextAttachRelease = new HashMap<>();

  /**
   * Attaches {@code addOn} to {@code app} as {@code name}, replacing (with {@code confirm}) an
   * attachment of that name; {@code releases}: make Detach and Attach releases.
   */
  Attachment attach(FakeHerokuApi.AppState app, FakeAddOns.AddOnState addOn, String name,
      @Nullable String namespace, @Nullable String confirm, boolean releases) {
    name = name.toUpperCase(Locale.ROOT);
    checkFree(app, name, confirm);
    Attachment existing = named(app, name);
    if (existing != null) detach(existing, releases);
    Instant now = fake.now();
    Attachment a = new Attachment(app.id, addOn, name, namespace, now);
    attachments.put(a.id, a);
    if (addOn.configured && addOn.failure == null && !addOn.deleted) {
      app.configVars.put(a.configVar(), addOn.url);
      app.updatedAt = now;
    }
    if (releases) {
      BuildScript script = nextAttachRelease.remove(name);
      if (script == null) script = BuildScript.succeeding();
      fake.deploys().addRelease(app.id, "Attach " + name + " (@ref:" + addOn.name + ")", script);
    }
    return a;
  }

  /** Removes an attachment and its config var; {@code release}: a Detach release. */
  void detach(Attachment a, boolean release) {
    attachments.remove(a.id);
    FakeHerokuApi.AppState app = fake.findApp(a.appId);
    if (app == null) return;
    app.configVars.remove(a.configVar());
    app.updatedAt = fake.now();
    if (release) {
      fake.deploys().addRelease(app.id, "Detach " + a.name + " (@ref:" + a.addOn.name + ")");
    }
  }

  /** Removes all of an add-on's attachments (and their config vars). */
  void detachAll(FakeAddOns.AddOnState addOn, boolean releases) {
    for (Attachment a : new ArrayList<>(attachments.values())) {
      if (a.addOn == addOn) detach(a, releases);
    }
  }

  /** Sets the config vars of a just-provisioned add-on's attachments. */
  void provisioned(FakeAddOns.AddOnState addOn) {
    for (Attachment a : attachments.values()) {
      if (a.addOn != addOn) continue;
      FakeHerokuApi.AppState app = fake.findApp(a.appId);
      if (app != null) app.configVars.put(a.configVar(), addOn.url);
    }
  }

  /** The config vars an add-on sets on its own app, for its {@code config_vars}. */
  List<String> configVars(FakeAddOns.AddOnState addOn) {
    return attachments.values().stream().filter(a -> a.addOn == addOn
        && a.appId.equals(addOn.appId)).map(Attachment::configVar).toList();
  }

  /** The app's attachments as records, oldest first. */
  List<StoredAttachment> stored(FakeHerokuApi.AppState app) {
    return of(app).stream().map(a -> new StoredAttachment(a.name, a.addOn.name, a.namespace,
        a.configVar())).toList();
  }

  private Map<String, Object> json(Attachment a) {
    FakeHerokuApi.AppState app = fake.findApp(a.appId);
    FakeHerokuApi.AppState owner = fake.findApp(a.addOn.appId);
    Map<String, Object> addOn = a.addOn.ref();
    addOn.put("app", owner != null ? owner.ref() : Map.of("id", a.addOn.appId, "name",
        "deleted"));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("addon", addOn);
    json.put("app", app != null ? app.ref() : Map.of("id", a.appId, "name", "deleted"));
    json.put("created_at", a.createdAt.toString());
    json.put("id", a.id);
    json.put("name", a.name);
    json.put("namespace", a.namespace);
    json.put("updated_at", a.createdAt.toString());
    json.put("web_url", null);
    json.put("log_input_url", null);
    return json;
  }

  /** An attachment as the fake stores it. */
  static final class Attachment {
    final String id = UUID.randomUUID().toString();
    final String appId;
    final FakeAddOns.AddOnState addOn;
    final String name;
    final @Nullable String namespace;
    final Instant createdAt;

    Attachment(String appId, FakeAddOns.AddOnState addOn, String name, @Nullable String namespace,
        Instant createdAt) {
      this.appId = appId;
      this.addOn = addOn;
      this.name = name;
      this.namespace = namespace;
      this.createdAt = createdAt;
    }

    String configVar() {
      return name + "_URL";
    }
  }
}
