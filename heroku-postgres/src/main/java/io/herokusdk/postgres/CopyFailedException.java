package io.herokusdk.postgres;

import java.sql.SQLException;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A COPY import or export was rejected by PostgreSQL: bad CSV, a value that does not fit its
 * column, a missing table or column, a failing query. The message names the table or query and,
 * for bad CSV, the line; the cause is the driver's error. Nothing was imported: COPY is one
 * statement, all rows or none. Never contains the database password.
 */
public final class CopyFailedException extends SQLException {
  private static final long serialVersionUID = 1L;

  /** The table or query, as {@link #target()} returns it. */
  private final String target;
  /** The rejected CSV line counting from 1, or 0 when unknown. */
  private final long line;
  /** The column PostgreSQL named for the rejected line, or null. */
  private final @Nullable String column;

  /**
   * Creates the exception; {@code line} is 0 when unknown, {@code column} null when unknown.
   *
   * @param message what failed, with the table or query, the line and PostgreSQL's reason
   * @param target the table or query, like {@code table sales.orders}; not null
   * @param line the rejected CSV line counting from 1, or 0 when unknown
   * @param column the column PostgreSQL named for the rejected line, or null when unknown
   * @param sqlState PostgreSQL's SQLState, like {@code 22P02}
   * @param cause the driver's error
   */
  public CopyFailedException(String message, String target, long line, @Nullable String column,
      String sqlState, Throwable cause) {
    super(message, sqlState, cause);
    this.target = Objects.requireNonNull(target, "target == null");
    this.line = line;
    this.column = column;
  }

  /**
   * The table imported into or exported, or the (shortened) query exported.
   *
   * @return {@code "table "} and the {@link CopyTable}, like {@code table sales.orders}, or
   *     {@code "query "} and the query on one line, cut to 120 characters
   */
  public String target() {
    return target;
  }

  /**
   * The line of the CSV PostgreSQL rejected, counting from 1 with the header line and the line
   * breaks inside quoted fields, as an editor shows it. Empty when the error is not about a line.
   *
   * @return the line, at least 1, or empty
   */
  public OptionalLong line() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }

  /**
   * The column PostgreSQL named for the rejected line, or null.
   *
   * @return the column name as PostgreSQL wrote it, or null if it named none or the error is not
   *     about a line
   */
  public @Nullable String column() {
    return column;
  }
}
