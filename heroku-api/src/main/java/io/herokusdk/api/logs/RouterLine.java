package io.herokusdk.api.logs;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a Heroku router line ({@code heroku[router]: at=info method=GET path="/" ...}).
 * Absent or empty fields are null (an {@code H14} line has {@code dyno= connect= service=
 * bytes=}); a number or duration that does not parse is null too, its text stays in {@link
 * #fields()}. Quoted values ({@code desc="Request timeout"}, {@code path="/a b"}) are unquoted.
 *
 * @param at {@code info} or {@code error}
 * @param method the HTTP method
 * @param path the request path with its query
 * @param host the requested host
 * @param requestId the {@code X-Request-Id} of the request
 * @param fwd the client's address ({@code X-Forwarded-For})
 * @param dyno the dyno that served it, like {@code web.1}
 * @param connect the time to connect to the dyno ({@code connect=1ms})
 * @param service the time the dyno took to answer ({@code service=30000ms})
 * @param status the HTTP status sent to the client
 * @param bytes the size of the response
 * @param protocol {@code http} or {@code https}
 * @param code the error code text, like {@code H12}; see {@link #errorCode()}
 * @param desc the error's description, like {@code Request timeout}
 * @param tls whether the client used TLS (Router 2.0), as written
 * @param tlsVersion the TLS version (Router 2.0), like {@code TLSv1.3}
 * @param fields every {@code key=value} of the line, in order, unquoted
 */
public record RouterLine(@Nullable String at, @Nullable String method, @Nullable String path,
    @Nullable String host, @Nullable String requestId, @Nullable String fwd,
    @Nullable String dyno, @Nullable Duration connect, @Nullable Duration service,
    @Nullable Integer status, @Nullable Long bytes, @Nullable String protocol,
    @Nullable String code, @Nullable String desc, @Nullable String tls,
    @Nullable String tlsVersion, Map<String, String> fields) {

  /**
   * Copies the fields unmodifiable.
   *
   * @param at {@code info} or {@code error}, or null
   * @param method the HTTP method, or null
   * @param path the request path with its query, or null
   * @param host the requested host, or null
   * @param requestId the {@code X-Request-Id}, or null
   * @param fwd the client's address, or null
   * @param dyno the dyno that served it, or null
   * @param connect the time to connect to the dyno, or null
   * @param service the time the dyno took to answer, or null
   * @param status the HTTP status, or null
   * @param bytes the size of the response, or null
   * @param protocol {@code http} or {@code https}, or null
   * @param code the error code text, or null
   * @param desc the error's description, or null
   * @param tls whether the client used TLS, as written, or null
   * @param tlsVersion the TLS version, or null
   * @param fields every {@code key=value} of the line; not null, no null keys or values
   */
  public RouterLine {
    fields = Map.copyOf(Objects.requireNonNull(fields, "fields == null"));
  }

  /**
   * Parses a router line's message (the part after {@code heroku[router]: }). Never throws.
   *
   * @param message the logfmt text, like {@code at=info method=GET path="/" status=200}
   * @return the fields; those missing, empty or not parseable are null
   */
  public static RouterLine parse(String message) {
    Map<String, String> f = Logfmt.parse(Objects.requireNonNull(message, "message == null"));
    return new RouterLine(text(f, "at"), text(f, "method"), text(f, "path"), text(f, "host"),
        text(f, "request_id"), text(f, "fwd"), text(f, "dyno"), duration(text(f, "connect")),
        duration(text(f, "service")), integer(text(f, "status")), number(text(f, "bytes")),
        text(f, "protocol"), text(f, "code"), text(f, "desc"), text(f, "tls"),
        text(f, "tls_version"), f);
  }

  /**
   * True for {@code at=error} lines.
   *
   * @return true if {@link #at()} is {@code error}
   */
  public boolean isError() {
    return "error".equals(at);
  }

  /**
   * The error code ({@code code=H12}) if there is one and it is known.
   *
   * @return the code, or empty if {@link #code()} is null or not a known code
   */
  public Optional<HerokuErrorCode> errorCode() {
    return code == null ? Optional.empty() : HerokuErrorCode.of(code);
  }

  private static @Nullable String text(Map<String, String> fields, String key) {
    String value = fields.get(key);
    return value == null || value.isEmpty() ? null : value;
  }

  private static @Nullable Integer integer(@Nullable String text) {
    Long value = number(text);
    return value == null || value > Integer.MAX_VALUE ? null : (int) (long) value;
  }

  private static @Nullable Long number(@Nullable String text) {
    if (text == null || text.length() > 18) return null;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') return null;
    }
    return Long.parseLong(text);
  }

  // "1ms", "30000ms", "0.5ms", "2s"
  private static @Nullable Duration duration(@Nullable String text) {
    if (text == null) return null;
    BigDecimal nanosPerUnit;
    String amount;
    if (text.endsWith("ms")) {
      nanosPerUnit = BigDecimal.valueOf(1_000_000);
      amount = text.substring(0, text.length() - 2);
    } else if (text.endsWith("s")) {
      nanosPerUnit = BigDecimal.valueOf(1_000_000_000);
      amount = text.substring(0, text.length() - 1);
    } else {
      return null;
    }
    if (amount.isEmpty() || amount.length() > 15) return null;
    for (int i = 0; i < amount.length(); i++) {
      char c = amount.charAt(i);
      if ((c < '0' || c > '9') && c != '.') return null;
    }
    try {
      return Duration.ofNanos(new BigDecimal(amount).multiply(nanosPerUnit).longValue());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
