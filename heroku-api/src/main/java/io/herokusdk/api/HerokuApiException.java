package io.herokusdk.api;

import org.jspecify.annotations.Nullable;

/**
 * The Platform API answered with an error: {@code {"id": ..., "message": ..., "url": ...}}.
 *
 * <p>Subclasses name the well-known {@link #id() ids}; an id this SDK does not know stays this
 * base type. Never contains the API token.
 */
public class HerokuApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final @Nullable String id;
  private final String errorMessage;
  private final @Nullable String url;
  private final @Nullable String requestId;
  private final String method;
  private final String path;

  /**
   * Creates the exception.
   *
   * @param status the HTTP status
   * @param id Heroku's error id, e.g. {@code not_found}; null when the body was not JSON
   * @param message Heroku's human-readable message (or a summary of a non-JSON body)
   * @param url Heroku's documentation link for the error, if any
   * @param requestId the {@code Request-Id} of the failed request
   * @param method the request's HTTP method
   * @param path the request's path
   */
  public HerokuApiException(int status, @Nullable String id, String message, @Nullable String url,
      @Nullable String requestId, String method, String path) {
    super(status + (id != null ? " " + id : "") + ": " + message + " (" + method + " " + path
        + (requestId != null ? ", Request-Id " + requestId : "") + ")");
    this.status = status;
    this.id = id;
    this.errorMessage = message;
    this.url = url;
    this.requestId = requestId;
    this.method = method;
    this.path = path;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** Heroku's error id, e.g. {@code not_found}; null when the body was not Heroku's JSON. */
  public @Nullable String id() {
    return id;
  }

  /** Heroku's message, without the status, id and request details of {@link #getMessage()}. */
  public String errorMessage() {
    return errorMessage;
  }

  /** Heroku's link to documentation about this error, if it sent one. */
  public @Nullable String url() {
    return url;
  }

  /** The request's {@code Request-Id} (the server's, if it answered with one). */
  public @Nullable String requestId() {
    return requestId;
  }

  /** The request's HTTP method. */
  public String method() {
    return method;
  }

  /** The request's path (identities percent-encoded; no query, no host). */
  public String path() {
    return path;
  }
}
