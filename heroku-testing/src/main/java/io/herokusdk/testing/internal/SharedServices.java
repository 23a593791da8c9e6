package io.herokusdk.testing.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers shared by every test in this JVM, started on first use and stopped by a JVM
 * shutdown hook. This is the kit's one piece of global state.
 */
public final class SharedServices {
  private static final Logger log = LoggerFactory.getLogger(SharedServices.class);
  private static final Object INSTANCE_LOCK = new Object();
  private static @Nullable SharedServices instance;

  private final Path directory;
  private final Object certificateLock = new Object();
  private final Object postgresLock = new Object();
  private final Object redisLock = new Object();
  private final Map<Object, Object> cache = new HashMap<>();
  private final Set<Closeable> owned = Collections.synchronizedSet(new LinkedHashSet<>());
  private @Nullable SelfSignedCertificate certificate;
  private @Nullable EmbeddedPostgresNode postgres;
  private @Nullable EmbeddedRedisNode redis;
  private @Nullable RuntimeException postgresFailure;
  private @Nullable RuntimeException redisFailure;
  private volatile boolean shuttingDown;

  private SharedServices(Path directory) {
    this.directory = directory;
  }

  /** The holder, created (with its shutdown hook) on first call. Starts nothing by itself. */
  public static SharedServices get() {
    synchronized (INSTANCE_LOCK) {
      if (instance == null) {
        Path directory;
        try {
          directory = Files.createTempDirectory("heroku-testing-");
        } catch (IOException e) {
          throw new IllegalStateException("cannot create a temporary directory", e);
        }
        SharedServices services = new SharedServices(directory);
        Thread hook = new Thread(services::shutdown, "heroku-testing-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        instance = services;
      }
      return instance;
    }
  }

  /** The self-signed certificate the shared servers use, generated on first call. */
  public SelfSignedCertificate certificate() {
    synchronized (certificateLock) {
      if (certificate == null) {
        try {
          certificate = SelfSignedCertificate.generate(directory.resolve("tls"));
        } catch (IOException e) {
          throw new IllegalStateException("cannot generate a TLS certificate: " + e.getMessage(), e);
        }
      }
      return certificate;
    }
  }

  /** The shared embedded PostgreSQL, started on first call. A failed start is not retried. */
  public EmbeddedPostgresNode postgres() {
    synchronized (postgresLock) {
      if (postgresFailure != null) {
        throw new IllegalStateException(
            "embedded PostgreSQL failed to start earlier in this JVM", postgresFailure);
      }
      if (postgres == null) {
        checkNotShuttingDown();
        try {
          postgres = EmbeddedPostgresNode.start(directory.resolve("postgres"), 0, certificate());
        } catch (IOException | RuntimeException e) {
          postgresFailure = new IllegalStateException(e.getMessage(), e);
          throw postgresFailure;
        }
      }
      return postgres;
    }
  }

  /** The shared embedded Redis (plain and TLS), started on first call. */
  public EmbeddedRedisNode redis() {
    synchronized (redisLock) {
      if (redisFailure != null) {
        throw new IllegalStateException(
            "embedded Redis failed to start earlier in this JVM", redisFailure);
      }
      if (redis == null) {
        checkNotShuttingDown();
        try {
          redis =
              EmbeddedRedisNode.start(
                  directory.resolve("redis"), 0, 0, RandomNames.password(), certificate());
        } catch (IOException | RuntimeException e) {
          redisFailure = new IllegalStateException(e.getMessage(), e);
          throw redisFailure;
        }
      }
      return redis;
    }
  }

  /** Returns the value cached under {@code key}, computing it on first call. */
  public <K, V> V cached(K key, Class<V> type, Function<K, V> compute) {
    synchronized (cache) {
      Object value = cache.get(key);
      if (value == null) {
        value = compute.apply(key);
        cache.put(key, value);
      }
      return type.cast(value);
    }
  }

  /** A new, empty directory for a server of its own. */
  public Path newDirectory(String prefix) throws IOException {
    Files.createDirectories(directory);
    return Files.createTempDirectory(directory, prefix);
  }

  /** Stops {@code resource} at JVM exit if it is still open then. */
  public void own(Closeable resource) {
    owned.add(resource);
  }

  /** Forgets a resource closed by its user. */
  public void disown(Closeable resource) {
    owned.remove(resource);
  }

  private void checkNotShuttingDown() {
    if (shuttingDown) throw new IllegalStateException("the JVM is shutting down");
  }

  private void shutdown() {
    shuttingDown = true;
    List<Closeable> toClose;
    synchronized (owned) {
      toClose = new ArrayList<>(owned);
    }
    Collections.reverse(toClose);
    for (Closeable resource : toClose) {
      closeQuietly(resource);
    }
    synchronized (redisLock) {
      closeQuietly(redis);
    }
    synchronized (postgresLock) {
      closeQuietly(postgres);
    }
    TempFiles.deleteRecursively(directory);
  }

  private static void closeQuietly(@Nullable Closeable closeable) {
    if (closeable == null) return;
    try {
      closeable.close();
    } catch (IOException | RuntimeException e) {
      log.warn("Could not stop {}: {}", closeable.getClass().getSimpleName(), e.toString());
    }
  }
}
