package io.herokusdk.testing.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How to reach one Redis server (plain and/or TLS) and which database indexes of it are lent
 * out. Indexes 1 to 15 are lent in turn (least recently returned first); 0 is never lent.
 */
public final class RedisEndpoint {
  private static final Logger log = LoggerFactory.getLogger(RedisEndpoint.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int FIRST_INDEX = 1;
  private static final int LAST_INDEX = 15;

  private final String host;
  private final int port;
  private final int tlsPort;
  private final @Nullable String user;
  private final @Nullable String password;
  private final @Nullable Supplier<String> caCertificatePem;
  private final boolean embedded;
  private final Deque<Integer> free = new ArrayDeque<>();
  private int sharedCursor = FIRST_INDEX;

  /**
   * @param port the plain port, or -1 if there is none
   * @param tlsPort the TLS port, or -1 if there is none
   * @param user the ACL user, or null for the default user
   * @param password the password, or null for none
   * @param caCertificatePem supplies the server's CA PEM, or null if unknown
   */
  public RedisEndpoint(
      String host,
      int port,
      int tlsPort,
      @Nullable String user,
      @Nullable String password,
      @Nullable Supplier<String> caCertificatePem,
      boolean embedded) {
    if (port < 0 && tlsPort < 0) throw new IllegalArgumentException("no port");
    this.host = host;
    this.port = port;
    this.tlsPort = tlsPort;
    this.user = user;
    this.password = password;
    this.caCertificatePem = caCertificatePem;
    this.embedded = embedded;
    for (int i = FIRST_INDEX; i <= LAST_INDEX; i++) free.add(i);
  }

  /** A database index lent out, and whether this borrower has it alone. */
  public record Lease(int dbIndex, String keyPrefix, boolean exclusive) {}

  /**
   * Lends a database index, FLUSHDB'd when it is lent alone, and a unique key prefix made from
   * {@code label}. When all 15 are out, an index is shared (not flushed) and only the key prefix
   * keeps borrowers apart.
   */
  public Lease lease(String label) throws IOException {
    Integer index;
    boolean exclusive;
    synchronized (free) {
      index = free.pollFirst();
      exclusive = index != null;
      if (!exclusive) {
        index = sharedCursor;
        sharedCursor = sharedCursor == LAST_INDEX ? FIRST_INDEX : sharedCursor + 1;
      }
    }
    String prefix = keyPrefix(label);
    if (exclusive) {
      try (RespClient client = connect()) {
        client.select(index);
        client.string("FLUSHDB");
      } catch (IOException | RuntimeException e) {
        release(new Lease(index, prefix, true));
        throw e;
      }
    } else {
      log.warn(
          "All Redis database indexes {}-{} are lent out; sharing index {} (keys stay apart by"
              + " prefix {})",
          FIRST_INDEX,
          LAST_INDEX,
          index,
          prefix);
    }
    return new Lease(index, prefix, exclusive);
  }

  /** Returns a lent index. */
  public void release(Lease lease) {
    if (!lease.exclusive()) return;
    synchronized (free) {
      if (!free.contains(lease.dbIndex())) free.addLast(lease.dbIndex());
    }
  }

  /** A connected, authenticated client: plain if there is a plain port, else TLS. */
  public RespClient connect() throws IOException {
    return port >= 0 ? connectPlain() : connectTls(RespClient.trustAllContext());
  }

  /** A connected, authenticated client over the plain port. */
  public RespClient connectPlain() throws IOException {
    if (port < 0) throw new IllegalStateException("this Redis has no plain port");
    return authenticate(RespClient.connect(host, port, TIMEOUT));
  }

  /** A connected, authenticated client over TLS, checking the server with {@code context}. */
  public RespClient connectTls(SSLContext context) throws IOException {
    if (tlsPort < 0) throw new IllegalStateException("this Redis has no TLS port");
    return authenticate(RespClient.connectTls(host, tlsPort, context, TIMEOUT));
  }

  private RespClient authenticate(RespClient client) throws IOException {
    try {
      if (password != null) {
        if (user != null) client.string("AUTH", user, password);
        else client.auth(password);
      }
      return client;
    } catch (IOException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private static String keyPrefix(String label) {
    String clean = label.replaceAll("[^A-Za-z0-9_.-]", "").toLowerCase(Locale.ROOT);
    if (clean.length() > 40) clean = clean.substring(0, 40);
    return "test:" + (clean.isEmpty() ? "" : clean + ":") + RandomNames.alphanumeric("", 8) + ":";
  }

  /** The host. */
  public String host() {
    return host;
  }

  /** The plain port, or -1. */
  public int port() {
    return port;
  }

  /** The TLS port, or -1. */
  public int tlsPort() {
    return tlsPort;
  }

  /** The ACL user, or null for the default user. */
  public @Nullable String user() {
    return user;
  }

  /** The password, or null. */
  public @Nullable String password() {
    return password;
  }

  /** The CA PEM, or null if unknown. */
  public @Nullable String caCertificatePem() {
    return caCertificatePem == null ? null : caCertificatePem.get();
  }

  /** True for a server this kit runs. */
  public boolean embedded() {
    return embedded;
  }
}
