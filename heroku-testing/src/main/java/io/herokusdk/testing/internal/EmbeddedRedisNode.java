package io.herokusdk.testing.internal;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * One redis-server process from codemonstur's embedded-redis (Redis 6.2 on Linux x86-64), with a
 * plain port and a TLS port, {@code requirepass} and no persistence. It can be stopped and started
 * again on the same ports, which is what reconnect tests need.
 */
public final class EmbeddedRedisNode implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisNode.class);
  private static final Logger serverLog = LoggerFactory.getLogger("io.herokusdk.testing.redis-server");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Path directory;
  private final int port;
  private final int tlsPort;
  private final String password;
  private volatile SelfSignedCertificate certificate;
  private final RedisServer process;
  private volatile @Nullable String version = "unknown";

  private EmbeddedRedisNode(
      Path directory, int port, int tlsPort, String password, SelfSignedCertificate certificate)
      throws IOException {
    this.directory = directory;
    this.port = port;
    this.tlsPort = tlsPort;
    this.password = password;
    this.certificate = certificate;
    Path config = directory.resolve("redis.conf");
    writeConfig(config);
    this.process =
        new RedisServer(
            port,
            List.of(extractExecutable(directory).getAbsolutePath(), config.toString()),
            false,
            line -> serverLog.debug("{}", line),
            line -> serverLog.warn("{}", line));
  }

  /**
   * Starts a server on {@code port} and {@code tlsPort} (0 picks free ones) with files in {@code
   * directory}.
   */
  public static EmbeddedRedisNode start(
      Path directory, int port, int tlsPort, String password, SelfSignedCertificate certificate)
      throws IOException {
    Files.createDirectories(directory);
    int plain = FreePorts.orNext(port);
    int tls = tlsPort > 0 ? tlsPort : nextOtherThan(plain);
    EmbeddedRedisNode node = new EmbeddedRedisNode(directory, plain, tls, password, certificate);
    node.start();
    return node;
  }

  private static int nextOtherThan(int taken) {
    int port;
    do {
      port = FreePorts.next();
    } while (port == taken);
    return port;
  }

  /** Starts the process again (same ports, same password); does nothing if it runs. */
  public synchronized void start() throws IOException {
    if (process.isActive()) return;
    long started = System.nanoTime();
    try {
      process.start();
    } catch (IOException e) {
      throw new IOException(
          "redis-server did not start on 127.0.0.1:"
              + port
              + "/"
              + tlsPort
              + ". The bundled Linux binary needs OpenSSL 3 (libssl.so.3) on the machine;"
              + " or set TEST_REDIS_URL to use a Redis you run yourself.",
          e);
    }
    try (RespClient client = RespClient.connect("127.0.0.1", port, TIMEOUT)) {
      client.auth(password);
      version = client.version();
    }
    log.info(
        "Embedded Redis {} started on 127.0.0.1:{} (TLS on {}) in {} ms",
        version,
        port,
        tlsPort,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /** Stops the process (SIGTERM, then waits); clients see their connections closed. */
  public synchronized void stop() throws IOException {
    if (!process.isActive()) return;
    process.stop();
    log.info("Embedded Redis on 127.0.0.1:{} (TLS on {}) stopped", port, tlsPort);
  }

  /** Stops and starts again on the same ports. */
  public synchronized void restart() throws IOException {
    stop();
    start();
  }

  /**
   * Replaces the TLS certificate; it takes effect on the next {@link #start()}. As on Heroku, the
   * server's certificate changes while its URL stays the same.
   */
  public synchronized void replaceCertificate(SelfSignedCertificate newCertificate)
      throws IOException {
    this.certificate = newCertificate;
    writeConfig(directory.resolve("redis.conf"));
  }

  /** True while the process runs. */
  public boolean isRunning() {
    return process.isActive();
  }

  /** The directory holding this server's files. */
  public Path directory() {
    return directory;
  }

  /** The plain port. */
  public int port() {
    return port;
  }

  /** The TLS port. */
  public int tlsPort() {
    return tlsPort;
  }

  /** The requirepass password. */
  public String password() {
    return password;
  }

  /** The server's current certificate. */
  public SelfSignedCertificate certificate() {
    return certificate;
  }

  /** redis_version from INFO, e.g. "6.2.11". */
  public @Nullable String version() {
    return version;
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  private void writeConfig(Path config) throws IOException {
    SelfSignedCertificate cert = certificate;
    String text =
        String.join(
            "\n",
            "bind 127.0.0.1",
            "port " + port,
            "tls-port " + tlsPort,
            "tls-cert-file " + quote(cert.certificateFile().toString()),
            "tls-key-file " + quote(cert.privateKeyFile().toString()),
            "tls-ca-cert-file " + quote(cert.certificateFile().toString()),
            "tls-auth-clients no",
            "requirepass " + quote(password),
            "databases 16",
            "save \"\"",
            "appendonly no",
            "dir " + quote(directory.toString()),
            "daemonize no",
            "loglevel notice",
            "logfile \"\"",
            "timeout 0",
            "");
    Files.deleteIfExists(config);
    Files.createFile(config);
    try {
      Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not POSIX
    }
    Files.writeString(config, text, StandardCharsets.UTF_8);
  }

  private static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** Copies the bundled redis-server binary into this node's directory. */
  private static File extractExecutable(Path directory) throws IOException {
    return ExecutableProvider.newJarResourceProvider(directory.toFile()).get();
  }
}
