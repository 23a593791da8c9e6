package io.herokusdk.postgres.internal;

import io.herokusdk.core.InvalidConfigVarException;
import io.herokusdk.core.QueryParameters;
import io.herokusdk.core.Secret;
import io.herokusdk.core.ServiceUrl;
import io.herokusdk.postgres.JdbcSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a Heroku {@code postgres://} URL into {@link JdbcSettings}. */
public final class JdbcUrls {
  private static final Logger log = LoggerFactory.getLogger(JdbcUrls.class);

  /** Parameters whose names look sensitive but hold file names, not secrets. */
  private static final Set<String> NOT_SECRET = Set.of("sslkey", "sslcert", "sslrootcert");

  private JdbcUrls() {}

  /**
   * Converts {@code url}.
   *
   * @param extraUser a user given beside the URL (JDBC_DATABASE_USERNAME), or null
   * @param extraPassword a password given beside the URL (JDBC_DATABASE_PASSWORD), or null
   * @param dyno the value of {@code $DYNO}, or null
   * @param connectionPooler true to add the parameters PgBouncer's transaction mode needs
   * @param overrides driver parameters set through the builder; they win over the URL's
   */
  public static JdbcSettings toJdbc(ServiceUrl url, @Nullable String extraUser,
      @Nullable Secret extraPassword,
      @Nullable String dyno, boolean connectionPooler, Map<String, String> overrides) {
    String configVar =
        Objects.requireNonNull(url.configVar(), "a database URL comes from a config var");
    checkScheme(configVar, url.scheme());
    QueryParameters query = url.query();

    String user = url.user().orElse(null);
    Secret password = url.password().orElse(null);
    // pgjdbc-style credentials in the query (as in the buildpack's JDBC_DATABASE_URL) move out.
    if (user == null) user = query.first("user").filter(v -> !v.isEmpty()).orElse(null);
    if (password == null) {
      password = query.first("password").filter(v -> !v.isEmpty()).map(Secret::of).orElse(null);
    }
    if (user == null) user = extraUser;
    if (password == null) password = extraPassword;

    Map<String, String> parameters = new LinkedHashMap<>();
    Map<String, Secret> secretParameters = new LinkedHashMap<>();
    for (QueryParameters.Parameter parameter : query.all()) {
      String name = translateLibpqName(parameter.name());
      if (name.equals("user") || name.equals("password")) continue;
      if (QueryParameters.isSensitive(name) && !NOT_SECRET.contains(name)) {
        secretParameters.putIfAbsent(name, Secret.of(parameter.value()));
      } else {
        parameters.putIfAbsent(name, parameter.value());
      }
    }
    String ssl = parameters.remove("ssl");
    if (ssl != null && !parameters.containsKey("sslmode")) {
      // pgjdbc reads a bare ssl=true as verify-full, which Heroku's certificates fail.
      boolean off = ssl.equalsIgnoreCase("false");
      parameters.put("sslmode", off ? "disable" : "require");
      log.warn("{} has ssl={}; using sslmode={} instead (pgjdbc treats ssl=true as verify-full,"
          + " which Heroku's server certificates do not pass).", configVar,
          off ? "false" : "true", off ? "disable" : "require");
    }
    if (!parameters.containsKey("sslmode") && !url.isLoopback()) {
      parameters.put("sslmode", "require");
    }
    if (dyno != null && !dyno.isBlank() && !parameters.containsKey("ApplicationName")) {
      parameters.put("ApplicationName", dyno);
    }
    if (connectionPooler) {
      // Transaction mode hands each transaction to any server connection, so no named
      // statements. pgjdbc 42.7 then also uses unnamed statements for batches and for fetchSize
      // with autocommit off (pgjdbc#869); PgBouncerTransactionModeTest proves all three.
      parameters.putIfAbsent("prepareThreshold", "0");
    }
    for (Map.Entry<String, String> override : overrides.entrySet()) {
      String name = override.getKey();
      if (QueryParameters.isSensitive(name) && !NOT_SECRET.contains(name)) {
        secretParameters.put(override.getKey(), Secret.of(override.getValue()));
      } else {
        parameters.put(override.getKey(), override.getValue());
      }
    }
    StringBuilder jdbcUrl = new StringBuilder("jdbc:postgresql://")
        .append(url.hostForUrl()).append(':').append(url.port())
        .append('/').append(url.encodedPath());
    char separator = '?';
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      jdbcUrl.append(separator).append(encode(parameter.getKey()));
      jdbcUrl.append('=').append(encode(parameter.getValue()));
      separator = '&';
    }
    return new JdbcSettings(configVar, jdbcUrl.toString(), Optional.ofNullable(user),
        Optional.ofNullable(password), parameters, secretParameters, connectionPooler);
  }

  /** Rejects anything but postgres:// and postgresql://, saying what to use instead. */
  static void checkScheme(@Nullable String configVar, String scheme) {
    switch (scheme.toLowerCase(Locale.ROOT)) {
      case "postgres":
      case "postgresql":
        return;
      case "mysql":
      case "mariadb":
        throw new InvalidConfigVarException(configVar, configVar + " is a " + scheme
            + ":// URL (JawsDB or ClearDB); heroku-postgres supports only postgres:// and "
            + "postgresql:// URLs. Use the MySQL or MariaDB JDBC driver with your own pool for "
            + "this database, or point heroku-postgres at a Heroku Postgres config var.");
      default:
        throw new InvalidConfigVarException(configVar, configVar + " has the scheme " + scheme
            + "://, which is not a PostgreSQL URL; heroku-postgres expects "
            + "postgres://user:password@host:5432/dbname.");
    }
  }

  /** libpq spellings that appear in DATABASE_URLs, mapped to pgjdbc's property names. */
  private static String translateLibpqName(String name) {
    switch (name) {
      case "application_name":
        return "ApplicationName";
      case "connect_timeout":
        return "connectTimeout";
      default:
        return name;
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
