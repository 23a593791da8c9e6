package io.herokusdk.redis;

import io.herokusdk.core.JobLock;
import io.herokusdk.core.JobLockException;
import io.herokusdk.core.JobLocks;
import io.herokusdk.redis.internal.LuaScript;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link JobLocks} on Redis keys with an expiry, from {@link HerokuRedis#jobLocks()}: the key
 * {@code joblock:<job>} (after the key prefix) is set with {@code SET key token NX PX ttl} to a
 * random token of the holder's.
 *
 * <pre>{@code
 * boolean ran = redis.jobLocks().runExclusively("cost-report", () -> report());
 * }</pre>
 *
 * <p>A run that crashes or whose dyno is killed frees the lock when the key expires (the TTL,
 * default 60 s). While a lock is held a watchdog thread renews the expiry every third of the
 * TTL, so a job may run longer than the TTL; {@link #withoutRenewal()} turns it off (then the
 * TTL must exceed the job's longest run). Releasing and renewing check the token in one Lua
 * script, so a run whose lock expired and was taken by another can neither release nor extend
 * the other's lock. If renewal finds the lock gone, {@link JobLock#isHeld()} turns false and a
 * warning is logged. Thread-safe.
 */
public final class RedisJobLocks implements JobLocks {
  private static final Logger log = LoggerFactory.getLogger(RedisJobLocks.class);

  /** The default expiry of a lock key: 60 s. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

  /** KEYS: lock. ARGV: token. Deletes the key only if it holds the token. */
  private static final LuaScript RELEASE = new LuaScript(
      "if redis.call('GET', KEYS[1]) == ARGV[1] then\n"
          + "  return redis.call('DEL', KEYS[1])\n"
          + "end\n"
          + "return 0\n");

  /** KEYS: lock. ARGV: token, ttl ms. Extends the key only if it holds the token. */
  private static final LuaScript RENEW = new LuaScript(
      "if redis.call('GET', KEYS[1]) == ARGV[1] then\n"
          + "  return redis.call('PEXPIRE', KEYS[1], ARGV[2])\n"
          + "end\n"
          + "return 0\n");

  private final HerokuRedis redis;
  private final Duration ttl;
  private final boolean renew;

  RedisJobLocks(HerokuRedis redis, Duration ttl, boolean renew) {
    Objects.requireNonNull(ttl, "ttl == null");
    if (ttl.toMillis() < 3) throw new IllegalArgumentException("ttl must be at least 3 ms");
    this.redis = redis;
    this.ttl = ttl;
    this.renew = renew;
  }

  /**
   * The same locks without the watchdog: a lock then lasts at most the TTL.
   *
   * @return new locks with the same TTL and keys that are never renewed
   */
  public RedisJobLocks withoutRenewal() {
    return new RedisJobLocks(redis, ttl, false);
  }

  /**
   * How long a lock key lives without renewal.
   *
   * @return the TTL; {@link #DEFAULT_TTL} (60 s) unless given to
   *     {@link HerokuRedis#jobLocks(Duration)}
   */
  public Duration ttl() {
    return ttl;
  }

  /**
   * Whether held locks are renewed while they are held.
   *
   * @return true unless these locks came from {@link #withoutRenewal()}
   */
  public boolean renews() {
    return renew;
  }

  /**
   * The Redis key of {@code job}'s lock, with the key prefix, e.g. to see who holds it.
   *
   * @param job the job's name; any non-blank text
   * @return the key prefix, then {@code joblock:}, then {@code job}
   * @throws IllegalArgumentException if {@code job} is blank
   */
  public String key(String job) {
    checkJob(job);
    return redis.key("joblock", job);
  }

  /**
   * Takes the lock on {@code job} if its key is free, without waiting.
   *
   * @throws JobLockException if Redis cannot be reached; its cause is the
   *     {@link RedisUnavailableException} or {@link HerokuRedisException}
   */
  @Override
  public Optional<JobLock> tryAcquire(String job) {
    String key = key(job);
    String token = UUID.randomUUID().toString();
    String reply;
    try {
      reply = redis.call("Job lock",
          r -> r.set(key, token, SetArgs.Builder.nx().px(ttl.toMillis())));
    } catch (HerokuRedisException e) {
      throw new JobLockException("Could not lock job \"" + job + "\" in Redis ("
          + redis.configVar() + "): " + e.getMessage(), e);
    }
    if (!"OK".equals(reply)) {
      log.info("Job {} is locked by another process (key {}); not running it", job, key);
      return Optional.empty();
    }
    log.debug("Locked job {} (key {}, ttl {} ms)", job, key, ttl.toMillis());
    return Optional.of(new Held(job, key, token));
  }

  private static void checkJob(String job) {
    Objects.requireNonNull(job, "job == null");
    if (job.isBlank()) throw new IllegalArgumentException("the job name must not be blank");
  }

  @Override
  public String toString() {
    return "RedisJobLocks{ttl=" + ttl + (renew ? ", renewed" : "") + "}";
  }

  /** A held lock: its key, its token and, if renewing, its watchdog. */
  private final class Held implements JobLock {
    private final String job;
    private final String key;
    private final String token;
    private final AtomicBoolean released = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();
    private final @Nullable ScheduledExecutorService watchdog;

    Held(String job, String key, String token) {
      this.job = job;
      this.key = key;
      this.token = token;
      if (renew) {
        watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
          Thread thread = new Thread(runnable, "heroku-redis-joblock-" + job);
          thread.setDaemon(true);
          return thread;
        });
        long every = Math.max(1, ttl.toMillis() / 3);
        watchdog.scheduleWithFixedDelay(this::renewOnce, every, every, TimeUnit.MILLISECONDS);
      } else {
        watchdog = null;
      }
    }

    /** Stops the watchdog, which runs {@link #renewOnce()}. */
    private void stopRenewing() {
      if (watchdog != null) watchdog.shutdown();
    }

    private void renewOnce() {
      if (released.get() || lost.get()) return;
      try {
        Long renewed = redis.call("Job lock renewal", r -> RENEW.<Long>run(r,
            ScriptOutputType.INTEGER, new String[] {key}, token,
            Long.toString(ttl.toMillis())));
        if ((renewed == null || renewed == 0L) && !released.get()) {
          lost.set(true);
          log.warn("Job {}: its lock (key {}) expired or was taken before it could be renewed;"
              + " another run may start. Raise the TTL if Redis was unreachable for long.", job,
              key);
          stopRenewing();
        }
      } catch (IllegalStateException e) {
        log.warn("Job {}: the HerokuRedis holding its lock (key {}) was closed; no more renewals,"
            + " so the lock expires within {} ms", job, key, ttl.toMillis());
        stopRenewing();
      } catch (RuntimeException e) {
        log.warn("Job {}: could not renew its lock (key {}); retrying in {} ms: {}", job, key,
            Math.max(1, ttl.toMillis() / 3), e.getMessage());
      }
    }

    @Override
    public String job() {
      return job;
    }

    @Override
    public boolean isHeld() {
      if (released.get() || lost.get()) return false;
      try {
        return token.equals(redis.call("Job lock check", r -> r.get(key)));
      } catch (RuntimeException e) {
        log.warn("Job {}: could not check its lock (key {}): {}", job, key, e.getMessage());
        return false;
      }
    }

    @Override
    public void close() {
      if (!released.compareAndSet(false, true)) return;
      if (watchdog != null) watchdog.shutdownNow();
      try {
        Long deleted = redis.call("Job lock release", r -> RELEASE.<Long>run(r,
            ScriptOutputType.INTEGER, new String[] {key}, token));
        if (deleted == null || deleted == 0L) {
          log.warn("Job {}: its lock (key {}) had already expired or been taken when released",
              job, key);
        } else {
          log.debug("Released job {}", job);
        }
      } catch (RuntimeException e) {
        log.warn("Job {}: could not release its lock (key {}); it expires within {} ms: {}",
            job, key, ttl.toMillis(), e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "JobLock[" + job + ", key " + key + (released.get() ? ", released" : "")
          + (lost.get() ? ", lost" : "") + "]";
    }
  }
}
