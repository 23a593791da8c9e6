package io.herokusdk.postgres;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A table (optionally in a schema) and optionally some of its columns, for {@link PostgresCopy}.
 * Names are used exactly as given, quoted as identifiers: {@code "Orders"} is not {@code
 * "orders"}, and no name can inject SQL.
 *
 * <pre>{@code
 * CopyTable.of("items")                              // "items", every column
 * CopyTable.of("sales", "orders").columns("id", "total")  // "sales"."orders" ("id", "total")
 * }</pre>
 *
 * @param schema the schema, or null for the search path's
 * @param name the table name
 * @param columns the columns in CSV order; empty for all of them in table order
 */
public record CopyTable(@Nullable String schema, String name, List<String> columns) {
  /**
   * Checks the names.
   *
   * @param schema the schema, or null for the search path's
   * @param name the table name, not null
   * @param columns the columns in CSV order, copied; empty for all of them in table order
   * @throws IllegalArgumentException if a name is empty or contains a NUL character
   */
  public CopyTable {
    if (schema != null) checkName("schema", schema);
    checkName("table", Objects.requireNonNull(name, "name == null"));
    columns = List.copyOf(columns);
    for (String column : columns) checkName("column", column);
  }

  private static void checkName(String what, String name) {
    if (name.isEmpty() || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("Invalid " + what + " name \""
          + name.replace("\0", "\\0") + "\": it must be non-empty and have no NUL character");
    }
  }

  /**
   * The table {@code name} on the search path, all columns.
   *
   * @param name the table name, exactly as created (quoted, so case matters), like {@code items}
   * @return a table without schema or column list
   * @throws IllegalArgumentException if {@code name} is empty or contains a NUL character
   */
  public static CopyTable of(String name) {
    return new CopyTable(null, name, List.of());
  }

  /**
   * The table {@code name} in {@code schema}, all columns.
   *
   * @param schema the schema name, exactly as created, like {@code sales}
   * @param name the table name, exactly as created, like {@code orders}
   * @return a table with its schema and without a column list
   * @throws IllegalArgumentException if a name is empty or contains a NUL character
   */
  public static CopyTable of(String schema, String name) {
    return new CopyTable(Objects.requireNonNull(schema, "schema == null"), name, List.of());
  }

  /**
   * This table with only {@code columns}, in this order.
   *
   * @param columns the column names in CSV order, exactly as created; none for all columns
   * @return a new table with the same schema and name; this one is unchanged
   * @throws IllegalArgumentException if a name is empty or contains a NUL character
   */
  public CopyTable columns(String... columns) {
    return new CopyTable(schema, name, List.of(columns));
  }

  /**
   * The schema, if one was given.
   *
   * @return {@link #schema()}, or empty for the search path's
   */
  public Optional<String> schemaName() {
    return Optional.ofNullable(schema);
  }

  /**
   * The quoted, qualified name as SQL, like {@code "sales"."orders"}.
   *
   * @return the table and, if given, schema as double-quoted identifiers, quotes doubled
   *     inside; without the column list
   */
  public String sqlName() {
    return schema == null ? quote(name) : quote(schema) + "." + quote(name);
  }

  /** The quoted name and column list as used in a COPY statement. */
  String sqlTarget() {
    if (columns.isEmpty()) return sqlName();
    StringBuilder sql = new StringBuilder(sqlName()).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) sql.append(", ");
      sql.append(quote(columns.get(i)));
    }
    return sql.append(')').toString();
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** The qualified name, like {@code sales.orders}. */
  @Override
  public String toString() {
    return (schema == null ? "" : schema + ".") + name
        + (columns.isEmpty() ? "" : " " + columns);
  }
}
