package io.herokusdk.testing;

import io.herokusdk.testing.internal.EmbeddedPostgresNode;
import io.herokusdk.testing.internal.EmbeddedRedisNode;
import io.herokusdk.testing.internal.PostgresProvisioner;
import io.herokusdk.testing.internal.RandomNames;
import io.herokusdk.testing.internal.RespClient;
import io.herokusdk.testing.internal.SelfSignedCertificate;
import io.herokusdk.testing.internal.TempFiles;
import io.herokusdk.testing.internal.UrlText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Runs embedded PostgreSQL and Redis (plain and TLS) for local development and prints their
 * config vars, ready to paste into {@code .env}.
 *
 * <pre>
 * ./mvnw -q -pl heroku-testing -am -DskipTests package exec:java -Dexec.args=--serve
 * </pre>
 *
 * <p>(Without {@code -Dexec.args} the module's build runs {@code --smoke}.)
 *
 * <p>Arguments: {@code --smoke} checks both (PostgreSQL {@code select version()}, Redis PING over
 * plain and TLS), prints the results and exits; {@code --serve} (the default without {@code
 * --smoke}) runs until Ctrl-C. {@code --postgres-port=N}, {@code --redis-port=N} and {@code
 * --redis-tls-port=N} fix the ports so that {@code .env} stays valid from one run to the next.
 * Data is not kept between runs.
 */
public final class DevServices {
  private DevServices() {}

  /**
   * Starts the servers; see the class documentation for the arguments.
   *
   * @param args {@code --smoke} or {@code --serve} (the default), optionally with {@code
   *     --postgres-port=N}, {@code --redis-port=N} and {@code --redis-tls-port=N} (1 to 65535;
   *     unset: a free port); {@code --help} or {@code -h} prints the usage and returns
   * @throws IllegalArgumentException on an unknown argument or a port out of range
   * @throws Exception if a server cannot start, the smoke check fails, or the wait until Ctrl-C is
   *     interrupted
   */
  public static void main(String[] args) throws Exception {
    boolean smoke = false;
    int postgresPort = 0;
    int redisPort = 0;
    int redisTlsPort = 0;
    for (String arg : args) {
      if (arg.equals("--smoke")) smoke = true;
      else if (arg.equals("--serve") || arg.isBlank()) continue;
      else if (arg.startsWith("--postgres-port=")) postgresPort = port(arg);
      else if (arg.startsWith("--redis-port=")) redisPort = port(arg);
      else if (arg.startsWith("--redis-tls-port=")) redisTlsPort = port(arg);
      else if (arg.equals("--help") || arg.equals("-h")) {
        System.out.println(
            "usage: DevServices [--smoke|--serve] [--postgres-port=N] [--redis-port=N]"
                + " [--redis-tls-port=N]");
        return;
      } else {
        throw new IllegalArgumentException("unknown argument: " + arg + " (try --help)");
      }
    }
    PrintStream out = System.out;
    Path directory = Files.createTempDirectory("heroku-dev-services-");
    Running running = new Running(directory);
    // Registered before anything starts, so Ctrl-C during start-up cleans up too.
    Thread hook = new Thread(running::stop, "heroku-dev-services-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      SelfSignedCertificate certificate = SelfSignedCertificate.generate(directory.resolve("tls"));
      EmbeddedPostgresNode postgres =
          EmbeddedPostgresNode.start(directory.resolve("postgres"), postgresPort, certificate);
      running.postgres = postgres;
      EmbeddedRedisNode redis =
          EmbeddedRedisNode.start(
              directory.resolve("redis"), redisPort, redisTlsPort, RandomNames.password(),
              certificate);
      running.redis = redis;
      PostgresProvisioner provisioner =
          new PostgresProvisioner(
              new PostgresProvisioner.Admin(
                  "127.0.0.1", postgres.port(), "postgres", postgres.superuser(),
                  postgres.superuserPassword(), Map.of()),
              EmbeddedPostgresNode.TEMPLATE_DATABASE,
              true);
      PostgresProvisioner.Database database = provisioner.create();
      String databaseUrl =
          UrlText.url("postgres", database.user(), database.password(), "127.0.0.1",
              postgres.port(), database.name(), null);
      String redisUrl =
          UrlText.url("redis", "", redis.password(), "127.0.0.1", redis.port(), "0", null);
      String redisTlsUrl =
          UrlText.url("rediss", "", redis.password(), "127.0.0.1", redis.tlsPort(), "0", null);

      out.println("# heroku-testing DevServices: PostgreSQL " + postgres.version()
          + " on 127.0.0.1:" + postgres.port() + ", Redis " + redis.version()
          + " on 127.0.0.1:" + redis.port() + " (TLS " + redis.tlsPort() + ")");
      out.println("# Paste into .env. The TLS certificate is self-signed, as on Heroku:");
      out.println("# connect with peer verification off, or trust " + certificate.certificateFile());
      out.println("DATABASE_URL=" + databaseUrl);
      out.println("REDIS_URL=" + redisTlsUrl);
      out.println("REDIS_TLS_URL=" + redisTlsUrl);
      out.println("# plain (non-TLS) Redis: REDIS_URL=" + redisUrl);
      out.flush();

      if (smoke) {
        smoke(out, provisioner, database, redis, certificate);
        out.println("smoke: OK");
        out.flush();
        return;
      }
      out.println("# Running until Ctrl-C.");
      out.flush();
      new CountDownLatch(1).await();
    } finally {
      running.stop();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook is running or has run
      }
    }
  }

  /** What has been started so far; stopped once, by the hook or at the end of main. */
  private static final class Running {
    final Path directory;
    volatile @Nullable EmbeddedPostgresNode postgres;
    volatile @Nullable EmbeddedRedisNode redis;
    private boolean stopped;

    Running(Path directory) {
      this.directory = directory;
    }

    synchronized void stop() {
      if (stopped) return;
      stopped = true;
      try {
        if (redis != null) redis.close();
      } catch (IOException | RuntimeException e) {
        System.err.println("could not stop Redis: " + e);
      }
      try {
        if (postgres != null) postgres.close();
      } catch (IOException | RuntimeException e) {
        System.err.println("could not stop PostgreSQL: " + e);
      }
      TempFiles.deleteRecursively(directory);
    }
  }

  private static void smoke(
      PrintStream out,
      PostgresProvisioner provisioner,
      PostgresProvisioner.Database database,
      EmbeddedRedisNode redis,
      SelfSignedCertificate certificate)
      throws SQLException, IOException {
    try (Connection connection =
            provisioner.connect(database.name(), database.user(), database.password());
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "select version(), current_user, current_database(),"
                    + " (select ssl from pg_stat_ssl where pid = pg_backend_pid())")) {
      rs.next();
      out.println("smoke: postgres select version() -> " + rs.getString(1));
      out.println("smoke: postgres connected as " + rs.getString(2) + " to " + rs.getString(3)
          + ", TLS " + rs.getBoolean(4));
    }
    Duration timeout = Duration.ofSeconds(10);
    try (RespClient client = RespClient.connect("127.0.0.1", redis.port(), timeout)) {
      client.auth(redis.password());
      out.println("smoke: redis PING over plain (port " + redis.port() + ") -> " + client.ping());
    }
    try (RespClient client =
        RespClient.connectTls(
            "127.0.0.1", redis.tlsPort(), certificate.trustingContext(), timeout)) {
      client.auth(redis.password());
      String protocol = ((javax.net.ssl.SSLSocket) client.socket()).getSession().getProtocol();
      out.println("smoke: redis PING over TLS (port " + redis.tlsPort() + ", " + protocol
          + ", certificate verified against its PEM) -> " + client.ping());
    }
  }

  private static int port(String arg) {
    String value = arg.substring(arg.indexOf('=') + 1);
    int port = Integer.parseInt(value);
    if (port < 1 || port > 65535) throw new IllegalArgumentException("not a port: " + value);
    return port;
  }
}
