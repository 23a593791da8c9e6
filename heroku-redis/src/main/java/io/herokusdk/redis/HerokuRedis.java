package io.herokusdk.redis;

import com.squareup.moshi.Moshi;
import io.herokusdk.core.ConfigVars;
import io.herokusdk.redis.internal.Errors;
import io.herokusdk.redis.internal.LettuceSetup;
import io.herokusdk.redis.internal.RedisAuth;
import io.herokusdk.redis.internal.RedisSettings;
import io.herokusdk.redis.internal.SettingsResolver;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.support.AsyncConnectionPoolSupport;
import io.lettuce.core.support.BoundedAsyncPool;
import io.lettuce.core.support.BoundedPoolConfig;
import java.io.Closeable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis client for Heroku Key-Value Store: reads {@code REDIS_URL}, connects over TLS the way
 * Heroku needs, reconnects on its own, and offers cache, pub/sub, work-queue and rate-limit
 * helpers that share one multiplexed connection.
 *
 * <pre>{@code
 * try (HerokuRedis redis = HerokuRedis.fromEnv()) {
 *   redis.sync().set("greeting", "hello");
 *   User user = redis.cache().getOrCompute("user:42", Duration.ofMinutes(5), User.class,
 *       () -> loadUser(42));
 * }
 * }</pre>
 *
 * <p>One instance per process: it owns Lettuce's {@code RedisClient} and {@code ClientResources}
 * (event-loop threads), one shared connection for ordinary commands, a small pool (at most
 * {@code REDIS_POOL_SIZE}, default 4) for transactions and blocking commands, and a pub/sub
 * connection opened on first use. {@link #close()} releases all of them. Thread-safe.
 */
public final class HerokuRedis implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(HerokuRedis.class);

  private final Builder builder;
  private final RedisSettings settings;
  private final Errors errors;
  private final Moshi moshi;
  private final ClientResources resources;
  private final RedisClient client;
  private final RedisURI uri;
  private final StatefulRedisConnection<String, String> connection;
  private final BoundedAsyncPool<StatefulRedisConnection<String, String>> pool;
  private final Semaphore poolPermits;
  private final RedisCache cache;
  private final RedisPubSub pubSub;
  private final RedisDiagnostics diagnostics;
  private volatile boolean closed;

  private HerokuRedis(Builder builder, RedisSettings settings) {
    this.builder = builder.copy();
    this.settings = settings;
    RedisAuth auth = RedisAuth.of(settings);
    this.errors = new Errors(settings, auth);
    this.moshi = builder.moshi != null ? builder.moshi : new Moshi.Builder().build();
    this.uri = LettuceSetup.redisUri(settings, auth);
    this.resources = LettuceSetup.clientResources(settings);
    RedisClient newClient = null;
    StatefulRedisConnection<String, String> newConnection;
    try {
      newClient = RedisClient.create(resources, uri);
      newClient.setOptions(LettuceSetup.clientOptions(settings));
      RedisClient connecting = newClient;
      newConnection = auth == null ? connecting.connect(StringCodec.UTF8)
          : auth.connect(() -> connecting.connect(StringCodec.UTF8));
    } catch (RuntimeException e) {
      shutdown(newClient, resources);
      throw errors.connectFailed(e);
    }
    this.client = newClient;
    this.connection = newConnection;
    RedisClient poolClient = newClient;
    this.pool = AsyncConnectionPoolSupport.createBoundedObjectPool(
        () -> poolClient.connectAsync(StringCodec.UTF8, uri),
        BoundedPoolConfig.builder()
            .maxTotal(settings.poolSize())
            .maxIdle(settings.poolSize())
            .minIdle(0)
            .build());
    this.poolPermits = new Semaphore(settings.poolSize(), true);
    this.diagnostics = new RedisDiagnostics(this);
    this.cache = new RedisCache(this);
    this.pubSub = new RedisPubSub(this);
    log.info("Connected to Redis at {}, TLS verification {}", settings.describe(),
        settings.useTls() ? settings.tls().mode() : "n/a");
  }

  /**
   * Connects using config vars from the environment (and {@code .env}): see {@link Builder}.
   *
   * @return a connected client; close it when done
   */
  public static HerokuRedis fromEnv() {
    return builder().build();
  }

  /**
   * Connects using these config vars: see {@link Builder} for the names read.
   *
   * @param configVars where {@code REDIS_URL} and the other vars are read from
   * @return a connected client; close it when done
   */
  public static HerokuRedis fromConfig(ConfigVars configVars) {
    return builder().configVars(configVars).build();
  }

  /**
   * Starts a builder that reads config vars from the environment unless given others.
   *
   * @return a new builder with nothing set
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with this instance's settings, to build another instance (e.g. in tests).
   *
   * @return a new builder holding what was set explicitly on the one that built this instance;
   *     changing it does not affect this instance
   */
  public Builder toBuilder() {
    return builder.copy();
  }

  /**
   * The synchronous commands of the shared, multiplexed connection. Use it from any number of
   * threads; do not use MULTI/EXEC, WATCH or blocking commands on it (see
   * {@link #transaction(Consumer)} and {@link #withDedicatedConnection(Function)}). Failures are
   * Lettuce's exceptions; {@link #execute(Function)} turns them into this SDK's.
   *
   * @return the shared connection's synchronous commands
   * @throws IllegalStateException if this instance is closed
   */
  public RedisCommands<String, String> sync() {
    ensureOpen();
    return connection.sync();
  }

  /**
   * The asynchronous commands of the shared connection; same rules as {@link #sync()}.
   *
   * @return the shared connection's asynchronous commands
   * @throws IllegalStateException if this instance is closed
   */
  public RedisAsyncCommands<String, String> async() {
    ensureOpen();
    return connection.async();
  }

  /**
   * The shared connection itself, for Lettuce APIs this class does not cover.
   *
   * @return the shared connection; do not close it, {@link #close()} does
   * @throws IllegalStateException if this instance is closed
   */
  public StatefulRedisConnection<String, String> connection() {
    ensureOpen();
    return connection;
  }

  /**
   * Runs {@code work} against the shared connection, turning Redis failures into
   * {@link RedisUnavailableException} (not reachable right now: disconnected, dropped
   * mid-command, timed out, loading) or {@link HerokuRedisException} (e.g. an error reply).
   *
   * @param <T> the type of {@code work}'s result
   * @param work the commands to run, given the shared connection's synchronous commands
   * @return what {@code work} returned
   */
  public <T> T execute(Function<RedisCommands<String, String>, T> work) {
    Objects.requireNonNull(work, "work == null");
    ensureOpen();
    try {
      return work.apply(connection.sync());
    } catch (RedisException e) {
      throw errors.translate("Redis command", e);
    }
  }

  /**
   * Runs {@code work} on a connection of its own from the pool, for blocking commands (BLPOP,
   * BLMOVE, ...) and WATCH. Waits up to the command timeout for a free connection.
   *
   * @param <T> the type of {@code work}'s result
   * @param work the commands to run, given the pooled connection's synchronous commands; the
   *     connection goes back to the pool when it returns, with an open MULTI discarded
   * @return what {@code work} returned
   * @throws RedisUnavailableException if no pooled connection frees up in time
   */
  public <T> T withDedicatedConnection(Function<RedisCommands<String, String>, T> work) {
    Objects.requireNonNull(work, "work == null");
    return withPooledConnection(null, work);
  }

  /**
   * Runs {@code commands} between MULTI and EXEC on a pooled connection and returns the replies.
   * Commands inside return null (their replies are in the result). If {@code commands} throws,
   * the transaction is discarded and the exception rethrown.
   *
   * @param commands queues the transaction's commands on the given connection
   * @return the replies of the queued commands, in order
   */
  public TransactionResult transaction(Consumer<RedisCommands<String, String>> commands) {
    Objects.requireNonNull(commands, "commands == null");
    return withPooledConnection(null, redis -> {
      redis.multi();
      try {
        commands.accept(redis);
      } catch (RuntimeException | Error e) {
        redis.discard();
        throw e;
      }
      return redis.exec();
    });
  }

  /**
   * The cache-aside helper (keys under {@code cache:}).
   *
   * @return this instance's cache; the first call logs a warning if the server's
   *     {@code maxmemory-policy} is {@code noeviction}
   */
  public RedisCache cache() {
    ensureOpen();
    cache.checkEvictionPolicyOnce();
    return cache;
  }

  /**
   * The pub/sub helper; its connection opens on the first subscription.
   *
   * @return this instance's pub/sub helper
   */
  public RedisPubSub pubSub() {
    ensureOpen();
    return pubSub;
  }

  /**
   * A reliable work queue named {@code name} (keys under {@code queue:{<name>}}) whose items are
   * re-delivered when not acknowledged within {@link WorkQueue#DEFAULT_VISIBILITY_TIMEOUT}.
   *
   * @param name the queue's name, such as {@code "emails"}; not empty
   * @return a queue; every instance with the same name shares the same items
   */
  public WorkQueue queue(String name) {
    return queue(name, WorkQueue.DEFAULT_VISIBILITY_TIMEOUT);
  }

  /**
   * A reliable work queue named {@code name} whose taken items are re-delivered when not
   * acknowledged within {@code visibilityTimeout}.
   *
   * @param name the queue's name, such as {@code "emails"}; not empty
   * @param visibilityTimeout how long a taken item may go unacknowledged; at least 1 ms
   * @return a queue; every instance with the same name shares the same items
   */
  public WorkQueue queue(String name, Duration visibilityTimeout) {
    ensureOpen();
    return new WorkQueue(this, name, visibilityTimeout);
  }

  /**
   * A rate limiter named {@code name} (keys under {@code ratelimit:<name>:}) allowing
   * {@code limit} calls per subject in each {@code window}.
   *
   * @param name the limiter's name, such as {@code "login"}; not empty
   * @param limit the most calls allowed per subject and window; at least 1
   * @param window the window's length; at least 1 ms
   * @param kind {@link RateLimiter.Window#FIXED FIXED} (one counter, cheapest) or
   *     {@link RateLimiter.Window#SLIDING SLIDING} (exact)
   * @return a limiter; every instance with the same name shares the same counts
   */
  public RateLimiter rateLimiter(String name, long limit, Duration window,
      RateLimiter.Window kind) {
    ensureOpen();
    return new RateLimiter(this, name, limit, window, kind);
  }

  /**
   * Locks that keep runs of the same scheduled job from overlapping: keys under
   * {@code joblock:} that expire after {@link RedisJobLocks#DEFAULT_TTL} (60 s) unless renewed,
   * which a held lock's watchdog does every 20 s.
   *
   * @return job locks with the default TTL, renewed while held
   */
  public RedisJobLocks jobLocks() {
    return jobLocks(RedisJobLocks.DEFAULT_TTL);
  }

  /**
   * Like {@link #jobLocks()} with locks that expire after {@code ttl} when not renewed (a
   * crashed run blocks the next one for at most that long); renewed every third of it.
   *
   * @param ttl how long a lock key lives without renewal; at least 3 ms
   * @return job locks with this TTL, renewed while held
   */
  public RedisJobLocks jobLocks(Duration ttl) {
    ensureOpen();
    return new RedisJobLocks(this, ttl, true);
  }

  /**
   * The key namespace {@code name}, e.g. {@code namespace("session").key(id)}.
   *
   * @param name the namespace's name, such as {@code "session"}; not empty and without ':'
   * @return the namespace {@code <key prefix><name>:}
   * @throws IllegalArgumentException if {@code name} is empty or contains ':'
   */
  public KeyNamespace namespace(String name) {
    return KeyNamespace.of(settings.keyPrefix(), name);
  }

  /**
   * Server statistics and configuration warnings.
   *
   * @return this instance's diagnostics
   */
  public RedisDiagnostics diagnostics() {
    ensureOpen();
    return diagnostics;
  }

  /**
   * The config var the URL was read from, e.g. {@code REDIS_URL}.
   *
   * @return the var's name, such as {@code REDIS_TLS_URL} when that twin was set
   */
  public String configVar() {
    return settings.configVar();
  }

  /**
   * The server as {@code host:port}, without credentials.
   *
   * @return the URL's host (an IPv6 address in brackets) and port, the default 6379 if the
   *     URL has none
   */
  public String endpoint() {
    return settings.endpoint();
  }

  /** Closes the pub/sub connection, the pool, the shared connection, the client and threads. */
  @Override
  public void close() {
    if (closed) return;
    synchronized (this) {
      if (closed) return;
      closed = true;
    }
    pubSub.close();
    try {
      pool.closeAsync().get(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      log.debug("Closing the Redis pool: {}", errors.redact(String.valueOf(e.getMessage())));
    }
    try {
      connection.close();
    } catch (RuntimeException e) {
      log.debug("Closing the Redis connection: {}", errors.redact(e.getMessage()));
    }
    shutdown(client, resources);
    log.info("Closed Redis client for {}", settings.describe());
  }

  /** Describes the target without credentials. */
  @Override
  public String toString() {
    return "HerokuRedis{" + settings.describe() + (closed ? ", closed" : "") + "}";
  }

  // ---- package-private plumbing for the helpers ----

  RedisSettings settings() {
    return settings;
  }

  Errors errors() {
    return errors;
  }

  Moshi moshi() {
    return moshi;
  }

  RedisClient client() {
    return client;
  }

  RedisURI uri() {
    return uri;
  }

  /** Runs {@code work} on the shared connection, translating failures for {@code operation}. */
  <T> T call(String operation, Function<RedisCommands<String, String>, T> work) {
    ensureOpen();
    try {
      return work.apply(connection.sync());
    } catch (RedisException e) {
      throw errors.translate(operation, e);
    }
  }

  /**
   * Runs {@code work} on a pooled connection; {@code blockingFor}, if not null, is added to the
   * command timeout for that call (for BLMOVE and friends).
   */
  <T> T withPooledConnection(@Nullable Duration blockingFor,
      Function<RedisCommands<String, String>, T> work) {
    ensureOpen();
    Duration wait = settings.commandTimeout();
    boolean permitted;
    try {
      permitted = poolPermits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HerokuRedisException("Interrupted while waiting for a pooled Redis connection.",
          e);
    }
    if (!permitted) {
      throw new RedisUnavailableException("All " + settings.poolSize() + " pooled Redis "
          + "connections (" + SettingsResolver.POOL_SIZE + ") stayed busy with transactions or "
          + "blocking commands for " + wait + ". Raise " + SettingsResolver.POOL_SIZE
          + " within your plan's connection limit, or shorten blocking waits.", null);
    }
    try {
      StatefulRedisConnection<String, String> pooled;
      try {
        pooled = pool.acquire().get(
            settings.connectTimeout().plus(wait).toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HerokuRedisException("Interrupted while opening a pooled Redis connection.",
            e);
      } catch (Exception e) {
        throw errors.connectFailed(e);
      }
      try {
        if (blockingFor != null) pooled.setTimeout(wait.plus(blockingFor));
        return work.apply(pooled.sync());
      } catch (RedisException e) {
        throw errors.translate("Redis command on a pooled connection", e);
      } finally {
        try {
          if (blockingFor != null) pooled.setTimeout(wait);
          if (pooled.isMulti()) pooled.sync().discard();
        } catch (RuntimeException e) {
          log.debug("Resetting a pooled connection: {}", errors.redact(e.getMessage()));
        }
        pool.release(pooled);
      }
    } finally {
      poolPermits.release();
    }
  }

  /** Prefixes {@code namespace:} with the configured key prefix. */
  String key(String namespace, String key) {
    return settings.keyPrefix() + namespace + ":" + key;
  }

  private void ensureOpen() {
    if (closed) throw new IllegalStateException("This HerokuRedis is closed; create a new one.");
  }

  private static void shutdown(@Nullable RedisClient client, ClientResources resources) {
    try {
      if (client != null) client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    } catch (RuntimeException e) {
      log.debug("Shutting down the Redis client: {}", e.getClass().getSimpleName());
    }
    try {
      resources.shutdown(0, 2, TimeUnit.SECONDS).get(3, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      log.debug("Shutting down Redis client resources: {}", e.getClass().getSimpleName());
    }
  }

  /**
   * Configures a {@link HerokuRedis}. Anything not set here comes from config vars, then
   * defaults:
   *
   * <ul>
   *   <li>URL: {@code REDIS_TLS_URL} if set, else {@code REDIS_URL}; or the var given to
   *       {@link #urlConfigVar(String)} (its {@code _TLS_URL} twin wins when set).
   *   <li>{@code REDIS_TLS_VERIFY}: none (default), ca or full; {@code REDIS_TLS_CA_PEM} (PEM
   *       text) or {@code REDIS_TLS_CA_FILE} (path) give the trusted certificate and imply ca.
   *   <li>{@code REDIS_CONNECT_TIMEOUT} (10s), {@code REDIS_COMMAND_TIMEOUT} (5s),
   *       {@code REDIS_POOL_SIZE} (4), {@code REDIS_FAIL_FAST} (true),
   *       {@code REDIS_MAX_QUEUED_COMMANDS} (10000, when not failing fast),
   *       {@code REDIS_KEY_PREFIX} (empty), {@code REDIS_RECONNECT_MAX_DELAY} (1s).
   * </ul>
   *
   * Not thread-safe.
   */
  public static final class Builder {
    private @Nullable ConfigVars configVars;
    private @Nullable String urlConfigVar;
    private @Nullable TlsVerification tls;
    private @Nullable Duration connectTimeout;
    private @Nullable Duration commandTimeout;
    private @Nullable Integer poolSize;
    private @Nullable Boolean failFast;
    private @Nullable Integer maxQueuedCommands;
    private @Nullable String keyPrefix;
    private @Nullable Duration reconnectMaxDelay;
    private @Nullable Moshi moshi;

    private Builder() {}

    /**
     * Reads config vars from {@code configVars} instead of the environment.
     *
     * @param configVars where the URL and the other vars are read from; default
     *     {@link ConfigVars#fromEnv()}
     * @return this builder
     */
    public Builder configVars(ConfigVars configVars) {
      this.configVars = Objects.requireNonNull(configVars, "configVars == null");
      return this;
    }

    /**
     * Reads the URL from this var, e.g. {@code HEROKU_REDIS_PINK_URL} for an attachment.
     *
     * @param name the var's name; its {@code _TLS_URL} twin is read instead when set
     * @return this builder
     */
    public Builder urlConfigVar(String name) {
      this.urlConfigVar = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * How {@code rediss://} verifies the server; overrides {@code REDIS_TLS_VERIFY}.
     *
     * @param tls the verification; default {@link TlsVerification#none()}, which Heroku needs
     * @return this builder
     */
    public Builder tls(TlsVerification tls) {
      this.tls = Objects.requireNonNull(tls, "tls == null");
      return this;
    }

    /**
     * Time allowed to open a connection, TLS handshake included.
     *
     * @param timeout positive; default 10 s, overrides {@code REDIS_CONNECT_TIMEOUT}
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /**
     * Time allowed for a command's reply before it fails with a timeout.
     *
     * @param timeout positive; default 5 s, overrides {@code REDIS_COMMAND_TIMEOUT}. Also how
     *     long a call waits for a free pooled connection
     * @return this builder
     */
    public Builder commandTimeout(Duration timeout) {
      this.commandTimeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /**
     * The most connections opened for transactions and blocking commands, on top of the shared
     * one and the pub/sub one. Keep (2 + pool size) × processes below the plan's limit.
     *
     * @param poolSize at least 1; default 4, overrides {@code REDIS_POOL_SIZE}
     * @return this builder
     */
    public Builder poolSize(int poolSize) {
      this.poolSize = poolSize;
      return this;
    }

    /**
     * True (default): while disconnected, commands fail at once with
     * {@link RedisUnavailableException}. False: they wait for the reconnect, at most
     * {@code maxQueuedCommands} of them, each failing after the command timeout.
     *
     * @param failFast whether commands fail at once while disconnected; overrides
     *     {@code REDIS_FAIL_FAST}
     * @return this builder
     */
    public Builder failFast(boolean failFast) {
      this.failFast = failFast;
      return this;
    }

    /**
     * The most commands waiting for a reply or a reconnect when not failing fast.
     *
     * @param maxQueuedCommands at least 1; default 10000, overrides
     *     {@code REDIS_MAX_QUEUED_COMMANDS}
     * @return this builder
     */
    public Builder maxQueuedCommands(int maxQueuedCommands) {
      this.maxQueuedCommands = maxQueuedCommands;
      return this;
    }

    /**
     * A prefix for every key the helpers write, e.g. {@code myapp:}.
     *
     * @param keyPrefix prepended as is, so end it with a separator such as ':'; default empty,
     *     overrides {@code REDIS_KEY_PREFIX}
     * @return this builder
     */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix == null");
      return this;
    }

    /**
     * The longest wait between two reconnect attempts after the connection drops (default 1 s;
     * overrides {@code REDIS_RECONNECT_MAX_DELAY}). Attempts start a few milliseconds apart and
     * back off exponentially with jitter up to this bound, so once Redis is back the client
     * answers again within about this delay, however long the outage was.
     *
     * @param maxDelay the cap on the backoff; positive
     * @return this builder
     */
    public Builder reconnectMaxDelay(Duration maxDelay) {
      this.reconnectMaxDelay = Objects.requireNonNull(maxDelay, "maxDelay == null");
      return this;
    }

    /**
     * The Moshi instance the cache uses for JSON; register your adapters on it.
     *
     * @param moshi the instance to use; default a plain {@code new Moshi.Builder().build()}
     * @return this builder
     */
    public Builder moshi(Moshi moshi) {
      this.moshi = Objects.requireNonNull(moshi, "moshi == null");
      return this;
    }

    /**
     * Resolves the settings and connects.
     *
     * @return a connected client; close it when done
     * @throws io.herokusdk.core.MissingConfigVarException if no Redis URL var is set; the
     *     message lists the {@code *REDIS*_URL} vars that are
     * @throws io.herokusdk.core.InvalidConfigVarException if a var is malformed
     * @throws RedisUnavailableException if the server cannot be reached
     * @throws RedisAuthenticationException if the server rejects the URL's password (see the
     *     auth rule in the module README: user {@code h} falls back to the password alone)
     */
    public HerokuRedis build() {
      ConfigVars vars = configVars != null ? configVars : ConfigVars.fromEnv();
      RedisSettings settings = SettingsResolver.resolve(vars, new SettingsResolver.Explicit(
          urlConfigVar, tls, connectTimeout, commandTimeout, poolSize, failFast,
          maxQueuedCommands, keyPrefix, reconnectMaxDelay));
      return new HerokuRedis(this, settings);
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.configVars = configVars;
      copy.urlConfigVar = urlConfigVar;
      copy.tls = tls;
      copy.connectTimeout = connectTimeout;
      copy.commandTimeout = commandTimeout;
      copy.poolSize = poolSize;
      copy.failFast = failFast;
      copy.maxQueuedCommands = maxQueuedCommands;
      copy.keyPrefix = keyPrefix;
      copy.reconnectMaxDelay = reconnectMaxDelay;
      copy.moshi = moshi;
      return copy;
    }

    /** Lists what was set explicitly, never secrets. */
    @Override
    public String toString() {
      return "HerokuRedis.Builder{urlConfigVar=" + urlConfigVar + ", tls=" + tls
          + ", connectTimeout=" + connectTimeout + ", commandTimeout=" + commandTimeout
          + ", poolSize=" + poolSize + ", failFast=" + failFast + ", keyPrefix=" + keyPrefix
          + ", reconnectMaxDelay=" + reconnectMaxDelay + "}";
    }
  }
}
