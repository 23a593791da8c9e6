package io.herokusdk.api;

import java.util.Objects;

/**
 * A {@code Range} header value for list links, e.g. {@code id ..; max=1000}.
 *
 * <p>Heroku pages lists by a sortable field ({@code id} works everywhere; a few links also allow
 * {@code name}, {@code updated_at}, ...); the server answers {@code 206 Partial Content} with an
 * opaque {@code Next-Range} for the following page.
 */
public final class Range {
  /** The largest page Heroku serves. */
  public static final int MAX_PAGE_SIZE = 1000;

  /** {@code id ..; max=1000}: the default for every list call. */
  public static final Range DEFAULT = by("id");

  private final String value;

  private Range(String value) {
    this.value = value;
  }

  /**
   * All items ordered by {@code field}, {@value #MAX_PAGE_SIZE} per page.
   *
   * @param field the sort field, like {@code id} or {@code name}; no spaces or semicolons
   * @return the range {@code <field> ..; max=1000}
   * @throws IllegalArgumentException if {@code field} is blank or has a space or semicolon
   */
  public static Range by(String field) {
    return by(field, MAX_PAGE_SIZE, false);
  }

  /**
   * All items ordered by {@code field}, {@code max} per page, optionally descending.
   *
   * @param field the sort field, like {@code id} or {@code name}; no spaces or semicolons
   * @param max the page size, 1 to {@value #MAX_PAGE_SIZE}
   * @param descending true for {@code order=desc}, false for Heroku's default ascending order
   * @return the range {@code <field> ..; max=<max>}, or {@code <field> ..; order=desc,
   *     max=<max>} if descending
   * @throws IllegalArgumentException if {@code max} is not 1 to {@value #MAX_PAGE_SIZE}
   */
  public static Range by(String field, int max, boolean descending) {
    Objects.requireNonNull(field, "field");
    if (field.isBlank() || field.contains(";") || field.contains(" ")) {
      throw new IllegalArgumentException("not a range field: " + field);
    }
    if (max < 1 || max > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("max must be 1.." + MAX_PAGE_SIZE + ": " + max);
    }
    return new Range(field + " ..; " + (descending ? "order=desc, " : "") + "max=" + max);
  }

  /**
   * A header value taken as is, e.g. a {@code Next-Range} the server sent.
   *
   * @param headerValue the {@code Range} header value, not blank, without line breaks
   * @return a range that sends exactly {@code headerValue}
   * @throws IllegalArgumentException if {@code headerValue} is blank or has a CR or LF
   */
  public static Range of(String headerValue) {
    Objects.requireNonNull(headerValue, "headerValue");
    if (headerValue.isBlank() || headerValue.indexOf('\n') >= 0 || headerValue.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("not a Range header value");
    }
    return new Range(headerValue);
  }

  /**
   * The header value.
   *
   * @return the value sent as the {@code Range} header, like {@code id ..; max=1000}
   */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Range r && r.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** The header value. */
  @Override
  public String toString() {
    return value;
  }
}
