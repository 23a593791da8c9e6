package io.herokusdk.api.data;

import java.util.Objects;

/**
 * Something a {@link Changeover} did, as it happens.
 *
 * @param step the step
 * @param kind what happened to it
 * @param message what it did or waits for, in words ({@code scaled worker=2 -> 0}, {@code
 *     behind by 12 commits})
 */
public record ChangeoverEvent(ChangeoverStep step, Kind kind, String message) {
  /** What happened to a step. */
  public enum Kind {
    /** The step began. */
    STARTED,
    /** A wait polled: the message says what it saw. */
    PROGRESS,
    /** The step finished. */
    DONE,
    /** The journal says an earlier run did the step already. */
    SKIPPED,
    /** The step failed; the changeover undoes its downtime next. */
    FAILED,
    /** After a failure: maintenance or formation put back as it was. */
    RESTORED
  }

  /**
   * Checks for nulls.
   *
   * @param step the step, not null
   * @param kind what happened to it, not null
   * @param message what it did or waits for, in words; not null
   */
  public ChangeoverEvent {
    Objects.requireNonNull(step, "step == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(message, "message == null");
  }

  @Override
  public String toString() {
    return step + " " + kind + ": " + message;
  }
}
