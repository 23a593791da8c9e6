package io.herokusdk.api.data;

import java.util.Objects;

/**
 * A {@link Changeover} step failed. By the time this is thrown the changeover has put
 * maintenance mode and the formation back as they were ({@link #restored()}), unless that
 * failed too, in which case the message says what to run by hand. Running the same changeover
 * again with the same journal resumes at the failed step, redoing the downtime steps that were
 * undone; after a failed {@link ChangeoverStep#PROMOTE} whose downtime was undone it starts over
 * with a new follower, as the unfollowed one misses the writes made since.
 */
public final class ChangeoverFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The step that failed. */
  private final ChangeoverStep step;
  /** Whether maintenance mode and the formation are back as they were. */
  private final boolean restored;

  /**
   * For a failure in {@code step}; {@code restored} says whether the downtime was undone.
   *
   * @param step the step that failed
   * @param restored true if maintenance mode and the formation are back as they were
   * @param message what failed, what was restored, and what to run by hand if not everything was
   * @param cause the step's failure; failures while restoring are suppressed in it
   */
  public ChangeoverFailedException(ChangeoverStep step, boolean restored, String message,
      Throwable cause) {
    super(Objects.requireNonNull(message, "message == null"), cause);
    this.step = Objects.requireNonNull(step, "step == null");
    this.restored = restored;
  }

  /**
   * The step that failed.
   *
   * @return the step; the message says where a run with the same journal resumes
   */
  public ChangeoverStep step() {
    return step;
  }

  /**
   * Whether maintenance mode and the formation are back as they were before the changeover.
   *
   * @return true if they are (or were never changed); false when the message lists the commands
   *     to run by hand
   */
  public boolean restored() {
    return restored;
  }
}
