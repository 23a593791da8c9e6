package io.herokusdk.examples.signup;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.mail.Mailer;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The app as the dev launcher runs it (migrations, web on a free port, worker), on a test
 * database and Redis, with the given mailer and extra config vars. Tests talk to it over HTTP.
 */
final class RunningApp implements AutoCloseable {
  final SignupServices services;
  final WebServer web;
  final EmailWorker worker;
  private final HttpClient http = HttpClient.newHttpClient();

  private RunningApp(SignupServices services) {
    this.services = services;
    Migrations.migrate(services.postgres().dataSource());
    this.web = WebServer.start(services);
    this.worker = new EmailWorker(services.welcomeEmails(), services.mailer(), services.users(),
        services.settings()).start();
  }

  static ConfigVars config(TestDatabase db, TestRedis redis, Map<String, String> extra) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("DATABASE_URL", db.url());
    vars.put("REDIS_URL", redis.tlsUrl());
    vars.put("REDIS_KEY_PREFIX", redis.keyPrefix());
    vars.put("PORT", "0");
    vars.putAll(extra);
    return ConfigVars.of(vars);
  }

  static RunningApp start(TestDatabase db, TestRedis redis, Mailer mailer,
      Map<String, String> extra) {
    return new RunningApp(SignupServices.fromConfig(config(db, redis, extra), mailer));
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  HttpResponse<String> post(String path, String json, String... headers) {
    HttpRequest.Builder builder = request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (headers.length > 0) builder.headers(headers);
    return send(builder.build());
  }

  HttpResponse<String> signup(String email, String name) {
    return post("/signup", "{\"email\":\"" + email + "\",\"name\":\"" + name + "\"}");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path))
        .timeout(Duration.ofSeconds(30));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits (up to 30 s) until {@code condition} holds; fails the test otherwise. */
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    web.close();
    worker.close();
    services.close();
  }
}
