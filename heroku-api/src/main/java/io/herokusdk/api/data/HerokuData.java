package io.herokusdk.api.data;

import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.core.Waiter;
import java.util.Objects;

/**
 * Heroku Data: Postgres and Key-Value Store (Redis) operations on the Data API host ({@code
 * https://api.data.heroku.com}, or {@code HEROKU_DATA_HOST}), what the CLI's {@code pg:*} and
 * {@code redis:*} commands do. Get it from {@link io.herokusdk.api.Heroku#data()}: it shares that
 * client's token, connections, retries, typed errors and {@code Request-Id}. Every wait uses one
 * {@link Waiter} ({@link #withWaiter(Waiter)} for another deadline or interval). Thread-safe.
 *
 * <pre>{@code
 * Postgres pg = heroku.data().postgres();
 * Transfer backup = pg.backups().captureAndWait("my-app", "postgresql-curved-12345", t -> { });
 * pg.backups().download("my-app", backup.name(), Path.of("latest.dump"), p -> { });
 * }</pre>
 */
public final class HerokuData {
  private final WorkflowContext context;
  private final Waiter waiter;
  private final DataService service;

  /**
   * Made by {@link io.herokusdk.api.Heroku}; not for direct use.
   *
   * @param context the client's token, connections, retries and errors
   * @param waiter the waiter every wait uses
   */
  public HerokuData(WorkflowContext context, Waiter waiter) {
    this.context = Objects.requireNonNull(context, "context == null");
    this.waiter = Objects.requireNonNull(waiter, "waiter == null");
    this.service = context.runtime().service(DataService.class);
  }

  /**
   * The same operations waiting with {@code waiter}.
   *
   * @param waiter the deadline and poll interval of every wait
   * @return a new instance on the same client; this one keeps its waiter
   */
  public HerokuData withWaiter(Waiter waiter) {
    return new HerokuData(context, waiter);
  }

  /**
   * The waiter every wait uses.
   *
   * @return the client's waiter, or the one given to {@link #withWaiter(Waiter)}
   */
  public Waiter waiter() {
    return waiter;
  }

  /**
   * Heroku Postgres: info, wait, backups, credentials, followers' unfollow, pooling.
   *
   * @return the Postgres operations, waiting with {@link #waiter()}
   */
  public Postgres postgres() {
    return new Postgres(context, service, waiter);
  }

  /**
   * Heroku Key-Value Store (Redis): info, settings, wait, credential rotation.
   *
   * @return the Key-Value Store operations, waiting with {@link #waiter()}
   */
  public Redis redis() {
    return new Redis(context, service, waiter);
  }

  @Override
  public String toString() {
    return "HerokuData{" + context.heroku() + ", " + waiter + "}";
  }
}
