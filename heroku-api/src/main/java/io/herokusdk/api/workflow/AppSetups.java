package io.herokusdk.api.workflow;

import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.api.model.AppSetup;
import io.herokusdk.api.model.AppSetupCreateRequest;
import io.herokusdk.api.model.AppSetupStatus;
import io.herokusdk.core.Waiter;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * App setups: create an app from a source tarball with an {@code app.json} ({@code POST
 * /app-setups}) and wait until it {@code succeeded} or {@code failed}.
 *
 * <pre>{@code
 * AppSetupResult setup = heroku.workflows().appSetups().createAndWait(AppSetupCreateRequest
 *     .builder().sourceBlob(AppSetupCreateRequest.SourceBlob.builder()
 *         .url("https://example.com/app.tgz").version("abc123").build()).build());
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class AppSetups {
  private final WorkflowContext context;
  private final Waiter waiter;

  AppSetups(WorkflowContext context, Waiter waiter) {
    this.context = context;
    this.waiter = waiter;
  }

  /**
   * Creates the app setup and waits until it is no longer {@code pending}.
   *
   * @param request the source tarball with its {@code app.json}, and optionally the app's name,
   *     region, team and config var overrides
   * @return the setup's outcome, {@code succeeded}
   * @throws AppSetupFailedException if it failed (manifest errors, build, postdeploy)
   * @throws io.herokusdk.core.WaitTimeoutException if it was still pending at the deadline
   */
  public AppSetupResult createAndWait(AppSetupCreateRequest request) {
    Objects.requireNonNull(request, "request == null");
    AppSetup created = context.heroku().appSetups().create(request);
    return finish(waiter.until(what(created), () -> poll(created), AppSetups::done));
  }

  /**
   * {@link #createAndWait} without blocking, on a daemon thread ended with the future.
   *
   * @param request the source tarball with its {@code app.json}, and the app's settings
   * @return a future completed with the {@code succeeded} outcome, or exceptionally with what
   *     {@link #createAndWait(AppSetupCreateRequest)} throws; cancelling it stops the polling
   */
  public CompletableFuture<AppSetupResult> createAsync(AppSetupCreateRequest request) {
    Objects.requireNonNull(request, "request == null");
    return Async.runOwned("heroku-app-setup", () -> context.heroku().appSetups().create(request),
        (created, on) -> waiter.untilAsync(what(created), () -> poll(created), AppSetups::done,
            s -> { }, on), (created, setup) -> finish(setup));
  }

  /**
   * {@link #createAsync(AppSetupCreateRequest)} on the caller's scheduler (left running).
   *
   * @param request the source tarball with its {@code app.json}, and the app's settings
   * @param scheduler runs the create call and the polls; not shut down
   * @return a future completed with the {@code succeeded} outcome, or exceptionally with what
   *     {@link #createAndWait(AppSetupCreateRequest)} throws; cancelling it stops the polling
   */
  public CompletableFuture<AppSetupResult> createAsync(AppSetupCreateRequest request,
      ScheduledExecutorService scheduler) {
    Objects.requireNonNull(request, "request == null");
    return Async.run(scheduler, () -> context.heroku().appSetups().create(request),
        (created, on) -> waiter.untilAsync(what(created), () -> poll(created), AppSetups::done,
            s -> { }, on), (created, setup) -> finish(setup));
  }

  /**
   * Waits for an existing app setup (e.g. a review app's).
   *
   * @param appSetupId the app setup's id
   * @return the setup's outcome, {@code succeeded}; at once if it already was
   * @throws AppSetupFailedException if it failed
   * @throws io.herokusdk.core.WaitTimeoutException if it was still pending at the deadline
   */
  public AppSetupResult await(String appSetupId) {
    Objects.requireNonNull(appSetupId, "appSetupId == null");
    return finish(waiter.until("app setup " + appSetupId + " to finish",
        () -> context.heroku().appSetups().info(appSetupId), AppSetups::done));
  }

  private AppSetup poll(AppSetup created) {
    return context.heroku().appSetups().info(created.id());
  }

  private static String what(AppSetup created) {
    return "app setup " + created.id() + " of app " + created.app().name() + " to finish";
  }

  private static boolean done(AppSetup setup) {
    return setup.status() != AppSetupStatus.PENDING;
  }

  static AppSetupResult finish(AppSetup setup) {
    AppSetupResult result = AppSetupResult.of(setup);
    if (setup.status() != AppSetupStatus.SUCCEEDED) throw new AppSetupFailedException(result);
    return result;
  }
}
