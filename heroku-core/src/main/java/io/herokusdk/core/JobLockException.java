package io.herokusdk.core;

/**
 * The store behind {@link JobLocks} could not be asked (the database or Redis is unreachable),
 * so whether the job is locked is unknown: do not run it. The message names the job and the
 * config var, never credentials; the cause is the store's own exception.
 */
public final class JobLockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; {@code message} and {@code cause} must not contain secrets.
   *
   * @param message what failed, naming the job and the store's config var; never credentials
   * @param cause the store's own exception, such as an {@code SQLException}
   */
  public JobLockException(String message, Throwable cause) {
    super(message, cause);
  }
}
