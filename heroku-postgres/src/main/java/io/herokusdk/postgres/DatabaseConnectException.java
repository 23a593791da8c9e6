package io.herokusdk.postgres;

import java.sql.SQLException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The pool could not open a connection to the database. {@link #reason()} says why, the message
 * says it in words with the config var and what to do, and the cause is the driver's error.
 *
 * <p>A {@link Reason#isTransient() permanent} reason (password rejected, database missing,
 * certificate not trusted, ...) is thrown by {@code getConnection()} at once, without waiting for
 * the connection timeout; a transient one (refused while the server restarts, starting up, too
 * many connections) only after the pool tried for the whole timeout. Either way the pool keeps
 * trying in the background and recovers when the database is reachable again.
 *
 * <p>The SQLState is the server's when it sent one (e.g. {@code 28P01}), else {@code 08001}.
 * The message never contains the password.
 */
public final class DatabaseConnectException extends SQLException {
  private static final long serialVersionUID = 1L;

  /** Why a connection could not be opened. */
  public enum Reason {
    /** SQLState 28P01: the password (or user) was rejected, e.g. after a credential rotation. */
    PASSWORD_REJECTED(false),
    /** SQLState 28000: no pg_hba.conf entry lets this user reach this database from here. */
    ACCESS_DENIED(false),
    /** SQLState 28000 on an unencrypted connection: the server accepts only TLS. */
    TLS_REQUIRED(false),
    /** The URL asks for TLS ({@code sslmode=require} or stricter) but the server has none. */
    TLS_NOT_SUPPORTED(false),
    /** {@code sslmode=verify-ca/verify-full} and the server's certificate is not trusted. */
    CERTIFICATE_NOT_TRUSTED(false),
    /** SQLState 3D000: the database named in the URL does not exist. */
    DATABASE_DOES_NOT_EXIST(false),
    /** The host name in the URL does not resolve. */
    UNKNOWN_HOST(false),
    /** Nothing listens on the host and port: restarting, failing over, or a wrong port. */
    REFUSED(true),
    /** The host did not answer in time. */
    TIMED_OUT(true),
    /** SQLState 57P03: the server is starting up, shutting down or in recovery. */
    STARTING_UP(true),
    /** SQLState 53300: the server's (the plan's) connection limit is reached. */
    TOO_MANY_CONNECTIONS(true),
    /** Anything else: the driver's message is quoted. */
    OTHER(true);

    private final boolean isTransient;

    Reason(boolean isTransient) {
      this.isTransient = isTransient;
    }

    /**
     * True if the failure may go away by itself (so {@code getConnection()} waits up to the
     * connection timeout); false if it needs someone to act, so it is reported at once.
     *
     * @return true for {@link #REFUSED}, {@link #TIMED_OUT}, {@link #STARTING_UP},
     *     {@link #TOO_MANY_CONNECTIONS} and {@link #OTHER}
     */
    public boolean isTransient() {
      return isTransient;
    }
  }

  /** Why the connection could not be opened. */
  private final Reason reason;
  /** The config var the database URL came from. */
  private final String configVar;

  /**
   * Creates the exception; {@code cause} is the driver's error.
   *
   * @param message why, with the config var and what to do; must not contain the password
   * @param reason why the connection could not be opened; not null
   * @param configVar the config var the database URL came from, like {@code DATABASE_URL}; not
   *     null
   * @param sqlState the server's SQLState when it sent one (like {@code 28P01}), else
   *     {@code 08001}; null if unknown
   * @param cause the driver's error
   */
  public DatabaseConnectException(String message, Reason reason, String configVar,
      @Nullable String sqlState, Throwable cause) {
    super(message, sqlState, cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
    this.configVar = Objects.requireNonNull(configVar, "configVar == null");
  }

  /**
   * Why the connection could not be opened.
   *
   * @return the reason; {@link Reason#isTransient()} says whether it may pass by itself
   */
  public Reason reason() {
    return reason;
  }

  /**
   * The config var the database URL came from, like {@code DATABASE_URL}.
   *
   * @return the config var's name, never null
   */
  public String configVar() {
    return configVar;
  }

  /**
   * Shorthand for {@code reason().isTransient()}.
   *
   * @return true if the failure may go away by itself
   */
  public boolean isTransient() {
    return reason.isTransient();
  }
}
