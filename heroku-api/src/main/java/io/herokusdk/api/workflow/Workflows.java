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

  /** Made by {@link io.herokusdk.api.Heroku#workflows()}; not for direct use. */
  public Workflows(WorkflowContext context, Waiter waiter) {
    this.context = Objects.requireNonNull(context, "context == null");
    this.waiter = Objects.requireNonNull(waiter, "waiter == null");
  }

  /** The same workflows waiting with {@code waiter}. */
  public Workflows withWaiter(Waiter waiter) {
    return new Workflows(context, waiter);
  }

  /** The waiter every wait of these workflows uses. */
  public Waiter waiter() {
    return waiter;
  }

  /** Deploys from a directory, a tarball or a JAR: upload, build, release, with their output. */
  public Deploys deploys() {
    return new Deploys(context, waiter);
  }

  /** The current release, rollbacks and release-phase output. */
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
