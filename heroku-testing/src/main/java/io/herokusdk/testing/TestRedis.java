package io.herokusdk.testing;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.Secret;
import io.herokusdk.testing.internal.RedisEndpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opentest4j.TestAbortedException;

/**
 * A Redis database index lent to one test class, with a key prefix of its own, and the URLs to
 * reach it in Heroku's format: {@code redis://:PASSWORD@127.0.0.1:PORT/DB} and {@code
 * rediss://:PASSWORD@127.0.0.1:TLSPORT/DB}.
 *
 * <p>Get one from {@link RedisExtension} (a parameter of type {@code TestRedis}) or {@link
 * RedisServer#createTestRedis(String)}. The index was emptied (FLUSHDB) when it was lent;
 * {@link #close()} gives it back. {@link #toString()} never shows the password.
 */
public final class TestRedis implements AutoCloseable {
  private final RedisServer server;
  private final RedisEndpoint.Lease lease;
  private final AtomicBoolean released = new AtomicBoolean();

  TestRedis(RedisServer server, RedisEndpoint.Lease lease) {
    this.server = server;
    this.lease = lease;
  }

  /**
   * The plain URL, {@code redis://:PASSWORD@HOST:PORT/DB}. Contains the password.
   *
   * @return the URL with this loan's {@link #dbIndex()} as its path
   * @throws TestAbortedException if an external server has no plain endpoint
   */
  public String url() {
    return server.url(lease.dbIndex());
  }

  /**
   * The TLS URL, {@code rediss://:PASSWORD@HOST:TLSPORT/DB}. Contains the password.
   *
   * @return the URL with this loan's {@link #dbIndex()} as its path
   * @throws TestAbortedException if an external server has no TLS endpoint
   */
  public String tlsUrl() {
    return server.tlsUrl(lease.dbIndex());
  }

  /**
   * The database index, 1 to 15.
   *
   * @return the lent index; shared with another loan only when all 15 were out
   */
  public int dbIndex() {
    return lease.dbIndex();
  }

  /**
   * A prefix unique to this loan, like {@code test:mytest:k3j5h7g9:}; use it for every key.
   *
   * @return {@code test:}, the cleaned label, 8 random characters and a colon
   */
  public String keyPrefix() {
    return lease.keyPrefix();
  }

  /**
   * {@link #keyPrefix()} followed by {@code name}.
   *
   * @param name the key's own part, such as {@code "user:42"}; used as is
   * @return the prefixed key
   */
  public String key(String name) {
    return lease.keyPrefix() + name;
  }

  /**
   * The password; empty if the server has none.
   *
   * @return the server's {@link RedisServer#password() password}
   */
  public Secret password() {
    return server.password();
  }

  /**
   * The host, "127.0.0.1" when embedded.
   *
   * @return the server's {@link RedisServer#host() host}
   */
  public String host() {
    return server.host();
  }

  /**
   * The plain port.
   *
   * @return the server's {@link RedisServer#port() port}
   * @throws TestAbortedException if an external server has no plain endpoint
   */
  public int port() {
    return server.port();
  }

  /**
   * The TLS port.
   *
   * @return the server's {@link RedisServer#tlsPort() TLS port}
   * @throws TestAbortedException if an external server has no TLS endpoint
   */
  public int tlsPort() {
    return server.tlsPort();
  }

  /**
   * The CA certificate PEM of the TLS endpoint (see {@link RedisServer#caCertificatePem()}).
   *
   * @return the certificate in PEM
   * @throws TestAbortedException if unknown (an external server)
   */
  public String caCertificatePem() {
    return server.caCertificatePem();
  }

  /**
   * Config vars as on a Heroku app today: {@code REDIS_URL} and {@code REDIS_TLS_URL} both set to
   * {@link #tlsUrl()}. If the server has no TLS endpoint (an external one), {@code REDIS_URL} is
   * {@link #url()} and {@code REDIS_TLS_URL} is not set.
   *
   * @return new config vars holding this loan's URLs
   */
  public ConfigVars configVars() {
    Map<String, String> vars = new LinkedHashMap<>();
    if (server.hasTls()) {
      vars.put("REDIS_URL", tlsUrl());
      vars.put("REDIS_TLS_URL", tlsUrl());
    } else {
      vars.put("REDIS_URL", url());
    }
    return ConfigVars.of(vars);
  }

  /**
   * Config vars with only {@code REDIS_URL} set to the plain {@link #url()}.
   *
   * @return new config vars, for clients that cannot do TLS
   * @throws TestAbortedException if an external server has no plain endpoint
   */
  public ConfigVars plainConfigVars() {
    return ConfigVars.of(Map.of("REDIS_URL", url()));
  }

  /**
   * The server this index is on.
   *
   * @return the server that lent this index
   */
  public RedisServer server() {
    return server;
  }

  /** Gives the index back. Does nothing the second time. */
  @Override
  public void close() {
    if (released.compareAndSet(false, true)) {
      server.endpoint().release(lease);
    }
  }

  /** Shows the URLs with the password as {@code ****}. */
  @Override
  public String toString() {
    RedisEndpoint endpoint = server.endpoint();
    StringBuilder out = new StringBuilder("TestRedis[");
    if (endpoint.port() >= 0) {
      out.append(server.redactedUrl("redis", endpoint.port(), lease.dbIndex()));
    }
    if (endpoint.tlsPort() >= 0) {
      if (endpoint.port() >= 0) out.append(", ");
      out.append(server.redactedUrl("rediss", endpoint.tlsPort(), lease.dbIndex()));
    }
    return out.append(", prefix ").append(lease.keyPrefix()).append(']').toString();
  }
}
