package io.herokusdk.testing.herokuapi;

import io.herokusdk.testing.PostgresServer;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.internal.FakeHttpServer;
import io.herokusdk.testing.internal.SqlDump;
import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * A fake Heroku Data API (the host of {@code pg:*} and {@code redis:*}) on its own loopback
 * port: point a client at it with {@code Heroku.builder().dataUrl(data.baseUrl())} (or {@code
 * HEROKU_DATA_HOST}). It keeps databases by add-on name, backups and restores whose progress
 * follows the fake's clock, and serves backup downloads from signed-looking {@code /_fake/} URLs
 * that refuse the API token. A backup's bytes are deterministic pseudo-random bytes of {@link
 * #backupSize(long)} length (not a real {@code pg_dump}), generated while sent: any size costs
 * no memory. {@link #expectedBackupBytes(long, int)} gives the same bytes for checksums.
 *
 * <p>{@link #linkedTo(FakeHerokuApi)} ties it to a Platform API fake (add-ons become databases,
 * followers and forks included) and {@link #embeddedPostgres(PostgresServer)} binds its Postgres
 * databases to real ones: backups are then plain-SQL dumps of the {@code public} schema,
 * restores load them, and a follower is a copy of its leader (a snapshot, refreshed at {@code
 * unfollow}, not replication).
 *
 * <pre>{@code
 * FakeDataApi data = FakeDataApi.start(api.token(), clock);
 * data.addPostgres("shop", "postgresql-curved-12345", "standard-0");
 * data.dropNextDownloadAt(1 << 20);   // the next download drops after 1 MiB; resumes get 206
 * }</pre>
 */
public final class FakeDataApi implements Closeable {
  private static final Pattern BYTE_RANGE = Pattern.compile("^bytes=(\\d+)-$");
  private static final String RAW_PREFIX = "_fake";
  private static final Pattern OWN_BACKUP_URL = Pattern.compile(
      "^https://xfrtu\\.s3\\.amazonaws\\.com/([0-9a-f-]{36})/backup$"
          + "|^http://[^/]+/" + RAW_PREFIX + "/backups/([0-9a-f-]{36})(\\?.*)?$");
  private static final String POOLING_NAMESPACE = "connection-pooling:default";

  private final String token;
  private final Clock clock;
  /** The Platform API fake this one is linked to, or null. Lock order: api, then this. */
  private final @Nullable FakeHerokuApi api;
  private final FakeHttpServer server;
  private final Map<String, Db> databases = new LinkedHashMap<>();
  /** Add-on id → database name, for databases made from add-ons. */
  private final Map<String, String> ids = new HashMap<>();
  private final List<RouteFailure> routeFailures = new ArrayList<>();
  private @Nullable PostgresServer postgres;
  private long followerLagCommits;
  private Duration followerCatchUp = Duration.ZERO;
  private final Map<String, List<Transfer>> transfers = new LinkedHashMap<>();
  private final List<String> requests = new ArrayList<>();
  private final Deque<int[]> errors = new ArrayDeque<>();
  private final AtomicLong bytesServed = new AtomicLong();
  private Duration transferDuration = Duration.ofSeconds(30);
  private long backupSize = 1 << 20;
  private @Nullable String failNextCapture;
  private @Nullable String failNextRestore;
  private long dropNextDownloadAt = -1;
  private long dropEvery = -1;
  private int failNextDownload;

  private FakeDataApi(String token, Clock clock, @Nullable FakeHerokuApi api) {
    this.token = Objects.requireNonNull(token, "token == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.api = api;
    this.server = FakeHttpServer.start(0, "Heroku Data API", this::answer);
  }

  /**
   * Starts a fake accepting {@code token} whose transfers progress on {@code clock}.
   *
   * @param token the API token it accepts as {@code Authorization: Bearer TOKEN}
   * @param clock the clock for transfers, provisioning and follower lag, such as a {@link
   *     io.herokusdk.testing.ManualClock}
   * @return the running fake on a free loopback port, with no databases; close it when done
   * @throws java.io.UncheckedIOException if no port can be bound
   */
  public static FakeDataApi start(String token, Clock clock) {
    return new FakeDataApi(token, clock, null);
  }

  /**
   * Starts a fake linked to {@code api}: same token and clock; {@code heroku-postgresql} add-ons
   * created there become its Postgres databases and {@code heroku-redis} ones its Redis
   * databases, addressable by add-on name and id; {@code config: {follow|fork: VAR}} makes a
   * follower or fork; {@code POST .../connection-pooling} attaches the pooler on {@code api}.
   *
   * @param api the Platform API fake whose add-ons become this fake's databases
   * @return the running fake on a free loopback port of its own; close it when done
   * @throws IllegalStateException if {@code api} already has a linked Data API
   */
  public static FakeDataApi linkedTo(FakeHerokuApi api) {
    FakeDataApi data = new FakeDataApi(api.token(), api.clock(), api);
    try {
      api.link(data);
    } catch (RuntimeException e) {
      data.server.close();
      throw e;
    }
    return data;
  }

  /**
   * From now on every Postgres database ({@link #addPostgres(String, String, String)} or a
   * provisioned add-on) gets a fresh {@link PostgresServer#createDatabase()}, so backups dump
   * its real rows, restores load them and followers and forks start as copies of their leader.
   * {@link #close()} drops those databases.
   *
   * @param server the server to create databases on, such as {@link
   *     io.herokusdk.testing.TestServices#postgres()}; databases added before are not bound
   * @return this fake
   */
  public synchronized FakeDataApi embeddedPostgres(PostgresServer server) {
    this.postgres = Objects.requireNonNull(server, "server == null");
    return this;
  }

  /**
   * Followers created from now on report {@code commits} behind when they become available,
   * falling linearly to 0 over {@code catchUp} on the fake's clock (default: 0, at once).
   *
   * @param commits the lag when a follower becomes available, 0 or more
   * @param catchUp how long the lag takes to fall to 0, zero or positive
   * @return this fake
   * @throws IllegalArgumentException if {@code commits} or {@code catchUp} is negative
   */
  public synchronized FakeDataApi followerLag(long commits, Duration catchUp) {
    if (commits < 0) throw new IllegalArgumentException("commits < 0: " + commits);
    if (Objects.requireNonNull(catchUp, "catchUp == null").isNegative()) {
      throw new IllegalArgumentException("catchUp < 0: " + catchUp);
    }
    this.followerLagCommits = commits;
    this.followerCatchUp = catchUp;
    return this;
  }

  /**
   * The {@code DATABASE_URL}-format URL of a database bound to a real one (by name or add-on
   * id).
   *
   * @param database the database's add-on name or add-on id
   * @return the real database's URL; contains the password
   * @throws IllegalArgumentException if there is no such database or it is not bound
   */
  public synchronized String url(String database) {
    Db db = db(database);
    if (db.database == null) {
      throw new IllegalArgumentException("database " + db.name + " is not bound to a real"
          + " database: call embeddedPostgres(server) before adding it, or addPostgres(app,"
          + " name, plan, testDatabase)");
    }
    return db.database.url();
  }

  /**
   * The next request whose method is {@code method} and whose path matches {@code pathGlob}
   * ({@code *} matches one segment) answers {@code status} with Heroku's error body and {@code
   * message}, and changes nothing. Several may be queued; each is used once.
   *
   * @param method the HTTP method, such as {@code POST}; any case
   * @param pathGlob the path to match, segment by segment (decoded), such as {@code
   *     /client/v11/databases/*}{@code /backups}
   * @param status the HTTP status, 400 to 599; the error id is {@code rate_limit} for 429, {@code
   *     invalid_params} for 422, else {@code internal_error}
   * @param message the error body's {@code message}
   * @return this fake
   * @throws IllegalArgumentException if {@code status} is not 400 to 599
   */
  public synchronized FakeDataApi failNextRequest(String method, String pathGlob, int status,
      String message) {
    if (status < 400 || status > 599) throw new IllegalArgumentException("not an error: " + status);
    routeFailures.add(new RouteFailure(Objects.requireNonNull(method, "method == null")
        .toUpperCase(java.util.Locale.ROOT), Objects.requireNonNull(pathGlob,
        "pathGlob == null"), status, Objects.requireNonNull(message, "message == null")));
    return this;
  }

  private record RouteFailure(String method, String pathGlob, int status, String message) {}

  /**
   * The base URL, like {@code http://127.0.0.1:PORT/}, for the client's data URL setting.
   *
   * @return the origin with a trailing slash
   */
  public String baseUrl() {
    return server.origin() + "/";
  }

  /**
   * Adds a Postgres database of {@code app} named {@code name} (its add-on name); after {@link
   * #embeddedPostgres} it is bound to a fresh real database.
   *
   * @param app the name of the app it belongs to (its backups are listed under that app)
   * @param name its add-on name, like {@code postgresql-curved-12345}; replaces a database of
   *     that name
   * @param plan its plan as {@code pg:info} shows it, like {@code standard-0}
   * @return this fake
   */
  public synchronized FakeDataApi addPostgres(String app, String name, String plan) {
    Db db = new Db(app, name, plan, false);
    if (postgres != null) {
      db.database = postgres.createDatabase();
      db.ownsDatabase = true;
    }
    databases.put(name, db);
    return this;
  }

  /**
   * Adds a Postgres database bound to {@code database} (which the caller keeps and closes):
   * backups dump its rows and restores replace its {@code public} schema.
   *
   * @param app the name of the app it belongs to (its backups are listed under that app)
   * @param name its add-on name, like {@code postgresql-curved-12345}; replaces a database of
   *     that name
   * @param plan its plan as {@code pg:info} shows it, like {@code standard-0}
   * @param database the real database it stands for; not closed by this fake
   * @return this fake
   */
  public synchronized FakeDataApi addPostgres(String app, String name, String plan,
      TestDatabase database) {
    Db db = new Db(app, name, plan, false);
    db.database = Objects.requireNonNull(database, "database == null");
    databases.put(name, db);
    return this;
  }

  /**
   * Adds a Key-Value Store of {@code app} named {@code name}.
   *
   * @param app the name of the app it belongs to
   * @param name its add-on name, like {@code redis-shaped-12345}; replaces a database of that
   *     name
   * @param plan its plan as {@code redis:info} shows it, like {@code premium-0}
   * @return this fake
   */
  public synchronized FakeDataApi addRedis(String app, String name, String plan) {
    databases.put(name, new Db(app, name, plan, true));
    return this;
  }

  /**
   * The database answers 404 to its first {@code notFoundPolls} requests (not provisioned yet),
   * then waits for {@code waiting} on the fake's clock with the message {@code provisioning}.
   *
   * @param name the database's add-on name or add-on id; it must exist
   * @param notFoundPolls how many requests for it answer 404 first, 0 for none
   * @param waiting how long, from now on the fake's clock, its {@code wait_status} says it is
   *     waiting
   * @return this fake
   */
  public synchronized FakeDataApi provisioning(String name, int notFoundPolls, Duration waiting) {
    Db db = db(name);
    db.notFoundPolls = notFoundPolls;
    db.availableAt = clock.instant().plus(waiting);
    return this;
  }

  /**
   * The database's {@code wait_status} reports an error with {@code message}.
   *
   * @param name the database's add-on name or add-on id; it must exist
   * @param message the {@code message} reported with {@code error?: true}
   * @return this fake
   */
  public synchronized FakeDataApi failPreparation(String name, String message) {
    db(name).error = message;
    return this;
  }

  /**
   * Makes {@code name} follow {@code leader}, {@code behind} commits behind.
   *
   * @param name the follower's add-on name or add-on id; it must exist
   * @param leader the leader's add-on name or add-on id; it must exist
   * @param behind the lag {@code pg:info} reports, fixed until {@code unfollow}
   * @return this fake
   */
  public synchronized FakeDataApi follow(String name, String leader, long behind) {
    db(name).following = leader;
    db(name).behind = behind;
    db(leader).followers.add(name);
    return this;
  }

  /**
   * Sets how many tables, bytes and open connections {@code pg:info} reports.
   *
   * @param name the database's add-on name or add-on id; it must exist
   * @param tables {@code num_tables}
   * @param bytes {@code num_bytes}, the data size
   * @param connections {@code num_connections}, shown out of 120
   * @return this fake
   */
  public synchronized FakeDataApi stats(String name, long tables, long bytes, long connections) {
    Db db = db(name);
    db.tables = tables;
    db.bytes = bytes;
    db.connections = connections;
    return this;
  }

  /**
   * How long backups and restores take on the fake's clock (default 30 s).
   *
   * @param duration the time from a transfer's creation to its end, for transfers created from
   *     now on; zero for at once
   * @return this fake
   */
  public synchronized FakeDataApi transferDuration(Duration duration) {
    this.transferDuration = Objects.requireNonNull(duration, "duration == null");
    return this;
  }

  /**
   * The size of the next backups' dumps in bytes (default 1 MiB).
   *
   * @param bytes the size of each later dump of a database not bound to a real one (a bound
   *     one's dump is its real SQL)
   * @return this fake
   */
  public synchronized FakeDataApi backupSize(long bytes) {
    this.backupSize = bytes;
    return this;
  }

  /**
   * The next backup fails when it finishes, its last log line {@code message}.
   *
   * @param message the failing transfer's last log line, like {@code pg_dump: error: ...}
   * @return this fake
   */
  public synchronized FakeDataApi failNextCapture(String message) {
    this.failNextCapture = message;
    return this;
  }

  /**
   * The next restore fails when it finishes, its last log line {@code message}.
   *
   * @param message the failing transfer's last log line, like {@code pg_restore: error: ...}
   * @return this fake
   */
  public synchronized FakeDataApi failNextRestore(String message) {
    this.failNextRestore = message;
    return this;
  }

  /**
   * The next download drops its connection after {@code offset} bytes of the dump.
   *
   * @param offset the position in the whole dump at which to drop; if the download starts at or
   *     after it (a {@code Range}), it does not drop, and the script is used up all the same
   * @return this fake
   */
  public synchronized FakeDataApi dropNextDownloadAt(long offset) {
    this.dropNextDownloadAt = offset;
    return this;
  }

  /**
   * Every download from now on drops after sending {@code bytes} more bytes (0 or less: never),
   * so a client that resumes a bounded number of times gives up.
   *
   * @param bytes how many bytes each download sends before it drops; a download that would end
   *     sooner does not drop
   * @return this fake
   */
  public synchronized FakeDataApi dropEveryDownloadAfter(long bytes) {
    this.dropEvery = bytes;
    return this;
  }

  /**
   * The next download answers {@code status} (like 403 for an expired signature).
   *
   * @param status the HTTP status, answered with an S3-style XML body; 0 cancels the script
   * @return this fake
   */
  public synchronized FakeDataApi failNextDownload(int status) {
    this.failNextDownload = status;
    return this;
  }

  /**
   * The next API request gets {@code status} with Heroku's error body instead of its answer.
   *
   * @param status the HTTP status, not checked; the error id is {@code rate_limit} for 429, else
   *     {@code internal_error}
   * @return this fake
   */
  public synchronized FakeDataApi enqueueError(int status) {
    errors.add(new int[] {status});
    return this;
  }

  /**
   * Every request so far as {@code METHOD path[?query] [Range: ...]}, in order.
   *
   * @return a snapshot, including downloads from the fake's own {@code /_fake/} URLs
   */
  public synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  /**
   * Dump bytes written to download connections so far (for streaming checks).
   *
   * @return the total over all downloads, including those that dropped
   */
  public long bytesServed() {
    return bytesServed.get();
  }

  /**
   * The database's current settings, as the fake keeps them (Redis: {@code
   * maxmemory_policy}...).
   *
   * @param name the database's add-on name or add-on id; it must exist
   * @return an immutable copy of the settings set through the API; empty if none were
   */
  public synchronized Map<String, Object> settings(String name) {
    return Map.copyOf(db(name).settings);
  }

  /**
   * How many times the database's credentials were rotated.
   *
   * @param name the database's add-on name or add-on id; it must exist
   * @return the number of rotation requests, of all credentials or of one
   */
  public synchronized int rotations(String name) {
    return db(name).rotations;
  }

  /**
   * Whether {@code name} still follows a leader.
   *
   * @param name the follower's add-on name or add-on id; it must exist
   * @return false once it was unfollowed, or if it never followed
   */
  public synchronized boolean isFollowing(String name) {
    return db(name).following != null;
  }

  /**
   * How many times {@code pg:killall} ran on the database.
   *
   * @param name the database's add-on name or add-on id; it must exist
   * @return the number of connection resets requested
   */
  public synchronized int connectionResets(String name) {
    return db(name).resets;
  }

  /**
   * Bytes {@code from}..{@code from+length} of every dump of this fake: byte {@code i} is the
   * low byte of a 64-bit mix of {@code i / 8}, shifted by {@code i % 8}.
   *
   * @param from the offset of the first byte in the dump, 0 or more
   * @param length how many bytes, 0 or more
   * @return a new array of {@code length} bytes
   */
  public static byte[] expectedBackupBytes(long from, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) out[i] = byteAt(from + i);
    return out;
  }

  private static byte byteAt(long i) {
    long z = (i >>> 3) + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (byte) (z >>> ((i & 7) * 8));
  }

  /** Stops the server and drops the real databases it created. */
  @Override
  public void close() {
    server.close();
    List<TestDatabase> owned = new ArrayList<>();
    synchronized (this) {
      for (Db db : databases.values()) {
        if (db.ownsDatabase) owned.add(db.database);
      }
      databases.clear();
    }
    owned.forEach(TestDatabase::close);
  }

  // called by the linked FakeHerokuApi, holding its lock

  /**
   * A linked add-on was created: adds its database (Postgres: bound, a copy of {@code leader}
   * for a follower or fork) and returns its URL, or null when it is not bound.
   */
  synchronized @Nullable String addOnCreated(String app, String name, String id, String plan,
      String service, Instant availableAt, @Nullable String leader, boolean fork, boolean bind) {
    boolean redis = service.equals("heroku-redis");
    if (!redis && !service.equals("heroku-postgresql")) return null;
    Db db = new Db(app, name, plan.contains(":") ? plan.substring(plan.indexOf(':') + 1) : plan,
        redis);
    db.availableAt = availableAt;
    if (!redis && bind && postgres != null) {
      db.database = postgres.createDatabase();
      db.ownsDatabase = true;
    }
    if (leader != null) {
      Db from = find(leader);
      if (from == null) {
        throw new FakeInvalidParams(leader + " is not a database of the linked Data API.");
      }
      db.waitMessage = "preparing";
      if (fork) {
        db.forkedFrom = from.name;
      } else {
        db.following = from.name;
        db.lag = followerLagCommits;
        db.catchUp = followerCatchUp;
        from.followers.add(name);
      }
      if (db.database != null && from.database != null) {
        copy(from, db);
        if (!fork) readOnly(db, true);
      }
    }
    databases.put(name, db);
    ids.put(id, name);
    return db.database == null ? null : db.database.url();
  }

  /** A linked add-on was deleted: forgets its database and drops the real one. */
  synchronized void addOnDeleted(String name) {
    Db db = databases.remove(name);
    if (db == null) return;
    ids.values().remove(name);
    if (db.following != null && databases.get(db.following) != null) {
      databases.get(db.following).followers.remove(name);
    }
    if (db.ownsDatabase && db.database != null) db.database.close();
  }

  private static void copy(Db from, Db to) {
    try (Connection source = from.real().jdbcConnection();
        Connection target = to.real().jdbcConnection()) {
      SqlDump.restore(target, SqlDump.dump(source));
    } catch (SQLException e) {
      throw new IllegalStateException("could not copy " + from.name + " into " + to.name + ": "
          + e.getMessage(), e);
    }
  }

  /** New sessions of a follower's database are read-only, as on a hot standby. */
  private static void readOnly(Db db, boolean on) {
    try (Connection c = db.real().jdbcConnection(); Statement st = c.createStatement()) {
      st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
      st.execute("ALTER DATABASE \"" + db.real().name().replace("\"", "\"\"")
          + "\" SET default_transaction_read_only = " + (on ? "on" : "off"));
    } catch (SQLException e) {
      throw new IllegalStateException("could not make " + db.name + (on ? " read-only: "
          : " writable: ") + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "FakeDataApi{" + baseUrl() + "}";
  }

  private Db db(String name) {
    Db db = find(name);
    if (db == null) throw new IllegalArgumentException("no database " + name + " in the fake");
    return db;
  }

  /** The database with this name or add-on id, or null. */
  private @Nullable Db find(String nameOrId) {
    Db db = databases.get(nameOrId);
    if (db != null) return db;
    String name = ids.get(nameOrId);
    return name == null ? null : databases.get(name);
  }

  private MockResponse answer(RecordedRequest request) {
    try {
      return answerLinked(request);
    } catch (RuntimeException e) {
      // The fake's own failure (a real database refused): say so rather than hang the client.
      return new MockResponse.Builder().code(500).addHeader("Content-Type",
          "application/json; charset=utf-8").body(FakeHttpServer.toJson(Map.of("id",
          "internal_error", "message", "The fake Data API failed: " + e.getMessage()))).build();
    }
  }

  private MockResponse answerLinked(RecordedRequest request) {
    if (api == null) {
      synchronized (this) {
        return answerLocked(request);
      }
    }
    // The linked Platform API fake's lock first, always: it calls into this one holding it.
    synchronized (api) {
      synchronized (this) {
        return answerLocked(request);
      }
    }
  }

  private MockResponse answerLocked(RecordedRequest request) {
    settleRestores();
    List<String> path = request.getUrl().pathSegments();
    String range = request.getHeaders().get("Range");
    String query = request.getUrl().encodedQuery();
    requests.add(request.getMethod() + " " + request.getUrl().encodedPath()
        + (query == null ? "" : "?" + query) + (range == null ? "" : " Range: " + range));
    if (!path.isEmpty() && path.get(0).equals(RAW_PREFIX)) return raw(request, path, range);
    FakeReply reply;
    int[] scripted = errors.poll();
    boolean authorized = ("Bearer " + token).equals(request.getHeaders().get("Authorization"));
    RouteFailure failure = scripted == null && authorized
        ? routeFailure(request.getMethod(), path) : null;
    if (!authorized) {
      reply = FakeReply.error(401, "unauthorized", "Invalid credentials provided.");
    } else if (failure != null) {
      reply = FakeReply.error(failure.status, failure.status == 429 ? "rate_limit"
          : failure.status == 422 ? "invalid_params" : "internal_error", failure.message);
    } else if (scripted != null) {
      reply = FakeReply.error(scripted[0], scripted[0] == 429 ? "rate_limit" : "internal_error",
          "scripted failure " + scripted[0]);
    } else {
      try {
        reply = route(request.getMethod(), path, query, FakeHerokuApi.parseObject(
            FakeHttpServer.bodyText(request)));
      } catch (FakeInvalidParams e) {
        reply = FakeReply.error(422, "invalid_params", e.getMessage());
      }
    }
    MockResponse.Builder response = new MockResponse.Builder().code(reply.status)
        .addHeader("Request-Id", UUID.randomUUID().toString());
    reply.headers.forEach(response::addHeader);
    if (reply.json != null) {
      response.addHeader("Content-Type", "application/json; charset=utf-8")
          .body(FakeHttpServer.toJson(reply.json));
    }
    return response.build();
  }

  private @Nullable RouteFailure routeFailure(String method, List<String> path) {
    for (int i = 0; i < routeFailures.size(); i++) {
      RouteFailure f = routeFailures.get(i);
      if (f.method.equals(method) && FakeHerokuApi.pathMatches(f.pathGlob, path)) {
        return routeFailures.remove(i);
      }
    }
    return null;
  }

  /** Applies every finished, successful restore of a real dump once. */
  private void settleRestores() {
    for (List<Transfer> all : transfers.values()) {
      for (Transfer t : all) {
        if (t.restoreFrom == null || t.applied || t.failure != null || t.canceledAt != null
            || t.finishedAt() == null) {
          continue;
        }
        t.applied = true;
        try (Connection c = t.db.real().jdbcConnection()) {
          SqlDump.restore(c, t.restoreFrom);
        } catch (SQLException e) {
          t.failure = "pg_restore: error: " + e.getMessage();
        }
      }
    }
  }

  private FakeReply route(String method, List<String> p, @Nullable String query,
      Map<String, Object> body) {
    String route = method + " /" + String.join("/", p);
    if (p.size() >= 4 && p.get(0).equals("client") && p.get(2).equals("databases")
        || p.size() >= 4 && p.get(1).equals("v0") && p.get(2).equals("databases")) {
      Db db = find(p.get(3));
      if (db == null || db.notFoundPolls > 0) {
        if (db != null) db.notFoundPolls--;
        return FakeReply.notFound("database");
      }
      String rest = String.join("/", p.subList(4, p.size()));
      String family = p.get(0);
      switch (method + " " + family + " " + (p.size() > 5 && rest.startsWith("transfer-schedules/")
          ? "transfer-schedules/*" : p.size() == 7 && rest.startsWith("credentials/")
          ? "credentials/*/credentials_rotation" : rest)) {
        case "GET client " -> {
          return FakeReply.ok(200, pgInfo(db));
        }
        case "GET client wait_status" -> {
          return FakeReply.ok(200, waitStatus(db));
        }
        case "POST client backups" -> {
          byte[] dump = db.database == null ? null : dump(db);
          Transfer t = newTransfer(db, "pg_dump", "gof3r", failNextCapture,
              dump == null ? backupSize : dump.length);
          t.dump = dump;
          failNextCapture = null;
          return FakeReply.ok(201, t.json(false));
        }
        case "POST client restores" -> {
          Object url = body.get("backup_url");
          if (!(url instanceof String) || ((String) url).isBlank()) {
            throw new FakeInvalidParams("backup_url is required");
          }
          byte[] source = null;
          String failure = failNextRestore;
          if (db.database != null && failure == null) {
            Transfer backup = ownBackup((String) url);
            if (backup == null || backup.dump == null) {
              failure = "pg_restore: error: the fake Data API restores only its own backup URLs"
                  + " of bound databases (a public-url or a backup's to_url); "
                  + (backup == null ? "this URL is not one" : "b" + backup.num + " of "
                  + backup.db.name + " has no SQL dump (its database is not bound)");
            } else {
              source = backup.dump;
            }
          }
          Transfer t = newTransfer(db, "gof3r", "pg_restore", failure,
              source == null ? backupSize : source.length);
          t.restoreFrom = source;
          failNextRestore = null;
          return FakeReply.ok(201, t.json(false));
        }
        case "GET client transfer-schedules" -> {
          return FakeReply.ok(200, new ArrayList<>(db.schedules.values()));
        }
        case "POST client transfer-schedules" -> {
          Map<String, Object> s = new LinkedHashMap<>();
          s.put("uuid", UUID.randomUUID().toString());
          s.put("name", String.valueOf(body.getOrDefault("schedule_name", "DATABASE_URL")));
          s.put("hour", body.get("hour"));
          s.put("timezone", String.valueOf(body.getOrDefault("timezone", "UTC")));
          db.schedules.put((String) s.get("uuid"), s);
          return FakeReply.ok(201, s);
        }
        case "DELETE client transfer-schedules/*" -> {
          Map<String, Object> s = db.schedules.remove(p.get(5));
          return s == null ? FakeReply.notFound("schedule") : FakeReply.ok(200, s);
        }
        case "PUT client unfollow" -> {
          if (db.following == null) {
            return FakeReply.error(422, "invalid_params", db.name + " is not a follower: only"
                + " a database that follows a leader can be unfollowed.");
          }
          Db leader = databases.get(db.following);
          if (leader != null) leader.followers.remove(db.name);
          if (db.database != null) {
            // A snapshot, not replication: catch up with everything the leader has now.
            if (leader != null && leader.database != null) copy(leader, db);
            readOnly(db, false);
          }
          db.following = null;
          db.catchUp = null;
          db.behind = 0;
          return FakeReply.ok(200, Map.of("message", "unfollowed"));
        }
        case "POST client connection_reset" -> {
          db.resets++;
          return FakeReply.ok(200, Map.of("message", "connections reset"));
        }
        case "POST client connection-pooling" -> {
          if (db.plan.startsWith("essential")) {
            return FakeReply.error(422, "invalid_params",
                "Connection pooling is not available on Essential plans.");
          }
          Object name = body.get("name");
          String poolName = name instanceof String n ? n : "DATABASE_CONNECTION_POOL";
          String appName = body.get("app") instanceof String a ? a : db.app;
          if (api != null) {
            FakeHerokuApi.AppState app = api.findApp(appName);
            FakeAddOns.AddOnState addOn = api.addOns().find(db.name);
            if (app == null) return FakeReply.notFound("app");
            if (addOn == null) return FakeReply.notFound("add-on");
            api.attachments().attach(app, addOn, poolName, POOLING_NAMESPACE, null, true);
          }
          return FakeReply.ok(201, Map.of("name", poolName, "app", appName));
        }
        case "GET postgres credentials" -> {
          return FakeReply.ok(200, db.credentials.values().stream().map(Db::credentialJson)
              .toList());
        }
        case "POST postgres credentials" -> {
          String name = String.valueOf(body.get("name"));
          if (db.credentials.containsKey(name)) {
            return FakeReply.error(422, "invalid_params", "Credential " + name
                + " already exists.");
          }
          db.credentials.put(name, name);
          return FakeReply.ok(200, Map.of("message", "created"));
        }
        case "POST postgres credentials/*/credentials_rotation" -> {
          if (!db.credentials.containsKey(p.get(5))) return FakeReply.notFound("credential");
          db.rotations++;
          return FakeReply.ok(200, Map.of("message", "rotating"));
        }
        case "POST postgres credentials_rotation", "POST redis credentials_rotation" -> {
          db.rotations++;
          return FakeReply.ok(200, Map.of("message", "rotating"));
        }
        case "GET redis " -> {
          return FakeReply.ok(200, redisInfo(db));
        }
        case "GET redis wait" -> {
          return FakeReply.ok(200, waitStatus(db));
        }
        case "PATCH redis config" -> {
          for (String key : List.of("maxmemory_policy", "timeout", "notify_keyspace_events")) {
            if (body.containsKey(key)) db.settings.put(key, body.get(key));
          }
          Map<String, Object> json = new LinkedHashMap<>();
          db.settings.forEach((k, v) -> json.put(k, Map.of("value", v)));
          return FakeReply.ok(200, json);
        }
        default -> {
          return FakeReply.error(404, "not_found", "not served by the fake: " + route);
        }
      }
    }
    if (p.size() >= 5 && p.get(0).equals("client") && p.get(2).equals("apps")
        && p.get(4).equals("transfers")) {
      List<Transfer> all = transfers.getOrDefault(p.get(3), List.of());
      if (p.size() == 5 && method.equals("GET")) {
        return FakeReply.ok(200, all.stream().filter(t -> !t.deleted).map(t -> t.json(false))
            .toList());
      }
      Transfer t = all.stream().filter(x -> !x.deleted && (p.get(5).equals(x.uuid)
          || p.get(5).equals(String.valueOf(x.num)))).findFirst().orElse(null);
      if (t == null) return FakeReply.notFound("transfer");
      String rest = String.join("/", p.subList(6, p.size()));
      switch (method + " " + rest) {
        case "GET " -> {
          return FakeReply.ok(200, t.json(query != null && query.contains("verbose=true")));
        }
        case "DELETE " -> {
          t.deleted = true;
          return FakeReply.ok(200, t.json(false));
        }
        case "POST actions/public-url" -> {
          if (!t.toType.equals("gof3r") || t.finishedAt() == null || t.failure != null) {
            return FakeReply.error(422, "invalid_params", "b" + t.num + " has no dump.");
          }
          return FakeReply.ok(200, Map.of("url", rawUrl(t), "expires_at",
              clock.instant().plusSeconds(600).toString()));
        }
        case "POST actions/cancel" -> {
          if (t.finishedAt() == null) t.canceledAt = clock.instant();
          return FakeReply.ok(200, t.json(false));
        }
        default -> {
          return FakeReply.error(404, "not_found", "not served by the fake: " + route);
        }
      }
    }
    return FakeReply.error(404, "not_found", "not served by the fake: " + route);
  }

  private String rawUrl(Transfer t) {
    return baseUrl() + RAW_PREFIX + "/backups/" + t.uuid + "?signature=" + UUID.randomUUID();
  }

  private static byte[] dump(Db db) {
    try (Connection c = db.real().jdbcConnection()) {
      return SqlDump.dump(c);
    } catch (SQLException e) {
      throw new IllegalStateException("could not dump " + db.name + ": " + e.getMessage(), e);
    }
  }

  /** The backup behind one of this fake's URLs (public-url or to_url), or null. */
  private @Nullable Transfer ownBackup(String url) {
    Matcher m = OWN_BACKUP_URL.matcher(url);
    if (!m.matches()) return null;
    if (m.group(2) != null && !url.startsWith(baseUrl())) return null;
    String uuid = m.group(1) != null ? m.group(1) : m.group(2);
    return transfers.values().stream().flatMap(List::stream)
        .filter(x -> x.uuid.equals(uuid) && !x.deleted && x.toType.equals("gof3r"))
        .findFirst().orElse(null);
  }

  private Transfer newTransfer(Db db, String from, String to, @Nullable String failure, long size) {
    List<Transfer> all = transfers.computeIfAbsent(db.app, a -> new ArrayList<>());
    Transfer t = new Transfer(all.size() + 1, db, from, to, clock.instant(), transferDuration,
        size, failure);
    all.add(t);
    return t;
  }

  private Map<String, Object> pgInfo(Db db) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("plan", db.plan);
    json.put("num_bytes", db.bytes);
    json.put("num_connections", db.connections);
    json.put("num_tables", db.tables);
    json.put("postgres_version", "16.4");
    json.put("following", db.following);
    json.put("leader", db.following);
    json.put("waiting?", waiting(db));
    List<Map<String, Object>> info = new ArrayList<>();
    info.add(line("Plan", db.plan));
    info.add(line("Status", waiting(db) ? "Preparing" : "Available"));
    info.add(line("Connections", db.connections + "/120"));
    info.add(line("PG Version", "16.4"));
    info.add(line("Tables", db.tables));
    if (db.following != null) {
      info.add(line("Following", db.following));
      info.add(line("Behind By", behind(db) + " commits"));
    }
    if (db.forkedFrom != null) info.add(line("Forked From", db.forkedFrom));
    if (!db.followers.isEmpty()) info.add(Map.of("name", "Followers", "values", db.followers));
    json.put("info", info);
    return json;
  }

  private Map<String, Object> redisInfo(Db db) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", db.name);
    json.put("plan", db.plan);
    json.put("info", List.of(line("Plan", db.plan), line("Status",
        waiting(db) ? "preparing" : "available"), line("Version", "7.2.4"),
        line("Maxmemory", db.settings.getOrDefault("maxmemory_policy", "noeviction")),
        line("Timeout", db.settings.getOrDefault("timeout", 300L))));
    return json;
  }

  private static Map<String, Object> line(String name, Object value) {
    return Map.of("name", name, "values", List.of(value));
  }

  /** The scripted lag, falling linearly to 0 over the catch-up time once available. */
  private long behind(Db db) {
    if (db.catchUp == null) return db.behind;
    Instant now = clock.instant();
    if (now.isBefore(db.availableAt)) return db.lag;
    long total = db.catchUp.toMillis();
    long elapsed = Duration.between(db.availableAt, now).toMillis();
    if (elapsed >= total) return 0;
    return db.lag - (long) ((double) db.lag * elapsed / total);
  }

  private boolean waiting(Db db) {
    return db.error == null && clock.instant().isBefore(db.availableAt);
  }

  private Map<String, Object> waitStatus(Db db) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("waiting?", waiting(db));
    json.put("error?", db.error != null);
    json.put("message", db.error != null ? db.error : waiting(db) ? db.waitMessage
        : "available");
    return json;
  }

  /** The dump of a finished backup, from the {@code Range} asked for; may drop once. */
  private MockResponse raw(RecordedRequest request, List<String> path,
      @Nullable String range) {
    if (request.getHeaders().get("Authorization") != null) {
      return new MockResponse.Builder().code(400)
          .body("This URL is signed; it must not be sent the API token.").build();
    }
    Transfer t = path.size() == 3 && path.get(1).equals("backups") ? transfers.values().stream()
        .flatMap(List::stream).filter(x -> x.uuid.equals(path.get(2))).findFirst().orElse(null)
        : null;
    if (t == null || t.deleted) return new MockResponse.Builder().code(404).body("no such dump")
        .build();
    if (failNextDownload != 0) {
      int status = failNextDownload;
      failNextDownload = 0;
      return new MockResponse.Builder().code(status).body("<Error>AccessDenied</Error>").build();
    }
    long from = 0;
    if (range != null) {
      Matcher m = BYTE_RANGE.matcher(range.trim());
      if (!m.matches()) return new MockResponse.Builder().code(416).build();
      from = Long.parseLong(m.group(1));
      if (from >= t.size) {
        return new MockResponse.Builder().code(416).addHeader("Content-Range", "bytes */"
            + t.size).build();
      }
    }
    long drop = dropNextDownloadAt > from ? dropNextDownloadAt
        : dropEvery > 0 && from + dropEvery < t.size ? from + dropEvery : -1;
    dropNextDownloadAt = -1;
    DumpBody body = new DumpBody(t.dump, from, t.size, drop, bytesServed);
    MockResponse.Builder response = new MockResponse.Builder().code(range == null ? 200 : 206)
        .addHeader("Content-Type", "application/octet-stream").body(body);
    if (range != null) {
      response.addHeader("Content-Range", "bytes " + from + "-" + (t.size - 1) + "/" + t.size);
    }
    if (drop >= 0) {
      response.removeHeader("Content-Length").addHeader("Transfer-Encoding", "chunked")
          .onResponseBody(new SocketEffect.CloseSocket());
    }
    return response.build();
  }

  /**
   * Generates the dump while the connection is open. A dropping body is one chunk up to the drop
   * offset and reports twice that chunk's framed size as its length: MockWebServer's {@code
   * onResponseBody} effect closes the socket at half the length.
   */
  private static final class DumpBody implements MockResponseBody {
    /** The real dump, or null for pseudo-random bytes. */
    private final byte @Nullable [] bytes;
    private final long from;
    private final long size;
    private final long drop;
    private final AtomicLong served;

    DumpBody(byte @Nullable [] bytes, long from, long size, long drop, AtomicLong served) {
      this.bytes = bytes;
      this.from = from;
      this.size = size;
      this.drop = drop;
      this.served = served;
    }

    private long framed() {
      long n = drop - from;
      return Long.toHexString(n).length() + 2 + n + 2;
    }

    @Override
    public long getContentLength() {
      return drop >= 0 ? 2 * framed() : size - from;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      long end = drop >= 0 ? drop : size;
      if (drop >= 0) sink.writeUtf8(Long.toHexString(end - from)).writeUtf8("\r\n");
      byte[] block = new byte[16 * 1024];
      for (long at = from; at < end; ) {
        int n = (int) Math.min(block.length, end - at);
        if (bytes != null) {
          sink.write(bytes, (int) at, n);
        } else {
          for (int i = 0; i < n; i++) block[i] = byteAt(at + i);
          sink.write(block, 0, n);
        }
        at += n;
        served.addAndGet(n);
      }
      if (drop >= 0) {
        sink.writeUtf8("\r\n").flush();
        throw new IOException("scripted drop of the backup download");
      }
    }
  }

  private static final class Db {
    final String app;
    final String name;
    final String plan;
    final boolean redis;
    final List<String> followers = new ArrayList<>();
    final Map<String, Map<String, Object>> schedules = new LinkedHashMap<>();
    final Map<String, String> credentials = new LinkedHashMap<>(Map.of("default", "default"));
    final Map<String, Object> settings = new LinkedHashMap<>();
    Instant availableAt = Instant.MIN;
    int notFoundPolls;
    @Nullable String error;
    @Nullable String following;
    long behind;
    /** The real database it is bound to, or null. */
    @Nullable TestDatabase database;
    /** Whether {@link #close()} drops {@link #database}. */
    boolean ownsDatabase;

    /** The real database, for callers that checked that there is one. */
    TestDatabase real() {
      return Objects.requireNonNull(database, () -> name + " is not bound to a real database");
    }
    String waitMessage = "provisioning";
    @Nullable String forkedFrom;
    /** A linked follower's lag when it became available. */
    long lag;
    /** Time a linked follower takes to catch up; null: {@link #behind} as scripted. */
    @Nullable Duration catchUp;
    long tables;
    long bytes;
    long connections;
    int rotations;
    int resets;

    Db(String app, String name, String plan, boolean redis) {
      this.app = app;
      this.name = name;
      this.plan = plan;
      this.redis = redis;
      if (redis) {
        settings.put("maxmemory_policy", "noeviction");
        settings.put("timeout", 300L);
        settings.put("notify_keyspace_events", "");
      }
    }

    static Map<String, Object> credentialJson(String name) {
      String user = name.equals("default") ? "u" + Integer.toHexString(name.hashCode()) : name;
      return Map.of("name", name, "state", "active", "database", "d1",
          "credentials", List.of(Map.of("user", user, "state", "active", "connections", 0)));
    }
  }

  private final class Transfer {
    final String uuid = UUID.randomUUID().toString();
    final int num;
    final Db db;
    final String fromType;
    final String toType;
    final Instant createdAt;
    final Duration duration;
    final long size;
    @Nullable String failure;
    /** A capture's SQL dump (bound database), or null. */
    byte @Nullable [] dump;
    /** The SQL dump a restore loads when it finishes (bound target), or null. */
    byte @Nullable [] restoreFrom;
    boolean applied;
    @Nullable Instant canceledAt;
    boolean deleted;

    Transfer(int num, Db db, String fromType, String toType, Instant createdAt, Duration duration,
        long size, @Nullable String failure) {
      this.num = num;
      this.db = db;
      this.fromType = fromType;
      this.toType = toType;
      this.createdAt = createdAt;
      this.duration = duration;
      this.size = size;
      this.failure = failure;
    }

    @Nullable Instant finishedAt() {
      if (canceledAt != null) return canceledAt;
      Instant end = createdAt.plus(duration);
      return clock.instant().isBefore(end) ? null : end;
    }

    Map<String, Object> json(boolean verbose) {
      Instant finished = finishedAt();
      long elapsed = Duration.between(createdAt, finished != null ? finished : clock.instant())
          .toMillis();
      long processed = duration.isZero() ? size
          : Math.min(size, size * elapsed / Math.max(1, duration.toMillis()));
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("uuid", uuid);
      json.put("num", num);
      json.put("from_type", fromType);
      json.put("from_name", fromType.equals("pg_dump") ? db.name : "BACKUP");
      json.put("to_type", toType);
      json.put("to_name", toType.equals("pg_restore") ? db.name : "BACKUP");
      json.put("created_at", createdAt.toString());
      json.put("started_at", createdAt.toString());
      json.put("finished_at", finished == null ? null : finished.toString());
      json.put("canceled_at", canceledAt == null ? null : canceledAt.toString());
      json.put("succeeded", finished != null && failure == null && canceledAt == null);
      json.put("processed_bytes", processed);
      json.put("source_bytes", size);
      json.put("schedule", null);
      json.put("to_url", toType.equals("gof3r")
          ? "https://xfrtu.s3.amazonaws.com/" + uuid + "/backup" : null);
      if (verbose) {
        List<Map<String, Object>> logs = new ArrayList<>();
        logs.add(Map.of("created_at", createdAt.toString(), "message", "starting " + fromType
            + " -> " + toType));
        if (finished != null) {
          logs.add(Map.of("created_at", finished.toString(), "message", failure != null ? failure
              : canceledAt != null ? "canceled" : "finished successfully"));
        }
        json.put("logs", logs);
      }
      return json;
    }
  }
}
