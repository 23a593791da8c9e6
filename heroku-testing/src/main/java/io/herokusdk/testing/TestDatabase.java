package io.herokusdk.testing;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.Secret;
import io.herokusdk.testing.internal.PostgresProvisioner;
import io.herokusdk.testing.internal.UrlText;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh PostgreSQL database for one test class, and the credential to reach it, as Heroku would
 * put it in {@code DATABASE_URL}: {@code postgres://USER:PASSWORD@127.0.0.1:PORT/NAME}.
 *
 * <p>Get one from {@link PostgresExtension} (a parameter of type {@code TestDatabase}) or {@link
 * PostgresServer#createDatabase()}. {@link #close()} drops it. {@link #toString()} never shows the
 * password.
 */
public final class TestDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

  private final PostgresServer server;
  private final Handle handle;
  private final @Nullable String password;

  TestDatabase(PostgresServer server, Handle handle, @Nullable String password) {
    this.server = server;
    this.handle = handle;
    this.password = password;
  }

  /** Drops the database once, whichever copy of the credential closes it. */
  static final class Handle {
    final PostgresProvisioner provisioner;
    final PostgresProvisioner.Database database;
    final AtomicBoolean dropped = new AtomicBoolean();

    Handle(PostgresProvisioner provisioner, PostgresProvisioner.Database database) {
      this.provisioner = provisioner;
      this.database = database;
    }
  }

  /**
   * The URL in Heroku's {@code DATABASE_URL} format, e.g. {@code
   * postgres://u1a2b3c4d5e6f7:p9f...@127.0.0.1:54321/d8g7h6j5k4l3m2}. Contains the password.
   *
   * @return the URL with user, password, host, port and name; when the server came from {@code
   *     TEST_DATABASE_URL}, with that URL's scheme and query
   */
  public String url() {
    return UrlText.url(
        server.scheme(), user(), password, host(), port(), name(), server.query());
  }

  /**
   * The database name, like Heroku's: "d" and 13 letters or digits when embedded.
   *
   * @return the name, random and unique on the server
   */
  public String name() {
    return handle.database.name();
  }

  /**
   * The user (role) name, like Heroku's: "u" and 13 letters or digits when embedded.
   *
   * @return the role that owns the database; the user of {@code TEST_DATABASE_URL} when external
   */
  public String user() {
    return handle.database.user();
  }

  /**
   * The password.
   *
   * @return the role's current password, as of this object (see {@link #rotatePassword()}); empty
   *     if an external URL has none
   */
  public Secret password() {
    return Secret.of(password == null ? "" : password);
  }

  /**
   * The host, "127.0.0.1" when embedded.
   *
   * @return the server's {@link PostgresServer#host() host}
   */
  public String host() {
    return server.host();
  }

  /**
   * The TCP port.
   *
   * @return the server's {@link PostgresServer#port() port}
   */
  public int port() {
    return server.port();
  }

  /**
   * {@code jdbc:postgresql://HOST:PORT/NAME}, without credentials.
   *
   * @return the JDBC URL, also without the query parameters of {@code TEST_DATABASE_URL}
   */
  public String jdbcUrl() {
    return handle.provisioner.jdbcUrl(name());
  }

  /**
   * Config vars with only {@code DATABASE_URL} set to {@link #url()}.
   *
   * @return new config vars, for code that reads its database from {@code DATABASE_URL}
   */
  public ConfigVars configVars() {
    return ConfigVars.of(Map.of("DATABASE_URL", url()));
  }

  /**
   * A new JDBC connection as {@link #user()}, for assertions; the caller closes it.
   *
   * @return an open connection to this database (10 s connect timeout)
   * @throws SQLException if the server cannot be reached or refuses the credential
   */
  public Connection jdbcConnection() throws SQLException {
    return handle.provisioner.connect(name(), user(), password);
  }

  /**
   * Gives the role a new password, as a Heroku credential rotation does, and returns the
   * database with it; this object's password stops working for new connections (open ones
   * stay open). Embedded server only.
   *
   * @return a view of the same database with the new password; closing either drops it
   * @throws UnsupportedOperationException for a server from {@code TEST_DATABASE_URL}
   * @throws IllegalStateException if the server refuses
   */
  public TestDatabase rotatePassword() {
    try {
      String newPassword = handle.provisioner.rotatePassword(handle.database);
      return new TestDatabase(server, handle, newPassword);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * The server this database is on.
   *
   * @return the server that created this database
   */
  public PostgresServer server() {
    return server;
  }

  /** Drops the database (closing its connections) and its role. Does nothing the second time. */
  @Override
  public void close() {
    if (!handle.dropped.compareAndSet(false, true)) return;
    try {
      handle.provisioner.drop(handle.database);
    } catch (SQLException e) {
      log.warn("Could not drop test database {}: {}", name(), e.getMessage());
    }
  }

  /** Shows the URL with the password as {@code ****}. */
  @Override
  public String toString() {
    return "TestDatabase[" + server.scheme() + "://" + UrlText.encode(user()) + ":****@"
        + UrlText.host(host()) + ":" + port() + "/" + UrlText.encode(name()) + "]";
  }
}
