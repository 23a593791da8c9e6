package io.herokusdk.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A PostgreSQL primary and a real streaming replica of it (zonky's embedded binaries have no
 * pg_basebackup, so the replica starts from a copy of the cleanly stopped primary's data
 * directory, with {@code standby.signal} and {@code primary_conninfo}). Both trust local TCP
 * connections as {@code postgres}; for lag tests, not for secrets.
 */
final class StreamingReplica implements Closeable {
  private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "epg-lock");

  private final Path directory;
  private EmbeddedPostgres primary;
  private EmbeddedPostgres replica;

  private StreamingReplica(Path directory) {
    this.directory = directory;
  }

  /** Starts the primary, clones it into a replica and starts both. */
  static StreamingReplica start() throws IOException {
    StreamingReplica pair = new StreamingReplica(Files.createTempDirectory("replica-test"));
    try {
      Path primaryData = pair.directory.resolve("primary");
      Path replicaData = pair.directory.resolve("replica");
      pair.primary = server(primaryData, 0);
      int primaryPort = pair.primary.getPort();
      pair.primary.close();
      copy(primaryData, replicaData);
      Files.writeString(replicaData.resolve("standby.signal"), "", StandardCharsets.UTF_8);
      Files.writeString(replicaData.resolve("postgresql.auto.conf"),
          "\nprimary_conninfo = 'host=127.0.0.1 port=" + primaryPort + " user=postgres'\n",
          StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      pair.primary = server(primaryData, primaryPort);
      pair.replica = server(replicaData, 0);
      return pair;
    } catch (IOException | RuntimeException e) {
      pair.close();
      throw e;
    }
  }

  private static EmbeddedPostgres server(Path data, int port) throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("wal_level", "replica")
        .setServerConfig("max_wal_senders", "4")
        .setServerConfig("hot_standby", "on");
    if (port > 0) builder.setPort(port);
    return builder.start();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        if (NOT_COPIED.contains(source.getFileName().toString())) continue;
        Path target = to.resolve(from.relativize(source).toString());
        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  /** A Heroku-style URL of the primary. */
  String primaryUrl() {
    return "postgres://postgres@127.0.0.1:" + primary.getPort() + "/postgres";
  }

  /** A Heroku-style URL of the replica. */
  String replicaUrl() {
    return "postgres://postgres@127.0.0.1:" + replica.getPort() + "/postgres";
  }

  /** Stops both servers and deletes their files. */
  @Override
  public void close() {
    for (EmbeddedPostgres server : new EmbeddedPostgres[] {replica, primary}) {
      if (server == null) continue;
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
