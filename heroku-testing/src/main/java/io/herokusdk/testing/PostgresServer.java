package io.herokusdk.testing;

import io.herokusdk.core.Secret;
import io.herokusdk.testing.internal.PostgresProvisioner;
import io.herokusdk.testing.internal.UrlText;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL server that hands out fresh databases: the shared embedded one (PostgreSQL 17, TLS
 * on, password authentication, {@code pg_stat_statements} preloaded) or the one named by {@code
 * TEST_DATABASE_URL}. Get it from {@link TestServices#postgres()}; it lives as long as the JVM.
 */
public final class PostgresServer {
  private final PostgresProvisioner provisioner;
  private final String scheme;
  private final @Nullable String query;
  private final String version;
  private final boolean embedded;

  PostgresServer(
      PostgresProvisioner provisioner,
      String scheme,
      @Nullable String query,
      String version,
      boolean embedded) {
    this.provisioner = provisioner;
    this.scheme = scheme;
    this.query = query;
    this.version = version;
    this.embedded = embedded;
  }

  /**
   * Creates a fresh, empty database and returns how to reach it. On the embedded server it is
   * copied from a template (with {@code pg_stat_statements} installed) and owned by a new role
   * of its own that is not a superuser and cannot create databases or roles, like a Heroku
   * credential. Close the result to drop the database (and role).
   *
   * @return the new database, with a random name and, when embedded, a role and password of its
   *     own (else the admin credential of {@code TEST_DATABASE_URL}); close it when done
   * @throws IllegalStateException if the server refuses
   */
  public TestDatabase createDatabase() {
    try {
      PostgresProvisioner.Database database = provisioner.create();
      return new TestDatabase(this, new TestDatabase.Handle(provisioner, database), database.password());
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * True if this kit runs the server; false if it came from {@code TEST_DATABASE_URL}.
   *
   * @return whether the server is the kit's embedded one
   */
  public boolean isEmbedded() {
    return embedded;
  }

  /**
   * The host, "127.0.0.1" when embedded.
   *
   * @return the host name or IP address, as given in {@code TEST_DATABASE_URL} when external
   */
  public String host() {
    return provisioner.admin().host();
  }

  /**
   * The TCP port.
   *
   * @return the port the server listens on, 1 to 65535
   */
  public int port() {
    return provisioner.admin().port();
  }

  /**
   * The server version, e.g. "17.11".
   *
   * @return the version as the server reports it ({@code SHOW server_version} when external)
   */
  public String version() {
    return version;
  }

  /**
   * The admin URL in Heroku's format: for the embedded server the superuser {@code postgres} and
   * database {@code postgres}; otherwise {@code TEST_DATABASE_URL}. Contains the password: do not
   * log it. Tests should use {@link #createDatabase()} instead.
   *
   * @return a {@code postgres://} URL with user, password, host, port and database; when
   *     external, with the scheme and query of {@code TEST_DATABASE_URL}
   */
  public String adminUrl() {
    PostgresProvisioner.Admin admin = provisioner.admin();
    return UrlText.url(
        scheme, admin.user(), admin.password(), admin.host(), admin.port(), admin.database(),
        query);
  }

  /**
   * The admin password, if there is one.
   *
   * @return the superuser's password, or an empty secret if the admin URL has none
   */
  public Secret adminPassword() {
    String password = provisioner.admin().password();
    return Secret.of(password == null ? "" : password);
  }

  String scheme() {
    return scheme;
  }

  @Nullable String query() {
    return query;
  }

  /** Shows kind, host, port and version; never a password. */
  @Override
  public String toString() {
    return "PostgresServer[" + (embedded ? "embedded " : "external ") + UrlText.host(host()) + ":"
        + port() + ", PostgreSQL " + version + "]";
  }
}
