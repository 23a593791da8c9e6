package io.herokusdk.postgres.internal;

import io.herokusdk.postgres.DatabaseConnectException;
import io.herokusdk.postgres.DatabaseConnectException.Reason;
import io.herokusdk.postgres.JdbcSettings;
import io.herokusdk.postgres.PoolSizing;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Classifies pgjdbc's connect errors into {@link Reason}s (by SQLState and exception type) and
 * words them: what went wrong, for which config var, and what to do. Never shows the password.
 */
public final class ConnectFailures {
  private static final Set<Reason> SERVER_REASONS = Set.of(Reason.PASSWORD_REJECTED,
      Reason.ACCESS_DENIED, Reason.TLS_REQUIRED, Reason.DATABASE_DOES_NOT_EXIST,
      Reason.STARTING_UP, Reason.TOO_MANY_CONNECTIONS);

  /** One failed attempt to open a connection: why, and the driver's error. */
  public record Failure(Reason reason, SQLException error) {}

  private final JdbcSettings settings;
  private final PoolSizing sizing;

  /** Words failures for the database in {@code settings}, pooled as {@code sizing} says. */
  public ConnectFailures(JdbcSettings settings, PoolSizing sizing) {
    this.settings = settings;
    this.sizing = sizing;
  }

  /** Why {@code error}, thrown by pgjdbc while connecting with {@code settings}, happened. */
  public static Failure classify(SQLException error, JdbcSettings settings) {
    return new Failure(reason(error, sslmode(settings)), error);
  }

  private static Reason reason(SQLException error, String sslmode) {
    String sqlState = sqlState(error);
    if (sqlState != null) {
      switch (sqlState) {
        case "28P01":
          return Reason.PASSWORD_REJECTED;
        case "28000":
          // The code does not tell the "no encryption" variant apart; the server's text and the
          // sslmode do.
          return sslmode.equals("disable") || serverMessage(error).contains("no encryption")
              ? Reason.TLS_REQUIRED : Reason.ACCESS_DENIED;
        case "3D000":
          return Reason.DATABASE_DOES_NOT_EXIST;
        case "57P03":
          return Reason.STARTING_UP;
        case "53300":
          return Reason.TOO_MANY_CONNECTIONS;
        default:
          break;
      }
    }
    if (hasCause(error, UnknownHostException.class)) return Reason.UNKNOWN_HOST;
    if (hasCause(error, ConnectException.class)) return Reason.REFUSED;
    if (hasCause(error, SocketTimeoutException.class)) return Reason.TIMED_OUT;
    if (sslmode.startsWith("verify-") && (hasCause(error, SSLException.class)
        || hasCause(error, GeneralSecurityException.class)
        || driverMessage(error).contains("certificate")
        || driverMessage(error).contains("could not be verified"))) {
      return Reason.CERTIFICATE_NOT_TRUSTED;
    }
    // pgjdbc: "The server does not support SSL." with SQLState 08004 (connection rejected)
    if ("08004".equals(sqlState) && !sslmode.equals("disable")
        && driverMessage(error).contains("SSL")) {
      return Reason.TLS_NOT_SUPPORTED;
    }
    return Reason.OTHER;
  }

