package io.herokusdk.testing;

import io.herokusdk.core.Secret;
import io.herokusdk.testing.internal.EmbeddedRedisNode;
import io.herokusdk.testing.internal.RedisEndpoint;
import io.herokusdk.testing.internal.RespClient;
import io.herokusdk.testing.internal.SelfSignedCertificate;
import io.herokusdk.testing.internal.SharedServices;
import io.herokusdk.testing.internal.UrlText;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.opentest4j.TestAbortedException;

/**
 * A Redis server for tests: the shared embedded one, a dedicated embedded one, or the one named
 * by {@code TEST_REDIS_URL} / {@code TEST_REDIS_TLS_URL}. Embedded servers are Redis 6.2 with a
 * plain port and a TLS port (self-signed certificate, as on Heroku) and {@code requirepass}.
 *
 * <p>Only a {@link #isDedicated() dedicated} server (from {@link TestServices#dedicatedRedis()})
 * may be stopped, started, restarted and closed; the others live as long as the JVM.
 */
public final class RedisServer implements Closeable {
  private final RedisEndpoint endpoint;
  private final @Nullable EmbeddedRedisNode node;
  private final boolean dedicated;

  RedisServer(RedisEndpoint endpoint, @Nullable EmbeddedRedisNode node, boolean dedicated) {
    this.endpoint = endpoint;
    this.node = node;
    this.dedicated = dedicated;
  }

  /**
   * Lends a database index (1 to 15, in turn, FLUSHDB'd first) and a unique key prefix that
   * starts with {@code label}. Close the result to give the index back.
   *
   * @param label names the borrower in the key prefix, such as the test class's simple name;
   *     only {@code A-Z a-z 0-9 _ . -} are kept, lower-cased, at most 40 characters
   * @return the lent index and a prefix {@code test:LABEL:RANDOM:}; when all 15 indexes are out,
   *     an index shared with another borrower (not flushed, apart only by prefix)
   * @throws UncheckedIOException if the server cannot be reached
   */
  public TestRedis createTestRedis(String label) {
    try {
      return new TestRedis(this, endpoint.lease(label));
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare a Redis database: " + e.getMessage(), e);
    }
  }

  /**
   * True if this kit runs the server.
   *
   * @return whether the server is embedded (shared or dedicated); false for {@code
   *     TEST_REDIS_URL}
   */
  public boolean isEmbedded() {
    return node != null;
  }

  /**
   * True if this server belongs to the caller, who may stop, start and close it.
   *
   * @return whether it came from {@link TestServices#dedicatedRedis()}
   */
  public boolean isDedicated() {
    return dedicated;
  }

  /**
   * True if there is a plain (non-TLS) port.
   *
   * @return true for embedded servers; for an external one, whether a {@code redis://} URL was
   *     given
   */
  public boolean hasPlain() {
    return endpoint.port() >= 0;
  }

  /**
   * True if there is a TLS port.
   *
   * @return true for embedded servers; for an external one, whether a {@code rediss://} URL was
   *     given
   */
  public boolean hasTls() {
    return endpoint.tlsPort() >= 0;
  }

  /**
   * The host, "127.0.0.1" when embedded.
   *
   * @return the host name or IP address, as given in the URL when external
   */
  public String host() {
    return endpoint.host();
  }

  /**
   * The plain port.
   *
   * @return the port for {@code redis://}, 1 to 65535
   * @throws TestAbortedException if the external server has none (the test is skipped)
   */
  public int port() {
    requirePlain();
    return endpoint.port();
  }

  /**
   * The TLS port.
   *
   * @return the port for {@code rediss://}, 1 to 65535
   * @throws TestAbortedException if the external server has none (the test is skipped)
   */
  public int tlsPort() {
    requireTls();
    return endpoint.tlsPort();
  }

  /**
   * The password ({@code requirepass}); empty if the server has none.
   *
   * @return the password, random for embedded servers
   */
  public Secret password() {
    return Secret.of(endpoint.password() == null ? "" : endpoint.password());
  }

  /**
   * {@code redis://:PASSWORD@HOST:PORT/DB}, the plain endpoint. Contains the password.
   *
   * @param db the database index for the URL's path, such as {@link TestRedis#dbIndex()}; not
   *     checked
   * @return the URL; an external URL's ACL user goes before the colon, and {@code :PASSWORD} is
   *     left out if there is no password
   * @throws TestAbortedException if the external server has no plain port (the test is skipped)
   */
  public String url(int db) {
    requirePlain();
    return url("redis", endpoint.port(), db);
  }

