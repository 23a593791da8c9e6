package io.herokusdk.postgres;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.testing.TestDatabase;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PgBouncer (Debian's {@code pgbouncer} package) in transaction mode in front of a
 * PostgreSQL database, for tests. Skips the calling test, with the reason, when the binary is
 * absent. PgBouncer refuses to run as root, so as root it is started with {@code runuser -u
 * nobody}.
 *
 * <p>{@code server_round_robin = 1} hands consecutive transactions of one client to different
 * server connections, so that with a single test client the failures that transaction mode
 * causes with many clients in production (a named prepared statement missing on the next server
 * connection) happen every time instead of by chance.
 */
final class PgBouncer implements Closeable {
  private static final Path BINARY = Paths.get(
      System.getenv().getOrDefault("PGBOUNCER_BINARY", "/usr/sbin/pgbouncer"));

  private final Process process;
  private final Path directory;
  private final int port;

  private PgBouncer(Process process, Path directory, int port) {
    this.process = process;
    this.directory = directory;
    this.port = port;
  }

  /**
   * Starts PgBouncer on a free port, pooling {@code database} on {@code host:serverPort} for
   * {@code user}, with up to {@code serverConnections} server connections.
   */
  static PgBouncer start(String host, int serverPort, String database, String user,
      String password, int serverConnections) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(BINARY), "PgBouncer is not installed at " + BINARY
        + " (apt-get install pgbouncer; .ci/run does): skipping the transaction-mode test");
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      assumeTrue(Files.isExecutable(Paths.get("/usr/sbin/runuser")),
          "running as root and runuser is missing, so PgBouncer cannot be started");
    }
    Path directory = Files.createTempDirectory("pgbouncer-test");
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    int port = freePort();
    Path userlist = directory.resolve("userlist.txt");
    write(userlist, quote(user) + " " + quote(password) + "\n");
    Path ini = directory.resolve("pgbouncer.ini");
    write(ini, String.join("\n",
        "[databases]",
        database + " = host=" + host + " port=" + serverPort + " dbname=" + database,
        "[pgbouncer]",
        "listen_addr = 127.0.0.1",
        "listen_port = " + port,
        "unix_socket_dir =",
        "auth_type = scram-sha-256",
        "auth_file = " + userlist,
        "pool_mode = transaction",
        "default_pool_size = " + serverConnections,
        "max_client_conn = 200",
        "server_round_robin = 1",
        // pgjdbc sends extra_float_digits at startup; Heroku's PgBouncer ignores it too.
        "ignore_startup_parameters = extra_float_digits",
        "server_tls_sslmode = disable",
        ""));
    List<String> command = new ArrayList<>();
    if (root) command.addAll(List.of("/usr/sbin/runuser", "-u", "nobody", "--"));
    command.add(BINARY.toString());
    command.add(ini.toString());
    Path log = directory.resolve("pgbouncer.log");
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    PgBouncer bouncer = new PgBouncer(process, directory, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!bouncer.accepts()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String output = Files.readString(log, StandardCharsets.UTF_8);
        bouncer.close();
        throw new IOException("PgBouncer did not start; its output:\n" + output);
      }
      Thread.sleep(50);
    }
    return bouncer;
  }

  /** The port PgBouncer listens on, on 127.0.0.1. */
  int port() {
    return port;
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * A PgBouncer in transaction mode in front of {@code db}, with {@code serverConnections}
   * server connections.
   */
  static PgBouncer startFor(TestDatabase db, int serverConnections) throws IOException,
      InterruptedException {
    return start(db.host(), db.port(), db.name(), db.user(), db.password().reveal(),
        serverConnections);
  }

  /**
   * The SDK configured as on Heroku with the connection pooler: {@code DATABASE_URL} direct and
   * {@code DATABASE_CONNECTION_POOL_URL} through this bouncer.
   */
  HerokuPostgres herokuPostgres(TestDatabase db, int maximumPoolSize) {
    String poolUrl = "postgres://" + db.user() + ":" + db.password().reveal() + "@127.0.0.1:"
        + port() + "/" + db.name();
    return HerokuPostgres.builder()
        .configVars(ConfigVars.of(Map.of("DATABASE_URL", db.url(),
            "DATABASE_CONNECTION_POOL_URL", poolUrl)))
        .connectionPooler(true)
        .maximumPoolSize(maximumPoolSize)
        .build();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String quote(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    // readable by the unprivileged user PgBouncer runs as; test credentials only
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
  }

  /** Stops PgBouncer and deletes its files. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
