package io.herokusdk.core;

import io.herokusdk.core.internal.PercentCodec;
import io.herokusdk.core.internal.UrlParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The decoded query parameters of a URL, in order, with repeated names kept. Names are
 * case-sensitive. Immutable.
 *
 * <p>Values of parameters whose names look sensitive (see {@link #isSensitive(String)}) are shown
 * as {@code ****} by {@link #toString()} and {@link #toRedactedString()}.
 */
public final class QueryParameters {
  private static final QueryParameters EMPTY = new QueryParameters(List.of());
  private static final String MASK = "****";
  private static final List<String> SENSITIVE_NAME_PARTS =
      List.of("pass", "pwd", "secret", "token", "key", "auth", "credential", "signature");

  /**
   * One decoded query parameter. {@code value} is "" for a parameter written without '='. Its
   * {@link #toString()} hides the value when the name looks sensitive.
   *
   * @param name the decoded name; case-sensitive
   * @param value the decoded value; "" for a parameter written without '=' or with nothing after it
   */
  public record Parameter(String name, String value) {
    /**
     * Checks that neither part is null.
     *
     * @param name the decoded name; case-sensitive
     * @param value the decoded value; "" for a parameter without a value
     * @throws NullPointerException if either is null
     */
    public Parameter {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
    }

    /** Returns {@code name=value}, or {@code name=****} if the name looks sensitive. */
    @Override
    public String toString() {
      return name + "=" + (isSensitive(name) ? MASK : value);
    }
  }

  private final List<Parameter> parameters;

  private QueryParameters(List<Parameter> parameters) {
    this.parameters = parameters;
  }

  /** {@return the parameters of a URL without a query} */
  public static QueryParameters empty() {
    return EMPTY;
  }

  /**
   * {@return these parameters, in this order}
   *
   * @param parameters the parameters, none null; copied
   */
  public static QueryParameters of(List<Parameter> parameters) {
    List<Parameter> copy = List.copyOf(parameters);
    return copy.isEmpty() ? EMPTY : new QueryParameters(copy);
  }

  /**
   * Parses a percent-encoded query string such as {@code sslmode=require&application_name=web}
   * (without the leading '?'). '+' decodes to a space. Empty segments ({@code a&&b}) are skipped.
   *
   * @param encodedQuery the query string, such as {@code sslmode=require}; "" gives no parameters
   * @return the decoded parameters, in order
   * @throws InvalidConfigVarException if a '%' is not followed by two hex digits, or the decoded
   *     bytes are not UTF-8
   */
  public static QueryParameters parse(String encodedQuery) {
    Objects.requireNonNull(encodedQuery, "encodedQuery == null");
    return of(UrlParser.parseQuery(null, "The query string", encodedQuery));
  }

  /**
   * Returns true if a parameter with this name probably carries a secret: its name contains
   * "pass", "pwd", "secret", "token", "key", "auth", "credential" or "signature", ignoring case.
   *
   * @param name a decoded parameter name, such as "api_key"
   * @return true if the value should be masked in logs
   */
  public static boolean isSensitive(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String part : SENSITIVE_NAME_PARTS) {
      if (lower.contains(part)) return true;
    }
    return false;
  }

  /** {@return every parameter, in order} */
  public List<Parameter> all() {
    return parameters;
  }

  /**
   * {@return the values of every parameter named {@code name}, in order}
   *
   * @param name the decoded name, matched exactly (case included)
   */
  public List<String> all(String name) {
    Objects.requireNonNull(name, "name == null");
    List<String> values = new ArrayList<>();
    for (Parameter parameter : parameters) {
      if (parameter.name().equals(name)) values.add(parameter.value());
    }
    return Collections.unmodifiableList(values);
  }

  /**
   * {@return the value of the first parameter named {@code name}}
   *
   * @param name the decoded name, matched exactly (case included)
   */
  public Optional<String> first(String name) {
    Objects.requireNonNull(name, "name == null");
    for (Parameter parameter : parameters) {
      if (parameter.name().equals(name)) return Optional.of(parameter.value());
    }
    return Optional.empty();
  }

  /**
   * {@return true if at least one parameter is named {@code name}}
   *
   * @param name the decoded name, matched exactly (case included)
   */
  public boolean contains(String name) {
    return first(name).isPresent();
  }

  /** {@return true if there are no parameters} */
  public boolean isEmpty() {
    return parameters.isEmpty();
  }

  /** {@return the number of parameters, counting repeats} */
  public int size() {
    return parameters.size();
  }

  /**
   * Returns a copy with exactly one {@code name=value}: it takes the place of the first existing
   * parameter with that name (dropping the others), or is appended if there is none.
   *
   * @param name the decoded name, matched exactly (case included)
   * @param value the decoded value; "" writes the name alone
   * @return the copy; this instance is unchanged
   */
  public QueryParameters with(String name, String value) {
    Parameter replacement = new Parameter(name, value);
    List<Parameter> result = new ArrayList<>(parameters.size() + 1);
    boolean placed = false;
    for (Parameter parameter : parameters) {
      if (!parameter.name().equals(name)) {
        result.add(parameter);
      } else if (!placed) {
        result.add(replacement);
        placed = true;
      }
    }
    if (!placed) result.add(replacement);
    return of(result);
  }

  /**
   * {@return a copy without any parameter named {@code name}}
   *
   * @param name the decoded name, matched exactly (case included)
   */
  public QueryParameters without(String name) {
    Objects.requireNonNull(name, "name == null");
    List<Parameter> result = new ArrayList<>(parameters.size());
    for (Parameter parameter : parameters) {
      if (!parameter.name().equals(name)) result.add(parameter);
    }
    return result.size() == parameters.size() ? this : of(result);
  }

  /**
   * Returns the parameters as an unmodifiable map in order of first appearance; for repeated
   * names the first value wins.
   *
   * @return a map from each name to its first value; empty if there are no parameters
   */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (Parameter parameter : parameters) {
      map.putIfAbsent(parameter.name(), parameter.value());
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * Returns the percent-encoded query string, like {@code a=b&c=d}, without a leading '?'.
   * Includes secrets: do not log it. A parameter with an empty value is written as its name
   * alone. Spaces are written as {@code %20}.
   *
   * @return the query string, or "" if there are no parameters
   */
  public String encode() {
    return encode(false);
  }

  /**
   * Like {@link #encode()}, with the values of sensitive parameters replaced by {@code ****}.
   *
   * @return the query string with secrets masked, or "" if there are no parameters
   */
  public String toRedactedString() {
    return encode(true);
  }

  private String encode(boolean redact) {
    StringBuilder out = new StringBuilder();
    for (Parameter parameter : parameters) {
      if (out.length() > 0) out.append('&');
      out.append(PercentCodec.encode(parameter.name()));
      if (!parameter.value().isEmpty()) {
        out.append('=');
        out.append(redact && isSensitive(parameter.name())
            ? MASK
            : PercentCodec.encode(parameter.value()));
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof QueryParameters
        && ((QueryParameters) other).parameters.equals(parameters);
  }

  @Override
  public int hashCode() {
    return parameters.hashCode();
  }

  /** Returns {@link #toRedactedString()}. */
  @Override
  public String toString() {
    return toRedactedString();
  }
}
