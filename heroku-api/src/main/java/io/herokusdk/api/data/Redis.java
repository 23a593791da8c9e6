package io.herokusdk.api.data;

import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.core.Waiter;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Heroku Key-Value Store (Redis) through the Data API: {@code redis:info}, {@code
 * redis:maxmemory}, {@code redis:timeout}, {@code redis:keyspace-notifications}, {@code
 * redis:wait} and {@code redis:credentials --reset}. A {@code database} is the add-on's name or
 * id. Thread-safe.
 *
 * <pre>{@code
 * Redis redis = heroku.data().redis();
 * if ("noeviction".equals(redis.info("redis-shiny-123").maxmemoryPolicy())) {
 *   redis.maxmemoryPolicy("redis-shiny-123", "allkeys-lru");
 * }
 * }</pre>
 */
public final class Redis {
  private final WorkflowContext context;
  private final DataService service;
  private final Waiter waiter;

  Redis(WorkflowContext context, DataService service, Waiter waiter) {
    this.context = context;
    this.service = service;
    this.waiter = waiter;
  }

  /**
   * {@code redis:info}: plan, status, version, eviction policy and the other lines.
   *
   * @param database the add-on's name or id, like {@code redis-shiny-123}
   * @return the store's info as the Data API reports it now
   */
  public RedisInfo info(String database) {
    return RedisInfo.from(context.runtime().execute(service.redis(db(database))));
  }

  /**
   * {@code redis:maxmemory --policy}: what to do when memory is full, like {@code allkeys-lru}.
   *
   * @param database the add-on's name or id
   * @param policy the eviction policy, like {@code noeviction} or {@code allkeys-lru}
   * @return the settings as the Data API answered the change
   */
  public RedisConfig maxmemoryPolicy(String database, String policy) {
    return config(database, Map.of("maxmemory_policy", Objects.requireNonNull(policy, "policy")));
  }

  /**
   * {@code redis:timeout}: closes clients idle this long ({@link Duration#ZERO}: never).
   *
   * @param database the add-on's name or id
   * @param idle how long a client may be idle, not negative; sent in whole seconds with the
   *     fraction dropped, so less than a second means never
   * @return the settings as the Data API answered the change
   */
  public RedisConfig timeout(String database, Duration idle) {
    Objects.requireNonNull(idle, "idle == null");
    if (idle.isNegative()) throw new IllegalArgumentException("negative timeout: " + idle);
    return config(database, Map.of("timeout", idle.toSeconds()));
  }

  /**
   * {@code redis:keyspace-notifications}: the {@code notify-keyspace-events} flags, like {@code
   * Ex} ({@code ""} turns them off).
   *
   * @param database the add-on's name or id
   * @param flags Redis' event-class letters, like {@code Ex} or {@code KEA}; {@code ""} for none
   * @return the settings as the Data API answered the change
   */
  public RedisConfig keyspaceNotifications(String database, String flags) {
    return config(database, Map.of("notify_keyspace_events",
        Objects.requireNonNull(flags, "flags")));
  }

  /**
   * {@link #waitUntilAvailable(String, Consumer)} without progress.
   *
   * @param database the add-on's name or id
   * @return the last status polled: not waiting, no error
   */
  public WaitStatus waitUntilAvailable(String database) {
    return waitUntilAvailable(database, s -> { });
  }

  /**
   * {@code redis:wait}: polls until the store is no longer waiting.
   *
   * @param database the add-on's name or id
   * @param progress sees every status polled
   * @return the last status polled: not waiting, no error
   * @throws DatabaseUnavailableException if its status reports an error
   * @throws io.herokusdk.core.WaitTimeoutException if it is still waiting at the deadline
   */
  public WaitStatus waitUntilAvailable(String database, Consumer<? super WaitStatus> progress) {
    String id = db(database);
    WaitStatus last = waiter.until("key-value store " + database + " to be available",
        () -> WaitStatus.from(context.runtime().execute(service.redisWait(id))),
        s -> !s.waiting() || s.error(), Objects.requireNonNull(progress, "progress == null"));
    if (last.error()) {
      throw new DatabaseUnavailableException(database,
          last.message() == null ? "the Data API reported an error" : last.message());
    }
    return last;
  }

  /**
   * {@code redis:credentials --reset}: new password; {@code REDIS_URL} changes.
   *
   * @param database the add-on's name or id
   */
  public void rotateCredentials(String database) {
    context.runtime().executeDiscardingBody(service.redisRotate(db(database), Map.of()));
  }

  private RedisConfig config(String database, Map<String, Object> change) {
    return RedisConfig.from(context.runtime().execute(service.redisConfig(db(database), change)));
  }

  private String db(String database) {
    return context.runtime().segment("database", database);
  }
}
