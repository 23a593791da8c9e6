package io.herokusdk.api.data;

/**
 * A database's preparation failed: its {@code wait_status} reported an error, or it was not
 * found for longer than provisioning takes.
 */
public final class DatabaseUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The database (add-on name or id) waited for. */
  private final String database;

  /**
   * For {@code database} with what the Data API said.
   *
   * @param database the add-on's name or id
   * @param message what the Data API said, or why the wait gave up; {@link #getMessage()} puts
   *     the database before it
   */
  public DatabaseUnavailableException(String database, String message) {
    super(database + ": " + message);
    this.database = database;
  }

  /**
   * The database (add-on name or id) waited for.
   *
   * @return the add-on's name or id
   */
  public String database() {
    return database;
  }
}
