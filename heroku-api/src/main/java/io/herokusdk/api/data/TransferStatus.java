package io.herokusdk.api.data;

/** Where a backup, copy or restore is, as {@code heroku pg:backups} words it. */
public enum TransferStatus {
  /** Not started yet. */
  PENDING,
  /** Started, not finished. */
  RUNNING,
  /** Finished and succeeded. */
  COMPLETED,
  /** Finished without succeeding. */
  FAILED,
  /** Cancelled before it finished. */
  CANCELLED;

  /**
   * Whether it finished, one way or another.
   *
   * @return true for {@link #COMPLETED}, {@link #FAILED} and {@link #CANCELLED}
   */
  public boolean isFinished() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
