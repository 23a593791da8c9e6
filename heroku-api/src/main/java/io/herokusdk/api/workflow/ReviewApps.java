package io.herokusdk.api.workflow;

import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.api.model.AppSetupStatus;
import io.herokusdk.api.model.ReviewApp;
import io.herokusdk.api.model.ReviewAppCreateRequest;
import io.herokusdk.api.model.ReviewAppStatus;
import io.herokusdk.core.Waiter;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * Review apps: create one for a branch from a source tarball ({@code POST /review-apps}) and
 * wait while it is {@code pending} or {@code creating}.
 *
 * <pre>{@code
 * ReviewAppResult app = heroku.workflows().reviewApps().createAndWait(ReviewAppCreateRequest
 *     .builder().pipeline(pipelineId).branch("feature-x").prNumber(42L)
 *     .sourceBlob(new ReviewAppSourceBlob(tarballUrl, commitSha)).build());
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ReviewApps {
  private final WorkflowContext context;
  private final Waiter waiter;

  ReviewApps(WorkflowContext context, Waiter waiter) {
    this.context = context;
    this.waiter = waiter;
  }

  /**
   * Creates the review app and waits until it is {@code created}, {@code errored} or {@code
   * deleted}; the result includes its app setup's outcome.
   *
   * @param request the pipeline, branch and source tarball, and optionally the PR number and
   *     environment
   * @return the outcome, {@code created}, with its app setup's (not {@code failed})
   * @throws ReviewAppFailedException unless it was created, or if its app setup failed
   * @throws io.herokusdk.core.WaitTimeoutException if it was still being created at the deadline
   */
  public ReviewAppResult createAndWait(ReviewAppCreateRequest request) {
    Objects.requireNonNull(request, "request == null");
    ReviewApp created = context.heroku().reviewApps().create(request);
    return finish(waiter.until(what(created), () -> poll(created), ReviewApps::done));
  }

  /**
   * {@link #createAndWait} without blocking, on a daemon thread ended with the future.
   *
   * @param request the pipeline, branch and source tarball of the review app
   * @return a future completed with the {@code created} outcome, or exceptionally with what
   *     {@link #createAndWait(ReviewAppCreateRequest)} throws; cancelling it stops the polling
   */
  public CompletableFuture<ReviewAppResult> createAsync(ReviewAppCreateRequest request) {
    Objects.requireNonNull(request, "request == null");
    return Async.runOwned("heroku-review-app", () -> context.heroku().reviewApps().create(request),
        (created, on) -> waiter.untilAsync(what(created), () -> poll(created), ReviewApps::done,
            a -> { }, on), (created, app) -> finish(app));
  }

  /**
   * {@link #createAsync(ReviewAppCreateRequest)} on the caller's scheduler (left running).
   *
   * @param request the pipeline, branch and source tarball of the review app
   * @param scheduler runs the create call and the polls; not shut down
   * @return a future completed with the {@code created} outcome, or exceptionally with what
   *     {@link #createAndWait(ReviewAppCreateRequest)} throws; cancelling it stops the polling
   */
  public CompletableFuture<ReviewAppResult> createAsync(ReviewAppCreateRequest request,
      ScheduledExecutorService scheduler) {
    Objects.requireNonNull(request, "request == null");
    return Async.run(scheduler, () -> context.heroku().reviewApps().create(request),
        (created, on) -> waiter.untilAsync(what(created), () -> poll(created), ReviewApps::done,
            a -> { }, on), (created, app) -> finish(app));
  }

  private ReviewApp poll(ReviewApp created) {
    return context.heroku().reviewApps().getReviewApp(created.id());
  }

  private static String what(ReviewApp created) {
    return "review app " + created.id() + " of branch " + created.branch() + " to be created";
  }

  private static boolean done(ReviewApp app) {
    return app.status() != ReviewAppStatus.PENDING && app.status() != ReviewAppStatus.CREATING;
  }

  private ReviewAppResult finish(ReviewApp app) {
    @Nullable AppSetupResult setup = app.appSetup() == null ? null
        : AppSetupResult.of(context.heroku().appSetups().info(app.appSetup().id()));
    ReviewAppResult result = ReviewAppResult.of(app, setup);
    if (app.status() != ReviewAppStatus.CREATED
        || (setup != null && setup.status() == AppSetupStatus.FAILED)) {
      throw new ReviewAppFailedException(result);
    }
    return result;
  }
}
