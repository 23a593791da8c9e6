package io.herokusdk.postgres.internal;

import io.herokusdk.postgres.JdbcSettings;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;

/**
 * Opens unpooled pgjdbc connections from {@link JdbcSettings}. HikariCP gets this instead of a
 * JDBC URL plus credentials, so the password never sits in HikariCP's configuration, which it
 * logs at debug level with only a property literally named "password" masked.
 */
public final class PgDriverDataSource implements DataSource {
  private final Driver driver = new Driver();
  private final JdbcSettings settings;
  private final ConnectOutcomes outcomes;
  private volatile int loginTimeoutSeconds;

  /** Connects with these settings and records each attempt's outcome in {@code outcomes}. */
  public PgDriverDataSource(JdbcSettings settings, ConnectOutcomes outcomes) {
    this.settings = settings;
    this.outcomes = outcomes;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Properties properties = settings.toProperties();
    if (loginTimeoutSeconds > 0) {
      properties.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds));
    }
    Connection connection;
    try {
      connection = driver.connect(settings.jdbcUrl(), properties);
    } catch (SQLException e) {
      outcomes.failed(e);
      throw e;
    }
    if (connection == null) {
      SQLException e = new SQLException("pgjdbc does not accept the JDBC URL made from "
          + settings.configVar());
      outcomes.failed(e);
      throw e;
    }
    outcomes.succeeded();
    return connection;
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("credentials come from " + settings.configVar());
  }

  @Override
  public @Nullable PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // pgjdbc logs through java.util.logging
  }

  @Override
  public void setLoginTimeout(int seconds) {
    loginTimeoutSeconds = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("org.postgresql");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) return type.cast(this);
    throw new SQLException("not a wrapper for " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  /** Names the config var and the JDBC URL, which holds no credentials. */
  @Override
  public String toString() {
    return "PgDriverDataSource[" + settings.configVar() + ", " + settings.jdbcUrl() + "]";
  }
}
