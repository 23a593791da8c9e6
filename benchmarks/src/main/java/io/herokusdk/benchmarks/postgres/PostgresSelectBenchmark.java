package io.herokusdk.benchmarks.postgres;

import io.herokusdk.benchmarks.Stats;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.herokusdk.postgres.HerokuPostgres;
import io.herokusdk.testing.PostgresServer;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestServices;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Select-only throughput at 8 clients against one embedded PostgreSQL, side by side: the SDK's
 * DataSource, HikariCP with its defaults, and {@code pgbench -S -c 8 -j 2 -M prepared}. Every
 * Java transaction borrows a connection, runs pgbench's select-only statement ({@code SELECT
 * abalance FROM pgbench_accounts WHERE aid = ?}) as a prepared statement and returns it, which
 * is what an app does per request.
 *
 * <p>Arguments: {@code [seconds per run=10] [rounds=3]}. Runs are interleaved (SDK, HikariCP,
 * pgbench, SDK, ...) so that machine noise hits all three alike; the median of each is compared.
 */
public final class PostgresSelectBenchmark {
  private static final int CLIENTS = 8;
  private static final int SCALE = 1;
  private static final int ACCOUNTS = 100_000 * SCALE;
  private static final String PGBENCH = System.getenv().getOrDefault("PGBENCH", "/usr/bin/pgbench");
  private static final String SELECT = "SELECT abalance FROM pgbench_accounts WHERE aid = ?";

  private PostgresSelectBenchmark() {}

  /** Runs the benchmark and prints the figures and ratios. */
  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    PostgresServer server = TestServices.postgres();
    try (TestDatabase db = server.createDatabase()) {
      System.out.printf(Locale.ROOT, "PostgreSQL %s, %d clients, %d s per run, %d rounds, "
          + "%d CPUs%n", server.version(), CLIENTS, seconds, rounds,
          Runtime.getRuntime().availableProcessors());
      run(db, List.of(PGBENCH, "-i", "-q", "-s", Integer.toString(SCALE)), false);

      List<Double> sdk = new ArrayList<>();
      List<Double> hikari = new ArrayList<>();
      List<Double> pgbench = new ArrayList<>();
      try (HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars());
          HikariDataSource raw = rawHikari(db)) {
        DataSource sdkDataSource = postgres.dataSource();
        measure(sdkDataSource, 3); // warm-up: JIT, pool growth
        measure(raw, 3);
        for (int round = 1; round <= rounds; round++) {
          sdk.add(measure(sdkDataSource, seconds));
          hikari.add(measure(raw, seconds));
          pgbench.add(pgbench(db, seconds));
          System.out.printf(Locale.ROOT, "round %d: SDK %.0f tps, HikariCP defaults %.0f tps, "
              + "pgbench %.0f tps%n", round, last(sdk), last(hikari), last(pgbench));
        }
      }
      double sdkMedian = Stats.median(sdk);
      double hikariMedian = Stats.median(hikari);
      double pgbenchMedian = Stats.median(pgbench);
      System.out.printf(Locale.ROOT, "%nmedian tps: SDK %.0f | HikariCP defaults %.0f | "
          + "pgbench -S -M prepared %.0f%n", sdkMedian, hikariMedian, pgbenchMedian);
      System.out.printf(Locale.ROOT, "SDK / HikariCP defaults = %.2fx%n",
          sdkMedian / hikariMedian);
      System.out.printf(Locale.ROOT, "SDK / pgbench           = %.2fx%n",
          sdkMedian / pgbenchMedian);
      System.out.printf(Locale.ROOT, "HikariCP / pgbench      = %.2fx%n",
          hikariMedian / pgbenchMedian);
    }
    System.exit(0);
  }

  private static HikariDataSource rawHikari(TestDatabase db) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.jdbcUrl());
    config.setUsername(db.user());
    config.setPassword(db.password().reveal());
    return new HikariDataSource(config);
  }

  /** Runs 8 client threads for {@code seconds}; returns transactions per second. */
  private static double measure(DataSource dataSource, int seconds) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder transactions = new LongAdder();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(CLIENTS);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      Thread thread = new Thread(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
          while (!stop.get()) {
            try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SELECT)) {
              statement.setInt(1, 1 + random.nextInt(ACCOUNTS));
              try (ResultSet row = statement.executeQuery()) {
                row.next();
                row.getInt(1);
              }
            }
            transactions.increment();
          }
        } catch (SQLException | RuntimeException e) {
          failures.add(e);
        } finally {
          done.countDown();
        }
      }, "bench-client-" + i);
      threads.add(thread);
    }
    long start = System.nanoTime();
    for (Thread thread : threads) thread.start();
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    stop.set(true);
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (!failures.isEmpty()) throw new IllegalStateException("a client failed", failures.get(0));
    return transactions.sum() / elapsed;
  }

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

  private static double pgbench(TestDatabase db, int seconds) throws Exception {
    String output = run(db, List.of(PGBENCH, "-S", "-n", "-c", Integer.toString(CLIENTS),
        "-j", "2", "-M", "prepared", "-T", Integer.toString(seconds)), true);
    Matcher matcher = TPS.matcher(output);
    if (!matcher.find()) throw new IllegalStateException("no tps in pgbench output:\n" + output);
    return Double.parseDouble(matcher.group(1));
  }

  private static String run(TestDatabase db, List<String> pgbenchArgs, boolean capture)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(pgbenchArgs);
    command.addAll(List.of("-h", db.host(), "-p", Integer.toString(db.port()), "-U", db.user(),
        db.name()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", db.password().reveal());
    Process process = builder.start();
    StringBuilder output = new StringBuilder();
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) output.append(line).append('\n');
    }
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IllegalStateException("pgbench exited with " + exit + ":\n" + output);
    }
    return capture ? output.toString() : "";
  }

  private static double last(List<Double> values) {
    return values.get(values.size() - 1);
  }
}
