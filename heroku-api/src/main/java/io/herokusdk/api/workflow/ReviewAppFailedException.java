package io.herokusdk.api.workflow;

/** A review app ended {@code errored} (or was deleted) instead of {@code created}. */
public final class ReviewAppFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ReviewAppResult result;

  /**
   * Creates the exception from the review app's result.
   *
   * @param result the review app's outcome; its status, error status, message and app setup
   *     problem go into the message
   */
  public ReviewAppFailedException(ReviewAppResult result) {
    super("Review app " + result.id() + " ended " + result.status().value()
        + (result.errorStatus() == null ? "" : " (" + result.errorStatus() + ")")
        + (result.message() == null ? "" : ": " + result.message())
        + (result.setup() == null ? "" : "; app setup " + result.setup().problem()));
    this.result = result;
  }

  /**
   * The review app's outcome, with its app setup's.
   *
   * @return the outcome; null after deserialization, as it is not serialized
   */
  public ReviewAppResult result() {
    return result;
  }
}
