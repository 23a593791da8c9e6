package io.herokusdk.redis;

import io.herokusdk.redis.internal.LuaScript;
import io.lettuce.core.LMoveArgs;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A reliable work queue: at-least-once delivery across processes.
 *
 * <p>{@link #poll(Duration)} moves the oldest item atomically from {@code queue:{<name>}} into
 * {@code queue:{<name>}:processing} (LMOVE, or BLMOVE on a pooled connection when waiting) and
 * records a lease in {@code queue:{<name>}:leases} that expires after the visibility timeout.
 * {@link #ack(QueueItem)} removes the item for good. An item whose lease expired, because its
 * consumer crashed or took too long, goes back to the front of the queue the next time any
 * consumer polls or calls {@link #requeueAbandoned()}, with its delivery count raised. Times come
 * from the Redis server's clock, so consumers' clocks do not matter.
 */
public final class WorkQueue {
  /** Used by {@link HerokuRedis#queue(String)}. */
  public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);

  private static final String NOW_MS =
      "local t = redis.call('TIME')\n"
          + "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n";

  /** KEYS: pending, processing, leases. ARGV: visibility ms. Returns the number requeued. */
  private static final String REAP =
      "local requeued = 0\n"
          + "for _, v in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)) do\n"
          + "  redis.call('ZREM', KEYS[3], v)\n"
          + "  if redis.call('LREM', KEYS[2], 1, v) > 0 then\n"
          + "    local n, rest = string.match(v, '^(%d+)|(.*)$')\n"
          + "    if n then\n"
          + "      redis.call('RPUSH', KEYS[1], (tonumber(n) + 1) .. '|' .. rest)\n"
          + "      requeued = requeued + 1\n"
          + "    end\n"
          + "  end\n"
          + "end\n"
          // An item moved by a consumer that died before recording its lease gets one now.
          + "for _, v in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do\n"
          + "  if not redis.call('ZSCORE', KEYS[3], v) then\n"
          + "    redis.call('ZADD', KEYS[3], now + tonumber(ARGV[1]), v)\n"
          + "  end\n"
          + "end\n";

  private static final LuaScript REAP_SCRIPT = new LuaScript(NOW_MS + REAP + "return requeued\n");

  /** Reaps, then moves one item and leases it. Returns the item or nil. */
  private static final LuaScript TAKE_SCRIPT = new LuaScript(NOW_MS + REAP
      + "local v = redis.call('LMOVE', KEYS[1], KEYS[2], 'RIGHT', 'LEFT')\n"
      + "if not v then return false end\n"
      + "redis.call('ZADD', KEYS[3], now + tonumber(ARGV[1]), v)\n"
      + "return v\n");

  /** KEYS: processing, leases. ARGV: envelope, visibility ms. Leases an item still in flight. */
  private static final LuaScript LEASE_SCRIPT = new LuaScript(NOW_MS
      + "if redis.call('LPOS', KEYS[1], ARGV[1]) then\n"
      + "  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[1])\n"
      + "  return 1\n"
      + "end\n"
      + "return 0\n");

  /** KEYS: processing, leases. ARGV: envelope. */
  private static final LuaScript ACK_SCRIPT = new LuaScript(
      "redis.call('ZREM', KEYS[2], ARGV[1])\n"
          + "return redis.call('LREM', KEYS[1], 1, ARGV[1])\n");

  private final HerokuRedis redis;
  private final String name;
  private final Duration visibilityTimeout;
  private final String pending;
  private final String processing;
  private final String leases;

  WorkQueue(HerokuRedis redis, String name, Duration visibilityTimeout) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(visibilityTimeout, "visibilityTimeout == null");
    if (name.isEmpty()) throw new IllegalArgumentException("name must not be empty");
    if (visibilityTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("visibilityTimeout must be at least 1 ms");
    }
    this.redis = redis;
    this.name = name;
    this.visibilityTimeout = visibilityTimeout;
    // A hash tag keeps the three keys in one slot, should the data ever move to a cluster.
    String base = redis.key("queue", "{" + name + "}");
    this.pending = base;
    this.processing = base + ":processing";
    this.leases = base + ":leases";
  }

  /**
   * Adds {@code payload} to the back of the queue; returns the new item's id.
   *
   * @param payload the item's content; any text
   * @return the new item's id, a random UUID, as {@link QueueItem#id()} will show it
   */
  public String enqueue(String payload) {
    Objects.requireNonNull(payload, "payload == null");
    String id = UUID.randomUUID().toString();
    redis.call("Queue enqueue", r -> r.lpush(pending, QueueItem.envelope(id, payload)));
    return id;
  }

  /**
   * Takes the oldest item without waiting; empty if the queue is empty.
   *
   * @return the item, leased for the visibility timeout; empty if the queue is empty
   */
  public Optional<QueueItem> poll() {
    String envelope = redis.call("Queue poll", r -> TAKE_SCRIPT.<String>run(r,
        ScriptOutputType.VALUE, new String[] {pending, processing, leases}, visibilityMillis()));
    return Optional.ofNullable(envelope).map(QueueItem::fromEnvelope);
  }

  /**
   * Takes the oldest item, waiting up to {@code wait} for one to arrive (BLMOVE on a pooled
   * connection, so the shared connection is never blocked); empty if none arrived.
   *
   * @param wait how long to wait for an item, to the millisecond; zero or negative to not wait
   * @return the item, leased for the visibility timeout; empty if none arrived in time
   * @throws RedisUnavailableException if no pooled connection frees up within the command
   *     timeout
   */
  public Optional<QueueItem> poll(Duration wait) {
    Objects.requireNonNull(wait, "wait == null");
    Optional<QueueItem> ready = poll();
    if (ready.isPresent() || wait.toMillis() <= 0) return ready;
    double seconds = Math.max(wait.toMillis(), 1) / 1000.0;
    String envelope = redis.withPooledConnection(wait, r ->
        r.blmove(pending, processing, LMoveArgs.Builder.rightLeft(), seconds));
    if (envelope == null) return Optional.empty();
    redis.call("Queue lease", r -> LEASE_SCRIPT.<Long>run(r, ScriptOutputType.INTEGER,
        new String[] {processing, leases}, envelope, visibilityMillis()));
    return Optional.of(QueueItem.fromEnvelope(envelope));
  }

  /**
   * Marks {@code item} done. Returns false if it was no longer held: its lease had expired and
   * it was re-queued (it will be processed again) or it was acknowledged already.
   *
   * @param item an item taken from this queue
   * @return true if this call removed it, false if it was no longer held
   */
  public boolean ack(QueueItem item) {
    Objects.requireNonNull(item, "item == null");
    long removed = redis.call("Queue ack", r -> ACK_SCRIPT.<Long>run(r,
        ScriptOutputType.INTEGER, new String[] {processing, leases}, item.envelope()));
    return removed > 0;
  }

  /**
   * Puts items whose lease expired back at the front of the queue; returns how many.
   *
   * @return the number of items put back, 0 if none had expired
   */
  public long requeueAbandoned() {
    return redis.call("Queue requeue", r -> REAP_SCRIPT.<Long>run(r, ScriptOutputType.INTEGER,
        new String[] {pending, processing, leases}, visibilityMillis()));
  }

  /**
   * The number of items waiting.
   *
   * @return the number of items not yet taken, in-flight ones excluded
   */
  public long size() {
    return redis.call("Queue size", r -> r.llen(pending));
  }

  /**
   * The number of items taken and not yet acknowledged.
   *
   * @return the in-flight count, including items whose lease expired but that were not yet
   *     put back
   */
  public long inFlight() {
    return redis.call("Queue inFlight", r -> r.llen(processing));
  }

  /**
   * The queue's name.
   *
   * @return the name given to {@link HerokuRedis#queue(String)}, without the key prefix
   */
  public String name() {
    return name;
  }

  /**
   * How long a taken item may go unacknowledged before it is delivered again.
   *
   * @return the visibility timeout; {@link #DEFAULT_VISIBILITY_TIMEOUT} (30 s) unless given to
   *     {@link HerokuRedis#queue(String, Duration)}
   */
  public Duration visibilityTimeout() {
    return visibilityTimeout;
  }

  private String visibilityMillis() {
    return Long.toString(visibilityTimeout.toMillis());
  }

  @Override
  public String toString() {
    return "WorkQueue{" + pending + ", visibilityTimeout=" + visibilityTimeout + "}";
  }
}