  /**
   * The exception {@code getConnection()} throws for {@code failure}; {@code waitedMillis} is how
   * long it waited, or negative if it failed at once.
   */
  public DatabaseConnectException exception(Failure failure, long waitedMillis) {
    Reason reason = failure.reason();
    String var = settings.configVar();
    String user = settings.user().map(u -> "\"" + u + "\"").orElse("(none)");
    String sslmode = sslmode(settings);
    String what;
    String advice;
    switch (reason) {
      case PASSWORD_REJECTED:
        what = "the password in " + var + " was rejected for user " + user;
        advice = "Credentials may have been rotated: Heroku then puts the new ones in " + var
            + " and restarts the dynos, so read " + var + " (`heroku config:get " + var
            + "`) instead of keeping a copy, and check that the credential still exists "
            + "(`heroku pg:credentials`).";
        break;
      case ACCESS_DENIED:
        what = "the server does not let user " + user + " connect to database \""
            + database() + "\" from this host (no pg_hba.conf entry allows it)";
        advice = "Check that " + var + " is current (`heroku config:get " + var + "`) and names "
            + "the right user and database, and that this credential may connect from here.";
        break;
      case TLS_REQUIRED:
        what = "the server accepts only encrypted connections and this one was not encrypted"
            + " (sslmode=" + sslmode + ")";
        advice = "Set sslmode=require in " + var + " (or remove sslmode=disable); Heroku "
            + "Postgres always needs TLS.";
        break;
      case TLS_NOT_SUPPORTED:
        what = var + " asks for TLS (sslmode=" + sslmode + ") but the server does not support it";
        advice = "Heroku Postgres always supports TLS, so check the host and port in " + var
            + "; for a local server without TLS use sslmode=disable.";
        break;
      case CERTIFICATE_NOT_TRUSTED:
        what = var + " asks for sslmode=" + sslmode + " and the server's certificate could not "
            + "be verified";
        advice = "Heroku Postgres certificates are not signed by a public CA: use "
            + "sslmode=require (encrypted, not verified), or keep sslmode=" + sslmode
            + " and give pgjdbc the server's CA certificate with sslrootcert.";
        break;
      case DATABASE_DOES_NOT_EXIST:
        what = "database \"" + database() + "\" does not exist on " + hostAndPort();
        advice = "Check the database name (the path) in " + var + "; if the database was "
            + "replaced or removed, read the current " + var + " (`heroku config:get " + var
            + "`).";
        break;
      case UNKNOWN_HOST:
        what = "the host \"" + host() + "\" in " + var + " is unknown (DNS does not resolve it)";
        advice = "Check the host in " + var + " (read the current one with `heroku config:get "
            + var + "`; Heroku changes it on maintenance and plan changes) and this machine's "
            + "DNS.";
        break;
      case REFUSED:
        what = hostAndPort() + " refused the connection";
        advice = "The database may be restarting or failing over (Heroku maintenance); the "
            + "pool keeps retrying. If it lasts, check the host and port in " + var + " and that "
            + "the database is up (`heroku pg:info`).";
        break;
      case TIMED_OUT:
        what = hostAndPort() + " did not answer in time";
        advice = "The pool keeps retrying. If it lasts, check the host and port in " + var
            + ", that the database is up (`heroku pg:info`) and the network in between.";
        break;
      case STARTING_UP:
        what = "the database server is starting up, shutting down or recovering";
        advice = "This usually passes within seconds (restart, maintenance, failover); the "
            + "pool keeps retrying.";
        break;
      case TOO_MANY_CONNECTIONS:
        what = "the server has no connection slots left";
        advice = "Everything connected to the database together uses the plan's connection "
            + "limit; this pool assumes " + sizing.connectionLimit() + " (DB_CONNECTION_LIMIT). "
            + "Set DB_CONNECTION_LIMIT to your plan's limit (e.g. 120 for standard-0) and lower "
            + "DB_POOL_SIZE or the processes sharing the database, or use Heroku's connection "
            + "pooler (DB_USE_CONNECTION_POOL=true); `heroku pg:info` shows the connections in "
            + "use.";
        break;
      default:
        what = "the driver reported: " + redact(driverMessage(failure.error()));
        advice = "Check that " + var + " is current (`heroku config:get " + var + "`) and that "
            + "the database is up (`heroku pg:info`).";
        break;
    }
    StringBuilder message = new StringBuilder()
        .append("Could not connect to the database in ").append(var).append(" (")
        .append(hostAndPort()).append('/').append(database()).append("): ").append(what);
    String server = serverMessage(failure.error());
    if (!server.isEmpty() && reason != Reason.OTHER) {
      message.append(" (server: ").append(redact(server)).append(')');
    }
    message.append(". ").append(advice);
    if (waitedMillis < 0) {
      message.append(" Reported at once: waiting would not help.");
    } else {
      message.append(" Tried for ").append(waitedMillis).append(" ms.");
    }
    String sqlState = SERVER_REASONS.contains(reason) && sqlState(failure.error()) != null
        ? sqlState(failure.error()) : "08001";
    return new DatabaseConnectException(message.toString(), reason, var, sqlState,
        failure.error());
  }

  private String redact(String text) {
    String redacted = text;
    if (settings.password().isPresent()) {
      String password = settings.password().get().reveal();
      if (!password.isEmpty()) redacted = redacted.replace(password, "****");
    }
    return redacted;
  }

  private String authority() {
    String url = settings.jdbcUrl();
    int start = url.indexOf("//") + 2;
    int query = url.indexOf('?', start);
    return url.substring(start, query < 0 ? url.length() : query);
  }

  private String hostAndPort() {
    String authority = authority();
    int slash = authority.indexOf('/');
    return slash < 0 ? authority : authority.substring(0, slash);
  }

  private String host() {
    String hostAndPort = hostAndPort();
    int colon = hostAndPort.lastIndexOf(':');
    return colon < 0 || hostAndPort.endsWith("]") ? hostAndPort : hostAndPort.substring(0, colon);
  }

  private String database() {
    String authority = authority();
    int slash = authority.indexOf('/');
    return slash < 0 ? "" : authority.substring(slash + 1);
  }

  private static String sslmode(JdbcSettings settings) {
    return settings.parameter("sslmode").orElse("prefer").toLowerCase(Locale.ROOT);
  }

  private static @Nullable String sqlState(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException && ((SQLException) t).getSQLState() != null) {
        return ((SQLException) t).getSQLState();
      }
    }
    return null;
  }

  private static String serverMessage(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof PSQLException) {
        ServerErrorMessage server = ((PSQLException) t).getServerErrorMessage();
        if (server != null && server.getMessage() != null) return server.getMessage();
      }
    }
    return "";
  }

  private static String driverMessage(Throwable error) {
    return error.getMessage() == null ? error.getClass().getName() : error.getMessage();
  }

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) return true;
    }
    return false;
  }
}
