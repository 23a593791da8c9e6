package io.herokusdk.core;

import java.time.Duration;

/**
 * A {@link Waiter} reached its deadline before the state it waited for. The operation it watched
 * may still finish: the message says what was awaited, for how long, and the last state seen.
 */
public final class WaitTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What was awaited, such as "build 42 to finish". */
  private final String what;
  /** How long it waited, from the start of the wait to the last poll. */
  private final Duration waited;
  private final transient Object lastState;

  /**
   * Creates the exception; {@code lastState}'s toString goes into the message.
   *
   * @param what what was awaited, such as "build 42 to finish"
   * @param waited how long it waited; the message shows milliseconds below 10 s, else seconds
   * @param lastState the last state polled; not serialized
   */
  public WaitTimeoutException(String what, Duration waited, Object lastState) {
    super("Gave up waiting for " + what + " after " + seconds(waited) + " (last seen: "
        + lastState + "). It may still finish; raise the timeout, or check on it later.");
    this.what = what;
    this.waited = waited;
    this.lastState = lastState;
  }

  /** {@return what was awaited} */
  public String what() {
    return what;
  }

  /** {@return how long it waited} */
  public Duration waited() {
    return waited;
  }

  /** {@return the last state polled} */
  public Object lastState() {
    return lastState;
  }

  private static String seconds(Duration d) {
    return d.toMillis() >= 10_000 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
