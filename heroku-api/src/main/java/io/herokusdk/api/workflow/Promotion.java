package io.herokusdk.api.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import io.herokusdk.api.model.PipelinePromotionTarget;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Pipelines#promote(Promotion)} promotes: the source app's current release to one or
 * more target apps of the same pipeline. Apps are names or ids. Immutable.
 *
 * <pre>{@code
 * Promotion.builder().source("my-app-staging").target("my-app-prod")
 *     .releaseOutput((app, line) -> System.out.println(app + ": " + line)).build();
 * }</pre>
 */
public final class Promotion {
  private final String source;
  private final List<String> targets;
  private final @Nullable String pipeline;
  private final @Nullable String twoFactorCode;
  private final @Nullable BiConsumer<String, String> releaseOutput;
  private final Consumer<List<PipelinePromotionTarget>> progress;

  private Promotion(Builder b) {
    this.source = Objects.requireNonNull(b.source, "source == null: set the app to promote from");
    if (b.targets.isEmpty()) {
      throw new IllegalArgumentException("no target: add at least one app to promote to");
    }
    this.targets = List.copyOf(b.targets);
    this.pipeline = b.pipeline;
    this.twoFactorCode = b.twoFactorCode;
    this.releaseOutput = b.releaseOutput;
    this.progress = b.progress;
  }

  /**
   * Returns a new builder.
   *
   * @return a builder with no source and no target yet
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The app promoted from (name or id).
   *
   * @return the source app as given to the builder
   */
  public String source() {
    return source;
  }

  /**
   * The apps promoted to (names or ids), in order.
   *
   * @return an immutable list of at least one app, as given to the builder
   */
  public List<String> targets() {
    return targets;
  }

  /**
   * The pipeline id, or null to use the source app's pipeline.
   *
   * @return the pipeline's id, or null for the pipeline the source app is coupled to
   */
  public @Nullable String pipeline() {
    return pipeline;
  }

  @Nullable String twoFactorCode() {
    return twoFactorCode;
  }

  @Nullable BiConsumer<String, String> releaseOutput() {
    return releaseOutput;
  }

  Consumer<List<PipelinePromotionTarget>> progress() {
    return progress;
  }

  @Override
  public String toString() {
    return "Promotion{" + source + " -> " + targets
        + (twoFactorCode == null ? "" : ", twoFactorCode=****") + "}";
  }

  /** Builds a {@link Promotion}. */
  public static final class Builder {
    private @Nullable String source;
    private final List<String> targets = new ArrayList<>();
    private @Nullable String pipeline;
    private @Nullable String twoFactorCode;
    private @Nullable BiConsumer<String, String> releaseOutput;
    private Consumer<List<PipelinePromotionTarget>> progress = targets -> { };

    private Builder() {}

    /**
     * The app to promote from (name or id); required.
     *
     * @param app the source app, such as {@code my-app-staging}; its current release is promoted
     * @return this builder
     */
    public Builder source(String app) {
      this.source = Objects.requireNonNull(app, "app == null");
      return this;
    }

    /**
     * Adds an app to promote to (name or id); at least one is required.
     *
     * @param app a target app of the same pipeline, such as {@code my-app-prod}
     * @return this builder
     */
    public Builder target(String app) {
      targets.add(Objects.requireNonNull(app, "app == null"));
      return this;
    }

    /**
     * Adds apps to promote to.
     *
     * @param apps target apps (names or ids), added in order after any added before
     * @return this builder
     */
    public Builder targets(List<String> apps) {
      apps.forEach(this::target);
      return this;
    }

    /**
     * The pipeline's id; by default the pipeline the source app is coupled to.
     *
     * @param pipelineId the pipeline's id (a UUID, not its name)
     * @return this builder
     */
    public Builder pipeline(String pipelineId) {
      this.pipeline = Objects.requireNonNull(pipelineId, "pipelineId == null");
      return this;
    }

    /**
     * The second factor, for accounts or apps that require one: every call of the promotion
     * sends it as {@code Heroku-Two-Factor-Code}. Without it such a promotion fails at once with
     * {@link io.herokusdk.api.TwoFactorRequiredException} and nothing is promoted.
     *
     * @param code the current one-time code; the promotion's {@code toString()} masks it
     * @return this builder
     */
    public Builder twoFactorCode(String code) {
      this.twoFactorCode = Objects.requireNonNull(code, "code == null");
      return this;
    }

    /**
     * Streams each succeeded target's release-phase output, line by line as it arrives, to
     * {@code lines} as (target app id, line). Without it the output is not read.
     *
     * @param lines gets the target app's id and each line, one target after another, on the
     *     calling thread (the scheduler's for {@link Pipelines#promoteAsync})
     * @return this builder
     */
    public Builder releaseOutput(BiConsumer<String, String> lines) {
      this.releaseOutput = Objects.requireNonNull(lines, "lines == null");
      return this;
    }

    /**
     * Sees the targets at every poll.
     *
     * @param progress gets the promotion's targets as polled, with their statuses, on the
     *     polling thread; by default none
     * @return this builder
     */
    public Builder progress(Consumer<List<PipelinePromotionTarget>> progress) {
      this.progress = Objects.requireNonNull(progress, "progress == null");
      return this;
    }

    /**
     * Returns the promotion.
     *
     * @return a new immutable promotion
     * @throws NullPointerException without a source
     * @throws IllegalArgumentException without a target
     */
    public Promotion build() {
      return new Promotion(this);
    }
  }
}
