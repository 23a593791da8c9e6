package io.herokusdk.examples.signup;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer: {@code {"error": code, "message": ..., "field": ...}} with an HTTP status and,
 * for 429 and 503, a {@code Retry-After} header.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String field;
  private final Duration retryAfter;

  ApiException(int status, String code, String message, String field, Duration retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfter = retryAfter;
  }

  /** 400: {@code field} of the request is missing or unusable. */
  static ApiException invalid(String field, String message) {
    return new ApiException(400, "invalid_request", message, field, null);
  }

  int status() {
    return status;
  }

  /** Whole seconds to wait, rounded up, at least 1; null when there is no hint. */
  Long retryAfterSeconds() {
    if (retryAfter == null) return null;
    long millis = retryAfter.toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }

  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", getMessage());
    if (field != null) body.put("field", field);
    Long seconds = retryAfterSeconds();
    if (seconds != null) body.put("retryAfterSeconds", seconds);
    return body;
  }
}
