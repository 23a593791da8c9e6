package io.herokusdk.api.workflow;

import io.herokusdk.api.model.PipelinePromotionTargetStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a promotion ended, per target.
 *
 * @param promotionId the {@code pipeline-promotion} id
 * @param pipelineId the pipeline
 * @param sourceAppId the app promoted from
 * @param targets one entry per target app, in the order they were given
 */
public record PromotionResult(String promotionId, String pipelineId, String sourceAppId,
    List<Target> targets) {
  /**
   * Copies the list.
   *
   * @param promotionId the {@code pipeline-promotion} id
   * @param pipelineId the pipeline
   * @param sourceAppId the app promoted from
   * @param targets one entry per target app, in the order they were given; copied
   */
  public PromotionResult {
    targets = List.copyOf(targets);
  }

  /**
   * True if every target succeeded.
   *
   * @return true if every target's status is {@code succeeded}
   */
  public boolean succeeded() {
    return targets.stream().allMatch(t -> t.status() == PipelinePromotionTargetStatus.SUCCEEDED);
  }

  /**
   * The targets that did not succeed.
   *
   * @return the targets whose status is not {@code succeeded}, in order; empty if none
   */
  public List<Target> failed() {
    return targets.stream()
        .filter(t -> t.status() != PipelinePromotionTargetStatus.SUCCEEDED).toList();
  }

  /**
   * One target of a promotion.
   *
   * @param app the target as given (name or id)
   * @param appId the target app's id
   * @param status {@code succeeded} or {@code failed}; {@code UNKNOWN} when Heroku listed no
   *     target for the app (see {@code errorMessage})
   * @param errorMessage why it failed, or null
   * @param releaseId the release the promotion made on the target, or null
   * @param releaseVersion that release's version, or null when there is none
   * @param releaseOutput the last lines (at most 50) of its release-phase output, when it was
   *     streamed
   */
  public record Target(String app, String appId, PipelinePromotionTargetStatus status,
      @Nullable String errorMessage, @Nullable String releaseId, @Nullable Long releaseVersion,
      List<String> releaseOutput) {
    /**
     * Copies the list.
     *
     * @param app the target as given (name or id)
     * @param appId the target app's id
     * @param status {@code succeeded} or {@code failed}; {@code UNKNOWN} when Heroku listed no
     *     target for the app (see {@code errorMessage})
     * @param errorMessage why it failed, or null
     * @param releaseId the release the promotion made on the target, or null
     * @param releaseVersion that release's version, or null when there is none
     * @param releaseOutput the last lines (at most 50) of its release-phase output, when it was
     *     streamed; copied
     */
    public Target {
      releaseOutput = List.copyOf(releaseOutput);
    }
  }
}
