package io.herokusdk.api.workflow;

import java.util.stream.Collectors;

/**
 * A promotion ended with at least one target {@code failed}. {@link #result()} has every target,
 * those that succeeded too: a promotion is not rolled back.
 */
public final class PromotionFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient PromotionResult result;

  /**
   * Creates the exception from the promotion's result.
   *
   * @param result every target's outcome, at least one not {@code succeeded}; the failed targets
   *     and their error messages go into the message
   */
  public PromotionFailedException(PromotionResult result) {
    super("Promotion " + result.promotionId() + " failed for "
        + result.failed().stream().map(t -> t.app() + " (" + t.errorMessage() + ")")
            .collect(Collectors.joining(", "))
        + "; " + (result.targets().size() - result.failed().size()) + " of "
        + result.targets().size() + " target(s) succeeded. Fix the cause and promote the failed"
        + " target(s) again.");
    this.result = result;
  }

  /**
   * Every target's outcome.
   *
   * @return the result, succeeded targets included ({@link PromotionResult#failed()} has the
   *     others); null after deserialization, as it is not serialized
   */
  public PromotionResult result() {
    return result;
  }
}
