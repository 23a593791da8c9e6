package io.herokusdk.examples.springboot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error answer: {@code {"error": code, "message": ..., "field": ...}} with an HTTP status and,
 * for 429 and 503, a {@code Retry-After} header. {@link ApiExceptionHandler} writes it.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final String code;
  private final String field;
  private final transient Duration retryAfter;

  ApiException(HttpStatus status, String code, String message, String field,
      Duration retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfter = retryAfter;
  }

  /** 400: {@code field} of the request is missing or unusable. */
  static ApiException invalid(String field, String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, "invalid_request", message, field, null);
  }

  HttpStatus status() {
    return status;
  }

  /** Whole seconds to wait, rounded up, at least 1; null when there is no hint. */
  Long retryAfterSeconds() {
    if (retryAfter == null) return null;
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
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
