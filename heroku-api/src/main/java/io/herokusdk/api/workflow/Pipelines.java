package io.herokusdk.api.workflow;

import io.herokusdk.api.Heroku;
import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.api.model.PipelinePromotion;
import io.herokusdk.api.model.PipelinePromotionCreateRequest;
import io.herokusdk.api.model.PipelinePromotionTarget;
import io.herokusdk.api.model.PipelinePromotionTargetStatus;
import io.herokusdk.api.model.Release;
import io.herokusdk.core.Waiter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pipeline promotions: {@code POST /pipeline-promotions}, then the promotion targets polled until
 * none is {@code pending}, then (optionally) each new release's release-phase output.
 *
 * <pre>{@code
 * PromotionResult result = heroku.workflows().pipelines().promote(Promotion.builder()
 *     .source("my-app-staging").target("my-app-prod").build());
 * }</pre>
 *
 * <p>A target that fails makes the promotion throw {@link PromotionFailedException} with every
 * target's outcome. A call that needs a second factor throws {@link
 * io.herokusdk.api.TwoFactorRequiredException} before anything is promoted; promote again with
 * {@link Promotion.Builder#twoFactorCode(String)}. Thread-safe.
 */
public final class Pipelines {
  private static final Logger log = LoggerFactory.getLogger(Pipelines.class);
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final int OUTPUT_TAIL = 50;

  private final WorkflowContext context;
  private final Waiter waiter;
  /** Reads release-phase output streams (resuming after a drop), as deploys do. */
  private final Releases releases;

  Pipelines(WorkflowContext context, Waiter waiter) {
    this.releases = new Releases(context, waiter);
    this.context = context;
    this.waiter = waiter;
  }

  /**
   * Promotes and waits until no target is pending.
   *
   * @param promotion the source app, the targets and who sees the progress
   * @return every target's outcome, all {@code succeeded}
   * @throws PromotionFailedException if a target failed
   * @throws io.herokusdk.api.TwoFactorRequiredException if a second factor is required
   * @throws io.herokusdk.core.WaitTimeoutException if targets were still pending at the deadline
   */
  public PromotionResult promote(Promotion promotion) {
    Started started = start(promotion);
    List<PipelinePromotionTarget> targets = waiter.until(what(started), () -> poll(started),
        Pipelines::settled, promotion.progress());
    return finish(started, targets);
  }

  /**
   * {@link #promote} without blocking: the calls run on a daemon thread of this promotion's own,
   * ended when the future completes. Cancelling the future stops the polling (not the
   * promotion).
   *
   * @param promotion the source app, the targets and who sees the progress
   * @return a future completed with every target's outcome, or exceptionally with what {@link
   *     #promote(Promotion)} throws
   */
  public CompletableFuture<PromotionResult> promoteAsync(Promotion promotion) {
    Objects.requireNonNull(promotion, "promotion == null");
    return Async.runOwned("heroku-promotion", () -> start(promotion),
        (s, scheduler) -> waiter.untilAsync(what(s), () -> poll(s), Pipelines::settled,
            promotion.progress(), scheduler), this::finish);
  }

  /**
   * {@link #promoteAsync(Promotion)} on the caller's scheduler, which it leaves running.
   *
   * @param promotion the source app, the targets and who sees the progress
   * @param scheduler runs the calls and the polls; not shut down
   * @return a future completed with every target's outcome, or exceptionally with what {@link
   *     #promote(Promotion)} throws; cancelling it stops the polling (not the promotion)
   */
  public CompletableFuture<PromotionResult> promoteAsync(Promotion promotion,
      ScheduledExecutorService scheduler) {
    Objects.requireNonNull(promotion, "promotion == null");
    Objects.requireNonNull(scheduler, "scheduler == null");
    return Async.run(scheduler, () -> start(promotion),
        (s, on) -> waiter.untilAsync(what(s), () -> poll(s), Pipelines::settled,
            promotion.progress(), on), this::finish);
  }

  private Started start(Promotion promotion) {
    Heroku heroku = promotion.twoFactorCode() == null ? context.heroku()
        : context.heroku().withTwoFactorCode(promotion.twoFactorCode());
    String source = appId(heroku, promotion.source());
    String pipeline = promotion.pipeline() != null ? promotion.pipeline()
        : heroku.pipelineCouplings().infoByApp(source).pipeline().id();
    List<String> targetIds = new ArrayList<>();
    List<PipelinePromotionCreateRequest.Target> targets = new ArrayList<>();
    for (String target : promotion.targets()) {
      String id = appId(heroku, target);
      targetIds.add(id);
      targets.add(new PipelinePromotionCreateRequest.Target(
          new PipelinePromotionCreateRequest.Target.App(id)));
    }
    PipelinePromotion created = heroku.pipelinePromotions().create(
        new PipelinePromotionCreateRequest(new PipelinePromotionCreateRequest.Pipeline(pipeline),
            new PipelinePromotionCreateRequest.Source(
                new PipelinePromotionCreateRequest.Source.App(source), null),
            targets));
    log.debug("promotion {} from {} to {} created", created.id(), source, targetIds);
    return new Started(heroku, promotion, created.id(), pipeline, source, targetIds);
  }

  private static String appId(Heroku heroku, String app) {
    return UUID.matcher(app).matches() ? app : heroku.apps().info(app).id();
  }

  private static String what(Started s) {
    return "promotion " + s.promotionId + " to finish";
  }

  private static List<PipelinePromotionTarget> poll(Started s) {
    return s.heroku.pipelinePromotionTargets().list(s.promotionId).stream().toList();
  }

  private static boolean settled(List<PipelinePromotionTarget> targets) {
    return !targets.isEmpty() && targets.stream()
        .noneMatch(t -> t.status() == PipelinePromotionTargetStatus.PENDING);
  }

  private PromotionResult finish(Started s, List<PipelinePromotionTarget> polled) {
    List<PromotionResult.Target> results = new ArrayList<>();
    for (int i = 0; i < s.targetIds.size(); i++) {
      String appId = s.targetIds.get(i);
      PipelinePromotionTarget target = polled.stream().filter(t -> t.app().id().equals(appId))
          .findFirst().orElse(null);
      if (target == null) {
        results.add(new PromotionResult.Target(s.promotion.targets().get(i), appId,
            PipelinePromotionTargetStatus.UNKNOWN, "Heroku listed no promotion target for it",
            null, null, List.of()));
        continue;
      }
      String releaseId = target.release() == null ? null : target.release().id();
      Long version = null;
      List<String> output = List.of();
      if (releaseId != null) {
        Release release = s.heroku.releases().info(appId, releaseId);
        version = release.version();
        BiConsumer<String, String> lines = s.promotion.releaseOutput();
        String url = release.outputStreamUrl();
        if (lines != null && url != null) {
          output = releaseOutput(release, url, appId, lines);
        }
      }
      results.add(new PromotionResult.Target(s.promotion.targets().get(i), appId,
          target.status(), target.errorMessage(), releaseId, version, output));
    }
    PromotionResult result = new PromotionResult(s.promotionId, s.pipelineId, s.sourceAppId,
        results);
    if (!result.succeeded()) throw new PromotionFailedException(result);
    return result;
  }

  private List<String> releaseOutput(Release release, String url, String appId,
      BiConsumer<String, String> lines) {
    Deque<String> tail = new ArrayDeque<>();
    releases.stream(appId, "release v" + release.version(), url, line -> {
      lines.accept(appId, line);
      tail.addLast(line);
      if (tail.size() > OUTPUT_TAIL) tail.removeFirst();
    });
    return List.copyOf(tail);
  }

  /** A created promotion and the client (with the second factor, if any) its calls use. */
  private record Started(Heroku heroku, Promotion promotion, String promotionId,
      String pipelineId, String sourceAppId, List<String> targetIds) {}
}
