package io.herokusdk.testing.herokuapi;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Custom domains ({@code POST /apps/{app}/domains}) with Automated Certificate Management: the
 * domain's {@code status} and {@code acm_status} are {@code pending} for {@link #delay}, then
 * {@code succeeded} and {@code cert issued}, or {@code failed} with the scripted {@code
 * acm_status_reason}. Also dyno restarts ({@code DELETE /apps/{app}/dynos[/{dyno}]}, {@code
 * DELETE /apps/{app}/formations/{type}}), which answer {@code 202 {}}.
 */
final class FakeDomains implements FakeResource {
  private final FakeHerokuApi fake;
  private final Map<String, DomainState> domains = new LinkedHashMap<>();
  /** Hostname → acm_status_reason of its failing certificate. */
  private final Map<String, String> failures = new HashMap<>();
  Duration delay = Duration.ofSeconds(2);

  FakeDomains(FakeHerokuApi fake) {
    this.fake = fake;
  }

  @Override
  public void reset() {
    domains.clear();
    failures.clear();
    delay = Duration.ofSeconds(2);
  }

  void failCertificate(String hostname, String reason) {
    failures.put(hostname, reason);
  }

  @Override
  public @Nullable FakeReply api(FakeRequest r) {
    if (r.path().size() >= 3 && r.segment(0).equals("apps")
        && (r.segment(2).equals("dynos") || r.segment(2).equals("formations"))
        && r.method().equals("DELETE") && r.path().size() <= 4) {
      if (r.segment(2).equals("formations") && r.path().size() != 4) return null;
      FakeHerokuApi.AppState app = fake.findApp(r.segment(1));
      return app == null ? FakeReply.notFound("app") : FakeReply.ok(202, Map.of());
    }
    if (r.matches("apps", "*", "domains")) {
      FakeHerokuApi.AppState app = fake.findApp(r.segment(1));
      if (app == null) return FakeReply.notFound("app");
      return switch (r.method()) {
        case "POST" -> create(app, FakeHerokuApi.parseObject(r.body()));
        case "GET" -> fake.list(domains.values().stream().filter(d -> d.appId.equals(app.id))
            .map(this::json).toList(), r.header("range"), "hostname", Set.of("id", "hostname"));
        default -> null;
      };
    }
    if (r.matches("apps", "*", "domains", "*") && r.method().equals("GET")) {
      FakeHerokuApi.AppState app = fake.findApp(r.segment(1));
      for (DomainState d : domains.values()) {
        if (app != null && d.appId.equals(app.id)
            && (d.id.equals(r.segment(3)) || d.hostname.equals(r.segment(3)))) {
          return FakeReply.ok(200, json(d));
        }
      }
      return FakeReply.notFound("domain");
    }
    return null;
  }

  private FakeReply create(FakeHerokuApi.AppState app, Map<String, Object> body) {
    String hostname = FakeHerokuApi.optionalString(body, "hostname");
    if (hostname == null || !hostname.matches("[a-z0-9*]([a-z0-9.-]*[a-z0-9])?")) {
      throw new FakeInvalidParams("hostname must be a domain name like www.example.com.");
    }
    if (!body.containsKey("sni_endpoint")) {
      throw new FakeInvalidParams("sni_endpoint is required (null for none).");
    }
    for (DomainState d : domains.values()) {
      if (d.hostname.equals(hostname)) {
        throw new FakeInvalidParams("Hostname " + hostname + " is already in use.");
      }
    }
    Instant now = fake.now();
    DomainState d = new DomainState(app.id, hostname, failures.remove(hostname), now,
        now.plus(delay));
    domains.put(d.id, d);
    return FakeReply.ok(201, json(d));
  }

  private Map<String, Object> json(DomainState d) {
    boolean done = !fake.now().isBefore(d.readyAt);
    FakeHerokuApi.AppState app = fake.findApp(d.appId);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("acm_status", !done ? "pending" : d.failure == null ? "cert issued" : "failed");
    json.put("acm_status_reason", done ? d.failure : null);
    json.put("app", Map.of("name", app == null ? "deleted" : app.name, "id", d.appId));
    json.put("cname", d.hostname.replace('*', 'w') + "." + d.id.substring(0, 8)
        + ".herokudns.com");
    json.put("created_at", d.createdAt.toString());
    json.put("hostname", d.hostname);
    json.put("id", d.id);
    json.put("kind", "custom");
    json.put("updated_at", (done ? d.readyAt : d.createdAt).toString());
    json.put("status", !done ? "pending" : "succeeded");
    json.put("sni_endpoint", null);
    return json;
  }

  private record DomainState(String id, String appId, String hostname, @Nullable String failure,
      Instant createdAt, Instant readyAt) {
    DomainState(String appId, String hostname, @Nullable String failure, Instant createdAt,
        Instant readyAt) {
      this(UUID.randomUUID().toString(), appId, hostname, failure, createdAt, readyAt);
    }
  }
}
