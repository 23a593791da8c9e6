package io.herokusdk.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.herokusdk.core.ConfigVars;
import io.herokusdk.postgres.internal.ConnectOutcomes;
import io.herokusdk.postgres.internal.DatabaseLocator;
import io.herokusdk.postgres.internal.JdbcUrls;
import io.herokusdk.postgres.internal.PoolFactory;
import io.herokusdk.postgres.internal.PoolSizer;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heroku Postgres from config vars: {@code DATABASE_URL} (or any attachment) to a pooled,
 * encrypted {@link javax.sql.DataSource} sized to the plan, safe behind Heroku's PgBouncer, with
 * read-only follower pools and diagnostics.
 *
 * <pre>{@code
 * try (HerokuPostgres postgres = HerokuPostgres.fromEnv()) {
 *   DataSource db = postgres.dataSource();
 *   ...
 * }
 * }</pre>
 *
 * <p>The URL is read and checked when this object is built; pools are created on first use and
 * closed by {@link #close()}. Thread-safe.
 */
public final class HerokuPostgres implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(HerokuPostgres.class);

  static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
  static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(10);
  static final Duration DEFAULT_KEEPALIVE_TIME = Duration.ofMinutes(1);
  static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
  static final int DEFAULT_MINIMUM_IDLE = 2;

  private final Builder builder;
  private final ConfigVars config;
  private final JdbcSettings jdbcSettings;
  private final PoolSizing poolSizing;
  private final PoolFactory.Timeouts timeouts;
  private final Map<String, PostgresDataSource> pools = new LinkedHashMap<>();
  private boolean closed;

  private HerokuPostgres(Builder builder) {
    this.builder = builder.copy();
    this.config = builder.config != null ? builder.config : ConfigVars.fromEnv();
    this.timeouts = new PoolFactory.Timeouts(
        pick(builder.connectionTimeout, "DB_CONNECTION_TIMEOUT", DEFAULT_CONNECTION_TIMEOUT),
        builder.maxLifetime != null ? builder.maxLifetime : DEFAULT_MAX_LIFETIME,
        builder.keepaliveTime != null ? builder.keepaliveTime : DEFAULT_KEEPALIVE_TIME,
        builder.idleTimeout != null ? builder.idleTimeout : DEFAULT_IDLE_TIMEOUT,
        pick(builder.leakDetectionThreshold, "DB_LEAK_DETECTION_THRESHOLD", Duration.ZERO),
        builder.minimumIdle != null ? builder.minimumIdle : DEFAULT_MINIMUM_IDLE);
    this.poolSizing = PoolSizer.size(config, builder.maximumPoolSize, builder.connectionLimit,
        builder.processes, builder.reservedConnections, builder.poolSizeCap);
    boolean pooler = builder.connectionPooler != null
        ? builder.connectionPooler
        : config.getBoolean("DB_USE_CONNECTION_POOL").orElse(false);
    String configVar = builder.database;
    if (pooler) configVar = DatabaseLocator.poolerVarFor(configVar);
    this.jdbcSettings = settingsFor(configVar, DatabaseLocator.isPoolerVar(configVar), false);
  }

  private Duration pick(@Nullable Duration given, String configVar, Duration fallback) {
    if (given != null) return given;
    return config.getDuration(configVar).orElse(fallback);
  }

  private JdbcSettings settingsFor(String configVar, boolean pooler, boolean readOnly) {
    return settingsFor(configVar, pooler, readOnly, null, Map.of());
  }

  private JdbcSettings settingsFor(String configVar, boolean pooler, boolean readOnly,
      @Nullable String missingHint, Map<String, String> extraParameters) {
    String hint = missingHint != null ? missingHint : pooler
        ? "Attach Heroku's connection pooler with `heroku pg:connection-pooling:attach "
            + "DATABASE_URL --as " + configVar.substring(0, configVar.length() - 4) + "`, or "
            + "stop asking for it (DB_USE_CONNECTION_POOL / connectionPooler(false))."
        : "Provision Heroku Postgres with `heroku addons:create heroku-postgresql`, attach an "
            + "existing database, or for local runs put " + configVar + "=postgres://user:"
            + "password@localhost:5432/dbname in .env.";
    DatabaseLocator.Located located = DatabaseLocator.locate(config, configVar, hint);
    Map<String, String> parameters = new LinkedHashMap<>(extraParameters);
    parameters.putAll(builder.driverParameters);
    if (builder.applicationName != null) parameters.put("ApplicationName", builder.applicationName);
    if (readOnly && !pooler) {
      // Read-only in autocommit too (pgjdbc's default only covers explicit transactions). It is
      // session state, so not through PgBouncer in transaction mode.
      parameters.putIfAbsent("readOnlyMode", "always");
    }
    return JdbcUrls.toJdbc(located.url(), located.extraUser(), located.extraPassword(),
        config.get("DYNO").orElse(null), pooler, parameters);
  }

  /**
   * Reads {@code DATABASE_URL} and the other config vars from the environment and {@code .env}.
   *
   * @return a new instance with every option at its default; pools are created on first use
   * @throws io.herokusdk.core.MissingConfigVarException if the database var is not set
   * @throws io.herokusdk.core.InvalidConfigVarException if a var is malformed; see
   *     {@link Builder#build()}
   */
  public static HerokuPostgres fromEnv() {
    return builder().build();
  }

  /**
   * Reads {@code DATABASE_URL} and the other config vars from {@code config}.
   *
   * @param config where the config vars come from, such as {@link ConfigVars#of(Map)} in tests
   * @return a new instance with every option at its default; pools are created on first use
   * @throws io.herokusdk.core.MissingConfigVarException if the database var is not set
   * @throws io.herokusdk.core.InvalidConfigVarException if a var is malformed; see
   *     {@link Builder#build()}
   */
  public static HerokuPostgres fromConfig(ConfigVars config) {
    return builder().configVars(config).build();
  }

  /**
   * Returns a builder with every option at its default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder with this instance's options, for a variant of it.
   *
   * @return a new builder; changing it does not change this instance
   */
  public Builder toBuilder() {
    return builder.copy();
  }

  /**
   * The settings for the database this instance points at: JDBC URL without credentials.
   *
   * @return the settings {@link #dataSource()} connects with
   */
  public JdbcSettings jdbcSettings() {
    return jdbcSettings;
  }

  /**
   * How the pool size was chosen.
   *
   * @return the sizing shared by every pool of this instance
   */
  public PoolSizing poolSizing() {
    return poolSizing;
  }

  /**
   * The config var the database URL was read from, like {@code DATABASE_URL}.
   *
   * @return the config var's name; the {@code *_CONNECTION_POOL_URL} one with the connection
   *     pooler on
   */
  public String configVar() {
    return jdbcSettings.configVar();
  }

  /**
   * Returns the pooled DataSource for this database, creating it on the first call. It is
   * closed by {@link #close()}.
   *
   * @return the read-write pool, the same instance on every call
   * @throws IllegalStateException if this instance is closed
   */
  public synchronized PostgresDataSource dataSource() {
    return pool(jdbcSettings, false);
  }

  /**
   * Lists {@code DATABASE_URL}, every {@code HEROKU_POSTGRESQL_<COLOR>_URL} and every
   * {@code *_CONNECTION_POOL_URL} that is set, saying which are the primary.
   *
   * @return {@code DATABASE_URL} first if set, then the others sorted by config var; empty if
   *     none is set
   */
  public List<DatabaseAttachment> attachments() {
    return DatabaseLocator.attachments(config);
  }

  /**
   * Lists the attachments that are neither the primary nor a connection pool: followers and
   * other databases. {@link #followerRouter} probes which are replicas.
   *
   * @return the attachments with role {@link DatabaseAttachment.Role#OTHER}, sorted by config
   *     var; empty if there are none
   */
  public List<DatabaseAttachment> followers() {
    List<DatabaseAttachment> result = new ArrayList<>();
    for (DatabaseAttachment attachment : attachments()) {
      if (attachment.role() == DatabaseAttachment.Role.OTHER) result.add(attachment);
    }
    return List.copyOf(result);
  }

  /**
   * Returns a read-only pooled DataSource for the database in {@code attachment} (an attachment
   * name like {@code HEROKU_POSTGRESQL_RED} or its config var), created on the first call and
   * closed by {@link #close()}. It is sized and tuned like {@link #dataSource()}.
   *
   * @param attachment an attachment name or its config var, case-insensitive, like
   *     {@code HEROKU_POSTGRESQL_RED}
   * @return the read-only pool for it, the same instance on every call for the same attachment
   * @throws IllegalStateException if this instance is closed
   * @throws io.herokusdk.core.MissingConfigVarException if the var is not set
   * @throws io.herokusdk.core.InvalidConfigVarException if its URL is unusable
   */
  public synchronized PostgresDataSource readOnlyDataSource(String attachment) {
    String configVar = DatabaseLocator.configVarFor(attachment);
    PostgresDataSource existing = pools.get(configVar + "#ro");
    if (existing != null) return existing;
    return pool(settingsFor(configVar, DatabaseLocator.isPoolerVar(configVar), true), true);
  }

  /**
   * Returns a router that sends reads to the follower in {@code attachment} while its
   * replication lag is at most {@code maxLag}, and to the primary otherwise. Lag is probed at
   * most every {@code probeInterval}, on the calling thread.
   *
   * @param attachment the follower's attachment name or config var, like
   *     {@code HEROKU_POSTGRESQL_RED}
   * @param maxLag the most replication lag at which reads still go to the follower, zero or more
   * @param probeInterval the least time between two lag probes, zero or more; zero probes on
   *     every call
   * @return a new router over the follower's read-only pool and {@link #dataSource()}
   * @throws IllegalArgumentException if {@code maxLag} or {@code probeInterval} is negative
   */
  public FollowerRouter followerRouter(String attachment, Duration maxLag,
      Duration probeInterval) {
    return new FollowerRouter(readOnlyDataSource(attachment), dataSource(), maxLag,
        probeInterval);
  }

  /**
   * Like {@link #followerRouter(String, Duration, Duration)}, probing at most every 5 s.
   *
   * @param attachment the follower's attachment name or config var, like
   *     {@code HEROKU_POSTGRESQL_RED}
   * @param maxLag the most replication lag at which reads still go to the follower, zero or more
   * @return a new router over the follower's read-only pool and {@link #dataSource()}
   */
  public FollowerRouter followerRouter(String attachment, Duration maxLag) {
    return followerRouter(attachment, maxLag, FollowerRouter.DEFAULT_PROBE_INTERVAL);
  }

  /**
   * Returns diagnostics over {@link #dataSource()}.
   *
   * @return diagnostics borrowing a connection from {@link #dataSource()} per query
   */
  public PostgresDiagnostics diagnostics() {
    return PostgresDiagnostics.of(dataSource());
  }

  /**
   * Returns pg-extras and {@code diagnose()} over {@link #dataSource()}.
   *
   * @return pg-extras borrowing a connection from {@link #dataSource()} per query
   */
  public PgExtras extras() {
    return PgExtras.of(dataSource());
  }

  /**
   * Returns CSV export and import with COPY over {@link #dataSource()}.
   *
   * @return COPY borrowing one connection from {@link #dataSource()} per call
   */
  public PostgresCopy copy() {
    return PostgresCopy.of(dataSource());
  }

  /**
   * Returns locks that keep runs of the same scheduled job from overlapping, on PostgreSQL
   * advisory locks. Each held lock has a connection of its own, made directly to the database:
   * with the connection pooler on, to the attachment's direct URL ({@code DATABASE_URL} for
   * {@code DATABASE_CONNECTION_POOL_URL}), because session locks do not work through PgBouncer
   * in transaction mode.
   *
   * @return new job locks on the attachment's direct URL, each held lock on a connection of its
   *     own
   * @throws io.herokusdk.core.MissingConfigVarException if only the pooler's URL is set
   * @throws IllegalStateException if this instance is closed
   */
  public PostgresJobLocks jobLocks() {
    synchronized (this) {
      if (closed) throw new IllegalStateException("This HerokuPostgres is closed");
    }
    String direct = DatabaseLocator.directVarFor(jdbcSettings.configVar());
    String hint = "Job locks are PostgreSQL session-level advisory locks, which do not work "
        + "through Heroku's connection pooler (PgBouncer in transaction mode), so they connect "
        + "directly with " + direct + ". Heroku sets it beside "
        + DatabaseLocator.poolerVarFor(direct) + "; for local runs put " + direct
        + "=postgres://user:password@localhost:5432/dbname in .env.";
    // keepalives so that a lock held through a long, quiet job notices a dead network path
    JdbcSettings settings = settingsFor(direct, false, false, hint,
        Map.of("tcpKeepAlive", "true"));
    return new PostgresJobLocks(settings, poolSizing);
  }

  private PostgresDataSource pool(JdbcSettings settings, boolean readOnly) {
    if (closed) throw new IllegalStateException("This HerokuPostgres is closed");
    String key = settings.configVar() + (readOnly ? "#ro" : "");
    PostgresDataSource existing = pools.get(key);
    if (existing != null) return existing;
    String poolName = "heroku-postgres-" + settings.configVar() + (readOnly ? "-readonly" : "");
    ConnectOutcomes outcomes = new ConnectOutcomes(settings);
    HikariConfig hikari = PoolFactory.hikariConfig(poolName, settings, poolSizing, timeouts,
        readOnly, outcomes, builder.hikariCustomizer);
    log.info("{}: pool for {} ({}{}); {}.", poolName, settings.jdbcUrl(),
        settings.connectionPooler() ? "through Heroku's PgBouncer, transaction mode" : "direct",
        readOnly ? ", read-only" : "", poolSizing.describe());
    if (!poolSizing.fitsConnectionLimit()) {
      log.warn("{}: {} pooled connections × {} process(es) + {} reserved exceed the connection "
          + "limit {}; connections will be refused under load. Set DB_CONNECTION_LIMIT to the "
          + "plan's limit or lower DB_POOL_SIZE.", poolName, poolSizing.poolSize(),
          poolSizing.processes(), poolSizing.reservedConnections(), poolSizing.connectionLimit());
    }
    PostgresDataSource pool = new PostgresDataSource(new HikariDataSource(hikari), settings,
        poolSizing, readOnly, outcomes);
    pools.put(key, pool);
    return pool;
  }

  /** Closes every pool this instance created. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    for (PostgresDataSource pool : pools.values()) pool.close();
    pools.clear();
  }

  /** Names the config var and pool size; never credentials. */
  @Override
  public String toString() {
    return "HerokuPostgres[" + jdbcSettings.configVar() + ", " + jdbcSettings.jdbcUrl() + ", "
        + poolSizing.describe() + "]";
  }

  /**
   * Options for {@link HerokuPostgres}. Every option left unset takes its config var (listed on
   * each method) or the default. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable ConfigVars config;
    private String database = DatabaseLocator.DATABASE_URL;
    private @Nullable Boolean connectionPooler;
    private @Nullable Integer maximumPoolSize;
    private @Nullable Integer connectionLimit;
    private @Nullable Integer processes;
    private @Nullable Integer reservedConnections;
    private @Nullable Integer poolSizeCap;
    private @Nullable Integer minimumIdle;
    private @Nullable Duration connectionTimeout;
    private @Nullable Duration maxLifetime;
    private @Nullable Duration keepaliveTime;
    private @Nullable Duration idleTimeout;
    private @Nullable Duration leakDetectionThreshold;
    private @Nullable String applicationName;
    private Map<String, String> driverParameters = new LinkedHashMap<>();
    private @Nullable Consumer<HikariConfig> hikariCustomizer;

    private Builder() {}

    private Builder copy() {
      Builder copy = new Builder();
      copy.config = config;
      copy.database = database;
      copy.connectionPooler = connectionPooler;
      copy.maximumPoolSize = maximumPoolSize;
      copy.connectionLimit = connectionLimit;
      copy.processes = processes;
      copy.reservedConnections = reservedConnections;
      copy.poolSizeCap = poolSizeCap;
      copy.minimumIdle = minimumIdle;
      copy.connectionTimeout = connectionTimeout;
      copy.maxLifetime = maxLifetime;
      copy.keepaliveTime = keepaliveTime;
      copy.idleTimeout = idleTimeout;
      copy.leakDetectionThreshold = leakDetectionThreshold;
      copy.applicationName = applicationName;
      copy.driverParameters = new LinkedHashMap<>(driverParameters);
      copy.hikariCustomizer = hikariCustomizer;
      return copy;
    }

    /**
     * Where config vars come from; default {@link ConfigVars#fromEnv()}.
     *
     * @param config where config vars come from, such as {@link ConfigVars#of(Map)} in tests
     * @return this builder
     */
    public Builder configVars(ConfigVars config) {
      this.config = Objects.requireNonNull(config, "config == null");
      return this;
    }

    /**
     * The attachment to use: an attachment name ({@code ANALYTICS}, {@code
     * HEROKU_POSTGRESQL_RED}) or its config var ({@code ANALYTICS_URL}). Default {@code
     * DATABASE_URL}.
     *
     * @param attachment an attachment name or its config var, case-insensitive
     * @return this builder
     * @throws IllegalArgumentException if {@code attachment} is blank
     */
    public Builder database(String attachment) {
      this.database = DatabaseLocator.configVarFor(Objects.requireNonNull(attachment));
      return this;
    }

    /**
     * Use Heroku's server-side PgBouncer ({@code <ATTACHMENT>_CONNECTION_POOL_URL}, e.g. {@code
     * DATABASE_CONNECTION_POOL_URL}) in transaction mode, with named prepared statements off.
     * Config var {@code DB_USE_CONNECTION_POOL}; default false. Choosing a {@code
     * *_CONNECTION_POOL_URL} with {@link #database} has the same effect.
     *
     * @param enabled true to connect through {@code <ATTACHMENT>_CONNECTION_POOL_URL}; false to
     *     connect directly, unless {@link #database} names a pooler var
     * @return this builder
     */
    public Builder connectionPooler(boolean enabled) {
      this.connectionPooler = enabled;
      return this;
    }

    /**
     * The pool size, instead of deriving it. Config var {@code DB_POOL_SIZE}.
     *
     * @param size the maximum number of connections of each pool, at least 1 (checked by
     *     {@link #build()})
     * @return this builder
     */
    public Builder maximumPoolSize(int size) {
      this.maximumPoolSize = size;
      return this;
    }

    /**
     * The plan's connection limit (e.g. 120 for standard-0). Config var {@code
     * DB_CONNECTION_LIMIT}; default 20, the smallest plans' limit.
     *
     * @param limit the plan's connection limit, at least 1 (checked by {@link #build()})
     * @return this builder
     */
    public Builder connectionLimit(int limit) {
      this.connectionLimit = limit;
      return this;
    }

    /**
     * How many processes share the database. Config var {@code DB_PROCESS_COUNT}; default
     * {@code DB_DYNO_COUNT} (default 1) × {@code WEB_CONCURRENCY} (default 1).
     *
     * @param processes how many processes open pools on this database, at least 1 (checked by
     *     {@link #build()})
     * @return this builder
     */
    public Builder processes(int processes) {
      this.processes = processes;
      return this;
    }

    /**
     * Connections kept free for one-off and release dynos and psql. Config var {@code
     * DB_RESERVED_CONNECTIONS}; default max(2, limit / 10).
     *
     * @param reserved connections left out of the pools, 0 or more (checked by {@link #build()})
     * @return this builder
     */
    public Builder reservedConnections(int reserved) {
      this.reservedConnections = reserved;
      return this;
    }

    /**
     * The upper bound of a derived pool size; default 10.
     *
     * @param cap the largest size a derived pool gets, at least 1 (checked by {@link #build()}); an
     *     explicit size is not capped
     * @return this builder
     */
    public Builder poolSizeCap(int cap) {
      this.poolSizeCap = cap;
      return this;
    }

    /**
     * Idle connections kept open; default 2 (at most the pool size).
     *
     * @param minimumIdle idle connections to keep open, 0 or more; the pool size if larger
     * @return this builder
     */
    public Builder minimumIdle(int minimumIdle) {
      this.minimumIdle = minimumIdle;
      return this;
    }

    /**
     * How long {@code getConnection()} waits before failing. Config var {@code
     * DB_CONNECTION_TIMEOUT}; default 5 s.
     *
     * @param timeout how long {@code getConnection()} waits; HikariCP's minimum is 250 ms
     * @return this builder
     */
    public Builder connectionTimeout(Duration timeout) {
      this.connectionTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /**
     * Connections are replaced after this long; default 10 min.
     *
     * @param maxLifetime how long a connection lives; one in use is replaced when given back
     * @return this builder
     */
    public Builder maxLifetime(Duration maxLifetime) {
      this.maxLifetime = Objects.requireNonNull(maxLifetime);
      return this;
    }

    /**
     * Idle connections are pinged this often; default 1 min (HikariCP's minimum is 30 s).
     *
     * @param keepaliveTime how often an idle connection is pinged, less than the max lifetime
     * @return this builder
     */
    public Builder keepaliveTime(Duration keepaliveTime) {
      this.keepaliveTime = Objects.requireNonNull(keepaliveTime);
      return this;
    }

    /**
     * Idle connections above {@code minimumIdle} are closed after this long; default 5 min.
     *
     * @param idleTimeout how long an idle connection above {@code minimumIdle} is kept open
     * @return this builder
     */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = Objects.requireNonNull(idleTimeout);
      return this;
    }

    /**
     * Logs a warning with a stack trace for a connection held longer than this. Config var
     * {@code DB_LEAK_DETECTION_THRESHOLD}; default off (zero). HikariCP's minimum is 2 s.
     *
     * @param threshold how long a connection may stay borrowed before it is logged; zero for off
     * @return this builder
     */
    public Builder leakDetectionThreshold(Duration threshold) {
      this.leakDetectionThreshold = Objects.requireNonNull(threshold);
      return this;
    }

    /**
     * The {@code ApplicationName} shown in pg_stat_activity; default {@code $DYNO}.
     *
     * @param applicationName the name PostgreSQL shows for this process's connections, like
     *     {@code web.1}; wins over the URL's {@code application_name}
     * @return this builder
     */
    public Builder applicationName(String applicationName) {
      this.applicationName = Objects.requireNonNull(applicationName);
      return this;
    }

    /**
     * Adds a pgjdbc parameter (like {@code socketTimeout}); it wins over the URL's and the
     * defaults. Names that look secret go to driver properties, never into the JDBC URL.
     *
     * @param name the pgjdbc parameter name, case-sensitive, like {@code socketTimeout}
     * @param value its value as pgjdbc reads it, like {@code 30} (seconds, for
     *     {@code socketTimeout}); replaces an earlier value for {@code name}
     * @return this builder
     */
    public Builder driverParameter(String name, String value) {
      driverParameters.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
      return this;
    }

    /**
     * Runs last on every {@link HikariConfig} this SDK builds, to set anything else.
     *
     * @param customizer changes each {@link HikariConfig} after this SDK's settings, so it can
     *     override any of them; default none
     * @return this builder
     */
    public Builder hikariCustomizer(Consumer<HikariConfig> customizer) {
      this.hikariCustomizer = customizer;
      return this;
    }

    /**
     * Reads and checks the config vars.
     *
     * @return a new instance; its pools are created on first use
     * @throws io.herokusdk.core.MissingConfigVarException if the database var is not set; the
     *     message lists the *_URL vars that are
     * @throws io.herokusdk.core.InvalidConfigVarException if it is malformed or not PostgreSQL,
     *     or a sizing var is invalid
     */
    public HerokuPostgres build() {
      return new HerokuPostgres(this);
    }
  }
}
