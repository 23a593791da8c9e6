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

  /** The HTTP status code; see {@link #status()}. */
  private final int status;
  /** Heroku's error id, or null; see {@link #id()}. */
  private final @Nullable String id;
  /** Heroku's message alone; see {@link #errorMessage()}. */
  private final String errorMessage;
  /** Heroku's documentation link, or null; see {@link #url()}. */
  private final @Nullable String url;
  /** The request's {@code Request-Id}, or null; see {@link #requestId()}. */
  private final @Nullable String requestId;
  /** The request's HTTP method; see {@link #method()}. */
  private final String method;
  /** The request's path; see {@link #path()}. */
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

  /**
   * The HTTP status code.
   *
   * @return the status, like 404; 500 or above for a {@link ServerErrorException}
   */
  public int status() {
    return status;
  }

  /**
   * Heroku's error id, e.g. {@code not_found}; null when the body was not Heroku's JSON.
   *
   * @return the id, or null when the exception type was chosen by HTTP status alone
   */
  public @Nullable String id() {
    return id;
  }

  /**
   * Heroku's message, without the status, id and request details of {@link #getMessage()}.
   *
   * @return the message; for an answer without Heroku's JSON, a summary of its body, or its HTTP
   *     reason phrase if the body was empty
   */
  public String errorMessage() {
    return errorMessage;
  }

  /**
   * Heroku's link to documentation about this error, if it sent one.
   *
   * @return the URL, or null
   */
  public @Nullable String url() {
    return url;
  }

  /**
   * The request's {@code Request-Id} (the server's, if it answered with one).
   *
   * @return the id (a random UUID when the SDK made it), or null if none is known
   */
  public @Nullable String requestId() {
    return requestId;
  }

  /**
   * The request's HTTP method.
   *
   * @return the method, like {@code GET} or {@code PATCH}
   */
  public String method() {
    return method;
  }

  /**
   * The request's path (identities percent-encoded; no query, no host).
   *
   * @return the path, like {@code /apps/my-app/config-vars}
   */
  public String path() {
    return path;
  }
}
