package io.herokusdk.api.data;

import java.util.Objects;

/**
 * A {@link Changeover} step failed. By the time this is thrown the changeover has put
 * maintenance mode and the formation back as they were ({@link #restored()}), unless that
 * failed too, in which case the message says what to run by hand. Running the same changeover
 * again with the same journal resumes at the failed step.
 */
public final class ChangeoverFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ChangeoverStep step;
  private final boolean restored;

  /** For a failure in {@code step}; {@code restored} says whether the downtime was undone. */
  public ChangeoverFailedException(ChangeoverStep step, boolean restored, String message,
      Throwable cause) {
    super(Objects.requireNonNull(message, "message == null"), cause);
    this.step = Objects.requireNonNull(step, "step == null");
    this.restored = restored;
  }

  /** The step that failed. */
  public ChangeoverStep step() {
    return step;
  }

  /** Whether maintenance mode and the formation are back as they were before the changeover. */
  public boolean restored() {
    return restored;
  }
}
