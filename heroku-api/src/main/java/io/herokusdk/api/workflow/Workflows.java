package io.herokusdk.api.workflow;

import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.core.Waiter;
import java.util.Objects;

/**
 * What people do with Heroku, each a few calls of the generated API plus uploads, streams and
 * waits, done the way Heroku's own tools should: deploys, releases, pipeline promotions, review
 * apps, app setups, add-ons, domains, dynos and logs. Get it from {@link
 * io.herokusdk.api.Heroku#workflows()}; every wait uses one {@link Waiter} ({@link
 * #withWaiter(Waiter)} for another deadline or interval). Thread-safe.
 */
public final class Workflows {
  private final WorkflowContext context;
  private final Waiter waiter;

  /**
   * Made by {@link io.herokusdk.api.Heroku#workflows()}; not for direct use.
   *
   * @param context the client's internals the workflows call through
   * @param waiter the waiter every wait of these workflows uses
   */
  public Workflows(WorkflowContext context, Waiter waiter) {
    this.context = Objects.requireNonNull(context, "context == null");
    this.waiter = Objects.requireNonNull(waiter, "waiter == null");
  }

  /**
   * The same workflows waiting with {@code waiter}.
   *
   * @param waiter the deadline and poll interval for every wait, such as {@code
   *     Waiter.builder().timeout(Duration.ofHours(1)).build()} for long builds
   * @return new workflows on the same client; this one is unchanged
   */
  public Workflows withWaiter(Waiter waiter) {
    return new Workflows(context, waiter);
  }

  /**
   * The waiter every wait of these workflows uses.
   *
   * @return the waiter, with its deadline and poll interval
   */
  public Waiter waiter() {
    return waiter;
  }

  // pipelines, review apps, app setups, add-ons, domains, dynos

  /**
   * Pipeline promotions: promote, wait for every target, stream release phases.
   *
   * @return a new {@link Pipelines} using this waiter
   */
  public Pipelines pipelines() {
    return new Pipelines(context, waiter);
  }

  /**
   * Review apps: create from a source tarball and wait until created or errored.
   *
   * @return a new {@link ReviewApps} using this waiter
   */
  public ReviewApps reviewApps() {
    return new ReviewApps(context, waiter);
  }

  /**
   * App setups: create an app from an app.json tarball and wait until it succeeded.
   *
   * @return a new {@link AppSetups} using this waiter
   */
  public AppSetups appSetups() {
    return new AppSetups(context, waiter);
  }

  /**
   * Add-ons: create and wait while provisioning.
   *
   * @return a new {@link AddOns} using this waiter
   */
  public AddOns addOns() {
    return new AddOns(context, waiter);
  }

  /**
   * Custom domains: add and wait for the certificate.
   *
   * @return a new {@link Domains} using this waiter
   */
  public Domains domains() {
    return new Domains(context, waiter);
  }

  /**
   * Dynos: scale, maintenance mode, restart.
   *
   * @return a new {@link Dynos}; it does not wait, so it has no waiter
   */
  public Dynos dynos() {
    return new Dynos(context);
  }

  // log streaming

  /**
   * Log streaming: {@code heroku logs} and {@code heroku logs --tail} as typed lines.
   *
   * @return a new {@link Logs} whose tails reconnect until this waiter's deadline
   */
  public Logs logs() {
    return new Logs(context, waiter);
  }

  // deploys and releases

  /**
   * Deploys from a directory, a tarball or a JAR: upload, build, release, with their output.
   *
   * @return a new {@link Deploys} using this waiter
   */
  public Deploys deploys() {
    return new Deploys(context, waiter);
  }

  /**
   * The current release, rollbacks and release-phase output.
   *
   * @return a new {@link Releases} using this waiter
   */
  public Releases releases() {
    return new Releases(context, waiter);
  }

  WorkflowContext context() {
    return context;
  }

  @Override
  public String toString() {
    return "Workflows{" + context.heroku() + ", " + waiter + "}";
  }
}
