package io.herokusdk.examples.ops;

/**
 * A job failed for a reason the operator can act on: the message says what went wrong and what
 * to do, and the job exits non-zero. Never carries a token, password or database URL.
 */
public final class OpsJobException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with an operator-facing message. */
  public OpsJobException(String message) {
    super(message);
  }

  /** A failure with an operator-facing message and the exception behind it. */
  public OpsJobException(String message, Throwable cause) {
    super(message, cause);
  }
}
