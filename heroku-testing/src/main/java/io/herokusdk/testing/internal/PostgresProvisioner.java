package io.herokusdk.testing.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and drops fresh databases on one PostgreSQL server through an admin connection.
 *
 * <p>On the embedded server each database gets its own login role (NOSUPERUSER, NOCREATEDB,
 * NOCREATEROLE) that owns it, as on Heroku, and is copied from a template. On an external server
 * (TEST_DATABASE_URL) the URL's own user creates the database and is handed out.
 */
public final class PostgresProvisioner {
  private static final Logger log = LoggerFactory.getLogger(PostgresProvisioner.class);

  /** How to reach the server as a user that may create databases (and roles if embedded). */
  public record Admin(
      String host,
      int port,
      String database,
      String user,
      @Nullable String password,
      Map<String, String> jdbcProperties) {
    /** Copies the map. */
    public Admin {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(database, "database");
      Objects.requireNonNull(user, "user");
      jdbcProperties = Map.copyOf(jdbcProperties);
    }

    @Override
    public String toString() {
      return "Admin[" + user + "@" + host + ":" + port + "/" + database + "]";
    }
  }

  /** A database handed out: its name, owner and the owner's password. */
  public record Database(String name, String user, @Nullable String password) {
    @Override
    public String toString() {
      return "Database[" + name + ", user " + user + "]";
    }
  }

  private final Admin admin;
  private final @Nullable String template;
  private final boolean createRoles;
  private final Object lock = new Object();

  /**
   * @param template the template database, or null for the server default
   * @param createRoles true to give each database its own role (needs CREATEROLE)
   */
  public PostgresProvisioner(Admin admin, @Nullable String template, boolean createRoles) {
    this.admin = admin;
    this.template = template;
    this.createRoles = createRoles;
  }

  /** The admin connection settings. */
  public Admin admin() {
    return admin;
  }

  /** A new admin connection to {@code database}. */
  public Connection connect(String database) throws SQLException {
    return connect(database, admin.user(), admin.password());
  }

  /** A new connection to {@code database} as {@code user}. */
  public Connection connect(String database, String user,
      @Nullable String password) throws SQLException {
    Properties properties = new Properties();
    properties.putAll(admin.jdbcProperties());
    properties.setProperty("user", user);
    if (password != null) properties.setProperty("password", password);
    properties.putIfAbsent("connectTimeout", "10");
    properties.putIfAbsent("ApplicationName", "heroku-testing");
    return DriverManager.getConnection(jdbcUrl(database), properties);
  }

  /** {@code jdbc:postgresql://HOST:PORT/DATABASE}, without credentials or options. */
  public String jdbcUrl(String database) {
    String host = admin.host().indexOf(':') >= 0 ? "[" + admin.host() + "]" : admin.host();
    return "jdbc:postgresql://" + host + ":" + admin.port() + "/" + UrlText.encode(database);
  }

  /** Creates a fresh database (and, when embedded, its owner role with a new password). */
  public Database create() throws SQLException {
    long started = System.nanoTime();
    String name = RandomNames.postgresDatabase();
    Database database;
    // CREATE DATABASE ... TEMPLATE fails if anyone else is connected to the template; copies
    // from this JVM are serialised.
    synchronized (lock) {
      try (Connection connection = connect(admin.database());
          Statement statement = connection.createStatement()) {
        if (createRoles) {
          String user = RandomNames.postgresUser();
          String password = RandomNames.password();
          statement.execute(
              "CREATE ROLE "
                  + quote(user)
                  + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
          // The password is hashed (SCRAM) on this side: the server never sees or logs it.
          connection.unwrap(PGConnection.class).alterUserPassword(user, password.toCharArray(), null);
          statement.execute(
              "CREATE DATABASE "
                  + quote(name)
                  + " OWNER "
                  + quote(user)
                  + (template == null ? "" : " TEMPLATE " + quote(template)));
          statement.execute("REVOKE ALL ON DATABASE " + quote(name) + " FROM PUBLIC");
          statement.execute(
              "GRANT CONNECT, TEMPORARY ON DATABASE " + quote(name) + " TO " + quote(user));
          database = new Database(name, user, password);
        } else {
          statement.execute(
              "CREATE DATABASE "
                  + quote(name)
                  + (template == null ? "" : " TEMPLATE " + quote(template)));
          database = new Database(name, admin.user(), admin.password());
        }
      } catch (SQLException e) {
        throw new SQLException(
            "could not create a fresh database on "
                + admin.host()
                + ":"
                + admin.port()
                + " as "
                + admin.user()
                + (createRoles ? "" : " (the user needs the CREATEDB privilege)")
                + ": "
                + e.getMessage(),
            e.getSQLState(),
            e);
      }
    }
    log.debug(
        "Created database {} in {} ms",
        name,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return database;
  }

  /** Gives the database's role a new random password and returns it. Embedded servers only. */
  public String rotatePassword(Database database) throws SQLException {
    if (!createRoles) {
      throw new UnsupportedOperationException(
          "rotating the password needs a role of its own per database: embedded server only");
    }
    String password = RandomNames.password();
    try (Connection connection = connect(admin.database())) {
      connection
          .unwrap(PGConnection.class)
          .alterUserPassword(database.user(), password.toCharArray(), null);
    }
    return password;
  }

  /** Drops the database, closing its connections first, and its role if it has one. */
  public void drop(Database database) throws SQLException {
    try (Connection connection = connect(admin.database());
        Statement statement = connection.createStatement()) {
      try {
        statement.execute("DROP DATABASE IF EXISTS " + quote(database.name()) + " WITH (FORCE)");
      } catch (SQLException e) {
        // before PostgreSQL 13 there is no WITH (FORCE)
        statement.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + database.name()
                + "'");
        statement.execute("DROP DATABASE IF EXISTS " + quote(database.name()));
      }
      if (createRoles) {
        statement.execute("DROP ROLE IF EXISTS " + quote(database.user()));
      }
    }
    log.debug("Dropped database {}", database.name());
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
