package io.herokusdk.api.data;

/**
 * A database's preparation failed: its {@code wait_status} reported an error, or it was not
 * found for longer than provisioning takes.
 */
public final class DatabaseUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String database;

  /** For {@code database} with what the Data API said. */
  public DatabaseUnavailableException(String database, String message) {
    super(database + ": " + message);
    this.database = database;
  }

  /** The database (add-on name or id) waited for. */
  public String database() {
    return database;
  }
}
