package io.herokusdk.api.workflow;

import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.api.model.AddOn;
import io.herokusdk.api.model.AddOnCreateRequest;
import io.herokusdk.api.model.AddOnState;
import io.herokusdk.core.Waiter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * Add-ons: create one and wait while it is {@code provisioning}, as {@code heroku addons:create
 * --wait} does.
 *
 * <pre>{@code
 * AddOn db = heroku.workflows().addOns().createAndWait("my-app", "heroku-postgresql:essential-0",
 *     Map.of(), "DATABASE");
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class AddOns {
  private final WorkflowContext context;
  private final Waiter waiter;

  AddOns(WorkflowContext context, Waiter waiter) {
    this.context = context;
    this.waiter = waiter;
  }

  /**
   * Creates the add-on and waits until it is {@code provisioned}.
   *
   * @param app the app's name or id
   * @param plan the plan, like {@code heroku-postgresql:essential-0}
   * @param config provider options ({@code follow}, {@code fork}, ...), empty for none
   * @param attachmentName the attachment's name (its config var prefix, e.g. {@code DATABASE}),
   *     or null for the provider's default
   * @return the add-on, {@code provisioned}
   * @throws AddOnProvisioningException if it ended {@code deprovisioned}
   * @throws io.herokusdk.core.WaitTimeoutException if it was still provisioning at the deadline
   */
  public AddOn createAndWait(String app, String plan, Map<String, String> config,
      @Nullable String attachmentName) {
    AddOn created = create(app, plan, config, attachmentName);
    return finish(waiter.until(what(created), () -> poll(created), AddOns::done));
  }

  /**
   * Creates the add-on {@code request} describes (its name, config, attachment, confirm) and
   * waits until it is {@code provisioned}.
   *
   * @param app the app's name or id
   * @param request the add-on to create: plan, and optionally name, config, attachment, confirm
   * @return the add-on, {@code provisioned}
   * @throws AddOnProvisioningException if it ended {@code deprovisioned}
   * @throws io.herokusdk.core.WaitTimeoutException if it was still provisioning at the deadline
   */
  public AddOn createAndWait(String app, AddOnCreateRequest request) {
    Objects.requireNonNull(app, "app == null");
    Objects.requireNonNull(request, "request == null");
    AddOn created = context.heroku().addOns().create(app, request);
    return finish(waiter.until(what(created), () -> poll(created), AddOns::done));
  }

  /**
   * Waits while an existing add-on of {@code app} is {@code provisioning} (one created before,
   * perhaps by a process that has since died).
   *
   * @param app the app's name or id
   * @param addOn the add-on's name or id
   * @return the add-on, {@code provisioned}; at once if it already was
   * @throws AddOnProvisioningException if it ended {@code deprovisioned}
   * @throws io.herokusdk.core.WaitTimeoutException if it was still provisioning at the deadline
   */
  public AddOn waitFor(String app, String addOn) {
    Objects.requireNonNull(app, "app == null");
    AddOn current = context.heroku().addOns().infoByApp(app, addOn);
    return finish(waiter.until(what(current), () -> poll(current), AddOns::done));
  }

  /**
   * {@link #createAndWait} without blocking, on a daemon thread ended with the future.
   *
   * @param app the app's name or id
   * @param plan the plan, like {@code heroku-postgresql:essential-0}
   * @param config provider options, empty for none
   * @param attachmentName the attachment's name (its config var prefix), or null for the
   *     provider's default
   * @return a future completed with the {@code provisioned} add-on, or exceptionally with what
   *     {@link #createAndWait(String, String, Map, String)} throws; cancelling it stops the polling
   */
  public CompletableFuture<AddOn> createAsync(String app, String plan, Map<String, String> config,
      @Nullable String attachmentName) {
    Objects.requireNonNull(app, "app == null");
    return Async.runOwned("heroku-add-on", () -> create(app, plan, config, attachmentName),
        (created, on) -> waiter.untilAsync(what(created), () -> poll(created), AddOns::done,
            a -> { }, on), (created, addOn) -> finish(addOn));
  }

  /**
   * {@link #createAsync(String, String, Map, String)} on the caller's scheduler (left running).
   *
   * @param app the app's name or id
   * @param plan the plan, like {@code heroku-postgresql:essential-0}
   * @param config provider options, empty for none
   * @param attachmentName the attachment's name (its config var prefix), or null for the
   *     provider's default
   * @param scheduler runs the create call and the polls; not shut down
   * @return a future completed with the {@code provisioned} add-on, or exceptionally with what
   *     {@link #createAndWait(String, String, Map, String)} throws; cancelling it stops the polling
   */
  public CompletableFuture<AddOn> createAsync(String app, String plan, Map<String, String> config,
      @Nullable String attachmentName, ScheduledExecutorService scheduler) {
    Objects.requireNonNull(app, "app == null");
    return Async.run(scheduler, () -> create(app, plan, config, attachmentName),
        (created, on) -> waiter.untilAsync(what(created), () -> poll(created), AddOns::done,
            a -> { }, on), (created, addOn) -> finish(addOn));
  }

  private AddOn create(String app, String plan, Map<String, String> config,
      @Nullable String attachmentName) {
    Objects.requireNonNull(app, "app == null");
    Objects.requireNonNull(plan, "plan == null");
    Objects.requireNonNull(config, "config == null");
    return context.heroku().addOns().create(app, new AddOnCreateRequest(
        attachmentName == null ? null : new AddOnCreateRequest.Attachment(attachmentName),
        config.isEmpty() ? null : config, null, plan, null));
  }

  private AddOn poll(AddOn created) {
    return context.heroku().addOns().infoByApp(created.app().id(), created.id());
  }

  private static String what(AddOn created) {
    return "add-on " + created.name() + " (" + created.plan().name() + ") to provision";
  }

  private static boolean done(AddOn addOn) {
    return addOn.state() != AddOnState.PROVISIONING;
  }

  private static AddOn finish(AddOn addOn) {
    if (addOn.state() != AddOnState.PROVISIONED) throw new AddOnProvisioningException(addOn);
    return addOn;
  }
}
