package io.herokusdk.api.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link Changeover} records what it has done (the follower it created, the formation
 * it scaled down, the steps finished), written after every step so that a run after a crash
 * resumes where the last one stopped instead of starting over. The record is a small JSON text
 * without secrets.
 */
public interface ChangeoverJournal {
  /**
   * The last record saved, or empty before the first step.
   *
   * @return the record as {@link #save} was given it, or empty if none was saved
   */
  Optional<String> load();

  /**
   * Replaces the record; must be durable when it returns.
   *
   * @param record the changeover's JSON record, to be returned by {@link #load} from now on
   */
  void save(String record);

  /**
   * A journal in {@code file}, replaced atomically at each save (a crash leaves the old record
   * or the new one, never half of one) and synced to disk before {@code save} returns. Keep it beside the job that runs the changeover.
   *
   * @param file the journal's file, created at the first save; saves write {@code <file>.tmp}
   *     beside it first
   * @return a journal in {@code file}; {@link #load} is empty while the file does not exist
   */
  static ChangeoverJournal file(Path file) {
    Objects.requireNonNull(file, "file == null");
    return new ChangeoverJournal() {
      @Override
      public Optional<String> load() {
        try {
          return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
          return Optional.empty();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the changeover journal " + file, e);
        }
      }

      @Override
      public void save(String record) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
          try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
              StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(record.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) channel.write(bytes);
            channel.force(true);  // on disk before it replaces the record: survives power loss
          }
          try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
          }
          syncDirectory(file.toAbsolutePath().getParent());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write the changeover journal " + file, e);
        }
      }

      @Override
      public String toString() {
        return "ChangeoverJournal[" + file + "]";
      }
    };
  }

  /** Makes the rename durable where the platform can sync a directory (not on Windows). */
  private static void syncDirectory(@Nullable Path directory) {
    if (directory == null) return;
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException notSupported) {
      // the rename is atomic all the same; only its durability across a power loss is weaker
    }
  }

  /**
   * A journal in memory: resumes within this process only (after a failure, not a crash).
   *
   * @return a new, empty journal; reuse it for the next run to resume
   */
  static ChangeoverJournal inMemory() {
    AtomicReference<String> record = new AtomicReference<>();
    return new ChangeoverJournal() {
      @Override
      public Optional<String> load() {
        return Optional.ofNullable(record.get());
      }

      @Override
      public void save(String text) {
        record.set(Objects.requireNonNull(text, "record == null"));
      }

      @Override
      public String toString() {
        return "ChangeoverJournal[in memory]";
      }
    };
  }
}
