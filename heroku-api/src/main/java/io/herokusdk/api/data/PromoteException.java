package io.herokusdk.api.data;

/**
 * A promotion could not be done as asked: the database is already {@code DATABASE}, is not
 * attached to the app, or its release failed. Says what to do; changes nothing it did not name.
 */
public final class PromoteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The app. */
  private final String app;
  /** The database asked to be promoted. */
  private final String database;

  /**
   * For {@code database} on {@code app}, with what went wrong and what to do.
   *
   * @param app the app the promotion was asked on
   * @param database the database as {@link Postgres#promote} was given it
   * @param message what went wrong and what to do; {@link #getMessage()} puts the database and
   *     app before it
   */
  public PromoteException(String app, String database, String message) {
    super("cannot promote " + database + " on " + app + ": " + message);
    this.app = app;
    this.database = database;
  }

  /**
   * The app.
   *
   * @return the app the promotion was asked on
   */
  public String app() {
    return app;
  }

  /**
   * The database asked to be promoted.
   *
   * @return the database as {@link Postgres#promote} was given it: add-on name, id or attachment
   *     name
   */
  public String database() {
    return database;
  }
}