  /**
   * {@code rediss://:PASSWORD@HOST:TLSPORT/DB}, the TLS endpoint. Contains the password.
   *
   * @param db the database index for the URL's path, such as {@link TestRedis#dbIndex()}; not
   *     checked
   * @return the URL; an external URL's ACL user goes before the colon, and {@code :PASSWORD} is
   *     left out if there is no password
   * @throws TestAbortedException if the external server has no TLS port (the test is skipped)
   */
  public String tlsUrl(int db) {
    requireTls();
    return url("rediss", endpoint.tlsPort(), db);
  }

  String url(String scheme, int port, int db) {
    return UrlText.url(
        scheme,
        endpoint.user() == null ? "" : endpoint.user(),
        endpoint.password(),
        endpoint.host(),
        port,
        Integer.toString(db),
        null);
  }

  String redactedUrl(String scheme, int port, int db) {
    String user = endpoint.user() == null ? "" : UrlText.encode(endpoint.user());
    String auth = endpoint.password() == null ? (user.isEmpty() ? "" : user + "@") : user + ":****@";
    return scheme + "://" + auth + UrlText.host(endpoint.host()) + ":" + port + "/" + db;
  }

  /**
   * The PEM of the CA that signed the TLS certificate (the self-signed certificate itself), to
   * test clients that verify the server. After {@link #restartWithNewCertificate()} this is the
   * new one.
   *
   * @return the certificate in PEM ({@code -----BEGIN CERTIFICATE-----})
   * @throws TestAbortedException if unknown (an external server)
   */
  public String caCertificatePem() {
    String pem = endpoint.caCertificatePem();
    if (pem == null) {
      throw new TestAbortedException("the CA certificate of an external Redis is not known");
    }
    return pem;
  }

  /**
   * The server's version, e.g. "6.2.11", asked with INFO.
   *
   * @return {@code redis_version} from {@code INFO server}, "unknown" if INFO does not say, or
   *     null if the server answered INFO with a null reply
   * @throws UncheckedIOException if the server cannot be reached
   */
  public @Nullable String version() {
    if (node != null && node.isRunning()) return node.version();
    try (RespClient client = endpoint.connect()) {
      return client.version();
    } catch (IOException e) {
      throw new UncheckedIOException("could not ask Redis its version", e);
    }
  }

  /**
   * True while the server runs (always true for a server this kit does not run).
   *
   * @return false only for an embedded server that is stopped
   */
  public boolean isRunning() {
    return node == null || node.isRunning();
  }

  /** Stops the server; clients see their connections closed. Dedicated servers only. */
  public void stop() {
    EmbeddedRedisNode own = requireDedicated("stop");
    try {
      own.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the stopped server again on the same ports and password. Dedicated servers only. */
  public void start() {
    EmbeddedRedisNode own = requireDedicated("start");
    try {
      own.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops and starts again on the same ports. Dedicated servers only. */
  public void restart() {
    EmbeddedRedisNode own = requireDedicated("restart");
    try {
      own.restart();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Restarts with a newly generated self-signed certificate, as Heroku rotates its Redis
   * certificates; the URLs stay the same. Dedicated servers only.
   */
  public void restartWithNewCertificate() {
    EmbeddedRedisNode own = requireDedicated("restartWithNewCertificate");
    try {
      SelfSignedCertificate next =
          SelfSignedCertificate.generate(own.directory().resolve("tls-" + System.nanoTime()));
      own.stop();
      own.replaceCertificate(next);
      own.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops a dedicated server for good. Does nothing for the shared or an external server. */
  @Override
  public void close() {
    if (!dedicated || node == null) return;
    try {
      node.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      SharedServices.get().disown(this);
    }
  }

  /** Returns the node of a dedicated server (which always has one). */
  private EmbeddedRedisNode requireDedicated(String what) {
    if (!dedicated || node == null) {
      throw new IllegalStateException(
          what + "() needs a server of your own: use TestServices.dedicatedRedis()");
    }
    return node;
  }

  private void requirePlain() {
    if (endpoint.port() < 0) {
      throw new TestAbortedException(
          "the external Redis has no plain endpoint: set TEST_REDIS_URL to a redis:// URL");
    }
  }

  private void requireTls() {
    if (endpoint.tlsPort() < 0) {
      throw new TestAbortedException(
          "the external Redis has no TLS endpoint: set TEST_REDIS_TLS_URL to a rediss:// URL");
    }
  }

  RedisEndpoint endpoint() {
    return endpoint;
  }

  /** Shows kind, host and ports; never the password. */
  @Override
  public String toString() {
    return "RedisServer["
        + (dedicated ? "dedicated " : isEmbedded() ? "shared " : "external ")
        + UrlText.host(endpoint.host())
        + (hasPlain() ? " port " + endpoint.port() : "")
        + (hasTls() ? " tls " + endpoint.tlsPort() : "")
        + "]";
  }
}
