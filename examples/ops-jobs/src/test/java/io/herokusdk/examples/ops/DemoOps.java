package io.herokusdk.examples.ops;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.mail.ConsoleMailer;
import io.herokusdk.testing.herokuapi.BuildScript;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Runs the jobs on a laptop against {@link OpsFakes} (fake Platform API and Data API, linked, on
 * embedded Postgres): {@code demo [all|backup|scale|cost-report|deploy|web]}. Lives in the test
 * sources, so heroku-testing never reaches the deployed jar.
 */
public final class DemoOps {
  private DemoOps() {}

  /** Starts the fakes, seeds them and runs the named job (default: all of them). */
  public static void main(String[] args) throws Exception {
    String job = args.length == 0 ? "all" : args[0];
    List<String> jobs = job.equals("all")
        ? List.of("backup", "scale", "cost-report", "deploy", "web") : List.of(job);
    int failures = 0;
    Path dir = Files.createTempDirectory("ops-demo");
    try (OpsFakes fakes = OpsFakes.start()) {
      fakes.data.stats(fakes.shopDb, 2, 60L << 30, 110);
      fakes.api.scriptBuild(BuildScript.succeeding().pendingFor(Duration.ofSeconds(1)));
      ConfigVars config = fakes.config(Map.of("BACKUP_DIR", dir.toString()));
      for (String j : jobs) {
        System.out.println("\n=== " + j + " ===");
        int code = switch (j) {
          case "web" -> web();
          case "deploy" -> OpsJobs.run(new String[] {"deploy", "--app", "shop-staging", "--jar",
              deployable(dir).toString(), "--promote"}, config, fakes.heroku, System.out);
          case "cost-report" -> OpsJobs.run(new String[] {"cost-report", "shop",
              "shop-staging"}, config, fakes.heroku, System.out);
          default -> OpsJobs.run(new String[] {j}, config, fakes.heroku, System.out);
        };
        System.out.println("=== " + j + " exit code " + code);
        if (code != 0) failures++;
      }
    }
    System.exit(failures == 0 ? 0 : 1);
  }

  /** The built ops-jobs jar when there is one, else a small jar. */
  private static Path deployable(Path dir) throws Exception {
    Path built = Path.of(System.getProperty("app.dir", "."), "target", "ops-jobs.jar");
    return Files.isRegularFile(built) ? built : OpsFakes.jar(dir);
  }

  /** Starts the drain endpoint, posts router lines with H12s to it, prints /stats and the alert. */
  private static int web() throws Exception {
    ConfigVars config = ConfigVars.of(Map.of("PORT", "0", "DRAIN_USER", "drain",
        "DRAIN_PASSWORD", "demo-password", "DRAIN_TOKENS", "d.demo", "REQUIRE_HTTPS", "true",
        "ALERT_THRESHOLDS", "H12=3,5xx=5", "ALERT_EMAIL_TO", "oncall@example.com",
        "ALERT_LABEL", "shop"));
    try (DrainServer server = DrainServer.start(DrainServer.Settings.from(config),
        ConsoleMailer.to(System.out), Clock.systemUTC())) {
      HttpClient http = HttpClient.newHttpClient();
      String auth = "Basic " + Base64.getEncoder().encodeToString(
          "drain:demo-password".getBytes(StandardCharsets.UTF_8));
      for (int batch = 0; batch < 3; batch++) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 10; i++) {
          boolean slow = i == 9;
          String frame = "<158>1 2026-03-10T12:00:00.000000+00:00 host heroku router - at="
              + (slow ? "error code=H12 desc=\"Request timeout\"" : "info")
              + " method=GET path=\"/orders/" + i + "\" host=shop.herokuapp.com request_id=r" + i
              + " fwd=\"1.2.3.4\" dyno=web.1 connect=1ms service=" + (slow ? 30000 : 20 + i * 7)
              + "ms status=" + (slow ? 503 : 200) + " bytes=120 protocol=https";
          body.append(frame.getBytes(StandardCharsets.UTF_8).length).append(' ').append(frame);
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + server.port() + "/drain"))
            .header("X-Forwarded-Proto", "https").header("Authorization", auth)
            .header("Logplex-Drain-Token", "d.demo").header("Logplex-Msg-Count", "10")
            .header("Logplex-Frame-Id", "demo-" + batch)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
            HttpResponse.BodyHandlers.ofString());
        System.out.println("POST /drain (10 router lines) -> " + r.statusCode());
      }
      server.flushAlerts();
      HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(
              "http://127.0.0.1:" + server.port() + "/stats"))
          .header("X-Forwarded-Proto", "https").header("Authorization", auth).build(),
          HttpResponse.BodyHandlers.ofString());
      System.out.println("GET /stats -> " + stats.body());
      return stats.statusCode() == 200 ? 0 : 1;
    }
  }
}
