package io.herokusdk.postgres;

import io.herokusdk.core.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything pgjdbc needs to connect, for users who build their own pool or call
 * {@link java.sql.DriverManager} directly: a JDBC URL <em>without</em> credentials, plus the
 * user and password to pass as driver properties.
 *
 * <pre>{@code
 * JdbcSettings jdbc = HerokuPostgres.fromEnv().jdbcSettings();
 * Connection c = DriverManager.getConnection(jdbc.jdbcUrl(), jdbc.toProperties());
 * }</pre>
 *
 * <p>{@link #toString()} shows the password as {@code ****}.
 *
 * @param configVar the config var the settings came from, e.g. {@code DATABASE_URL}
 * @param jdbcUrl {@code jdbc:postgresql://host:port/db?...} with every driver parameter
 *     (sslmode, ApplicationName, prepareThreshold, ...) but never a user or password
 * @param user the percent-decoded user name, if the URL has one
 * @param password the percent-decoded password, if the URL has one
 * @param parameters the driver parameters that are in {@link #jdbcUrl()}, in order
 * @param secretParameters driver parameters whose names look sensitive (such as
 *     {@code sslpassword}); kept out of {@link #jdbcUrl()} and added by {@link #toProperties()}
 * @param connectionPooler true if this goes through Heroku's server-side PgBouncer in
 *     transaction mode, so the parameters disable named prepared statements
 */
public record JdbcSettings(
    String configVar,
    String jdbcUrl,
    Optional<String> user,
    Optional<Secret> password,
    Map<String, String> parameters,
    Map<String, Secret> secretParameters,
    boolean connectionPooler) {

  /**
   * Checks for nulls and copies {@code parameters}, keeping their order.
   *
   * @param configVar the config var the settings came from, not null
   * @param jdbcUrl the JDBC URL without user or password, not null
   * @param user the user name, if any; not null
   * @param password the password, if any; not null
   * @param parameters the driver parameters in {@code jdbcUrl}, copied in order
   * @param secretParameters the sensitive driver parameters kept out of {@code jdbcUrl}, copied in
   *     order
   * @param connectionPooler true if this goes through Heroku's PgBouncer in transaction mode
   */
  public JdbcSettings {
    Objects.requireNonNull(configVar, "configVar == null");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(password, "password == null");
    secretParameters = Collections.unmodifiableMap(new LinkedHashMap<>(secretParameters));
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /**
   * Returns new driver properties holding {@code user}, {@code password} (when present) and the
   * {@link #secretParameters()}, to
   * pass with {@link #jdbcUrl()} to {@code DriverManager.getConnection(url, properties)}. The
   * result contains the plain password: do not log it.
   *
   * @return a new, mutable {@link Properties}; empty if there is no user, password or secret
   *     parameter
   */
  public Properties toProperties() {
    Properties properties = new Properties();
    user.ifPresent(value -> properties.setProperty("user", value));
    password.ifPresent(value -> properties.setProperty("password", value.reveal()));
    secretParameters.forEach((name, value) -> properties.setProperty(name, value.reveal()));
    return properties;
  }

  /**
   * Returns the value of driver parameter {@code name} in {@link #jdbcUrl()}, if present.
   *
   * @param name the pgjdbc parameter name, case-sensitive, like {@code sslmode}
   * @return the decoded value, or empty if the URL has no such parameter (secret parameters are
   *     never in it)
   */
  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name));
  }
}
