package io.herokusdk.benchmarks.postgres;

import io.herokusdk.benchmarks.Stats;
import io.herokusdk.postgres.CsvOptions;
import io.herokusdk.postgres.HerokuPostgres;
import io.herokusdk.postgres.PostgresCopy;
import io.herokusdk.testing.PostgresServer;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * COPY export of a table to CSV against one embedded PostgreSQL, side by side: the SDK's {@link
 * PostgresCopy} over its pooled DataSource vs {@code psql -c "\copy (...) TO ..."}, both writing
 * the same CSV to the same place ({@code /dev/null} or a file each), with the same TLS setting.
 * psql's time includes its start and connect (a few ms); the SDK's includes borrowing from a warm
 * pool, as in an app.
 *
 * <p>Arguments: {@code [rows=1000000] [rounds=5] [devnull|file]}. Runs are interleaved (SDK,
 * psql, SDK, ...) after one warm-up each; the medians are compared.
 */
public final class CopyExportBenchmark {
  private static final String PSQL = System.getenv().getOrDefault("PSQL", "/usr/bin/psql");
  private static final String QUERY = "SELECT * FROM copy_bench";

  private CopyExportBenchmark() {}

  /** Runs the benchmark and prints the figures and the ratio. */
  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    boolean toFile = args.length > 2 && args[2].equals("file");
    PostgresServer server = TestServices.postgres();
    Path dir = Files.createTempDirectory("copy-bench");
    try (TestDatabase db = server.createDatabase();
        HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars())) {
      boolean tls;
      try (Connection connection = postgres.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE copy_bench (id bigint PRIMARY KEY, name text, "
            + "note text, amount numeric(12,2), created timestamptz)");
        statement.execute("INSERT INTO copy_bench SELECT g, 'customer ' || g, "
            + "CASE WHEN g % 10 = 0 THEN NULL ELSE 'note, with \"quotes\" ' || md5(g::text) END, "
            + "g * 1.25, timestamptz '2026-01-01' + g * interval '1 second' "
            + "FROM generate_series(1, " + rows + ") g");
        statement.execute("VACUUM ANALYZE copy_bench");
        try (ResultSet row = statement.executeQuery(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
          tls = row.next() && row.getBoolean(1);
        }
      }
      Path sdkTarget = toFile ? dir.resolve("sdk.csv") : Path.of("/dev/null");
      Path psqlTarget = toFile ? dir.resolve("psql.csv") : Path.of("/dev/null");
      System.out.printf(Locale.ROOT, "PostgreSQL %s, %s, %d rows, %d rounds, to %s, TLS %s, "
          + "%d CPUs%n", server.version(), psqlVersion(), rows, rounds,
          toFile ? "a file each" : "/dev/null", tls ? "on" : "off",
          Runtime.getRuntime().availableProcessors());

      PostgresCopy copy = postgres.copy();
      sdk(copy, sdkTarget, rows); // warm-up: JIT, file cache
      psql(db, psqlTarget, tls);
      List<Double> sdk = new ArrayList<>();
      List<Double> psql = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        sdk.add(sdk(copy, sdkTarget, rows));
        psql.add(psql(db, psqlTarget, tls));
        System.out.printf(Locale.ROOT, "round %d: SDK %.0f ms, psql \\copy %.0f ms%n", round,
            last(sdk), last(psql));
      }
      if (toFile && Files.size(sdkTarget) != Files.size(psqlTarget)) {
        throw new IllegalStateException("the SDK's and psql's CSV differ in size: "
            + Files.size(sdkTarget) + " vs " + Files.size(psqlTarget));
      }
      double sdkMedian = Stats.median(sdk);
      double psqlMedian = Stats.median(psql);
      System.out.printf(Locale.ROOT, "%nmedian: SDK %.0f ms (%.0f rows/s) | psql \\copy %.0f ms "
          + "(%.0f rows/s)%n", sdkMedian, rows / sdkMedian * 1000, psqlMedian,
          rows / psqlMedian * 1000);
      System.out.printf(Locale.ROOT, "SDK / psql \\copy throughput = %.2fx (goal >= 0.8x)%n",
          psqlMedian / sdkMedian);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path file : (Iterable<Path>) files::iterator) Files.delete(file);
      }
      Files.delete(dir);
    }
    System.exit(0);
  }

  /** Milliseconds for one export through the SDK. */
  private static double sdk(PostgresCopy copy, Path target, int rows) throws Exception {
    long start = System.nanoTime();
    long exported = copy.exportQuery(QUERY, target, CsvOptions.defaults());
    double millis = (System.nanoTime() - start) / 1e6;
    if (exported != rows) throw new IllegalStateException("exported " + exported + " rows");
    return millis;
  }

  /** Milliseconds for one export by psql, start to exit. */
  private static double psql(TestDatabase db, Path target, boolean tls)
      throws IOException, InterruptedException {
    String command = "\\copy (" + QUERY + ") TO '" + target
        + "' WITH (FORMAT csv, HEADER true)";
    ProcessBuilder builder = new ProcessBuilder(PSQL, "-X", "-q", "-v", "ON_ERROR_STOP=1",
        "-h", db.host(), "-p", Integer.toString(db.port()), "-U", db.user(), "-d", db.name(),
        "-c", command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", db.password().reveal());
    builder.environment().put("PGSSLMODE", tls ? "require" : "disable");
    long start = System.nanoTime();
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    int exit = process.waitFor();
    double millis = (System.nanoTime() - start) / 1e6;
    if (exit != 0) {
      throw new IllegalStateException("psql exited with " + exit + ":\n"
          + new String(output, StandardCharsets.UTF_8));
    }
    return millis;
  }

  private static String psqlVersion() throws IOException, InterruptedException {
    Process process = new ProcessBuilder(PSQL, "--version").redirectErrorStream(true).start();
    String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return version.strip();
  }

  private static double last(List<Double> values) {
    return values.get(values.size() - 1);
  }
}
