package io.herokusdk.examples.ops;

import io.herokusdk.api.Heroku;
import io.herokusdk.core.ConfigVars;
import io.herokusdk.postgres.HerokuPostgres;
import io.herokusdk.testing.TestServices;
import io.herokusdk.testing.herokuapi.FakeDataApi;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * The fake Platform API and Data API (linked, on embedded Postgres) seeded like a small shop:
 * {@code shop} (production: web 2 + worker 1 standard-1X, Postgres standard-0, Redis premium-0,
 * Scheduler), {@code shop-staging} (staging: web 1 basic, Postgres essential-0), both in pipeline
 * {@code shop}, and {@code ops}, the app running these jobs (its own {@code DATABASE} for the
 * job lock and a {@code BACKUP_SCRATCH} database for test restores). Used by the tests and by
 * {@link DemoOps}.
 */
final class OpsFakes implements AutoCloseable {
  final FakeHerokuApi api;
  final FakeDataApi data;
  final Heroku heroku;
  final String shopDb;
  final String shopRedis;
  final String stagingDb;
  final String opsDb;
  final String scratchDb;

  private OpsFakes(FakeHerokuApi api) throws SQLException {
    this.api = api;
    this.data = FakeDataApi.linkedTo(api).embeddedPostgres(TestServices.postgres())
        .transferDuration(Duration.ofMillis(200));
    api.provisioningDelay(Duration.ofMillis(200));
    api.addApp("shop");
    api.setFormation("shop", "web", 2, "standard-1X").setFormation("shop", "worker", 1,
        "standard-1X");
    shopDb = api.addAddOn("shop", "heroku-postgresql:standard-0", null, null);
    shopRedis = api.addAddOn("shop", "heroku-redis:premium-0", null, null);
    api.addAddOn("shop", "scheduler:standard", null, null);
    api.addApp("shop-staging");
    api.setFormation("shop-staging", "web", 1, "basic");
    stagingDb = api.addAddOn("shop-staging", "heroku-postgresql:essential-0", null, null);
    api.addPipeline("shop");
    api.couple("shop", "shop-staging", "staging").couple("shop", "shop", "production");
    api.addRelease("shop-staging", "Initial release");
    api.addRelease("shop", "Initial release");
    api.addApp("ops");
    opsDb = api.addAddOn("ops", "heroku-postgresql:essential-0", null, null);
    scratchDb = api.addAddOn("ops", "heroku-postgresql:essential-0", "BACKUP_SCRATCH", null);
    seedShopDatabase();
    this.heroku = Heroku.builder().token(api.token()).baseUrl(api.baseUrl())
        .dataUrl(data.baseUrl()).build();
  }

  static OpsFakes start() throws SQLException {
    return new OpsFakes(FakeHerokuApi.start());
  }

  /** With a token of your choosing (the canary's). */
  static OpsFakes start(String token) throws SQLException {
    return new OpsFakes(FakeHerokuApi.builder().token(token).start());
  }

  /** Config vars for every job against these fakes, plus {@code extra}. */
  ConfigVars config(Map<String, String> extra) {
    Map<String, String> vars = new HashMap<>();
    vars.put("HEROKU_API_KEY", api.token());
    vars.put("DATABASE_URL", data.url(opsDb));
    vars.put("BACKUP_APP", "shop");
    vars.put("BACKUP_DATABASE", shopDb);
    vars.put("BACKUP_SCRATCH_APP", "ops");
    vars.put("BACKUP_SCRATCH_DATABASE", scratchDb);
    vars.put("BACKUP_SOURCE_URL", data.url(shopDb));
    vars.put("BACKUP_SCRATCH_URL", data.url(scratchDb));
    vars.put("SCALE_APP", "shop");
    vars.put("SCALE_PLAN", "22:00 web=1 worker=0; 07:00 web=2 worker=1");
    vars.put("SCALE_TIMEZONE", "Europe/Paris");
    vars.putAll(extra);
    return ConfigVars.of(vars);
  }

  /**
   * Runs {@code job} with {@code args} as {@code java -jar ops-jobs.jar} would, on {@link
   * #config} plus {@code extra}, printing into {@code output}; returns the exit code.
   */
  int run(OutputStream output, Map<String, String> extra, String job, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = job;
    System.arraycopy(args, 0, all, 1, args.length);
    return OpsJobs.run(all, config(extra), heroku,
        new PrintStream(output, true, StandardCharsets.UTF_8));
  }

  /** Runs SQL on one of the fake's real databases. */
  void sql(String addOn, String... statements) throws SQLException {
    try (HerokuPostgres pg = HerokuPostgres.builder().configVars(ConfigVars.of(Map.of(
            "DATABASE_URL", data.url(addOn)))).maximumPoolSize(1).build();
        Connection c = pg.dataSource().getConnection(); Statement st = c.createStatement()) {
      for (String sql : statements) st.execute(sql);
    }
  }

  private void seedShopDatabase() throws SQLException {
    sql(shopDb,
        "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
            + "email text NOT NULL UNIQUE)",
        "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
            + "customer_id bigint NOT NULL REFERENCES customers, total_cents int NOT NULL)",
        "INSERT INTO customers (email) SELECT 'c' || g || '@example.com' "
            + "FROM generate_series(1, 25) g",
        "INSERT INTO orders (customer_id, total_cents) SELECT 1 + g % 25, g * 100 "
            + "FROM generate_series(1, 120) g");
  }

  /** A small runnable-looking JAR to deploy. */
  static Path jar(Path dir) throws IOException {
    Path jar = dir.resolve("shop.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new ZipEntry("shop/README.txt"));
      out.write("a deployable jar for the demo\n".repeat(20_000).getBytes(
          java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  @Override
  public void close() {
    heroku.close();
    data.close();
    api.close();
  }
}
