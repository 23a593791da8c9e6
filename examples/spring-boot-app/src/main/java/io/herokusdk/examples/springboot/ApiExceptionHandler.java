package io.herokusdk.examples.springboot;

import io.herokusdk.core.Redactor;
import io.herokusdk.postgres.DatabaseConnectException;
import io.herokusdk.redis.RedisUnavailableException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into the app's JSON error: 400 naming the field, 404, 405, 409, 415, 429,
 * 503 with {@code Retry-After} when Postgres or Redis is unavailable, 500 (logged, never
 * details). Parser and database messages are never shown to the client.
 */
@RestControllerAdvice
class ApiExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final Duration RETRY_UNAVAILABLE = Duration.ofSeconds(5);
  static final String SEND_AN_OBJECT =
      "The body must be a JSON object like {\"email\": \"ada@example.com\", \"name\": \"Ada\"}.";

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> api(ApiException e) {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
    Long retry = e.retryAfterSeconds();
    if (retry != null) answer.header("Retry-After", Long.toString(retry));
    return answer.body(e.body());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    // Jackson's message names its internals and echoes input: not shown.
    return api(ApiException.invalid("body", "The body is not a valid sign-up. " + SEND_AN_OBJECT));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
    return api(ApiException.invalid(e.getName(), e.getName() + " must be a whole number."));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> noSuchPath(NoResourceFoundException e) {
    return api(new ApiException(HttpStatus.NOT_FOUND, "not_found", "No such endpoint.", null,
        null));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> badMethod(HttpRequestMethodNotSupportedException e) {
    return api(new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
        e.getMethod() + " is not allowed here.", null, null));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> badMediaType(HttpMediaTypeNotSupportedException e) {
    return api(new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
        "Send Content-Type: application/json.", null, null));
  }

  @ExceptionHandler(RedisUnavailableException.class)
  ResponseEntity<Map<String, Object>> redisUnavailable(RedisUnavailableException e) {
    log.warn("Redis unavailable: {}", e.getMessage());
    return api(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "redis_unavailable",
        "The cache/queue is unavailable; retry shortly.", null, RETRY_UNAVAILABLE));
  }

  /** Pool timeouts and connect failures (Spring wraps them); heroku-postgres says why. */
  @ExceptionHandler({DataAccessResourceFailureException.class,
      TransientDataAccessResourceException.class,
      org.springframework.jdbc.CannotGetJdbcConnectionException.class})
  ResponseEntity<Map<String, Object>> databaseUnavailable(RuntimeException e) {
    Throwable cause = e.getCause();
    if (cause instanceof DatabaseConnectException connect && !connect.isTransient()) {
      log.error("Database unavailable: {}", Redactor.redactUrls(connect.getMessage()));
    } else {
      log.warn("Database unavailable: {}", Redactor.redactUrls(String.valueOf(
          cause == null ? e.getMessage() : cause.getMessage())));
    }
    return api(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable",
        "The database is unavailable; retry shortly.", null, RETRY_UNAVAILABLE));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e) {
    log.error("Request failed", e);
    return api(new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
        "Something went wrong.", null, null));
  }
}
