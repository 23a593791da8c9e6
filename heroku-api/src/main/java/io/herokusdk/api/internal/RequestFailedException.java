package io.herokusdk.api.internal;

import java.io.IOException;
import java.util.Objects;

/** Carries the {@code Request-Id} of a request that failed without an answer. */
final class RequestFailedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String requestId;

  RequestFailedException(String requestId, IOException cause) {
    super(cause.toString(), cause);
    this.requestId = requestId;
  }

  String requestId() {
    return requestId;
  }

  IOException cause() {
    return (IOException) Objects.requireNonNull(getCause(), "set by the constructor");
  }
}
