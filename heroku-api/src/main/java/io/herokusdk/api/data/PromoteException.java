package io.herokusdk.api.data;

/**
 * A promotion could not be done as asked: the database is already {@code DATABASE}, is not
 * attached to the app, or its release failed. Says what to do; changes nothing it did not name.
 */
public final class PromoteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String app;
  private final String database;

  /** For {@code database} on {@code app}, with what went wrong and what to do. */
  public PromoteException(String app, String database, String message) {
    super("cannot promote " + database + " on " + app + ": " + message);
    this.app = app;
    this.database = database;
  }

  /** The app. */
  public String app() {
    return app;
  }

  /** The database asked to be promoted. */
  public String database() {
    return database;
  }
}
