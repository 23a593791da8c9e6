package io.herokusdk.examples.signup;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.mail.ConsoleMailer;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import io.herokusdk.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole app in one JVM for local development: migrations, the web server and the
 * email worker. Config vars come from the environment and {@code .env} (in the app's directory
 * when started by Maven); whatever of {@code DATABASE_URL} and {@code REDIS_URL} is missing is
 * served by embedded PostgreSQL and Redis from heroku-testing, and without {@code
 * SENDGRID_API_KEY} (or Mailgun's vars) emails are printed to the console.
 *
 * <p>It lives in the test sources, so the production jar never contains or starts embedded
 * servers: {@code ./mvnw -pl examples/signup-app -am -DskipTests package exec:java}.
 */
public final class DevSignupApp {
  private DevSignupApp() {}

  /** Starts everything and runs until Ctrl-C. */
  public static void main(String[] args) throws Exception {
    ConfigVars config = withEmbeddedServices(readConfig());
    // Emails go to stdout unless a provider is configured: under `mvn -q` the log is muted.
    boolean provider = config.get("SENDGRID_API_KEY").isPresent()
        || config.get("MAILGUN_API_KEY").isPresent();
    SignupServices services = provider
        ? SignupServices.fromConfig(config)
        : SignupServices.fromConfig(config, ConsoleMailer.to(System.out));
    Migrations.migrate(services.postgres().dataSource());
    WebServer web = WebServer.start(services);
    EmailWorker worker = new EmailWorker(services.welcomeEmails(), services.mailer(),
        services.users(), services.settings()).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      web.close();
      worker.close();
      services.close();
      stopped.countDown();
    }, "dev-shutdown"));
    String url = "http://localhost:" + web.port();
    System.out.println();
    System.out.println("Signup app running at " + url + "  (web + worker in one process; Ctrl-C stops)");
    System.out.println("  curl -i -X POST " + url + "/signup -H 'Content-Type: application/json'"
        + " -d '{\"email\":\"ada@example.com\",\"name\":\"Ada\"}'");
    System.out.println("  curl -i " + url + "/users/1");
    System.out.println("  curl -i " + url + "/health");
    System.out.println();
    System.out.flush();
    stopped.await();
  }

  /** The environment plus {@code .env} from {@code app.dir} (set by the pom) or the cwd. */
  private static ConfigVars readConfig() {
    String appDir = System.getProperty("app.dir");
    if (appDir != null && Files.isRegularFile(Path.of(appDir, ".env"))) {
      return ConfigVars.builder().systemEnvironment().dotEnv(Path.of(appDir, ".env")).build();
    }
    return ConfigVars.fromEnv();
  }

  /** Adds embedded-server URLs for whatever is not configured. */
  static ConfigVars withEmbeddedServices(ConfigVars config) {
    ConfigVars.Builder builder = config.toBuilder();
    if (config.get("DATABASE_URL").isEmpty() && config.get("JDBC_DATABASE_URL").isEmpty()) {
      TestDatabase db = TestServices.postgres().createDatabase();
      builder.override("DATABASE_URL", db.url());
      System.out.println("DATABASE_URL not set: using embedded PostgreSQL " + db);
    }
    if (config.get("REDIS_URL").isEmpty() && config.get("REDIS_TLS_URL").isEmpty()) {
      TestRedis redis = TestServices.redis().createTestRedis("signup-app");
      builder.override("REDIS_URL", redis.tlsUrl());
      System.out.println("REDIS_URL not set: using embedded Redis " + redis);
    }
    if (config.get("PORT").isEmpty()) builder.override("PORT", "5000");
    return builder.build();
  }
}
