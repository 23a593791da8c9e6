package io.herokusdk.postgres.internal;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.InvalidConfigVarException;
import io.herokusdk.core.MissingConfigVarException;
import io.herokusdk.core.Secret;
import io.herokusdk.core.ServiceUrl;
import io.herokusdk.postgres.DatabaseAttachment;
import io.herokusdk.postgres.DatabaseAttachment.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Finds database URLs in config vars. */
public final class DatabaseLocator {
  /** The default attachment. */
  public static final String DATABASE_URL = "DATABASE_URL";

  private static final String COLOR_PREFIX = "HEROKU_POSTGRESQL_";
  private static final String POOL_SUFFIX = "_CONNECTION_POOL_URL";

  private DatabaseLocator() {}

  /** A URL found for a config var, plus credentials given beside it (JDBC_DATABASE_*). */
  public record Located(ServiceUrl url, @Nullable String extraUser,
      @Nullable Secret extraPassword) {}

  /**
   * Turns an attachment name ({@code ANALYTICS}, {@code HEROKU_POSTGRESQL_RED}) or a config var
   * name ({@code ANALYTICS_URL}) into the config var name.
   */
  public static String configVarFor(String attachmentOrVar) {
    String name = attachmentOrVar.strip().toUpperCase(Locale.ROOT);
    if (name.isEmpty()) throw new IllegalArgumentException("the attachment name is empty");
    return name.endsWith("_URL") ? name : name + "_URL";
  }

  /** Returns the pooler var for a database var: DATABASE_URL → DATABASE_CONNECTION_POOL_URL. */
  public static String poolerVarFor(String configVar) {
    if (isPoolerVar(configVar)) return configVar;
    return configVar.substring(0, configVar.length() - "_URL".length()) + POOL_SUFFIX;
  }

  /** Returns the direct var for a pooler var: DATABASE_CONNECTION_POOL_URL → DATABASE_URL. */
  public static String directVarFor(String configVar) {
    if (!isPoolerVar(configVar)) return configVar;
    return configVar.substring(0, configVar.length() - POOL_SUFFIX.length()) + "_URL";
  }

  /** Returns true for Heroku's server-side pooler attachments. */
  public static boolean isPoolerVar(String configVar) {
    return configVar.endsWith(POOL_SUFFIX);
  }

  /**
   * Reads {@code configVar}, falling back to the buildpack's JDBC vars ({@code JDBC_DATABASE_URL}
   * and {@code _USERNAME}/{@code _PASSWORD} for DATABASE_URL; {@code X_JDBC_URL} for X_URL).
   *
   * @throws MissingConfigVarException naming the var and the *_URL vars set
   * @throws InvalidConfigVarException if the URL is malformed or not PostgreSQL
   */
  public static Located locate(ConfigVars vars, String configVar, String hint) {
    Optional<ServiceUrl> url = vars.url(configVar);
    if (url.isPresent()) {
      JdbcUrls.checkScheme(configVar, url.get().scheme());
      return new Located(url.get(), null, null);
    }
    String prefix = jdbcPrefix(configVar);
    String jdbcVar = prefix + "_URL";
    Optional<String> jdbcUrl = vars.get(jdbcVar);
    if (jdbcUrl.isPresent()) {
      String value = jdbcUrl.get().strip();
      if (!value.regionMatches(true, 0, "jdbc:", 0, 5)) {
        throw new InvalidConfigVarException(jdbcVar, jdbcVar + " does not start with "
            + "jdbc:postgresql://; set it to a JDBC URL or set " + configVar + " instead.");
      }
      ServiceUrl parsed = ServiceUrl.parse(jdbcVar, value.substring(5));
      JdbcUrls.checkScheme(jdbcVar, parsed.scheme());
      return new Located(parsed, vars.get(prefix + "_USERNAME").orElse(null),
          vars.secret(prefix + "_PASSWORD").orElse(null));
    }
    List<String> urlVars = new ArrayList<>(vars.namesMatching(name -> name.endsWith("_URL")));
    throw MissingConfigVarException.of(configVar, hint, urlVars);
  }

  private static String jdbcPrefix(String configVar) {
    String base = configVar.substring(0, configVar.length() - "_URL".length());
    return base.equals("DATABASE") ? "JDBC_DATABASE" : base + "_JDBC";
  }

  /**
   * Lists {@code DATABASE_URL}, every {@code HEROKU_POSTGRESQL_<COLOR>_URL} and every
   * {@code *_CONNECTION_POOL_URL} that is set, with its role.
   */
  public static List<DatabaseAttachment> attachments(ConfigVars vars) {
    Optional<String> primary = vars.get(DATABASE_URL);
    List<DatabaseAttachment> result = new ArrayList<>();
    primary.ifPresent(value -> result.add(new DatabaseAttachment(DATABASE_URL, Role.PRIMARY)));
    for (String name : vars.namesMatching(
        n -> (n.startsWith(COLOR_PREFIX) && n.endsWith("_URL") && !n.endsWith("_JDBC_URL"))
            || (isPoolerVar(n) && !n.equals(DATABASE_URL)))) {
      Role role;
      if (isPoolerVar(name)) {
        role = Role.CONNECTION_POOL;
      } else if (primary.isPresent() && sameUrl(primary.get(), vars.get(name).orElse(""))) {
        role = Role.PRIMARY;
      } else {
        role = Role.OTHER;
      }
      result.add(new DatabaseAttachment(name, role));
    }
    return List.copyOf(result);
  }

  private static boolean sameUrl(String a, String b) {
    return a.strip().equals(b.strip());
  }
}
